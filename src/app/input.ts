// Loads a bulletin from a file: a workbook through the ExcelJS adapter, pasted text through
// the text reader. Every failure is a JinduError with a zh/en message.
import * as path from "node:path";
import type ExcelJS from "exceljs";
import { JinduError } from "../core/errors";
import type { Grid } from "../core/types";
import { decodeText, readTextGrid } from "../text/readText";
import { loadWorkbook, pickWorksheet, readBytes, sniffWorkbook, worksheetGrid } from "../xlsx/read";

export const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm"];
export const TEXT_EXTENSIONS = [".txt", ".tsv", ".csv"];

export interface LoadOptions {
  sheet?: string;
}

export type LoadedInput =
  | { kind: "workbook"; grid: Grid; workbook: ExcelJS.Workbook; worksheet: ExcelJS.Worksheet }
  | { kind: "text"; grid: Grid };

// Text with NUL bytes or mostly control characters is some other binary file.
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Reads the file once and returns its grid (and, for a workbook, the parsed workbook). */
export async function loadInput(file: string, opts: LoadOptions = {}): Promise<LoadedInput> {
  const bytes = await readBytes(file);
  const name = path.basename(file);
  const ext = path.extname(file).toLowerCase();
  const kind = sniffWorkbook(bytes);
  // The bytes decide over the extension: a workbook renamed .txt is still a workbook.
  if (WORKBOOK_EXTENSIONS.includes(ext) || kind !== "other") {
    const workbook = await loadWorkbook(bytes, name);
    const worksheet = pickWorksheet(workbook, opts.sheet);
    return { kind: "workbook", grid: worksheetGrid(worksheet), workbook, worksheet };
  }
  if (TEXT_EXTENSIONS.includes(ext) || (ext === "" && !looksBinary(bytes))) {
    if (looksBinary(bytes)) throw new JinduError("not_a_workbook", name);
    const grid = readTextGrid(decodeText(bytes), file);
    // A text file is one sheet, named after the file.
    if (opts.sheet !== undefined && opts.sheet !== grid.sheet) {
      throw new JinduError("sheet_not_found", `${opts.sheet} [${grid.sheet}]`);
    }
    return { kind: "text", grid };
  }
  throw new JinduError("not_a_workbook", name);
}

export async function loadGrid(file: string, opts: LoadOptions = {}): Promise<Grid> {
  return (await loadInput(file, opts)).grid;
}
