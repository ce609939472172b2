// What the results panel lists, derived from the analysis document.
import type { AnalysedRow, AnalysisDocument } from "../core/types";

/** Most behind first; rows without a gap last, in sheet order. */
export function laggingRows(doc: AnalysisDocument): AnalysedRow[] {
  return doc.rows
    .filter((r) => r.status === "lagging")
    .sort((a, b) => (a.gap ?? Infinity) - (b.gap ?? Infinity) || a.row - b.row);
}

export function unquantifiedRows(doc: AnalysisDocument): AnalysedRow[] {
  return doc.rows.filter((r) => r.status === "unquantified");
}

/** What the row's figure is held to: the deciding indicator's expectation, else the document's. */
export function rowExpected(row: AnalysedRow, doc: AnalysisDocument): number {
  if (row.completion !== null && row.gap !== null) return Math.round((row.completion - row.gap) * 10) / 10;
  return doc.expectedProgress;
}
