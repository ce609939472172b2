import ExcelJS from "exceljs";
import { JinduError } from "../../src/core/errors";
import { formatDate, loadWorkbook, pickWorksheet, sniffWorkbook, toCellValue, worksheetGrid } from "../../src/xlsx/read";
import { MAX_READ_CELLS } from "../../src/core/limits";
import { JINDU_MARKER } from "../../src/core/plan";
import { encryptedWorkbookBytes, fromBuffer, legacyXlsBytes, smallBulletin, toBuffer } from "../support/workbooks";

describe("toCellValue", () => {
  test.each<[string, unknown, unknown]>([
    ["empty", null, null],
    ["undefined", undefined, null],
    ["blank text", "   ", null],
    ["text kept as written", " 完成 58万元 ", " 完成 58万元 "],
    ["number", 280.993, 280.993],
    ["boolean", true, true],
    ["rich text joined", { richText: [{ text: "完工率" }, { font: { bold: true }, text: "71.6%" }] }, "完工率71.6%"],
    ["formula: cached number", { formula: "B2/C2*100", result: 71.6 }, 71.6],
    ["formula: cached text", { formula: "A1&B1", result: "市水务局" }, "市水务局"],
    ["formula: cached error", { formula: "1/0", result: { error: "#DIV/0!" } }, { error: "#DIV/0!" }],
    ["formula: never calculated", { formula: "SUM(A1:A3)" }, null],
    ["shared formula", { sharedFormula: "B2", result: 5 }, 5],
    ["date", new Date(Date.UTC(2020, 5, 30)), "2020-06-30"],
    ["date with time", new Date(Date.UTC(2020, 5, 30, 14, 5)), "2020-06-30 14:05"],
    ["formula giving a date", { formula: "TODAY()", result: new Date(Date.UTC(2020, 6, 1)) }, "2020-07-01"],
    ["hyperlink", { text: "通报全文", hyperlink: "http://example.org" }, "通报全文"],
    ["hyperlink with rich text", { text: { richText: [{ text: "通" }, { text: "报" }] }, hyperlink: "x" }, "通报"],
    ["error", { error: "#N/A" }, { error: "#N/A" }],
  ])("%s", (_name, input, expected) => {
    expect(toCellValue(input)).toEqual(expected);
  });

  test("formatDate pads and keeps seconds only when set", () => {
    expect(formatDate(new Date(Date.UTC(2021, 0, 5, 8, 3, 9)))).toBe("2021-01-05 08:03:09");
  });
});

describe("worksheetGrid", () => {
  test("values, merges, and merged-away cells empty — after a save and load", async () => {
    const wb = await fromBuffer(await toBuffer(smallBulletin()));
    const grid = worksheetGrid(wb.getWorksheet("通报")!);
    expect(grid).toMatchObject({ sheet: "通报", top: 1, left: 1 });
    expect(grid.values).toHaveLength(7);
    expect(grid.values[0]).toEqual(["2020年1-6月份民生工程项目进展情况", null, null, null, null]);
    expect(grid.values[3]).toEqual([1, "市水务局", "农村饮水安全巩固提升工程", "实施5处工程", "完成5处工程"]);
    // ExcelJS reports the master's value on merged-away cells; the grid must not repeat it.
    expect(grid.values[4]?.slice(0, 2)).toEqual([null, null]);
    expect(grid.merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 1, right: 5 },
        { top: 4, left: 1, bottom: 6, right: 1 },
        { top: 4, left: 2, bottom: 6, right: 2 },
      ]),
    );
    expect(grid.merges).toHaveLength(3);
  });

  test("the used range starts where the values do", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("C5").value = "项目名称";
    ws.getCell("D7").value = 3;
    ws.getCell("B2").style = { font: { bold: true } }; // styled but empty: not used
    const grid = worksheetGrid(ws);
    expect(grid).toMatchObject({ top: 5, left: 3 });
    expect(grid.values).toEqual([
      ["项目名称", null],
      [null, null],
      [null, 3],
    ]);
  });

  test("an empty sheet gives no values", () => {
    const wb = new ExcelJS.Workbook();
    expect(worksheetGrid(wb.addWorksheet("S")).values).toEqual([]);
  });
});

describe("worksheetGrid refuses a used range past the add-in's limit before allocating it", () => {
  test("three bulletin rows and one value in XFD1048576 → sheet_too_large naming the size and the cell, at once", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("通报");
    ws.addRow(["序号", "项目名称", "年度目标任务", "进展情况"]);
    ws.addRow([1, "技能脱贫培训", "培训200人次", "培训209人次"]);
    ws.addRow([2, "农村饮水工程", "实施5处工程", "完成5处工程"]);
    ws.getCell("XFD1048576").value = "x";
    const sheet = (await fromBuffer(await toBuffer(wb))).getWorksheet("通报")!;
    const t0 = Date.now();
    let err: unknown;
    try {
      worksheetGrid(sheet);
    } catch (e) {
      err = e;
    }
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(err).toBeInstanceOf(JinduError);
    expect(err).toMatchObject({ code: "sheet_too_large", detail: "1048576 × 16384, 通报!XFD1048576" });
  });

  test("the farthest row and the farthest column are both named when they differ", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("S");
    ws.getCell("A1").value = "项目名称";
    ws.getCell("B300000").value = 1;
    ws.getCell("Z2").value = 2;
    expect(() => worksheetGrid(ws)).toThrow(expect.objectContaining({ code: "sheet_too_large", detail: "300000 × 26, S!B300000, S!Z2" }));
  });

  test("a sheet name with spaces is quoted as in an Excel reference", () => {
    const ws = new ExcelJS.Workbook().addWorksheet("6月 通报");
    ws.getCell("A1").value = "项目名称";
    ws.getCell("XFD100").value = 1;
    expect(() => worksheetGrid(ws)).toThrow(expect.objectContaining({ detail: "100 × 16384, '6月 通报'!XFD100" }));
  });

  test("exactly the limit is read; one cell more is not", () => {
    const side = Math.sqrt(MAX_READ_CELLS);
    expect(Number.isInteger(side)).toBe(true);
    const ws = new ExcelJS.Workbook().addWorksheet("S");
    ws.getCell(1, 1).value = "a";
    ws.getCell(side, side).value = "b";
    const grid = worksheetGrid(ws);
    expect(grid.values.length * grid.values[0]!.length).toBe(MAX_READ_CELLS);
    ws.getCell(side + 1, 1).value = "c";
    expect(() => worksheetGrid(ws)).toThrow(expect.objectContaining({ code: "sheet_too_large" }));
  });

  test("the limit is the add-in's", () => {
    expect(MAX_READ_CELLS).toBe(1_000_000);
  });
});

describe("sniffWorkbook and loadWorkbook", () => {
  test("kinds", async () => {
    expect(sniffWorkbook(await toBuffer(smallBulletin()))).toBe("zip");
    expect(sniffWorkbook(encryptedWorkbookBytes())).toBe("encrypted");
    expect(sniffWorkbook(legacyXlsBytes())).toBe("cfb");
    expect(sniffWorkbook(Buffer.from("序号\t实施单位"))).toBe("other");
    expect(sniffWorkbook(new Uint8Array())).toBe("other");
  });

  async function codeOf(bytes: Buffer): Promise<string> {
    try {
      await loadWorkbook(bytes, "x.xlsx");
    } catch (e) {
      if (e instanceof JinduError) return e.code;
      throw e;
    }
    return "loaded";
  }

  test.each<[string, string, () => Promise<Buffer> | Buffer]>([
    ["a workbook", "loaded", async () => toBuffer(smallBulletin())],
    ["password-protected", "encrypted_workbook", () => encryptedWorkbookBytes()],
    ["legacy .xls", "not_a_workbook", () => legacyXlsBytes()],
    ["plain text", "not_a_workbook", () => Buffer.from("hello")],
    ["truncated", "corrupt_workbook", async () => (await toBuffer(smallBulletin())).subarray(0, 3000)],
    ["no sheets", "empty_workbook", async () => toBuffer(new ExcelJS.Workbook())],
  ])("%s → %s", async (_name, code, make) => {
    expect(await codeOf(await make())).toBe(code);
  });

  test("messages carry Chinese and English", async () => {
    await expect(loadWorkbook(encryptedWorkbookBytes(), "x.xlsx")).rejects.toMatchObject({
      zh: expect.stringContaining("密码"),
      en: expect.stringContaining("password"),
    });
  });
});

describe("pickWorksheet", () => {
  function book(): ExcelJS.Workbook {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("空白");
    const hidden = wb.addWorksheet("隐藏");
    hidden.getCell("A1").value = "x";
    hidden.state = "hidden";
    const jindu = wb.addWorksheet("进度汇总");
    jindu.getCell("A1").value = "汇总";
    jindu.getCell("K1").value = JINDU_MARKER;
    wb.addWorksheet("通报").getCell("A1").value = "序号";
    return wb;
  }

  test("by name", () => {
    expect(pickWorksheet(book(), "进度汇总").name).toBe("进度汇总");
    expect(pickWorksheet(book(), " 通报 ").name).toBe("通报");
  });

  test("by name, ignoring case as Excel does", () => {
    const wb = book();
    wb.addWorksheet("Sheet2");
    expect(pickWorksheet(wb, "sheet2").name).toBe("Sheet2");
    expect(pickWorksheet(wb, " SHEET2 ").name).toBe("Sheet2");
  });

  test("by default: the first visible sheet with content that Jindu did not write", () => {
    expect(pickWorksheet(book()).name).toBe("通报");
  });

  test("a missing name lists the sheets there are", () => {
    expect(() => pickWorksheet(book(), "Sheet9")).toThrow(expect.objectContaining({ code: "sheet_not_found", detail: expect.stringContaining("通报") }));
  });
});

describe("merging stays checked after the faster overlap test", () => {
  test("overlapping merges are refused, adjacent ones and re-merges after unmerge are fine", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.mergeCells("A1:A3");
    expect(() => ws.mergeCells("A3:B4")).toThrow("Cannot merge already merged cells");
    expect(() => ws.mergeCells("A2:A2")).toThrow();
    ws.mergeCells("A4:A6");
    ws.mergeCells("B1:C1");
    ws.unMergeCells("A1");
    ws.mergeCells("A1:A2");
    ws.getCell("A1").value = "x";
    ws.getCell("A4").value = "y";
    ws.getCell("B1").value = "z";
    expect(worksheetGrid(ws).merges).toEqual(
      expect.arrayContaining([
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 4, left: 1, bottom: 6, right: 1 },
        { top: 1, left: 2, bottom: 1, right: 3 },
      ]),
    );
  });
});
