// What the results panel lists, derived from the analysis document.
import type { AnalyzedRow, AnalysisDocument } from "../core/types";

/** Most behind first; rows without a gap last, in sheet order (the summary sheet's order). */
export { laggingRows } from "../core/plan";

export function unquantifiedRows(doc: AnalysisDocument): AnalyzedRow[] {
  return doc.rows.filter((r) => r.status === "unquantified");
}

/** What the row's figure is held to: the deciding indicator's expectation, else the document's. */
export function rowExpected(row: AnalyzedRow, doc: AnalysisDocument): number {
  return row.basis?.expected ?? doc.expectedProgress;
}

/** The figure shown for a row: the deciding indicator's completion, else the row's lowest. */
export function rowFigure(row: AnalyzedRow): number | null {
  return row.basis?.completion ?? row.completion;
}

/** True when the row is held to 序时进度 (a cumulative quantity), false for a rate's target. */
export function heldToSchedule(row: AnalyzedRow, doc: AnalysisDocument): boolean {
  return row.basis === null || Math.abs(row.basis.expected - doc.expectedProgress) < 0.05;
}

/** Rows a list shows at first, and adds per click: a long bulletin's lists stay light. */
export const PAGE_SIZE = 10;
