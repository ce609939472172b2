// The annotated copy written into the user's own package: every part Jindu does not change is
// kept byte for byte, the parts it changes stay valid however the original wrote them (column
// ranges, styled empty cells, attribute order, rules of its own), and packages it cannot patch
// go the ExcelJS way with the usual warning.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { clear, report } from "../../src/cli/files";
import { isMarkFormula } from "../../src/core/plan";
import { smallBulletin, tempDir, toBuffer, fromBuffer } from "../support/workbooks";

const DATE = "2020-07-15";
const SHEET = "xl/worksheets/sheet1.xml";

/** Writes a workbook, then edits its first sheet's XML as another program would have written it. */
async function variant(dir: string, name: string, edit: (sheet: string) => string, extra?: (zip: JSZip) => Promise<void>): Promise<string> {
  const zip = await JSZip.loadAsync(await toBuffer(smallBulletin()));
  zip.file(SHEET, edit(await zip.file(SHEET)!.async("string")));
  await extra?.(zip);
  const file = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, await f.async("base64"));
  return out;
}

async function sheetXml(file: string): Promise<string> {
  return (await JSZip.loadAsync(await fs.readFile(file))).file(SHEET)!.async("string");
}

/** Columns of each row's cells, in document order. */
function rowColumns(xml: string): number[][] {
  return [...xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)].map((m) =>
    [...m[1]!.matchAll(/<c\b[^>]*\sr="([A-Z]+)\d+"/g)].map((c) => [...c[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

describe("the parts Jindu does not change are kept as they were", () => {
  test("every part but the sheet, the styles and the lists of sheets and parts is byte-identical", async () => {
    const input = await variant(dir, "plain", (x) => x);
    const out = path.join(dir, "plain.out.xlsx");
    await report({ input, output: out, date: DATE });
    const [a, b] = [await parts(input), await parts(out)];
    const changed = [...a.keys()].filter((k) => b.get(k) !== a.get(k)).sort();
    expect(changed).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", SHEET].sort());
  });
});

describe("the annotated sheet stays valid however it was written", () => {
  test("cells stay in column order in every row, with the two new ones after the table", async () => {
    const input = await variant(dir, "order", (x) => x);
    const out = path.join(dir, "order.out.xlsx");
    const r = await report({ input, output: out, date: DATE });
    for (const cols of rowColumns(await sheetXml(out))) expect(cols).toEqual([...cols].sort((p, q) => p - q));
    const ws = (await fromBuffer(await fs.readFile(out))).worksheets[0]!;
    expect(ws.getCell(3, r.extraColumn).value).toBe("完成率");
    expect(ws.getCell(3, r.extraColumn + 1).value).toBe("状态");
    for (const row of r.doc.rows) expect(ws.getCell(row.row, r.extraColumn + 1).value).toBe(r.plan.extraColumns.values.find((v) => v.row === row.row)!.status);
  });

  test("a <col> range over the whole sheet is split: Jindu's widths, the rest as it was", async () => {
    const all = '<cols><col min="1" max="16384" width="13" style="0" customWidth="1"/></cols>';
    const input = await variant(dir, "cols", (x) => (x.includes("<cols>") ? x.replace(/<cols>[\s\S]*?<\/cols>/, all) : x.replace("<sheetData", `${all}<sheetData`)));
    const out = path.join(dir, "cols.out.xlsx");
    const r = await report({ input, output: out, date: DATE });
    const cols = [...(await sheetXml(out)).matchAll(/<col\b[^>]*>/g)].map((m) => m[0]);
    const span = cols.map((c) => [Number(/min="(\d+)"/.exec(c)![1]), Number(/max="(\d+)"/.exec(c)![1])]);
    // Contiguous, not overlapping, covering 1…16384 as before.
    expect(span[0]![0]).toBe(1);
    expect(span[span.length - 1]![1]).toBe(16384);
    for (let i = 1; i < span.length; i++) expect(span[i]![0]).toBe(span[i - 1]![1]! + 1);
    const ws = (await fromBuffer(await fs.readFile(out))).worksheets[0]!;
    expect(ws.getColumn(1).width).toBe(13);
    expect(ws.getColumn(r.extraColumn).width).not.toBe(13);
    expect(ws.getColumn(r.extraColumn + 2).width).toBe(13);
  });

  test("styled empty cells where the columns go are replaced, not doubled", async () => {
    const input = await variant(dir, "styled", (x) => x.replace(/<row r="4"([^>]*)>([\s\S]*?)<\/row>/, (_, a: string, c: string) => `<row r="4"${a}>${c}<c r="F4" s="0"/><c r="G4" s="0"/></row>`));
    const out = path.join(dir, "styled.out.xlsx");
    const r = await report({ input, output: out, date: DATE });
    expect(r.extraColumn).toBe(6);
    const row4 = rowColumns(await sheetXml(out))[3]!;
    expect(row4.filter((c) => c === 6)).toHaveLength(1);
    expect(row4.filter((c) => c === 7)).toHaveLength(1);
  });

  test("attributes in another order: the source cell's style is still found", async () => {
    const swap = (x: string) => x.replace(/<c r="([A-Z]+\d+)" s="(\d+)"/g, '<c s="$2" r="$1"');
    const [a, b] = [await variant(dir, "attrs0", (x) => x), await variant(dir, "attrs1", swap)];
    const [oa, ob] = [path.join(dir, "attrs0.out.xlsx"), path.join(dir, "attrs1.out.xlsx")];
    const ra = await report({ input: a, output: oa, date: DATE });
    await report({ input: b, output: ob, date: DATE });
    const [wa, wb] = [(await fromBuffer(await fs.readFile(oa))).worksheets[0]!, (await fromBuffer(await fs.readFile(ob))).worksheets[0]!];
    for (const row of ra.doc.rows) {
      expect(JSON.stringify(wb.getCell(row.row, ra.extraColumn).style)).toBe(JSON.stringify(wa.getCell(row.row, ra.extraColumn).style));
    }
  });

  test("the user's own conditional formats keep their place and priority; Jindu's come after, tagged", async () => {
    const userRule = '<conditionalFormatting sqref="A4:A6"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>';
    const input = await variant(
      dir,
      "rules",
      // After the merged areas, where the schema puts conditional formats.
      (x) => (x.includes("</mergeCells>") ? x.replace("</mergeCells>", `</mergeCells>${userRule}`) : x.replace("</sheetData>", `</sheetData>${userRule}`)),
      async (zip) => {
        const styles = await zip.file("xl/styles.xml")!.async("string");
        zip.file("xl/styles.xml", styles.replace('<dxfs count="0"/>', '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>'));
      },
    );
    const out = path.join(dir, "rules.out.xlsx");
    await report({ input, output: out, date: DATE });
    const xml = await sheetXml(out);
    expect(xml).toContain(userRule);
    const priorities = [...xml.matchAll(/<cfRule\b[^>]*\spriority="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(priorities).size).toBe(priorities.length);
    const ws = (await fromBuffer(await fs.readFile(out))).worksheets[0]!;
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
    expect(cf[0]!.ref).toBe("A4:A6");
    expect(cf.slice(1).every((c) => c.rules.every((x) => x.type === "dataBar" || (x.formulae ?? []).some((f) => isMarkFormula(f))))).toBe(true);
  });

  test("a sheet with an extension list of its own: kept whole, and the data bar without one", async () => {
    const ext = '<extLst><ext uri="{00000000-0000-0000-0000-00000000ABCD}"><x:mine xmlns:x="urn:example"/></ext></extLst>';
    const input = await variant(dir, "ext", (x) => x.replace("</worksheet>", `${ext}</worksheet>`));
    const out = path.join(dir, "ext.out.xlsx");
    await report({ input, output: out, date: DATE });
    const xml = await sheetXml(out);
    expect(xml.split("<extLst>").length - 1).toBe(1);
    expect(xml).toContain(ext);
    expect(xml).toMatch(/<cfRule type="dataBar"/);
  });
});

describe("a report of a report and clear work on the package too", () => {
  test("the second report has exactly the parts of the first, and clear exactly those of the original", async () => {
    const input = await variant(dir, "again", (x) => x);
    const [once, twice, cleared] = [path.join(dir, "again.1.xlsx"), path.join(dir, "again.2.xlsx"), path.join(dir, "again.c.xlsx")];
    await report({ input, output: once, date: DATE });
    await report({ input: once, output: twice, date: DATE });
    const names = async (f: string) => [...(await parts(f)).keys()].sort();
    expect(await names(twice)).toEqual(await names(once));
    const r = await clear({ input: twice, output: cleared });
    expect(r.removedSheets).toHaveLength(3);
    expect(await names(cleared)).toEqual(await names(input));
    // The sheet's XML holds nothing of Jindu's any more.
    expect(await sheetXml(cleared)).not.toMatch(/jindu|dataBar/);
  });
});

describe("packages the patch does not take go through ExcelJS", () => {
  test("a macro-enabled workbook: the macros are said before anything is written", async () => {
    const input = await variant(dir, "macro", (x) => x, async (zip) => {
      zip.file("xl/vbaProject.bin", Buffer.from("not really a VBA project"));
      const types = await zip.file("[Content_Types].xml")!.async("string");
      zip.file("[Content_Types].xml", types.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
    });
    const out = path.join(dir, "macro.out.xlsx");
    await expect(report({ input, output: out, date: DATE })).rejects.toMatchObject({ code: "unsaved_parts", en: expect.stringContaining("macros") });
    await expect(fs.access(out)).rejects.toThrow();
    const r = await report({ input, output: out, date: DATE, force: true });
    expect(r.lost?.en).toContain("macros (VBA)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fs.readFile(out)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toContain(r.summarySheet);
  });
});
