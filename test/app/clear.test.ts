// Workbook copies: nothing lost, nothing overwritten. `report` then `clear` gives back the
// original (values, formulas, styles, merges, widths, sheets, names, validations, pictures);
// a report of a report replaces its marks; the output is never the input or a link to it;
// parts ExcelJS cannot write back are announced before anything is written.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { clear, loadInput, report } from "../../src/cli/files";
import { analyzeGrid } from "../../src/core/analyze";
import { fromFsError, JinduError } from "../../src/core/errors";
import { isMarkFormula } from "../../src/core/plan";
import { buildSample } from "../../scripts/build-sample";
import { isCalendarDate, parseReportArgs } from "../../src/cli/report";
import { fromBuffer, tempDir, toBuffer } from "../support/workbooks";
import { SEED_TEXT } from "../support/fakeAnalyze";

const DATE = "2020-07-15";

/** Everything `clear` must give back, sheet by sheet, as comparable text lines. */
function describeWorkbook(wb: ExcelJS.Workbook): string[] {
  const out: string[] = [];
  for (const ws of wb.worksheets) {
    out.push(`sheet ${ws.name} state=${ws.state}`);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const style = JSON.stringify(cell.style ?? {});
        if (cell.value === null && style === "{}") return;
        out.push(`${ws.name}!${r},${c} ${JSON.stringify(cell.value)} ${style} dv=${JSON.stringify(cell.dataValidation ?? null)}`);
      });
    });
    for (let c = 1; c <= Math.max(ws.columnCount, 12); c++) {
      const col = ws.getColumn(c);
      out.push(`${ws.name} col ${c} width=${col.width} hidden=${col.hidden}`);
    }
    out.push(`${ws.name} merges ${JSON.stringify(Object.keys((ws as unknown as { _merges: object })._merges).sort())}`);
    out.push(`${ws.name} images ${JSON.stringify(ws.getImages().map((i) => {
      const r = i.range as unknown as { tl: { nativeCol: number; nativeRow: number }; br?: { nativeCol: number; nativeRow: number }; ext?: unknown };
      return [i.imageId, r.tl.nativeCol, r.tl.nativeRow, r.br?.nativeCol, r.br?.nativeRow, r.ext];
    }))}`);
    const cf = (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings ?? [];
    out.push(`${ws.name} cf ${JSON.stringify(cf)}`);
  }
  out.push(`names ${JSON.stringify(wb.definedNames.model)}`);
  return out;
}

/** Prints what differs, so a failure says where. */
function diff(a: string[], b: string[]): string[] {
  const sa = new Set(a);
  const sb = new Set(b);
  return [...a.filter((x) => !sb.has(x)).map((x) => `- ${x}`), ...b.filter((x) => !sa.has(x)).map((x) => `+ ${x}`)];
}

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/** The sample bulletin plus what a user adds: a picture, a fill of their own on a lagging row,
 * data validation, a defined name, a second sheet with a formula. */
async function richWorkbook(dir: string): Promise<string> {
  const sample = path.join(dir, "sample.xlsx");
  await buildSample(SEED_TEXT, sample);
  const wb = await fromBuffer(await fs.readFile(sample));
  const ws = wb.worksheets[0]!;
  ws.getCell("C14").style = { ...ws.getCell("C14").style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } } };
  ws.getCell("D20").dataValidation = { type: "list", allowBlank: true, formulae: ['"是,否"'] };
  wb.definedNames.add(`'${ws.name}'!$C$12:$C$20`, "MyProjects");
  const img = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  // Anchored over the columns right of the table, where Jindu would put its own.
  ws.addImage(img, { tl: { col: 5, row: 1 }, ext: { width: 120, height: 40 } });
  const other = wb.addWorksheet("备注");
  other.getCell("A1").value = 2;
  other.getCell("A2").value = { formula: "A1*3", result: 6 };
  other.getColumn(1).width = 17;
  const file = path.join(dir, "rich.xlsx");
  await fs.writeFile(file, await toBuffer(wb));
  return file;
}

/**
 * Adds a bar chart over columns H–K of the first sheet, as Excel would have drawn it: a chart
 * part, a frame for it in the sheet's drawing, their relationships and content type.
 */
async function withChart(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const drawing = "xl/drawings/drawing1.xml";
  const rels = "xl/drawings/_rels/drawing1.xml.rels";
  zip.file(
    "xl/charts/chart1.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Sheet1!$A$4:$A$10</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>',
  );
  const frame =
    '<xdr:twoCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>';
  zip.file(drawing, (await zip.file(drawing)!.async("string")).replace("</xdr:wsDr>", `${frame}</xdr:wsDr>`));
  zip.file(
    rels,
    (await zip.file(rels)!.async("string")).replace(
      "</Relationships>",
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/></Relationships>',
    ),
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file("[Content_Types].xml", types.replace("</Types>", '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'));
  const out = file.replace(/\.xlsx$/, ".chart.xlsx");
  await fs.writeFile(out, await zip.generateAsync({ type: "nodebuffer" }));
  return out;
}

const load = async (file: string) => fromBuffer(await fs.readFile(file));

/** The parts ExcelJS cannot write back, and the drawing that holds them, as they are in the file. */
async function drawnParts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const out = new Map<string, string>();
  for (const name of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/media/image1.png"]) {
    out.set(name, (await zip.file(name)?.async("base64")) ?? "(missing)");
  }
  return out;
}

describe.each(["sample", "rich", "chart"])("report then clear gives back the original (%s)", (kind) => {
  let dir: string;
  let input: string;
  let original: ExcelJS.Workbook;

  beforeAll(async () => {
    dir = await tempDir();
    if (kind === "sample") {
      input = path.join(dir, "sample.xlsx");
      await buildSample(SEED_TEXT, input);
    } else if (kind === "rich") input = await richWorkbook(dir);
    else input = await withChart(await richWorkbook(dir));
    original = await load(input);
  });

  test("round trip: every value, formula, style, merge, width, sheet, name, validation and picture", async () => {
    const annotated = path.join(dir, `${kind}.jindu.xlsx`);
    await report({ input, output: annotated, date: DATE });
    const cleaned = path.join(dir, `${kind}.clean.xlsx`);
    const r = await clear({ input: annotated, output: cleaned });
    expect(r.removedSheets.length).toBe(3);
    const d = diff(describeWorkbook(original), describeWorkbook(await load(cleaned)));
    expect(d).toEqual([]);
    expect(r.lost).toBeUndefined();
    // Charts and the drawing that holds them (and the picture), byte for byte, through both steps.
    expect(await drawnParts(annotated)).toEqual(await drawnParts(input));
    expect(await drawnParts(cleaned)).toEqual(await drawnParts(input));
  });

  test("a report of a report: same statuses, same number of columns, sheets and rules", async () => {
    const once = path.join(dir, `${kind}.once.xlsx`);
    const twice = path.join(dir, `${kind}.twice.xlsx`);
    const a = await report({ input, output: once, date: DATE });
    const b = await report({ input: once, output: twice, date: DATE });
    expect(b.doc.rows.map((x) => [x.row, x.status])).toEqual(a.doc.rows.map((x) => [x.row, x.status]));
    expect(b.extraColumn).toBe(a.extraColumn);
    const [w1, w2] = [await load(once), await load(twice)];
    expect(w2.worksheets.map((w) => w.name)).toEqual(w1.worksheets.map((w) => w.name));
    const shape = (wb: ExcelJS.Workbook) => {
      const ws = wb.worksheets[0]!;
      const cf = (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
      return { columns: ws.columnCount, rules: cf.length };
    };
    expect(shape(w2)).toEqual(shape(w1));
  });

  test("reading an annotated copy gives the same reading as the original", async () => {
    const out = path.join(dir, `${kind}.read.xlsx`);
    await report({ input, output: out, date: DATE });
    const [a, b] = await Promise.all([loadInput(input), loadInput(out)]);
    expect(analyzeGrid(b.grid)).toEqual(analyzeGrid(a.grid));
  });

  test("highlights are tagged conditional formats: the user's own fills are untouched", async () => {
    const out = path.join(dir, `${kind}.cf.xlsx`);
    const res = await report({ input, output: out, date: DATE });
    const wb = await load(out);
    const ws = wb.worksheets[0]!;
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    const lagging = cf.find((x) => x.rules.some((r) => (r.formulae ?? []).some((f) => isMarkFormula(f) && f.includes("lagging"))));
    expect(lagging).toBeDefined();
    const rowsMarked = new Set([...lagging!.ref.matchAll(/[A-Z]+(\d+)/g)].map((m) => Number(m[1])));
    expect([...rowsMarked].sort((x, y) => x - y)).toEqual(res.doc.rows.filter((r) => r.status === "lagging").map((r) => r.row));
    // No cell of the original got a fill it did not have.
    const before = original.worksheets[0]!;
    for (const r of res.doc.rows) {
      for (let c = 1; c <= 5; c++) expect(JSON.stringify(ws.getCell(r.row, c).fill ?? null)).toBe(JSON.stringify(before.getCell(r.row, c).fill ?? null));
    }
  });

  if (kind !== "sample") {
    test("the added columns do not sit under the user's picture", async () => {
      const out = path.join(dir, "rich.pic.xlsx");
      const res = await report({ input, output: out, date: DATE });
      // The picture spans columns F–G (0-based 5 from the left edge): Jindu's columns start after it.
      expect(res.extraColumn).toBeGreaterThan(7);
    });
  }
});

describe("parts ExcelJS cannot keep", () => {
  test("a chart over the columns right of the table: Jindu's columns go right of it", async () => {
    const dir = await tempDir();
    const input = await withChart(await richWorkbook(dir));
    const r = await report({ input, output: path.join(dir, "out.xlsx"), date: DATE });
    // The picture covers F–G and the chart H–K.
    expect(r.extraColumn).toBeGreaterThan(11);
  });

  test("a clear that must give back styles of Jindu's columns goes through ExcelJS: a chart is said first; --force accepts", async () => {
    const dir = await tempDir();
    const input = await withChart(await richWorkbook(dir));
    // A style of the user's in the column Jindu will take: only ExcelJS gives it back.
    const wb = await load(input);
    const sheet = wb.worksheets[0]!;
    const bytes = await fs.readFile(input);
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const styled = xml.replace(/<row r="20"([^>]*)>([\s\S]*?)<\/row>/, (_, a: string, c: string) => `<row r="20"${a}>${c}<c r="L20" s="1"/></row>`);
    expect(styled).not.toBe(xml);
    zip.file("xl/worksheets/sheet1.xml", styled);
    const styledInput = path.join(dir, "styled.xlsx");
    await fs.writeFile(styledInput, await zip.generateAsync({ type: "nodebuffer" }));
    expect(sheet.name).toBe("Sheet1");
    const annotated = path.join(dir, "a.xlsx");
    const r = await report({ input: styledInput, output: annotated, date: DATE });
    expect(r.extraColumn).toBe(12);
    const cleared = path.join(dir, "c.xlsx");
    await expect(clear({ input: annotated, output: cleared })).rejects.toMatchObject({ code: "unsaved_parts", zh: expect.stringContaining("图表"), en: expect.stringContaining("charts") });
    await expect(fs.access(cleared)).rejects.toThrow();
    const c = await clear({ input: annotated, output: cleared, force: true });
    expect(c.lost?.en).toEqual(["charts"]);
    expect((await load(cleared)).worksheets[0]!.getCell("L20").style).toEqual((await load(styledInput)).worksheets[0]!.getCell("L20").style);
  });
});

describe("the output is never the input", () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = await tempDir();
    input = path.join(dir, "orig.xlsx");
    await buildSample(SEED_TEXT, input);
  });
  test.each(["same path", "symbolic link", "hard link", "relative path"])("%s, even with --force", async (how) => {
    const bytes = await fs.readFile(input);
    let output = input;
    let source = input;
    if (how === "symbolic link") {
      source = path.join(dir, "alias.xlsx");
      await fs.rm(source, { force: true });
      await fs.symlink(input, source);
    } else if (how === "hard link") {
      output = path.join(dir, "hard.xlsx");
      await fs.rm(output, { force: true });
      await fs.link(input, output);
    } else if (how === "relative path") {
      output = path.relative(process.cwd(), input);
    }
    await expect(report({ input: source, output, date: DATE, force: true })).rejects.toMatchObject({ code: "output_is_input" });
    await expect(clear({ input: source, output, force: true })).rejects.toMatchObject({ code: "output_is_input" });
    expect((await fs.readFile(input)).equals(bytes)).toBe(true);
  });
});

describe("file-system errors are typed, bilingual", () => {
  test.each<[string, string]>([
    ["ENOENT", "file_not_found"],
    ["EACCES", "permission_denied"],
    ["EPERM", "permission_denied"],
    ["EISDIR", "is_a_directory"],
    ["ENOSPC", "disk_full"],
    ["EIO", "io_error"],
  ])("%s → %s", (code, want) => {
    const e = fromFsError(Object.assign(new Error("x"), { code }), "f.xlsx");
    expect(e).toBeInstanceOf(JinduError);
    expect(e!.code).toBe(want);
    expect(e!.zh).toContain("f.xlsx");
    expect(e!.en).toContain("f.xlsx");
  });
  test("an error without a code is not one", () => {
    expect(fromFsError(new Error("x"), "f")).toBeNull();
  });
  test("an output that is a folder", async () => {
    const dir = await tempDir();
    const input = path.join(dir, "in.xlsx");
    await buildSample(SEED_TEXT, input);
    const folder = path.join(dir, "out.xlsx");
    await fs.mkdir(folder);
    await expect(report({ input, output: folder, date: DATE, force: true })).rejects.toBeInstanceOf(JinduError);
  });
  test.each<[string, string]>([
    ["ENOSPC", "disk_full"],
    ["EACCES", "permission_denied"],
    ["EIO", "io_error"],
  ])("a write that fails with %s → %s, exit-2 message, no partial file", async (code, want) => {
    const dir = await tempDir();
    const input = path.join(dir, "in.xlsx");
    await buildSample(SEED_TEXT, input);
    const output = path.join(dir, "out.xlsx");
    const spy = jest.spyOn(fs, "writeFile").mockRejectedValueOnce(Object.assign(new Error(code), { code }));
    try {
      await expect(report({ input, output, date: DATE })).rejects.toMatchObject({ code: want, en: expect.stringContaining("out.xlsx") });
    } finally {
      spy.mockRestore();
    }
    expect((await fs.readdir(dir)).sort()).toEqual(["in.xlsx"]);
  });

  test("a text bulletin named History.txt (a name Excel reserves) is reported", async () => {
    const dir = await tempDir();
    const input = path.join(dir, "History.txt");
    await fs.copyFile(SEED_TEXT, input);
    const r = await report({ input, output: path.join(dir, "h.xlsx"), date: DATE });
    expect(r.doc.rows.length).toBeGreaterThan(0);
  });
});

describe("argument values", () => {
  test.each([
    [["a.xlsx", "--expected", ""]],
    [["a.xlsx", "--expected", " "]],
    [["a.xlsx", "--expected", "abc"]],
    [["a.xlsx", "--date", "2020-99-99"]],
    [["a.xlsx", "--date", "2021-02-29"]],
    [["a.xlsx", "--date", ""]],
    [["a.xlsx", "--sheet", ""]],
    [[""]],
  ])("%j is rejected", (argv) => {
    expect(() => parseReportArgs(argv, DATE)).toThrow(expect.objectContaining({ code: "bad_argument" }));
  });
  test.each<[string, boolean]>([
    ["2020-02-29", true],
    ["2021-02-29", false],
    ["2020-12-31", true],
    ["2020-13-01", false],
    ["20-1-1", false],
  ])("isCalendarDate(%p) → %p", (s, ok) => expect(isCalendarDate(s)).toBe(ok));
});
