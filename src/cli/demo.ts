// `npm run demo`: reports on the bundled sample bulletin into out/.
import { collectGarbage } from "./memory";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { isJinduError } from "../core/errors";
import { localDate, report } from "./files";
import { renderReport } from "./report";

export const SAMPLE = path.join("assets", "sample", "bulletin-2020-h1.xlsx");

/** The repository root: the nearest folder above this file with the bundled sample. */
export function projectRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, SAMPLE))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export async function runDemo(root: string = projectRoot()): Promise<number> {
  const input = path.join(root, SAMPLE);
  const output = path.join(root, "out", "bulletin-2020-h1.jindu.xlsx");
  try {
    // out/ is the demo's own folder: a re-run replaces its earlier output.
    const result = await report({ input, output, force: true, date: localDate(), lang: "zh" }, { collect: collectGarbage });
    process.stdout.write(renderReport({ ...result, output: path.relative(process.cwd(), result.output) || result.output }) + "\n");
    return 0;
  } catch (e) {
    if (!isJinduError(e)) throw e;
    process.stderr.write(`错误：${e.zh}\nError: ${e.en}\n`);
    return 2;
  }
}
