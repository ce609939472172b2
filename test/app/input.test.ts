import { promises as fs } from "node:fs";
import * as path from "node:path";
import * as iconv from "iconv-lite";
import ExcelJS from "exceljs";
import { loadGrid, loadInput } from "../../src/cli/files";
import { JinduError } from "../../src/core/errors";
import { SEED_TEXT } from "../support/fakeAnalyze";
import { encryptedWorkbookBytes, smallBulletin, tempDir, toBuffer } from "../support/workbooks";

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof JinduError) return e.code;
    throw e;
  }
}

describe("loadGrid", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });
  const file = (name: string) => path.join(dir, name);

  test(".xlsx through the workbook adapter, with merges", async () => {
    await fs.writeFile(file("b.xlsx"), await toBuffer(smallBulletin()));
    const grid = await loadGrid(file("b.xlsx"));
    expect(grid.sheet).toBe("通报");
    expect(grid.merges.length).toBe(3);
    expect(grid.values[3]?.[0]).toBe(1);
  });

  test(".txt through the text reader: rows are line numbers", async () => {
    const grid = await loadGrid(SEED_TEXT);
    expect(grid.top).toBe(1);
    expect(grid.values[10]?.[0]).toBe("序号");
    expect(grid.values[11]?.[1]).toBe("市委组织部");
  });

  test("GB18030 text decodes to the same grid as UTF-8", async () => {
    const utf8 = await fs.readFile(SEED_TEXT, "utf8");
    await fs.writeFile(file("gb.tsv"), iconv.encode(utf8, "gb18030"));
    const a = await loadGrid(file("gb.tsv"));
    const b = await loadGrid(SEED_TEXT);
    expect(a.values).toEqual(b.values);
  });

  test("a workbook with a text extension is still read as a workbook", async () => {
    await fs.writeFile(file("renamed.txt"), await toBuffer(smallBulletin()));
    expect((await loadInput(file("renamed.txt"))).kind).toBe("workbook");
  });

  test.each<[string, string, () => Promise<string>, { sheet?: string }]>([
    ["missing file", "file_not_found", async () => file("nope.xlsx"), {}],
    ["a folder", "is_a_directory", async () => dir, {}],
    ["an image named .xlsx", "not_a_workbook", async () => {
      await fs.writeFile(file("img.xlsx"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
      return file("img.xlsx");
    }, {}],
    ["a PDF", "not_a_workbook", async () => {
      await fs.writeFile(file("doc.pdf"), "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj");
      return file("doc.pdf");
    }, {}],
    ["binary text file", "not_a_workbook", async () => {
      await fs.writeFile(file("bin.txt"), Buffer.from([1, 2, 3, 0, 5, 6]));
      return file("bin.txt");
    }, {}],
    ["password-protected", "encrypted_workbook", async () => {
      await fs.writeFile(file("secret.xlsx"), encryptedWorkbookBytes());
      return file("secret.xlsx");
    }, {}],
    ["corrupt", "corrupt_workbook", async () => {
      await fs.writeFile(file("broken.xlsx"), (await toBuffer(smallBulletin())).subarray(0, 4000));
      return file("broken.xlsx");
    }, {}],
    ["no sheets", "empty_workbook", async () => {
      await fs.writeFile(file("none.xlsx"), await toBuffer(new ExcelJS.Workbook()));
      return file("none.xlsx");
    }, {}],
    ["unknown sheet", "sheet_not_found", async () => {
      await fs.writeFile(file("c.xlsx"), await toBuffer(smallBulletin()));
      return file("c.xlsx");
    }, { sheet: "Sheet9" }],
    ["unknown sheet in a text file", "sheet_not_found", async () => SEED_TEXT, { sheet: "Sheet9" }],
    ["a bulletin with one value in XFD1048576", "sheet_too_large", async () => {
      const wb = smallBulletin();
      wb.getWorksheet("通报")!.getCell("XFD1048576").value = "x";
      await fs.writeFile(file("far.xlsx"), await toBuffer(wb));
      return file("far.xlsx");
    }, {}],
    ["UTF-16 text without its BOM", "not_a_workbook", async () => {
      await fs.writeFile(file("u16.txt"), Buffer.from("序号\t项目名称\n", "utf16le"));
      return file("u16.txt");
    }, {}],
  ])("%s → %s", async (_name, code, make, opts) => {
    expect(await codeOf(loadGrid(await make(), opts))).toBe(code);
  });
});
