// The report use case with the stand-in analyzer (the plan and adapters, not the reading).
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { defaultOutputPath, report } from "../../src/cli/files";
import { JinduError } from "../../src/core/errors";
import { buildSample } from "../../scripts/build-sample";
import { fakeAnalyze, SEED_TEXT } from "../support/fakeAnalyze";
import { fromBuffer, tempDir, visibleSheets } from "../support/workbooks";

const deps = { analyze: fakeAnalyze };
const date = "2020-07-15";

async function setup(): Promise<{ dir: string; input: string }> {
  const dir = await tempDir();
  const input = path.join(dir, "bulletin.xlsx");
  await buildSample(SEED_TEXT, input);
  return { dir, input };
}

test("default output path: <name>.jindu.xlsx next to the input", () => {
  expect(defaultOutputPath(path.join("a", "b", "通报.xlsx"))).toBe(path.join("a", "b", "通报.jindu.xlsx"));
  expect(defaultOutputPath("x.txt")).toBe("x.jindu.xlsx");
});

test("writes next to the input, and the input is byte-identical afterwards", async () => {
  const { dir, input } = await setup();
  const before = await fs.readFile(input);
  const result = await report({ input, date }, deps);
  expect(result.output).toBe(path.join(dir, "bulletin.jindu.xlsx"));
  expect((await fs.readFile(input)).equals(before)).toBe(true);
  expect((await fs.readdir(dir)).sort()).toEqual(["bulletin.jindu.xlsx", "bulletin.xlsx"]);
});

test("refuses to overwrite an existing output unless forced; with force, replaces it", async () => {
  const { dir, input } = await setup();
  const out = path.join(dir, "bulletin.jindu.xlsx");
  await fs.writeFile(out, "mine");
  await expect(report({ input, date }, deps)).rejects.toMatchObject({ code: "output_exists" });
  expect(await fs.readFile(out, "utf8")).toBe("mine");
  await report({ input, date, force: true }, deps);
  expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe("PK");
});

test("the output cannot be the input, and must be .xlsx", async () => {
  const { input } = await setup();
  await expect(report({ input, output: input, date, force: true }, deps)).rejects.toMatchObject({ code: "output_is_input" });
  await expect(report({ input, output: input.replace(/xlsx$/, "csv"), date }, deps)).rejects.toMatchObject({ code: "bad_argument" });
});

test("an analysis error writes nothing", async () => {
  const { dir, input } = await setup();
  const failing = () => {
    throw new JinduError("no_header", "Sheet1");
  };
  await expect(report({ input, date }, { analyze: failing })).rejects.toMatchObject({ code: "no_header" });
  expect(await fs.readdir(dir)).toEqual(["bulletin.xlsx"]);
});

test("a pasted text bulletin becomes an annotated workbook whose rows are the line numbers", async () => {
  const dir = await tempDir();
  const input = path.join(dir, "pasted.txt");
  await fs.copyFile(SEED_TEXT, input);
  const result = await report({ input, date }, deps);
  const wb = await fromBuffer(await fs.readFile(result.output));
  const ws = wb.worksheets[0]!;
  expect(ws.getCell(11, 1).value).toBe("序号");
  expect(ws.getCell(12, 2).value).toBe("市委组织部");
  expect(ws.getCell(11, 6).value).toBe("完成率");
  expect(visibleSheets(wb)).toEqual(["pasted", "进度汇总", "滞后项目清单"]);
});

test("expected progress, thresholds and language reach the analysis and the plan", async () => {
  const { dir, input } = await setup();
  const seen: unknown[] = [];
  const result = await report(
    { input, output: path.join(dir, "en.xlsx"), date, lang: "en", expectedProgress: 60, thresholds: { mode: "bands", yellow: 10, red: 30 } },
    { analyze: (g, o) => (seen.push(o), fakeAnalyze(g, o)) },
  );
  expect(seen).toEqual([{ expectedProgress: 60, thresholds: { mode: "bands", yellow: 10, red: 30 } }]);
  expect(result.summarySheet).toBe("Progress summary");
  expect(result.plan.summary.titleLines[1]).toContain("60%");
});
