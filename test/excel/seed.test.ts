// The adapter on the real engine and plan, with the seed bulletin loaded in the fake Excel.
import { readFileSync } from "fs";
import { join } from "path";
import { analyze, clearMarks, DEFAULT_SETTINGS, highlight, summarise, type AddinDeps } from "../../src/app/addin";
import { engine } from "../../src/app/engine";
import { analyzeGrid } from "../../src/core/analyze";
import { STATUS_COLORS } from "../../src/core/plan";
import { readTextGrid } from "../../src/text/readText";
import { createExcelPort, isMarkFormula } from "../../src/excel/workbook";
import { FakeWorkbook } from "../support/fake-excel";

const SEED = join(__dirname, "../fixtures/bulletin-2020-h1.txt");
const grid = readTextGrid(readFileSync(SEED, "utf8"), "bulletin-2020-h1.txt");
const reference = analyzeGrid(grid, {});

function setup() {
  const wb = FakeWorkbook.fromGrid(grid);
  const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) });
  const deps: AddinDeps = { port, engine, now: () => new Date(2020, 6, 10) };
  return { wb, deps, sheet: wb.activeSheet() };
}

test("the seed reads the same through the fake Excel as from the text", async () => {
  const { deps } = setup();
  const doc = await analyze(deps, DEFAULT_SETTINGS);
  expect(doc.counts).toEqual(reference.counts);
  expect(doc.rows.map((r) => [r.row, r.status])).toEqual(reference.rows.map((r) => [r.row, r.status]));
  expect(doc.counts.lagging).toBeGreaterThan(0);
});

test("标出滞后 marks exactly the lagging rows of the seed with the palette's fill, then 清除标记 leaves the sheet as it was", async () => {
  const { wb, deps, sheet } = setup();
  const before = sheet.snapshot();
  await highlight(deps, DEFAULT_SETTINGS, "zh");
  const marked = new Set<number>();
  for (const cf of sheet.conditionalFormats) {
    expect(isMarkFormula(cf.formula)).toBe(true);
    expect(cf.fill).toBe(STATUS_COLORS.lagging.fill);
    for (const box of cf.boxes) {
      expect(box.left).toBe(reference.header.firstColumn);
      expect(box.right).toBe(reference.header.lastColumn);
      for (let r = box.top; r <= box.bottom; r++) marked.add(r);
    }
  }
  expect([...marked].sort((a, b) => a - b)).toEqual(reference.rows.filter((r) => r.status === "lagging").map((r) => r.row));
  expect(sheet.snapshot()).toBe(before);
  await clearMarks(deps);
  expect(sheet.conditionalFormats).toEqual([]);
  expect(sheet.snapshot()).toBe(before);
  expect(wb.runs).toEqual([3, 3]);
});

test("生成汇总表 on the seed: summary sheet with the plan's tables, the lagging list sorted by gap", async () => {
  const { wb, deps } = setup();
  const { sheetName } = await summarise(deps, DEFAULT_SETTINGS, "zh");
  expect(sheetName).toBe("进度汇总");
  const s = wb.sheet(sheetName)!;
  expect(String(s.get(1, 1))).toContain("民生工程");
  expect(s.tables.length).toBeGreaterThanOrEqual(1);
  expect(s.charts).toHaveLength(1);
  expect(wb.runs).toEqual([3]);
  // The zh summary is active now; the pane passes the bulletin it works on.
  const en = await summarise({ ...deps, sheet: grid.sheet }, DEFAULT_SETTINGS, "en");
  expect(en.sheetName).toBe("Progress summary");
});

test("table names stay unique when a zh and an en summary live side by side", async () => {
  const { wb, deps } = setup();
  await summarise(deps, DEFAULT_SETTINGS, "zh");
  wb.active = grid.sheet;
  await summarise(deps, DEFAULT_SETTINGS, "en");
  wb.active = grid.sheet;
  await summarise(deps, DEFAULT_SETTINGS, "en");
  const names = wb.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
  expect(new Set(names).size).toBe(names.length);
  expect(wb.sheets.map((s) => s.name)).toEqual([grid.sheet, "进度汇总", "Progress summary"]);
});
