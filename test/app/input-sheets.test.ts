// With no --sheet, the sheet that holds a bulletin is found; with --sheet, that sheet is read.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadInput } from "../../src/cli/files";
import { analyzeGrid } from "../../src/core/analyze";
import { JinduError } from "../../src/core/errors";
import { JINDU_MARKER } from "../../src/core/plan";
import { tempDir, toBuffer } from "../support/workbooks";

function addBulletin(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(["2020年1-6月份民生工程项目进展情况"]);
  ws.addRow(["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"]);
  ws.addRow([1, "市人社局", "技能脱贫培训", "培训200人次", "培训209人次"]);
  ws.addRow([2, "市水务局", "农村饮水安全巩固提升工程", "实施5处工程", "完成3处工程"]);
  return ws;
}

function addNotes(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(["填报说明：请各单位于每月5日前报送。"]);
  ws.addRow(["联系人", "电话"]);
  return ws;
}

function addNumbers(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  for (let r = 0; r < 5; r++) ws.addRow([r, r * 2, r * 3]);
  return ws;
}

describe("finding the bulletin's sheet", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
    const file = path.join(dir, name);
    await fs.writeFile(file, await toBuffer(wb));
    return file;
  }

  async function failure(p: Promise<unknown>): Promise<JinduError> {
    try {
      await p;
    } catch (e) {
      if (e instanceof JinduError) return e;
      throw e;
    }
    throw new Error("loaded");
  }

  test("the 4th of 30 sheets holds the bulletin: it is read", async () => {
    const wb = new ExcelJS.Workbook();
    addNotes(wb, "说明");
    wb.addWorksheet("Sheet2");
    addNumbers(wb, "数据");
    addBulletin(wb, "民生工程");
    for (let i = 5; i <= 30; i++) addNotes(wb, `附表${i}`);
    const loaded = await loadInput(await save(wb, "thirty.xlsx"));
    expect(loaded.kind === "workbook" && loaded.sheet).toBe("民生工程");
    expect(loaded.grid.sheet).toBe("民生工程");
    expect(analyzeGrid(loaded.grid).rows.map((r) => r.project)).toEqual(["技能脱贫培训", "农村饮水安全巩固提升工程"]);
  });

  test("the first sheet is taken when it has a bulletin, even if a later one has too", async () => {
    const wb = new ExcelJS.Workbook();
    addBulletin(wb, "一月");
    addBulletin(wb, "二月");
    expect((await loadInput(await save(wb, "two.xlsx"))).grid.sheet).toBe("一月");
  });

  test("sheets Jindu wrote and hidden sheets are passed over", async () => {
    const wb = new ExcelJS.Workbook();
    addNotes(wb, "说明");
    const ours = addBulletin(wb, "进度汇总");
    ours.getCell("K1").value = JINDU_MARKER;
    addBulletin(wb, "隐藏").state = "hidden";
    addBulletin(wb, "通报");
    expect((await loadInput(await save(wb, "skip.xlsx"))).grid.sheet).toBe("通报");
  });

  test("no sheet with a header: no_header naming the sheets tried and --sheet", async () => {
    const wb = new ExcelJS.Workbook();
    addNotes(wb, "说明");
    wb.addWorksheet("空白");
    addNumbers(wb, "数据");
    const e = await failure(loadInput(await save(wb, "none.xlsx")));
    expect(e.code).toBe("no_header");
    expect(e.detail).toContain("说明, 数据");
    expect(e.detail).toContain("--sheet");
    expect(e.zh).toContain("--sheet");
    expect(e.en).toContain("--sheet");
  });

  test("one sheet with content is read as before: its own error comes from the analysis", async () => {
    const wb = new ExcelJS.Workbook();
    addNotes(wb, "说明");
    wb.addWorksheet("空白");
    const loaded = await loadInput(await save(wb, "one.xlsx"));
    expect(loaded.grid.sheet).toBe("说明");
    expect(() => analyzeGrid(loaded.grid)).toThrow(expect.objectContaining({ code: "no_header", detail: "说明" }));
  });

  test("a sheet too large to read is passed over when another has the bulletin, and named when none has", async () => {
    const wb = new ExcelJS.Workbook();
    addNotes(wb, "大表").getCell("XFD1048576").value = "x";
    addBulletin(wb, "通报");
    expect((await loadInput(await save(wb, "large-first.xlsx"))).grid.sheet).toBe("通报");

    const only = new ExcelJS.Workbook();
    addNotes(only, "大表").getCell("XFD1048576").value = "x";
    addNotes(only, "说明");
    const e = await failure(loadInput(await save(only, "large-only.xlsx")));
    expect(e).toMatchObject({ code: "sheet_too_large", detail: "1048576 × 16384, 大表!XFD1048576" });
  });

  test("--sheet reads that sheet as before, its name compared without case", async () => {
    const wb = new ExcelJS.Workbook();
    addNotes(wb, "Notes");
    addBulletin(wb, "Bulletin");
    const file = await save(wb, "named.xlsx");
    expect((await loadInput(file, { sheet: "notes" })).grid.sheet).toBe("Notes");
    expect((await loadInput(file, { sheet: "BULLETIN" })).grid.sheet).toBe("Bulletin");
    expect((await failure(loadInput(file, { sheet: "Sheet9" }))).code).toBe("sheet_not_found");
  });

  test("a text file's one sheet is named by the file, without case", async () => {
    const file = path.join(dir, "Bulletin.txt");
    await fs.writeFile(file, "序号\t项目名称\t年度目标任务\t进展情况\n1\t培训\t培训200人次\t培训209人次\n");
    expect((await loadInput(file, { sheet: "bulletin" })).grid.sheet).toBe("Bulletin");
    expect((await failure(loadInput(file, { sheet: "Sheet1" }))).code).toBe("sheet_not_found");
  });
});
