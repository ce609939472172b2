// The workbook-file adapter behind the BulletinFiles port: a bulletin's bytes read as a workbook
// (ExcelJS) or as text (the text reader), and the annotated copy written into the bulletin's own
// package (charts, pivot tables and all else kept) or, where the package cannot take it, through
// ExcelJS. The command line and the offline page both use it. The input bytes are only ever read.
import type ExcelJS from "exceljs";
import { isJinduError, JinduError } from "../core/errors";
import type { WorkbookPlan } from "../core/plan/types";
import { detectTable } from "../core/table/detect";
import type { Grid } from "../core/types";
import type { BulletinFiles, BulletinSource, Cleared, LoadOptions, PreparedBulletin, ReadBulletin, WriteOptions, WrittenCopy } from "../app/input";
import { decodeText, readTextGrid, utf16Bom } from "../text/readText";
import { applyPlan } from "./apply";
import { workbookFromGrid } from "./fromGrid";
import { clearJinduMarks, hasJinduMarks, isJinduPart, readState } from "./marks";
import { refuseUnsaved, unsavedParts, type LostParts } from "./parts";
import { CannotPatch, patchPackage, preparePatch, type PreparedPatch } from "./patch";
import { candidateSheets, loadWorkbook, pickWorksheet, sniffWorkbook, worksheetGrid } from "./read";
import { plainColumns, unpatchPackage, unpatchRequest, type UnpatchRequest } from "./unpatch";

export const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm"];
export const TEXT_EXTENSIONS = [".txt", ".tsv", ".csv"];

/** Excel's limit on the characters of a cell; a text file can hold more. */
export const MAX_CELL_CHARS = 32_767;

/** The file name without its folder. */
export const baseName = (name: string): string => name.replace(/^.*[\\/]/, "");

/** The extension, lower case with its dot, or "" (as node's path.extname). */
export function extension(name: string): string {
  const m = /(?!^)\.[^.]*$/.exec(baseName(name));
  return m ? m[0].toLowerCase() : "";
}

/** The bulletin as read, with what the copy needs: `cut` counts cells cut to MAX_CELL_CHARS. */
type LoadedInput =
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
async function load(source: BulletinSource, opts: LoadOptions = {}): Promise<LoadedInput> {
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

function readOf(loaded: LoadedInput): ReadBulletin {
  if (loaded.kind === "text") return { kind: "text", grid: loaded.grid, sheet: loaded.grid.sheet, sheets: [loaded.grid.sheet], cut: loaded.cut };
  const sheets = candidateSheets(loaded.workbook).map((ws) => ws.name);
  if (!sheets.includes(loaded.worksheet.name)) sheets.unshift(loaded.worksheet.name);
  return { kind: "workbook", grid: loaded.grid, sheet: loaded.worksheet.name, sheets, cut: loaded.cut };
}

/** A light compression level: about a third faster on large sheets, slightly larger files. */
export const WRITE_OPTIONS = { zip: { compression: "DEFLATE", compressionOptions: { level: 3 } } } as const;

async function prepare(source: BulletinSource, options: LoadOptions = {}, collect?: () => void): Promise<PreparedBulletin> {
  let loaded: LoadedInput | undefined = await load(source, options);
  const bulletin = readOf(loaded);
  const { grid } = loaded;
  // A workbook without Jindu's marks: the copy is its own package with Jindu's parts written
  // in, so charts, pivot tables and everything else it holds are kept as they are.
  let prepared: PreparedPatch | undefined;
  // A report of a report: Jindu's earlier marks come out of the package first, the same way.
  if (loaded.kind === "workbook" && (!loaded.marked || loaded.unmark)) {
    const { worksheet, unmark } = loaded;
    let bytes = loaded.bytes;
    prepared = await (async () => {
      if (unmark) bytes = await unpatchPackage(unmark);
      return preparePatch(bytes, worksheet, grid);
    })().catch((e: unknown) => {
      if (e instanceof CannotPatch) return undefined;
      throw e;
    });
    // The parsed workbook is not needed any more: its memory goes before the reading.
    if (prepared) {
      loaded = undefined;
      collect?.();
    }
  }
  const write = async (plan: WorkbookPlan, opts: WriteOptions): Promise<WrittenCopy> => {
    if (prepared) {
      const job = prepared.request(plan, opts.filled);
      prepared = undefined;
      try {
        const patched = await patchPackage(job, collect);
        return { bytes: patched.bytes, summarySheet: patched.summarySheet, laggingSheet: patched.laggingSheet, extraColumn: job.extraColumn };
      } catch (e) {
        if (!(e instanceof CannotPatch)) throw e;
      }
    }
    loaded ??= await load(source, options);
    // Text input, a copy of a copy, or a package the patch does not handle: through ExcelJS.
    // Parts ExcelJS cannot write back are said before anything is written (force accepts).
    const lost = loaded.kind === "workbook" ? refuseUnsaved(await loaded.unsaved(), opts.force ?? false) : undefined;
    const target = loaded.kind === "workbook" ? loaded : { ...workbookFromGrid(loaded.grid), grid: loaded.grid };
    const applied = applyPlan(target.workbook, target.worksheet, loaded.grid, plan, opts.filled ? { filled: opts.filled } : {});
    const written = await target.workbook.xlsx.writeBuffer(WRITE_OPTIONS);
    const bytes = written instanceof Uint8Array ? written : new Uint8Array(written);
    return { bytes, summarySheet: applied.summarySheet, laggingSheet: applied.laggingSheet, extraColumn: applied.extraColumn, ...(lost ? { lost } : {}) };
  };
  return { bulletin, write };
}

async function clear(source: BulletinSource, opts: { force?: boolean } = {}): Promise<Cleared> {
  const { bytes } = source;
  const name = baseName(source.name);
  // Only a workbook carries marks: a text bulletin has nothing to clear.
  if (sniffWorkbook(bytes) !== "zip") throw new JinduError("not_a_workbook", `${name} (.xlsx)`);
  const wb = await loadWorkbook(bytes, name);
  const state = readState(wb);
  // Jindu's columns were plain empty ones (the usual case): its parts come out of the package
  // itself, and charts, pivot tables and the rest stay as they are.
  if (plainColumns(state)) {
    const request = unpatchRequest(bytes, wb, state, isJinduPart);
    const result = clearJinduMarks(wb);
    try {
      return { ...result, bytes: await unpatchPackage(request) };
    } catch (e) {
      if (!(e instanceof CannotPatch)) throw e;
    }
    return clearThroughExcelJS(await loadWorkbook(bytes, name), bytes, opts.force ?? false);
  }
  return clearThroughExcelJS(wb, bytes, opts.force ?? false);
}

/** Through ExcelJS, which gives back styles of the columns too; parts it cannot write back are said first. */
async function clearThroughExcelJS(wb: ExcelJS.Workbook, bytes: Uint8Array, force: boolean): Promise<Cleared> {
  const lost = refuseUnsaved(await unsavedParts(bytes), force);
  const result = clearJinduMarks(wb);
  const written = await wb.xlsx.writeBuffer(WRITE_OPTIONS);
  return { ...result, bytes: written instanceof Uint8Array ? written : new Uint8Array(written), ...(lost ? { lost } : {}) };
}

/** The workbook and text files of a bulletin, for the use cases in src/app. */
export const bulletinFiles: BulletinFiles = {
  read: async (source, options) => readOf(await load(source, options)),
  prepare,
  clear,
};
