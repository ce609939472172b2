// What to write, as plain data. Both adapters (Office.js and ExcelJS) apply the same plan,
// so the add-in and the command line never drift.
import type { RowStatus } from "../types";

export type Lang = "zh" | "en";

/** Fill of one table row, across the table's columns (1-based sheet coordinates). */
export interface RowFill {
  row: number;
  firstColumn: number;
  lastColumn: number;
  status: RowStatus;
  /** "#RRGGBB". */
  color: string;
}

export type PlanValue = string | number | null;

/** A rectangular block of cells written at once (a 2-D array, as Office.js wants it). */
export interface TableBlock {
  /** Excel table name (unique in the workbook), when the block is formatted as a table. */
  tableName?: string;
  header: string[];
  rows: PlanValue[][];
  /** A totals row, written under `rows`, bold. */
  totals?: PlanValue[];
  /** Excel number format per column ("0.0", "0.0\"%\"", "@"), null = General. */
  numberFormats: (string | null)[];
  /** Column widths in characters. */
  widths: number[];
  /** Columns (0-based in the block) that wrap text. */
  wrap: number[];
}

export interface ChartPlan {
  kind: "bar";
  title: string;
  /** 0-based block column of the categories (the unit names). */
  categoryColumn: number;
  /** 0-based block columns of the series (e.g. 已完成, 正常推进, 滞后, 不便统计). */
  seriesColumns: number[];
}

export interface SummaryPlan {
  /** The sheet name wanted (进度汇总 / Progress summary); adapters pick a free variant. */
  sheetName: string;
  /** Title lines at the top: bulletin title; period, 序时进度 and date. */
  titleLines: string[];
  /** Per implementing unit, with a totals row. */
  units: TableBlock;
  chart: ChartPlan;
  /** Heading above the lagging list (滞后项目清单). */
  laggingTitle: string;
  /** Sorted by gap, most behind first. */
  lagging: TableBlock;
  /** Page set-up for the meeting print-out. */
  print: { landscape: true; fitToWidth: 1 };
}

/** Two columns appended right of the table in a workbook copy (command line only). */
export interface ExtraColumns {
  /** 1-based sheet column of the first added column (an empty one). */
  firstColumn: number;
  headerRow: number;
  header: [string, string];
  /** Sheet row → [completion (number or null), status label]. */
  values: { row: number; completion: number | null; status: string }[];
}

export interface WorkbookPlan {
  lang: Lang;
  sheet: string;
  fills: RowFill[];
  extraColumns: ExtraColumns;
  summary: SummaryPlan;
  /** Written in a hidden cell / custom property so Jindu recognises sheets it made. */
  marker: string;
}
