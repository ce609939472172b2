// The committed sample is what scripts/build-sample.ts makes from the seed text.
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { bulletinWorkbook, parseBulletinText } from "../../scripts/build-sample";
import { worksheetGrid } from "../../src/xlsx/read";
import { SEED_TEXT } from "../support/fakeAnalyze";
import { fromBuffer, toBuffer } from "../support/workbooks";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "bulletin-2020-h1.xlsx");

describe("sample workbook", () => {
  let built: ExcelJS.Worksheet;
  let committed: ExcelJS.Worksheet;
  beforeAll(async () => {
    built = (await fromBuffer(await toBuffer(bulletinWorkbook(parseBulletinText(fs.readFileSync(SEED_TEXT, "utf8")))))).worksheets[0]!;
    committed = (await fromBuffer(fs.readFileSync(SAMPLE))).worksheets[0]!;
  });

  test("the committed file matches a fresh build (values and merges)", () => {
    expect(worksheetGrid(committed)).toEqual(worksheetGrid(built));
  });

  test("laid out as such workbooks are: merged title, intro, header, merged 序号/实施单位", () => {
    const g = worksheetGrid(built);
    expect(g.values[0]?.[0]).toBe("2020年1-6月份民生工程项目进展情况");
    expect(String(g.values[1]?.[0])).toMatch(/^今年以来/);
    expect(g.values[2]).toEqual(["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"]);
    expect(g.values).toHaveLength(3 + 43);
    expect(g.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 5 });
    expect(g.merges).toContainEqual({ top: 2, left: 1, bottom: 2, right: 5 });
    // 市医保局 (序号 5) covers six rows.
    expect(g.merges).toContainEqual({ top: 9, left: 1, bottom: 14, right: 1 });
    expect(g.merges).toContainEqual({ top: 9, left: 2, bottom: 14, right: 2 });
    // 序号 are numbers; the seed text's numbering gap (7 → 10) is kept.
    const seqs = g.values.slice(3).map((l) => l[0]).filter((v) => v !== null);
    expect(seqs.every((v) => typeof v === "number")).toBe(true);
    expect(seqs).toContain(10);
    expect(seqs).not.toContain(8);
  });

  test("wrapped text and fitted widths", () => {
    expect(built.getCell("E4").alignment?.wrapText).toBe(true);
    expect(built.getColumn(5).width).toBeGreaterThan(built.getColumn(1).width ?? 0);
    expect(built.getRow(6).height).toBeGreaterThan(built.getRow(4).height ?? 0);
  });
});
