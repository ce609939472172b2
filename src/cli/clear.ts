// `jindu clear IN [-o OUT.xlsx] [--force]`: the workbook as it was before `jindu report`.
import { isJinduError, JinduError } from "../core/errors";
import { clear, type ClearOutcome } from "./files";
import { parseArgs } from "./analyze";

export function renderClear(r: ClearOutcome): string {
  const nothing = r.removedSheets.length === 0 && r.removedRules === 0 && r.restored === undefined;
  return [
    nothing
      ? "没有找到进度助手的标记，已原样复制 / No Jindu marks found; the workbook was copied as it is"
      : `已清除：${r.removedSheets.length} 个工作表、${r.removedRules} 条条件格式${r.restored ? `，恢复了“${r.restored}”中添加的列` : ""} / ` +
        `Removed ${r.removedSheets.length} sheet(s) and ${r.removedRules} conditional format(s)${r.restored ? `; restored the columns added to "${r.restored}"` : ""}`,
    ...(r.lost ? [`注意：副本未保留 ${r.lost.zh.join("、")} / Note: the copy does not keep ${r.lost.en.join(", ")}`] : []),
    `已写入 Written: ${r.output}`,
  ].join("\n");
}

export async function runClear(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv, { value: ["-o", "--out"], flag: ["--force"] });
    if (args.json || args.expected !== undefined || args.sheet !== undefined || args.thresholds !== undefined) {
      throw new JinduError("bad_argument", "clear IN [-o OUT.xlsx] [--force]");
    }
    const out = args.rest["-o"] ?? args.rest["--out"];
    const result = await clear({ input: args.file, ...(typeof out === "string" ? { output: out } : {}), force: args.rest["--force"] === true });
    process.stdout.write(renderClear(result) + "\n");
    return 0;
  } catch (e) {
    if (!isJinduError(e)) throw e;
    process.stderr.write(`错误：${e.zh}\nError: ${e.en}\n`);
    return 2;
  }
}
