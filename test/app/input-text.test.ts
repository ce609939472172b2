// Text input: RFC 4180 quoting (Excel's CSV export, Excel/WPS tab-separated copies), row
// numbers that stay the file's line numbers, UTF-16 with a BOM, cells past Excel's limit.
import { promises as fs, readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import * as iconv from "iconv-lite";
import { cutLongCells, MAX_CELL_CHARS } from "../../src/xlsx/bulletin";
import { loadInput } from "../../src/cli/files";
import { analyzeGrid } from "../../src/core/analyze";
import type { CellValue, Grid } from "../../src/core/types";
import { decodeText, readTextGrid } from "../../src/text/readText";
import { FIXTURES, SEED_TEXT } from "../support/fakeAnalyze";
import { smallBulletin, tempDir, toBuffer } from "../support/workbooks";

/** The reader before multi-line cells: one row per line, quotes only within a line. */
function lineReader(text: string, fileName: string): CellValue[][] {
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const tab = lines.some((l) => l.includes("\t"));
  const csv = !tab && /\.csv$/i.test(fileName);
  const splitCsv = (line: string): string[] => {
    const out: string[] = [];
    let cur = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"' && cur === "") quoted = true;
      else if (ch === ",") {
        out.push(cur);
        cur = "";
      } else cur += ch;
    }
    out.push(cur);
    return out;
  };
  return lines.map((line) => (tab ? line.split("\t") : csv ? splitCsv(line) : [line]).map((c) => (c.trim() === "" ? null : c)));
}

/** A field as Excel writes it to CSV: quoted when it holds a separator, a quote or a line break. */
function excelField(v: string, sep: string): string {
  return v.includes(sep) || v.includes('"') || v.includes("\n") ? `"${v.replace(/"/g, '""')}"` : v;
}

function cell(grid: Grid, row: number, col: number): CellValue | undefined {
  return grid.values[row - grid.top]?.[col - grid.left];
}

describe("files without multi-line cells read exactly as before", () => {
  const fixtures = [
    SEED_TEXT,
    ...readdirSync(path.join(FIXTURES, "real")).filter((f) => f.endsWith(".txt")).map((f) => path.join(FIXTURES, "real", f)),
    ...readdirSync(path.join(FIXTURES, "other")).filter((f) => f.endsWith(".tsv")).map((f) => path.join(FIXTURES, "other", f)),
  ];

  test.each(fixtures.map((f) => [path.relative(FIXTURES, f), f]))("%s", (_name, file) => {
    const text = decodeText(readFileSync(file));
    expect(readTextGrid(text, file).values).toEqual(lineReader(text, file));
  });

  test("single-line quoting, stray and unbalanced quotes (generated)", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = ["a", "中", ",", "\t", '"', '"', " ", "\n", "\r\n", "5"];
    let compared = 0;
    for (let n = 0; n < 8000; n++) {
      let s = "";
      const len = Math.floor(rnd() * 30);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      for (const name of ["x.csv", "x.txt"]) {
        const before = lineReader(s, name);
        const now = readTextGrid(s, name).values;
        // Files with a quoted cell over several lines are the ones that change.
        const multiline = now.length !== before.length || now.some((r) => r.length === 0);
        if (multiline) continue;
        compared++;
        expect([s, now]).toEqual([s, before]);
      }
    }
    expect(compared).toBeGreaterThan(10000);
  });
});

describe("CSV as Excel exports it (RFC 4180)", () => {
  test("commas and doubled quotes inside quotes, CRLF", () => {
    const g = readTextGrid('序号,项目名称,进展情况\r\n1,"道路, 桥梁","完成""四好农村路""30公里"\r\n', "a.csv");
    expect(g.values).toEqual([
      ["序号", "项目名称", "进展情况"],
      ["1", "道路, 桥梁", '完成"四好农村路"30公里'],
    ]);
  });

  test("a quoted cell over several lines is one cell in the row of its first line; later rows keep their line numbers", () => {
    const text = ['序号,项目名称,进展情况', '1,"饮水工程","完成5处，', '另有2处在建', '（见附表）"', '2,培训,"培训209人"'].join("\r\n");
    const g = readTextGrid(text, "a.csv");
    expect(g.top).toBe(1);
    expect(g.values).toHaveLength(5);
    expect(cell(g, 2, 3)).toBe("完成5处，\n另有2处在建\n（见附表）");
    expect(g.values[2]).toEqual([]);
    expect(g.values[3]).toEqual([]);
    expect(cell(g, 5, 1)).toBe("2");
    expect(cell(g, 5, 3)).toBe("培训209人");
  });

  test("a stray quote that never closes does not swallow the lines after it", () => {
    const text = '序号,项目名称,进展情况\n1,"饮水工程,完成5处\n2,培训,培训209人\n3,道路,完成30公里';
    expect(readTextGrid(text, "a.csv").values).toEqual(lineReader(text, "a.csv"));
  });

  test("a quote closed on a later line but followed by text is not a cell", () => {
    const text = '项目,进展\n1,"完成\n2,已"开工\n3,完成';
    expect(readTextGrid(text, "a.csv").values).toEqual(lineReader(text, "a.csv"));
  });
});

describe("tab-separated text copied from Excel or WPS", () => {
  test("a cell with a line break is quoted: one cell, no phantom rows", () => {
    const text = '序号\t项目名称\t进展情况\n1\t饮水工程\t"完成5处，\n另有""2处""在建"\t备注\n2\t培训\t培训209人\n';
    const g = readTextGrid(text, "copy.txt");
    expect(g.values).toEqual([
      ["序号", "项目名称", "进展情况"],
      ["1", "饮水工程", '完成5处，\n另有"2处"在建', "备注"],
      [],
      ["2", "培训", "培训209人"],
    ]);
  });

  test("quotes within one line are kept as written, as before", () => {
    const text = '项目\t进展\n"四好农村路"建设\t"完成"\n"a,b"\t""';
    expect(readTextGrid(text, "copy.txt").values).toEqual(lineReader(text, "copy.txt"));
  });

});

test.each([
  ["tab-separated", "\t", "big.txt"],
  ["CSV", ",", "big.csv"],
])("%s: a long file with a stray quote on every line stays fast and line by line", (_name, sep, file) => {
  const text = Array.from({ length: 50_000 }, (_, i) => [i, `"项目${i}`, "完成"].join(sep)).join("\n");
  const t0 = Date.now();
  const g = readTextGrid(text, file);
  expect(Date.now() - t0).toBeLessThan(3000);
  expect(g.values).toEqual(lineReader(text, file));
});

test.each([
  ["CSV", ",", "t.csv"],
  ["tab-separated", "\t", "t.txt"],
])("%s written as Excel does reads back cell for cell, each record on its first line (generated)", (_name, sep, file) => {
  let seed = 11;
  const rnd = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
  const pieces = ["完成", "a", " ", '"', "\n", "5", ",", "。"];
  for (let t = 0; t < 300; t++) {
    // A text with no tab is not read as tab-separated: two columns at least.
    const width = (sep === "\t" ? 2 : 1) + rnd(4);
    const rows = Array.from({ length: 1 + rnd(6) }, () =>
      Array.from({ length: width }, () => {
        let c = "x";
        for (let k = rnd(6); k > 0; k--) c += pieces[rnd(pieces.length)];
        return c;
      }),
    );
    // Excel quotes a CSV field holding a separator, quote or line break; a copy only a line break.
    const quote = (c: string) => (sep === "," ? excelField(c, sep) : c.includes("\n") ? `"${c.replace(/"/g, '""')}"` : c);
    const eol = t % 2 === 0 ? "\r\n" : "\n";
    const text = rows.map((r) => r.map((c) => quote(c).replace(/\n/g, eol)).join(sep)).join(eol) + eol;
    const g = readTextGrid(text, file);
    let line = 1;
    for (const r of rows) {
      expect([text, line, g.values[line - 1]]).toEqual([text, line, r]);
      line += 1 + r.join("").split("\n").length - 1;
    }
  }
});

describe("a bulletin with multi-line cells reads the same rows as without", () => {
  const seed = readFileSync(SEED_TEXT, "utf8");
  const lines = seed.split(/\r\n|\n/);
  // The 市财政局 row's progress gets a line break after its first sentence, as a user types Alt+Enter.
  const at = lines.findIndex((l) => l.startsWith("2\t市财政局"));
  const broken = lines.map((l, i) => {
    if (i !== at) return l.split("\t");
    const cells = l.split("\t");
    cells[4] = cells[4]!.replace("。", "。\n");
    return cells;
  });

  function rowsOf(grid: Grid) {
    return analyzeGrid(grid).rows.map((r) => ({ row: r.row, project: r.project, status: r.status }));
  }
  const original = rowsOf(readTextGrid(seed, "bulletin.txt"));
  const shifted = (rows: typeof original) => rows.map((r) => ({ ...r, row: r.row > at + 1 ? r.row + 1 : r.row }));

  test("the test edits a row", () => {
    expect(at).toBeGreaterThan(0);
    expect(broken[at]![4]).toContain("\n");
  });

  test("as CSV exported by Excel (CRLF, quoted fields)", () => {
    const csv = broken.map((cells) => cells.map((c) => excelField(c, ",")).join(",")).join("\r\n");
    expect(rowsOf(readTextGrid(csv, "bulletin.csv"))).toEqual(shifted(original));
  });

  test("as tab-separated text copied from Excel", () => {
    const tsv = broken.map((cells) => cells.map((c) => (c.includes("\n") ? excelField(c, "\t") : c)).join("\t")).join("\r\n");
    expect(rowsOf(readTextGrid(tsv, "bulletin.txt"))).toEqual(shifted(original));
  });
});

describe("encodings", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  test.each<[string, (s: string) => Buffer]>([
    ["UTF-16 LE with a BOM (Excel's Unicode text)", (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(s, "utf-16le")])],
    ["UTF-16 BE with a BOM", (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(s, "utf-16be")])],
    ["UTF-8 with a BOM", (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, "utf8")])],
    ["GB18030", (s) => iconv.encode(s, "gb18030")],
  ])("%s reads as the UTF-8 file does", async (name, encode) => {
    const seed = await fs.readFile(SEED_TEXT, "utf8");
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.txt`);
    await fs.writeFile(file, encode(seed.replace(/\n/g, "\r\n")));
    const loaded = await loadInput(file);
    expect(loaded.kind).toBe("text");
    expect(loaded.grid.values).toEqual((await loadInput(SEED_TEXT)).grid.values);
  });

  test("UTF-16 binary junk after a BOM is still not text", async () => {
    const file = path.join(dir, "junk.txt");
    await fs.writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(64, 0)]));
    await expect(loadInput(file)).rejects.toMatchObject({ code: "not_a_workbook" });
  });
});

describe("cells longer than Excel's 32,767 characters", () => {
  test("are cut when read, and counted", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "long.txt");
    const seed = await fs.readFile(SEED_TEXT, "utf8");
    const lines = seed.split("\n");
    const at = lines.findIndex((l) => l.startsWith("2\t市财政局"));
    lines[at] = `${lines[at]!}${"完成".repeat(30_000)}`;
    lines[at + 1] = `${lines[at + 1]!}\t${"x".repeat(MAX_CELL_CHARS)}`;
    await fs.writeFile(file, lines.join("\n"));
    const loaded = await loadInput(file);
    expect(loaded.cut).toBe(1);
    expect(loaded.grid.values[at]![4]).toHaveLength(MAX_CELL_CHARS);
    // Exactly at the limit: kept whole.
    expect(loaded.grid.values[at + 1]!.at(-1)).toHaveLength(MAX_CELL_CHARS);
    expect((await loadInput(SEED_TEXT)).cut).toBe(0);
  });

  test("in a workbook too", async () => {
    const wb = smallBulletin();
    wb.getWorksheet("通报")!.getCell("E4").value = "完成".repeat(20_000);
    const file = path.join(await tempDir(), "long.xlsx");
    await fs.writeFile(file, await toBuffer(wb));
    const loaded = await loadInput(file);
    expect(loaded.cut).toBe(1);
    expect(loaded.grid.values[3]![4]).toHaveLength(MAX_CELL_CHARS);
  });

  test("never in the middle of a surrogate pair", () => {
    const grid: Grid = { sheet: "s", top: 1, left: 1, merges: [], values: [[`${"a".repeat(9)}😀b`, "short", 12]] };
    expect(cutLongCells(grid, 10)).toBe(1);
    expect(grid.values[0]).toEqual(["a".repeat(9), "short", 12]);
  });
});
