// Build the sample, report on it, read the output back with ExcelJS: the fills, the summary
// numbers and every original value and merge are checked against the analysis; the input is
// byte-identical afterwards. Run with the real reading engine and with the stand-in.
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { report } from "../../src/cli/files";
import { analyzeGrid } from "../../src/core/analyze";
import type { AnalysisDocument, AnalyzeOptions, Grid, RowStatus } from "../../src/core/types";
import { worksheetGrid } from "../../src/xlsx/read";
import { buildSample } from "../../scripts/build-sample";
import { fakeAnalyze, SEED_TEXT } from "../support/fakeAnalyze";
import { fromBuffer, markedCells, tempDir } from "../support/workbooks";

type Analyze = (grid: Grid, options: AnalyzeOptions) => AnalysisDocument;

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.fill;
  return f && f.type === "pattern" && f.pattern === "solid" ? (f.fgColor?.argb ?? null) : null;
}

function merges(ws: ExcelJS.Worksheet): string[] {
  return worksheetGrid(ws).merges.map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort();
}

describe.each<[string, Analyze]>([
  ["reading engine", analyzeGrid],
  ["stand-in analyzer", fakeAnalyze],
])("report round trip (%s)", (_name, analyze) => {
  let input: string;
  let inputHash: string;
  let original: ExcelJS.Workbook;
  let out: ExcelJS.Workbook;
  let doc: AnalysisDocument;

  beforeAll(async () => {
    const dir = await tempDir();
    input = path.join(dir, "bulletin-2020-h1.xlsx");
    await buildSample(SEED_TEXT, input);
    const bytes = await fs.readFile(input);
    inputHash = sha(bytes);
    original = await fromBuffer(bytes);
    const result = await report({ input, date: "2020-07-15" }, { analyze });
    doc = result.doc;
    out = await fromBuffer(await fs.readFile(result.output));
  });

  test("the input is byte-identical afterwards", async () => {
    expect(sha(await fs.readFile(input))).toBe(inputHash);
  });

  test("the reading found the table's rows", () => {
    expect(doc.rows).toHaveLength(43);
    expect(doc.header.row).toBe(3);
    expect(doc.counts.lagging).toBeGreaterThan(0);
  });

  test("every original value and merge is unchanged", () => {
    const before = original.worksheets[0]!;
    const after = out.getWorksheet(before.name)!;
    let compared = 0;
    before.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect([r, c, after.getCell(r, c).value]).toEqual([r, c, cell.value]);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(200);
    expect(merges(after)).toEqual(merges(before));
    // The original columns' values, as the grid reads them, are the same too.
    const g0 = worksheetGrid(before);
    const g1 = worksheetGrid(after);
    expect(g1.values.map((line) => line.slice(0, 5))).toEqual(g0.values);
  });

  test("highlighted rows are exactly the reading's lagging, completed and unquantified rows; no fill is written", () => {
    const ws = out.getWorksheet(doc.sheet)!;
    const marked = markedCells(ws);
    const project = doc.header.columns.project!;
    const markedAs = (status: RowStatus) => doc.rows.filter((r) => marked.get(status)?.has(`${r.row},${project}`)).map((r) => r.row);
    const rowsOf = (status: RowStatus) => doc.rows.filter((r) => r.status === status).map((r) => r.row);
    expect(markedAs("lagging")).toEqual(rowsOf("lagging"));
    expect(markedAs("completed")).toEqual(rowsOf("completed"));
    expect(markedAs("unquantified")).toEqual(rowsOf("unquantified"));
    expect(markedAs("on_track")).toEqual([]);
    // No cell got a fill, and nothing outside the table's rows is highlighted.
    for (const r of doc.rows) expect(fillOf(ws.getCell(r.row, project))).toBeNull();
    for (const cells of marked.values()) for (const cell of cells) expect(Number(cell.split(",")[0])).toBeGreaterThan(doc.header.row);
  });

  test("完成率 and 状态 columns hold each row's completion and status", () => {
    const ws = out.getWorksheet(doc.sheet)!;
    const col = doc.header.lastColumn + 1;
    expect(ws.getCell(doc.header.row, col).value).toBe("完成率");
    expect(ws.getCell(doc.header.row, col + 1).value).toBe("状态");
    const zh: Record<RowStatus, string> = { completed: "已完成", on_track: "正常推进", lagging: "滞后", unquantified: "不便统计" };
    for (const r of doc.rows) {
      expect(ws.getCell(r.row, col).value ?? null).toBe(r.completion);
      expect(ws.getCell(r.row, col + 1).value).toBe(zh[r.status]);
    }
  });

  test("the summary's numbers equal the analysis", () => {
    const ws = out.getWorksheet("进度汇总")!;
    const header = 4;
    expect(ws.getCell(header, 1).value).toBe("实施单位");
    // Independently of the plan: group the analyzed rows by unit.
    const units = new Map<string, { n: number; counts: Record<RowStatus, number>; comps: number[]; lagging: string[] }>();
    for (const r of doc.rows) {
      const u = units.get(r.unit) ?? { n: 0, counts: { completed: 0, on_track: 0, lagging: 0, unquantified: 0 }, comps: [], lagging: [] };
      u.n++;
      u.counts[r.status]++;
      if (r.completion !== null) u.comps.push(r.completion);
      if (r.status === "lagging") u.lagging.push(r.project);
      units.set(r.unit, u);
    }
    let i = 0;
    for (const [unit, u] of units) {
      const row = ws.getRow(header + 1 + i++);
      expect(row.getCell(1).value).toBe(unit);
      expect([2, 3, 4, 5, 6].map((c) => row.getCell(c).value)).toEqual([u.n, u.counts.completed, u.counts.on_track, u.counts.lagging, u.counts.unquantified]);
      expect(row.getCell(7).value ?? null).toBe(u.comps.length ? Math.min(...u.comps) : null);
      const mean = row.getCell(8).value;
      // Rounded to 0.1 in the sheet.
      if (u.comps.length) expect(Math.abs(Number(mean) - u.comps.reduce((a, b) => a + b, 0) / u.comps.length)).toBeLessThanOrEqual(0.05 + 1e-9);
      else expect(mean ?? null).toBeNull();
      expect(row.getCell(9).value ?? "").toBe(u.lagging.join("、"));
    }
    const totals = ws.getRow(header + 1 + units.size);
    expect(totals.getCell(1).value).toBe("合计");
    expect([2, 3, 4, 5, 6].map((c) => totals.getCell(c).value)).toEqual([
      doc.rows.length,
      doc.counts.completed,
      doc.counts.on_track,
      doc.counts.lagging,
      doc.counts.unquantified,
    ]);
  });

  test("the lagging list holds the lagging rows, most behind first", () => {
    const ws = out.getWorksheet("滞后项目清单")!;
    const header = 5;
    expect(ws.getCell(header, 6).value).toBe("与序时进度差距（个百分点）");
    const listed: string[] = [];
    const gaps: number[] = [];
    for (let r = header + 1; ws.getCell(r, 2).value !== null; r++) {
      listed.push(String(ws.getCell(r, 2).value));
      const g = ws.getCell(r, 6).value;
      if (typeof g === "number") gaps.push(g);
    }
    expect([...listed].sort()).toEqual(doc.rows.filter((r) => r.status === "lagging").map((r) => r.project).sort());
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
  });
});
