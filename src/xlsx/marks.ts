// Jindu's marks in a workbook copy, and taking them away again: the two added columns, the
// tagged conditional formats, its own sheets, and a very hidden sheet that keeps what the added
// columns looked like before (widths, styles), so `clear` gives back the workbook as it was and
// a report of a report replaces the marks instead of adding more.
import type ExcelJS from "exceljs";
import { JINDU_MARKER, isMarkFormula } from "../core/plan";
import { columnsOfRef } from "../core/plan/a1";
import { isJinduSheet } from "./read";

/** The state sheet's name and the marker in its A1. */
export const STATE_SHEET = "_jindu_state";
const STATE_MARKER = `${JINDU_MARKER}:state`;
/** Excel holds 32,767 characters in a cell: the state is written in chunks below that. */
const CHUNK = 30000;

interface ColumnState {
  column: number;
  width?: number;
  hidden: boolean;
  style?: Partial<ExcelJS.Style>;
  /** Rows whose cell had a style of its own before Jindu wrote there. */
  cells: [number, Partial<ExcelJS.Style>][];
}

export interface MarksState {
  v: 1;
  /** The sheet Jindu annotated. */
  sheet: string;
  columns: ColumnState[];
}

const isEmptyStyle = (s: Partial<ExcelJS.Style> | undefined) => s === undefined || Object.keys(s).length === 0;

/** Snapshot of the columns Jindu is about to write into. */
export function snapshotColumns(ws: ExcelJS.Worksheet, columns: number[]): MarksState {
  const out: MarksState = { v: 1, sheet: ws.name, columns: [] };
  for (const c of columns) {
    const col = ws.getColumn(c);
    const cells: [number, Partial<ExcelJS.Style>][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cell = row.findCell(c);
      if (cell && !isEmptyStyle(cell.style)) cells.push([r, JSON.parse(JSON.stringify(cell.style)) as Partial<ExcelJS.Style>]);
    });
    out.columns.push({
      column: c,
      ...(col.width !== undefined ? { width: col.width } : {}),
      hidden: col.hidden,
      ...(!isEmptyStyle(col.style) ? { style: JSON.parse(JSON.stringify(col.style)) as Partial<ExcelJS.Style> } : {}),
      cells,
    });
  }
  return out;
}

/** Writes the state on a very hidden sheet of its own. */
export function writeState(wb: ExcelJS.Workbook, state: MarksState): void {
  const ws = wb.addWorksheet(STATE_SHEET, { state: "veryHidden" });
  ws.getCell(1, 1).value = STATE_MARKER;
  const json = JSON.stringify(state);
  for (let i = 0, r = 2; i < json.length; i += CHUNK, r++) ws.getCell(r, 1).value = json.slice(i, i + CHUNK);
}

function stateSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.getCell(1, 1).value === STATE_MARKER);
}

export function readState(wb: ExcelJS.Workbook): MarksState | null {
  const ws = stateSheet(wb);
  if (!ws) return null;
  let json = "";
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, 1).value;
    if (typeof v === "string") json += v;
  }
  try {
    const s = JSON.parse(json) as MarksState;
    return s && s.v === 1 && Array.isArray(s.columns) ? s : null;
  } catch {
    return null;
  }
}

/** A sheet Jindu wrote: its summary, its list, or its state. */
export function isJinduPart(ws: ExcelJS.Worksheet): boolean {
  return ws.getCell(1, 1).value === STATE_MARKER || isJinduSheet(ws);
}

/** True when the workbook carries anything Jindu wrote. */
export function hasJinduMarks(wb: ExcelJS.Workbook): boolean {
  return stateSheet(wb) !== undefined || wb.worksheets.some((ws) => isJinduSheet(ws) || tagged(ws).length > 0);
}

type CfEntry = { ref: string; rules: { type?: string; formulae?: unknown[] }[] };
const cfOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: CfEntry[] }).conditionalFormattings ?? [];
const tagged = (ws: ExcelJS.Worksheet) => cfOf(ws).filter((cf) => cf.rules.some((r) => (r.formulae ?? []).some((f) => isMarkFormula(String(f)))));

export interface ClearResult {
  /** Sheets removed (Jindu's summary and list, and its state). */
  removedSheets: string[];
  /** Conditional formats removed. */
  removedRules: number;
  /** The sheet whose added columns were restored, when the state was found. */
  restored?: string;
}

/**
 * Takes away everything Jindu wrote: tagged rules, the data bars on its columns, its columns
 * (values, styles and widths as they were), its sheets and its state. Nothing else is touched.
 */
export function clearJinduMarks(wb: ExcelJS.Workbook): ClearResult {
  const state = readState(wb);
  const result: ClearResult = { removedSheets: [], removedRules: 0 };
  const ours = new Set(state?.columns.map((c) => c.column) ?? []);
  const annotated = state ? wb.worksheets.find((w) => w.name === state.sheet) : undefined;
  for (const ws of wb.worksheets) {
    const list = cfOf(ws);
    const keep = list.filter((cf) => {
      const mine = cf.rules.some((r) => (r.formulae ?? []).some((f) => isMarkFormula(String(f))));
      // A data bar on Jindu's own completion column.
      const bar = ws === annotated && cf.rules.every((r) => r.type === "dataBar") && columnsOfRef(cf.ref).every((c) => ours.has(c));
      return !(mine || bar);
    });
    result.removedRules += list.length - keep.length;
    if (keep.length !== list.length) (ws as unknown as { conditionalFormattings: CfEntry[] }).conditionalFormattings = keep;
  }
  if (state && annotated) {
    for (const col of state.columns) {
      const saved = new Map(col.cells);
      annotated.eachRow({ includeEmpty: true }, (row, r) => {
        const cell = row.findCell(col.column);
        if (!cell) return;
        cell.value = null;
        cell.style = (saved.get(r) ?? {}) as ExcelJS.Style;
      });
      const c = annotated.getColumn(col.column);
      c.width = col.width as number;
      c.hidden = col.hidden;
      c.style = (col.style ?? {}) as ExcelJS.Style;
    }
    result.restored = annotated.name;
  }
  for (const ws of [...wb.worksheets]) {
    if (isJinduPart(ws)) {
      result.removedSheets.push(ws.name);
      wb.removeWorksheet(ws.id);
    }
  }
  return result;
}
