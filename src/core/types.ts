// The shapes every layer shares. Pure data: no Office, DOM or Node types.
import type { Note } from "./notes";

/** A cell as the adapters hand it over. Errors (#N/A, #DIV/0!) arrive as `{ error }`. */
export type CellValue = string | number | boolean | null | { error: string };

/** A merged area in 1-based sheet coordinates, inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** What an adapter reads from a sheet: the used range and its merged areas. */
export interface Grid {
  sheet: string;
  /** 1-based sheet row and column of values[0][0]. */
  top: number;
  left: number;
  values: CellValue[][];
  merges: MergedArea[];
}

export type ColumnRole = "seq" | "unit" | "project" | "target" | "progress" | "completion" | "status" | "remarks";

export interface HeaderInfo {
  /** 1-based sheet row of the header. */
  row: number;
  /** Last header row when the header spans two rows (merged group headings). */
  lastRow: number;
  /** 1-based sheet column of each role found. */
  columns: Partial<Record<ColumnRole, number>>;
  /** The header text of each role found, as written. */
  labels: Partial<Record<ColumnRole, string>>;
  /** First and last 1-based sheet column of the table. */
  firstColumn: number;
  lastColumn: number;
}

export type PeriodSource = "title" | "header" | "intro" | "override" | "default";

export interface Period {
  /** As the bulletin says it, e.g. "2020年1-6月", "前三季度", "截至10月31日". */
  label: string;
  /** Months elapsed (may be fractional for 截至10月15日). */
  months: number;
  source: PeriodSource;
  /** The words it was read from, when any. */
  text?: string;
}

export type RowStatus = "completed" | "on_track" | "lagging" | "unquantified";

/** What an indicator measures; how each is completed and what it is held to: reading/kinds.ts. */
export type IndicatorKind = "quantity" | "rate" | "ceiling" | "reduction" | "points" | "growth" | "milestone";

/** Which cell of the row a span points into. */
export type Field = "project" | "target" | "progress" | "completion" | "status" | "remarks" | "column";

/** A figure found in a cell: offsets are into that cell's own text. */
export interface Figure {
  value: number;
  unit: string;
  text: string;
  start: number;
  end: number;
  field: Field;
  /** 以上, 不低于, 左右, 以内… as written. */
  qualifier?: string;
  /** For a figure read from a numeric column (field "column"): its 1-based sheet column. */
  column?: number;
}

export interface Indicator {
  kind: IndicatorKind;
  /** Words that name what is measured, when found (参保率, 公益性岗位). */
  subject?: string;
  target?: Figure;
  actual?: Figure;
  /** Percent; null when it cannot be computed. */
  completion: number | null;
  /** True when the completion was stated in the text or a column, false when computed. */
  reported: boolean;
  /** The words that justify the completion (完工率71.6%, or "201.2公里 ÷ 280.993公里"). */
  evidence: string;
  /** The stated-rate span, when reported. */
  evidenceSpan?: { start: number; end: number; field: Field };
  /** Id of the rule that produced it. */
  rule: string;
  /** What this indicator is held to: expected progress for cumulative quantities, 100 for levels. */
  expected: number;
  /** "started" when the actual counts works begun (开工), not finished: an upper bound. */
  stage?: "started";
  /** Completions of other readings about as plausible as this one (an ambiguous pairing). */
  alternatives?: number[];
}

/** A qualitative cue read from the progress text (全部完成, 尚未开展, 正在招标). */
export interface Cue {
  kind: "done" | "exceeded" | "not_started" | "preparing" | "behind";
  /** "whole" when a done cue speaks of the whole task (已完成年度任务, 超额完成全年任务). */
  scope?: "whole";
  text: string;
  start: number;
  end: number;
  field: Field;
  rule: string;
}

export interface AnalyzedRow {
  /** 1-based sheet row (line number for a text file). */
  row: number;
  seq: string;
  unit: string;
  project: string;
  /** A 合计 / 全省 / 全市 row: the total of the units above, not one more unit. */
  total?: boolean;
  /** The target text read (the target column, or the project text when there is none). */
  target: string;
  progress: string;
  /** The previous period's progress, when the table has one beside the latest (1-10月 | 1-11月). */
  previous?: { label: string; text: string };
  status: RowStatus;
  /** The row's one figure: the lowest indicator completion. */
  completion: number | null;
  /** completion − expected, in percentage points, for the indicator that decides the row. */
  gap: number | null;
  /**
   * The indicator that decides the row (the one furthest below what it is held to): its
   * completion and what it is held to (序时进度 for quantities, the target for rates).
   */
  basis: { completion: number; expected: number } | null;
  /** For lagging rows, how far behind: by the threshold mode. */
  severity?: "yellow" | "red";
  indicators: Indicator[];
  cues: Cue[];
  /** Why the row got its status, in plain words (zh). */
  /** Why the row reads as it does, as codes each screen words in its language (`core/notes`). */
  notes: Note[];
}

export type Thresholds = { mode: "strict" } | { mode: "bands"; yellow: number; red: number };

export interface AnalyzeOptions {
  /** Expected progress in percent (序时进度); overrides the period's. */
  expectedProgress?: number;
  thresholds?: Thresholds;
}

export interface AnalysisDocument {
  sheet: string;
  title: string;
  period: Period | null;
  expectedProgress: number;
  thresholds: Thresholds;
  header: HeaderInfo;
  /** "period" when the target column is the period's own (季度目标): quantities are due in full. */
  targetScope: "year" | "period";
  rows: AnalyzedRow[];
  /** Counts per status. */
  counts: Record<RowStatus, number>;
}
