// Loads a bulletin from its bytes and name: a workbook through the ExcelJS adapter, pasted text
// through the text reader. Every failure is a JinduError with a zh/en message. Where the bytes
// come from (a file, a dropped file, a paste) is the host's business: src/cli/files.ts reads
// files, the offline page hands over what the user chose.
import type ExcelJS from "exceljs";
import { isJinduError, JinduError } from "../core/errors";
import { detectTable } from "../core/table/detect";
import type { Grid } from "../core/types";
import { decodeText, readTextGrid, utf16Bom } from "../text/readText";
import { clearJinduMarks, hasJinduMarks, isJinduPart, readState } from "../xlsx/marks";
import { plainColumns, unpatchRequest, type UnpatchRequest } from "../xlsx/unpatch";
import { unsavedParts, type LostParts } from "../xlsx/parts";
import { candidateSheets, loadWorkbook, pickWorksheet, sniffWorkbook, worksheetGrid } from "../xlsx/read";

export const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm"];
export const TEXT_EXTENSIONS = [".txt", ".tsv", ".csv"];

/** Excel's limit on the characters of a cell; a text file can hold more. */
export const MAX_CELL_CHARS = 32_767;

/** A bulletin as a host hands it over: its bytes and its file name (a path is fine). */
export interface BulletinSource {
  bytes: Uint8Array;
  name: string;
}

/** The file name without its folder. */
export const baseName = (name: string): string => name.replace(/^.*[\\/]/, "");

/** The extension, lower case with its dot, or "" (as node's path.extname). */
export function extension(name: string): string {
  const m = /(?!^)\.[^.]*$/.exec(baseName(name));
  return m ? m[0].toLowerCase() : "";
}

export interface LoadOptions {
  sheet?: string;
}

/** `cut`: how many cells were longer than MAX_CELL_CHARS and were cut to it. */
export type LoadedInput =
  | {
      kind: "workbook";
      grid: Grid;
      workbook: ExcelJS.Workbook;
      worksheet: ExcelJS.Worksheet;
      cut: number;
      unsaved: () => Promise<LostParts>;
      /** The file as read: the annotated copy is written into this package. */
      bytes: Uint8Array;
      /** The file carried Jindu's marks (taken off `workbook` when read). */
      marked: boolean;
      /** For a marked file whose marks can come out of the package itself: how. */
      unmark?: UnpatchRequest;
    }
  | { kind: "text"; grid: Grid; cut: number };

function isControl(c: number): boolean {
  return c < 0x09 || (c > 0x0d && c < 0x20);
}

// Text with NUL bytes or mostly control characters is some other binary file. UTF-16 (with a
// BOM) is full of NUL bytes, so it is judged by its decoded characters instead.
function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Bom(bytes)) {
    const text = decodeText(bytes.subarray(0, 8192));
    const n = Math.min(text.length, 4096);
    let control = 0;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0) return true;
      if (isControl(c)) control++;
    }
    return n > 0 && control / n > 0.05;
  }
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (isControl(b)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Cuts cells past Excel's limit in place (never splitting a surrogate pair); returns how many. */
export function cutLongCells(grid: Grid, limit = MAX_CELL_CHARS): number {
  let cut = 0;
  for (const row of grid.values) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v !== "string" || v.length <= limit) continue;
      const hi = v.charCodeAt(limit - 1);
      row[c] = v.slice(0, hi >= 0xd800 && hi <= 0xdbff ? limit - 1 : limit);
      cut++;
    }
  }
  return cut;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function namedSheet(workbook: ExcelJS.Workbook, sheet?: string): { worksheet: ExcelJS.Worksheet; grid: Grid } {
  const worksheet = pickWorksheet(workbook, sheet);
  return { worksheet, grid: worksheetGrid(worksheet) };
}

/**
 * With no sheet named: the first candidate sheet whose table is found. One candidate is taken
 * as it is, so its own error (no header, empty) is the one shown.
 */
function findBulletinSheet(workbook: ExcelJS.Workbook): { worksheet: ExcelJS.Worksheet; grid: Grid } {
  const candidates = candidateSheets(workbook);
  if (candidates.length <= 1) return namedSheet(workbook);
  let tooLarge: JinduError | undefined;
  for (const worksheet of candidates) {
    try {
      const grid = worksheetGrid(worksheet);
      detectTable(grid);
      return { worksheet, grid };
    } catch (e) {
      if (!isJinduError(e)) throw e;
      // A sheet too large to read may be the bulletin: said so if no other sheet has one.
      if (e.code === "sheet_too_large") tooLarge ??= e;
    }
  }
  if (tooLarge) throw tooLarge;
  const names = candidates.map((ws) => ws.name).join(", ");
  throw new JinduError("no_header", `已查看工作表 ${names}；请用 --sheet 指定 / sheets tried: ${names}; name one with --sheet`);
}

/** Reads the bulletin's bytes once and returns its grid (and, for a workbook, the parsed workbook). */
export async function readBulletin(source: BulletinSource, opts: LoadOptions = {}): Promise<LoadedInput> {
  const { bytes } = source;
  const file = source.name;
  const name = baseName(file);
  const ext = extension(file);
  const kind = sniffWorkbook(bytes);
  // The bytes decide over the extension: a workbook renamed .txt is still a workbook.
  if (WORKBOOK_EXTENSIONS.includes(ext) || kind !== "other") {
    const workbook = await loadWorkbook(bytes, name);
    // An annotated copy reads as its original: Jindu's columns, rules and sheets come off first.
    const marked = hasJinduMarks(workbook);
    let unmark: UnpatchRequest | undefined;
    if (marked) {
      const state = readState(workbook);
      if (plainColumns(state)) unmark = unpatchRequest(bytes, workbook, state, isJinduPart);
      clearJinduMarks(workbook);
    }
    const { worksheet, grid } = opts.sheet === undefined ? findBulletinSheet(workbook) : namedSheet(workbook, opts.sheet);
    return { kind: "workbook", grid, workbook, worksheet, cut: cutLongCells(grid), unsaved: () => unsavedParts(bytes), bytes, marked, ...(unmark ? { unmark } : {}) };
  }
  if (TEXT_EXTENSIONS.includes(ext) || (ext === "" && !looksBinary(bytes))) {
    if (looksBinary(bytes)) throw new JinduError("not_a_workbook", name);
    const grid = readTextGrid(decodeText(bytes), file);
    // A text file is one sheet, named after the file.
    if (opts.sheet !== undefined && !sameName(opts.sheet, grid.sheet)) {
      throw new JinduError("sheet_not_found", `${opts.sheet} [${grid.sheet}]`);
    }
    return { kind: "text", grid, cut: cutLongCells(grid) };
  }
  throw new JinduError("not_a_workbook", name);
}
