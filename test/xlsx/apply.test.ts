import * as fs from "node:fs";
import ExcelJS from "exceljs";
import { buildPlan, JINDU_MARKER } from "../../src/core/plan";
import type { Grid } from "../../src/core/types";
import { DEFAULT_SETTINGS, summarise } from "../../src/app/addin";
import { createExcelPort } from "../../src/excel/workbook";
import { applyPlan, freeColumnPair, freeSheetName } from "../../src/xlsx/apply";
import { isJinduSheet, worksheetGrid } from "../../src/xlsx/read";
import { bulletinWorkbook, parseBulletinText } from "../../scripts/build-sample";
import { FakeWorkbook } from "../support/fake-excel";
import { fakeAnalyze, SEED_TEXT } from "../support/fakeAnalyze";
import { fromBuffer, toBuffer, markedCells, visibleSheets } from "../support/workbooks";

function sample(): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = bulletinWorkbook(parseBulletinText(fs.readFileSync(SEED_TEXT, "utf8")));
  return { wb, ws: wb.worksheets[0]! };
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.fill;
  return f && f.type === "pattern" && f.pattern === "solid" ? (f.fgColor?.argb ?? null) : null;
}


describe("freeColumnPair", () => {
  const grid = (values: Grid["values"], merges: Grid["merges"] = []): Grid => ({ sheet: "S", top: 1, left: 1, values, merges });

  test("right after the table when the columns are empty", () => {
    expect(freeColumnPair(grid([["a", "b", "c"]]), 4)).toBe(4);
  });

  test("skips a column with any value, even far below the table", () => {
    const values = [["a", "b", "c", null, null, null, null], ["x", null, null, null, null, null, null], [null, null, null, null, "备注", null, null]];
    expect(freeColumnPair(grid(values), 4)).toBe(6);
  });

  test("skips columns covered by a merge", () => {
    expect(freeColumnPair(grid([["title", null, null, null, null]], [{ top: 1, left: 1, bottom: 1, right: 5 }]), 4)).toBe(6);
  });
});

describe("applyPlan on the sample", () => {
  async function run() {
    const { wb, ws } = sample();
    const grid = worksheetGrid(ws);
    const doc = fakeAnalyze(grid);
    const plan = buildPlan(doc, { lang: "zh", date: "2020-07-15" });
    const result = applyPlan(wb, ws, grid, plan);
    // Read back what a user would open.
    const back = await fromBuffer(await toBuffer(wb));
    return { doc, plan, result, back, grid };
  }

  test("highlights the lagging, completed and unquantified rows with tagged rules, not the on-track ones, and writes no fill", async () => {
    const { doc, back } = await run();
    const sheet = back.getWorksheet("Sheet1")!;
    const marked = markedCells(sheet);
    for (const r of doc.rows) {
      for (const c of [3, 4, 5, 6, 7]) {
        const statuses = [...marked].filter(([, cells]) => cells.has(`${r.row},${c}`)).map(([s]) => s);
        expect([r.row, c, statuses]).toEqual([r.row, c, r.status === "on_track" ? [] : [r.status]]);
        expect(fillOf(sheet.getCell(r.row, c))).toBeNull();
      }
    }
  });

  test("vertically merged 序号/实施单位 cells are left out of the row highlights", async () => {
    const { back } = await run();
    const marked = markedCells(back.getWorksheet("Sheet1")!);
    // Rows 9–14 are one unit (市医保局) with mixed statuses.
    for (const cells of marked.values()) {
      expect(cells.has("9,2")).toBe(false);
      expect(cells.has("12,1")).toBe(false);
    }
  });

  test("adds 完成率 and 状态 right of the table, with the plan's values", async () => {
    const { plan, result, back } = await run();
    const sheet = back.getWorksheet("Sheet1")!;
    expect(result.extraColumn).toBe(6);
    expect(sheet.getCell(3, 6).value).toBe("完成率");
    expect(sheet.getCell(3, 7).value).toBe("状态");
    for (const v of plan.extraColumns.values) {
      expect(sheet.getCell(v.row, 6).value).toBe(v.completion);
      expect(sheet.getCell(v.row, 7).value).toBe(v.status);
    }
    expect(sheet.getCell(4, 6).numFmt).toBe('0.0"%"');
  });

  test("writes the summary and the lagging list with the plan's numbers, marked as Jindu's", async () => {
    const { plan, result, back } = await run();
    expect(result).toMatchObject({ summarySheet: "进度汇总", laggingSheet: "滞后项目清单" });
    const sum = back.getWorksheet("进度汇总")!;
    expect(isJinduSheet(sum)).toBe(true);
    expect(sum.getCell("A1").value).toBe(plan.summary.titleLines[0]);
    const header = plan.summary.titleLines.length + 2;
    plan.summary.units.header.forEach((h, c) => expect(sum.getCell(header, c + 1).value).toBe(h));
    plan.summary.units.rows.forEach((r, i) => r.forEach((v, c) => expect(sum.getCell(header + 1 + i, c + 1).value ?? null).toEqual(v)));
    const totalsRow = header + 1 + plan.summary.units.rows.length;
    expect(sum.getCell(totalsRow, 1).value).toBe("合计");
    expect(sum.getCell(totalsRow, 2).value).toBe(plan.summary.units.totals?.[1]);
    expect(sum.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
    expect(sum.views[0]).toMatchObject({ state: "frozen", ySplit: header });

    const lag = back.getWorksheet("滞后项目清单")!;
    expect(isJinduSheet(lag)).toBe(true);
    const lh = plan.summary.titleLines.length + 3;
    plan.summary.lagging.rows.forEach((r, i) => expect(lag.getCell(lh + 1 + i, 2).value).toBe(r[1]));
  });

  test("a re-run replaces Jindu's sheets and never touches a user's sheet of the same name", async () => {
    const { back } = await run();
    back.addWorksheet("进度汇总(用户)");
    const user = back.getWorksheet("滞后项目清单")!;
    // Turn the lagging sheet into a user's sheet: no marker.
    user.getCell(1, 9).value = null;
    user.getCell("A1").value = "我的清单";
    const ws = back.getWorksheet("Sheet1")!;
    const grid = worksheetGrid(ws);
    const plan = buildPlan(fakeAnalyze(grid), { lang: "zh", date: "2020-07-16" });
    const again = applyPlan(back, ws, grid, plan);
    expect(again.replaced).toEqual(["进度汇总"]);
    expect(again.summarySheet).toBe("进度汇总");
    expect(again.laggingSheet).toBe("滞后项目清单 (2)");
    expect(back.getWorksheet("滞后项目清单")!.getCell("A1").value).toBe("我的清单");
    expect(back.worksheets.filter((s) => s.name === "进度汇总")).toHaveLength(1);
    // The earlier 完成率/状态 columns are values now: the new pair goes further right.
    expect(again.extraColumn).toBe(8);
    const reread = await fromBuffer(await toBuffer(back));
    expect(visibleSheets(reread)).toEqual(["Sheet1", "滞后项目清单", "进度汇总(用户)", "进度汇总", "滞后项目清单 (2)"]);
  });

  test("the marker sits in row 1 of a hidden column", async () => {
    const { back } = await run();
    const sum = back.getWorksheet("进度汇总")!;
    let col = 0;
    sum.getRow(1).eachCell((cell, c) => {
      if (cell.value === JINDU_MARKER) col = c;
    });
    expect(col).toBeGreaterThan(0);
    expect(sum.getColumn(col).hidden).toBe(true);
  });
});

describe("a summary sheet the add-in made", () => {
  test("carries the same row-1 mark, so a re-run replaces it instead of writing 进度汇总 (2)", async () => {
    const { wb, ws } = sample();
    // The add-in on a fake Excel holding the same sheet, with the real plan and marker.
    const excel = FakeWorkbook.fromGrid(worksheetGrid(ws));
    const port = createExcelPort({ run: excel.run, isSetSupported: (n, v) => excel.isSetSupported(n, v) });
    const engine = { analyze: fakeAnalyze, plan: buildPlan };
    const { sheetName } = await summarise({ port, engine, now: () => new Date("2020-07-15T08:00:00Z") }, DEFAULT_SETTINGS, "zh");
    expect(sheetName).toBe("进度汇总");
    // What Excel saves: the values and the hidden columns (ExcelJS drops the sheet-scoped name).
    const made = excel.sheet(sheetName)!;
    const copy = wb.addWorksheet(made.name);
    for (const [key, v] of made.values) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      copy.getCell(r, c).value = v;
    }
    for (const c of made.hiddenColumns) copy.getColumn(c).hidden = true;

    const back = await fromBuffer(await toBuffer(wb));
    expect(isJinduSheet(back.getWorksheet("进度汇总")!)).toBe(true);
    const sheet = back.getWorksheet("Sheet1")!;
    const grid = worksheetGrid(sheet);
    const result = applyPlan(back, sheet, grid, buildPlan(fakeAnalyze(grid), { lang: "zh", date: "2020-07-16" }));
    expect(result.replaced).toEqual(["进度汇总"]);
    expect(result.summarySheet).toBe("进度汇总");
    expect(visibleSheets(back)).toEqual(["Sheet1", "进度汇总", "滞后项目清单"]);
    // Both adapters put the marker in the same column.
    let col = 0;
    back.getWorksheet("进度汇总")!.getRow(1).eachCell((cell, c) => {
      if (cell.value === JINDU_MARKER) col = c;
    });
    expect(col).toBe([...made.hiddenColumns][0]);
  });
});

describe("a summary sheet the command line made", () => {
  test("is replaced by the add-in's 生成汇总表, not kept beside a 进度汇总 (2)", async () => {
    const { wb, ws } = sample();
    const grid = worksheetGrid(ws);
    applyPlan(wb, ws, grid, buildPlan(fakeAnalyze(grid), { lang: "zh", date: "2020-07-15" }));
    // Excel opening the file: the values of the source sheet and of 进度汇总.
    const excel = FakeWorkbook.fromGrid(grid);
    const cli = excel.addSheet("进度汇总");
    const written = worksheetGrid(wb.getWorksheet("进度汇总")!);
    written.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null) cli.set(written.top + r, written.left + c, typeof v === "object" ? v.error : v);
      }),
    );
    const port = createExcelPort({ run: excel.run, isSetSupported: (n, v) => excel.isSetSupported(n, v) });
    const engine = { analyze: fakeAnalyze, plan: buildPlan };
    const { sheetName } = await summarise({ port, engine, now: () => new Date("2020-07-16T08:00:00Z") }, DEFAULT_SETTINGS, "zh");
    expect(sheetName).toBe("进度汇总");
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1", "进度汇总"]);
    expect(excel.sheet("进度汇总")).not.toBe(cli);
    expect(excel.runs).toEqual([3]);
  });
});

describe("freeSheetName", () => {
  test("numbers a taken name, case-insensitively as Excel does", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Progress Summary");
    wb.addWorksheet("Progress summary (2)");
    expect(freeSheetName(wb, "Progress summary")).toBe("Progress summary (3)");
    expect(freeSheetName(wb, "进度汇总")).toBe("进度汇总");
  });
});
