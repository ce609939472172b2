// Builds assets/sample/bulletin-2020-h1.xlsx from the seed bulletin text, laid out the way such
// workbooks are: a merged title row, the intro paragraph, a header row, 序号 and 实施单位 as
// vertically merged cells, wrapped text and fitted column widths.
// Run: npm run sample
import { existsSync, promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { decodeText, readTextGrid } from "../src/text/readText";
import { displayWidth } from "../src/core/plan/width";

export interface BulletinRow {
  seq: string;
  unit: string;
  project: string;
  target: string;
  progress: string;
}

export interface Bulletin {
  title: string;
  intro: string;
  header: [string, string, string, string, string];
  rows: BulletinRow[];
}

function str(v: unknown): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

/** Reads the seed text: the first line is the title, the longest line above the table the intro. */
export function parseBulletinText(text: string): Bulletin {
  const grid = readTextGrid(text, "bulletin.txt");
  const headerIndex = grid.values.findIndex((line) => str(line[0]) === "序号");
  if (headerIndex < 0) throw new Error("no header line (序号…) in the bulletin text");
  const above = grid.values.slice(0, headerIndex).map((l) => str(l[0])).filter((s) => s !== "");
  const title = above[0] ?? "";
  const intro = above.slice(1).reduce((a, b) => (b.length > a.length ? b : a), "");
  const h = grid.values[headerIndex]!.map(str);
  const rows = grid.values.slice(headerIndex + 1).flatMap((line) => {
    const cells = line.map(str);
    if (cells.every((c) => c === "")) return [];
    return [{ seq: cells[0] ?? "", unit: cells[1] ?? "", project: cells[2] ?? "", target: cells[3] ?? "", progress: cells[4] ?? "" }];
  });
  return { title, intro, header: [h[0] ?? "", h[1] ?? "", h[2] ?? "", h[3] ?? "", h[4] ?? ""], rows };
}

const WIDTHS = [6, 14, 18, 46, 62];
const FONT: Partial<ExcelJS.Font> = { name: "宋体", size: 10 };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

function linesFor(text: string, width: number): number {
  return Math.max(1, Math.ceil(displayWidth(text) / Math.max(1, width - 2)));
}

/** Lays a bulletin out as a workbook. Continuation rows (blank 序号 and 实施单位) are merged into the unit above. */
export function bulletinWorkbook(b: Bulletin): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Jindu";
  const ws = wb.addWorksheet("Sheet1", {
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: "3:3" },
    views: [{ state: "frozen", xSplit: 0, ySplit: 3, topLeftCell: "A4", activeCell: "A4" }],
  });
  WIDTHS.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const total = WIDTHS.reduce((a, b) => a + b, 0);

  ws.getCell("A1").value = b.title;
  ws.mergeCells("A1:E1");
  ws.getCell("A1").style = { font: { ...FONT, size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } };
  ws.getRow(1).height = 32;

  ws.getCell("A2").value = b.intro;
  ws.mergeCells("A2:E2");
  ws.getCell("A2").style = { font: FONT, alignment: { wrapText: true, vertical: "top", indent: 1 } };
  ws.getRow(2).height = linesFor(b.intro, total) * 14 + 6;

  b.header.forEach((h, i) => {
    const cell = ws.getCell(3, i + 1);
    cell.value = h;
    cell.style = {
      font: { ...FONT, bold: true },
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      border: THIN,
      fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } },
    };
  });
  ws.getRow(3).height = 22;

  let groupStart = 4;
  b.rows.forEach((row, i) => {
    const r = 4 + i;
    const continuation = row.seq === "" && row.unit === "" && i > 0;
    if (!continuation) {
      if (r - 1 > groupStart) {
        ws.mergeCells(groupStart, 1, r - 1, 1);
        ws.mergeCells(groupStart, 2, r - 1, 2);
      }
      groupStart = r;
      const seq = Number(row.seq);
      // Numbers are stored as numbers, as Excel users type them.
      ws.getCell(r, 1).value = row.seq !== "" && Number.isFinite(seq) ? seq : row.seq || null;
      ws.getCell(r, 2).value = row.unit || null;
    }
    ws.getCell(r, 3).value = row.project;
    ws.getCell(r, 4).value = row.target;
    ws.getCell(r, 5).value = row.progress;
    for (let c = 1; c <= 5; c++) {
      ws.getCell(r, c).style = {
        font: FONT,
        border: THIN,
        alignment: c <= 2 ? { horizontal: "center", vertical: "middle", wrapText: true } : { vertical: "middle", wrapText: true },
      };
    }
    const lines = Math.max(linesFor(row.project, WIDTHS[2]!), linesFor(row.target, WIDTHS[3]!), linesFor(row.progress, WIDTHS[4]!));
    ws.getRow(r).height = Math.min(409, lines * 13.5 + 6);
  });
  const last = 3 + b.rows.length;
  if (last > groupStart) {
    ws.mergeCells(groupStart, 1, last, 1);
    ws.mergeCells(groupStart, 2, last, 2);
  }
  return wb;
}

export async function buildSample(textFile: string, outFile: string): Promise<void> {
  const bulletin = parseBulletinText(decodeText(await fs.readFile(textFile)));
  const wb = bulletinWorkbook(bulletin);
  // A fixed date keeps the committed file stable across rebuilds.
  wb.created = new Date(Date.UTC(2020, 6, 15));
  wb.modified = wb.created;
  await fs.mkdir(path.dirname(outFile), { recursive: true });
  await wb.xlsx.writeFile(outFile);
}

function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "test", "fixtures", "bulletin-2020-h1.txt"))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

if (require.main === module) {
  const root = repoRoot();
  const src = path.join(root, "test", "fixtures", "bulletin-2020-h1.txt");
  const out = path.join(root, "assets", "sample", "bulletin-2020-h1.xlsx");
  buildSample(src, out).then(
    () => process.stdout.write(`已生成 Built: ${path.relative(process.cwd(), out)}\n`),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
