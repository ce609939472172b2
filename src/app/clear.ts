// The clear use case: a workbook Jindu annotated, given back as it was before the report (cell
// values, styles, widths, sheets), as the bytes of a new package. The input is only ever read;
// the command line (src/cli/files.ts) reads and writes the files.
import type ExcelJS from "exceljs";
import { JinduError } from "../core/errors";
import { loadWorkbook, sniffWorkbook } from "../xlsx/read";
import { clearJinduMarks, isJinduPart, readState, type ClearResult } from "../xlsx/marks";
import { CannotPatch } from "../xlsx/patch";
import { plainColumns, unpatchPackage, unpatchRequest } from "../xlsx/unpatch";
import { refuseUnsaved, unsavedParts, type LostParts } from "../xlsx/parts";
import { baseName, type BulletinSource } from "./input";
import { WRITE_OPTIONS } from "./report";

export interface Cleared extends ClearResult {
  bytes: Uint8Array;
  /** Parts of the input the copy does not keep (accepted with force). */
  lost?: LostParts;
}

export async function clearWorkbook(source: BulletinSource, opts: { force?: boolean } = {}): Promise<Cleared> {
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
