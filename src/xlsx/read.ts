// Workbook → Grid through ExcelJS: values as the user sees them (rich text joined, formulas by
// their cached result, dates as text), merged areas listed, merged-away cells empty.
// No Node API here: the offline page bundles this module too (files are read in src/cli/files.ts).
import ExcelJS from "exceljs";
import { JinduError } from "../core/errors";
import type { CellValue, Grid, MergedArea } from "../core/types";
import { JINDU_MARKER } from "../core/plan";
// Both are plain constants and functions, free of Office types: the add-in's limit, shared.
import { MAX_READ_CELLS } from "../core/limits";
import { a1, quoteSheet } from "../core/plan/a1";
import { installFastMerges } from "./mergeIndex";

installFastMerges();

export type WorkbookKind = "zip" | "encrypted" | "cfb" | "other";

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether `needle` occurs in `bytes` (a plain scan: Buffer is Node's, and the page has none). */
export function includesBytes(bytes: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  if (first === undefined) return true;
  for (let i = bytes.indexOf(first); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf16le = (s: string): Uint8Array => Uint8Array.from([...s].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
const ENCRYPTED_PACKAGE = utf16le("EncryptedPackage");
const WORKBOOK_PART = latin1("xl/workbook.xml");

/** What the bytes are: an OOXML zip, an encrypted OOXML (a CFB with EncryptedPackage), a legacy CFB (.xls), or neither. */
export function sniffWorkbook(bytes: Uint8Array): WorkbookKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "zip";
  if (bytes.length >= 8 && CFB_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Directory entry names are UTF-16LE; an encrypted .xlsx has an "EncryptedPackage" stream.
    return includesBytes(bytes, ENCRYPTED_PACKAGE) ? "encrypted" : "cfb";
  }
  return "other";
}

/** Parses workbook bytes, turning every failure into a typed error. `name` is shown in messages. */
export async function loadWorkbook(bytes: Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  const kind = sniffWorkbook(bytes);
  if (kind === "encrypted") throw new JinduError("encrypted_workbook", name);
  // A legacy .xls (also CFB) is not read: ask for .xlsx.
  if (kind === "cfb") throw new JinduError("not_a_workbook", `${name} (.xls → .xlsx)`);
  if (kind === "other") throw new JinduError("not_a_workbook", name);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new JinduError("corrupt_workbook", name);
  }
  // A zip that is not a spreadsheet (a .docx, an archive) loads as a workbook without sheets.
  if (wb.worksheets.length === 0) {
    throw new JinduError(includesBytes(bytes, WORKBOOK_PART) ? "empty_workbook" : "not_a_workbook", name);
  }
  return wb;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ExcelJS reads date-formatted cells as UTC dates. */
export function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${pad2(h)}:${pad2(m)}${s === 0 ? "" : `:${pad2(s)}`}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

function textOf(v: unknown): string {
  if (typeof v === "string") return v;
  if (isRecord(v) && Array.isArray(v.richText)) {
    return v.richText.map((run: unknown) => (isRecord(run) && typeof run.text === "string" ? run.text : "")).join("");
  }
  return "";
}

/** One ExcelJS cell value → the grid's cell value. */
export function toCellValue(v: ExcelJS.CellValue | unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return formatDate(v) || null;
  if (!isRecord(v)) return null;
  if (typeof v.error === "string") return { error: v.error };
  if (Array.isArray(v.richText)) return toCellValue(textOf(v));
  // Formula (plain, shared or array): the value Excel saved with it.
  if ("formula" in v || "sharedFormula" in v) return toCellValue(v.result);
  if ("hyperlink" in v) return toCellValue(textOf(v.text));
  return null;
}

function sheetHasMarker(ws: ExcelJS.Worksheet): boolean {
  const row = ws.getRow(1);
  let found = false;
  row.eachCell({ includeEmpty: false }, (cell) => {
    if (typeof cell.value === "string" && cell.value.startsWith(JINDU_MARKER)) found = true;
  });
  return found;
}

/** Whether Jindu wrote this sheet (its marker sits in a hidden cell of row 1). */
export function isJinduSheet(ws: ExcelJS.Worksheet): boolean {
  return sheetHasMarker(ws);
}

/** Reads a worksheet's used range and merged areas; refuses a range past MAX_READ_CELLS. */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const cells: { r: number; c: number; v: CellValue }[] = [];
  const merges = new Map<string, MergedArea>();
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = 0;
  let right = 0;
  // The cells that set the bottom and right edges, named when the sheet is too large.
  let lowest = "";
  let rightmost = "";
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged) {
        const master = cell.master;
        const key = master.address;
        const mr = Number(master.row);
        const mc = Number(master.col);
        const area = merges.get(key) ?? { top: mr, left: mc, bottom: mr, right: mc };
        area.top = Math.min(area.top, r);
        area.left = Math.min(area.left, c);
        area.bottom = Math.max(area.bottom, r);
        area.right = Math.max(area.right, c);
        merges.set(key, area);
        // The merged-away cells read as empty, as Excel shows them; the master keeps the value.
        if (master !== cell) return;
      }
      const v = toCellValue(cell.value);
      if (v === null) return;
      cells.push({ r, c, v });
      top = Math.min(top, r);
      left = Math.min(left, c);
      if (r > bottom) {
        bottom = r;
        lowest = a1(r, c);
      }
      if (c > right) {
        right = c;
        rightmost = a1(r, c);
      }
    });
  });
  const mergedAreas = [...merges.values()].filter((m) => m.bottom > m.top || m.right > m.left);
  if (cells.length === 0) return { sheet: ws.name, top: 1, left: 1, values: [], merges: mergedAreas };
  const height = bottom - top + 1;
  const width = right - left + 1;
  // Checked before the dense grid is allocated: one far cell would otherwise exhaust memory.
  if (height * width > MAX_READ_CELLS) {
    // Named as Excel writes a reference (通报!XFD1048576), so the user knows what to delete.
    const sheet = /^[\p{L}\p{N}_]+$/u.test(ws.name) ? ws.name : quoteSheet(ws.name);
    const far = [...new Set([lowest, rightmost])].map((a) => `${sheet}!${a}`).join(", ");
    throw new JinduError("sheet_too_large", `${height} × ${width}, ${far}`);
  }
  const values: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  for (const { r, c, v } of cells) {
    const line = values[r - top];
    if (line) line[c - left] = v;
  }
  return { sheet: ws.name, top, left, values, merges: mergedAreas };
}

/** The sheet of that name: exact, then without surrounding spaces, then ignoring case as Excel does. */
export function findSheetByName(sheets: ExcelJS.Worksheet[], name: string): ExcelJS.Worksheet | undefined {
  const fold = (s: string) => s.trim().toLowerCase();
  return (
    sheets.find((ws) => ws.name === name) ??
    sheets.find((ws) => ws.name.trim() === name.trim()) ??
    sheets.find((ws) => fold(ws.name) === fold(name))
  );
}

/** The sheets read when none is named: visible, with content, not written by Jindu. */
export function candidateSheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  return wb.worksheets.filter((ws) => ws.state === "visible" && !isJinduSheet(ws) && ws.actualRowCount > 0);
}

/** The sheet asked for, or the first visible sheet with content that Jindu did not write. */
export function pickWorksheet(wb: ExcelJS.Workbook, sheet?: string): ExcelJS.Worksheet {
  const sheets = wb.worksheets;
  if (sheet !== undefined) {
    const found = findSheetByName(sheets, sheet);
    if (!found) throw new JinduError("sheet_not_found", `${sheet} [${sheets.map((ws) => ws.name).join(", ")}]`);
    return found;
  }
  const first = candidateSheets(wb)[0] ?? sheets.find((ws) => ws.state === "visible" && !isJinduSheet(ws)) ?? sheets[0];
  if (!first) throw new JinduError("empty_workbook");
  return first;
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  worksheet: ExcelJS.Worksheet;
  grid: Grid;
}

/** Reads workbook bytes and the grid of one sheet. */
export async function readWorkbook(bytes: Uint8Array, sheet?: string, name = "workbook"): Promise<LoadedWorkbook> {
  const workbook = await loadWorkbook(bytes, name);
  const worksheet = pickWorksheet(workbook, sheet);
  return { workbook, worksheet, grid: worksheetGrid(worksheet) };
}
