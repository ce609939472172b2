// The clear use case: a workbook Jindu annotated, given back as it was before the report (cell
// values, styles, widths, sheets), written as a new file. The input is only ever read.
import * as path from "node:path";
import { JinduError } from "../core/errors";
import { loadWorkbook, readBytes, sniffWorkbook } from "../xlsx/read";
import type ExcelJS from "exceljs";
import { clearJinduMarks, isJinduPart, readState, type ClearResult } from "../xlsx/marks";
import { CannotPatch } from "../xlsx/patch";
import { plainColumns, unpatchPackage, unpatchRequest } from "../xlsx/unpatch";
import { refuseUnsaved, unsavedParts, type LostParts } from "../xlsx/parts";
import { pathExists, writeBytesAtomic, writeWorkbookAtomic } from "../xlsx/write";
import { assertNotInput, onFile } from "./report";

export interface ClearRequest {
  input: string;
  /** Default: `<name>.clean.xlsx` next to the input. */
  output?: string;
  force?: boolean;
}

export interface ClearOutcome extends ClearResult {
  input: string;
  output: string;
  /** Parts of the input the copy does not keep (accepted with --force). */
  lost?: LostParts;
}

export function defaultClearPath(input: string): string {
  const base = path.basename(input).replace(/\.[^.]*$/, "").replace(/\.jindu$/i, "");
  return path.join(path.dirname(input), `${base}.clean.xlsx`);
}

export async function clear(req: ClearRequest): Promise<ClearOutcome> {
  const output = req.output ?? defaultClearPath(req.input);
  if (!/\.xlsx$/i.test(output)) throw new JinduError("bad_argument", `-o ${output} (.xlsx)`);
  await assertNotInput(req.input, output);
  if (!req.force && (await onFile(output, () => pathExists(output)))) throw new JinduError("output_exists", output);
  const bytes = await onFile(req.input, () => readBytes(req.input));
  const name = path.basename(req.input);
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
      await onFile(output, () => writeBytesAtomic(() => unpatchPackage(request), output, { force: req.force ?? false }));
      return { ...result, input: req.input, output };
    } catch (e) {
      if (!(e instanceof CannotPatch)) throw e;
    }
    return clearThroughExcelJS(req, output, await loadWorkbook(bytes, name), bytes);
  }
  return clearThroughExcelJS(req, output, wb, bytes);
}

/** Through ExcelJS, which gives back styles of the columns too; parts it cannot write back are said first. */
async function clearThroughExcelJS(req: ClearRequest, output: string, wb: ExcelJS.Workbook, bytes: Uint8Array): Promise<ClearOutcome> {
  const lost = refuseUnsaved(await unsavedParts(bytes), req.force ?? false);
  const result = clearJinduMarks(wb);
  await onFile(output, () => writeWorkbookAtomic(wb, output, { force: req.force ?? false }));
  return { ...result, input: req.input, output, ...(lost ? { lost } : {}) };
}
