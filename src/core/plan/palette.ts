// The fill palette shared by the add-in and the workbook writer, as data. Colours are Excel's
// own "Good / Neutral / Bad" cell-style fills, so they read the same in Excel, WPS and LibreOffice.
import type { AnalyzedRow, RowStatus } from "../types";

export interface StatusColors {
  /** Row fill, "#RRGGBB". */
  fill: string;
  /** A darker shade of the same hue, for chart series and legends. */
  accent: string;
}

export const STATUS_COLORS: Readonly<Record<RowStatus, StatusColors>> = {
  completed: { fill: "#C6EFCE", accent: "#70AD47" },
  // Filled only on request (the add-in's option): on-track rows need no attention.
  on_track: { fill: "#DDEBF7", accent: "#5B9BD5" },
  lagging: { fill: "#FFC7CE", accent: "#C00000" },
  unquantified: { fill: "#E7E6E6", accent: "#A5A5A5" },
};

/** Lagging rows graded by how far behind they are (threshold mode "bands"). */
export const SEVERITY_FILLS: Readonly<Record<"yellow" | "red", string>> = {
  yellow: "#FFEB9C",
  red: "#FFC7CE",
};

/** The data-bar colour used for completion columns. */
export const COMPLETION_BAR_COLOR = "#5B9BD5";

/** Statuses the workbook copy fills: on-track rows stay as they are. */
export const DEFAULT_FILLED: Readonly<Record<RowStatus, boolean>> = {
  completed: true,
  on_track: false,
  lagging: true,
  unquantified: true,
};

/** The fill of one analyzed row. */
export function rowFillColor(row: Pick<AnalyzedRow, "status" | "severity">): string {
  if (row.status === "lagging" && row.severity !== undefined) return SEVERITY_FILLS[row.severity];
  return STATUS_COLORS[row.status].fill;
}
