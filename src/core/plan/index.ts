// buildPlan: what to write for an analysis, as plain data. Pure: the date is passed in.
import { noteText } from "../notes";
import type { AnalyzedRow, AnalysisDocument, Indicator, RowStatus } from "../types";
import { LABELS, type PlanLabels } from "./labels";
import { rowFillColor } from "./palette";
import type { ExtraColumns, Lang, PlanValue, RowFill, SummaryPlan, TableBlock, WorkbookPlan } from "./types";
import { displayWidth } from "./width";

export type * from "./types";
export { LABELS } from "./labels";
export type { PlanLabels } from "./labels";
export { STATUS_COLORS, SEVERITY_FILLS, COMPLETION_BAR_COLOR, rowFillColor, DEFAULT_FILLED } from "./palette";
export { displayWidth, padDisplay } from "./width";

/** Written by adapters into the sheets Jindu makes, so a re-run knows which ones it may replace. */
export const JINDU_MARKER = "jindu:summary:v1";

/** The tag in the formula of every conditional format Jindu adds (the add-in and the copy alike). */
export const MARK_TAG = "jindu:";
/** A rule that is always true and says whose it is: `N("jindu:lagging")=0`. */
export const markFormula = (status: string): string => `N("${MARK_TAG}${status}")=0`;
export const isMarkFormula = (formula: string | null | undefined): boolean =>
  typeof formula === "string" && formula.includes(`"${MARK_TAG}`);

export const UNITS_TABLE_NAME = "Jindu_Units";
export const LAGGING_TABLE_NAME = "Jindu_Lagging";

const PERCENT_FORMAT = '0.0"%"';
const COUNT_FORMAT = "0";
const TEXT_FORMAT = "@";
const POINTS_FORMAT = "0.0";

export interface PlanOptions {
  lang: Lang;
  /** YYYY-MM-DD, shown in the summary title. */
  date: string;
}

/** Per-unit figures of the summary, in sheet order of each unit's first row. */
export interface UnitSummary {
  unit: string;
  projects: number;
  counts: Record<RowStatus, number>;
  /** Percent; null when no row of the unit has a completion. */
  lowest: number | null;
  mean: number | null;
  laggingProjects: string[];
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function emptyCounts(): Record<RowStatus, number> {
  return { completed: 0, on_track: 0, lagging: 0, unquantified: 0 };
}

function stats(rows: AnalyzedRow[]): { lowest: number | null; mean: number | null } {
  const values = rows.map((r) => r.completion).filter((c): c is number => c !== null && Number.isFinite(c));
  if (values.length === 0) return { lowest: null, mean: null };
  return {
    lowest: Math.min(...values),
    mean: round1(values.reduce((a, b) => a + b, 0) / values.length),
  };
}

/** Groups the rows by implementing unit, in order of first appearance. */
export function summariseUnits(doc: AnalysisDocument, unknownUnit = LABELS.zh.unknownUnit): UnitSummary[] {
  const groups = new Map<string, AnalyzedRow[]>();
  // The bulletin's own 合计 / 全省 row is a total, not one more unit.
  for (const row of doc.rows.filter((r) => !r.total)) {
    const unit = row.unit.trim() === "" ? unknownUnit : row.unit.trim();
    const list = groups.get(unit);
    if (list) list.push(row);
    else groups.set(unit, [row]);
  }
  return [...groups.entries()].map(([unit, rows]) => {
    const counts = emptyCounts();
    for (const r of rows) counts[r.status]++;
    return {
      unit,
      projects: rows.length,
      counts,
      ...stats(rows),
      laggingProjects: rows.filter((r) => r.status === "lagging").map((r) => r.project),
    };
  });
}

/** Totals over every row (mean and lowest over rows, not over units). */
export function summariseTotals(doc: AnalysisDocument): Omit<UnitSummary, "unit" | "laggingProjects"> {
  const counts = emptyCounts();
  const rows = doc.rows.filter((r) => !r.total);
  for (const r of rows) counts[r.status]++;
  return { projects: rows.length, counts, ...stats(rows) };
}

function columnWidth(header: string, cells: PlanValue[], min: number, max: number): number {
  let w = displayWidth(header);
  for (const c of cells) {
    if (c === null) continue;
    w = Math.max(w, typeof c === "number" ? String(c).length + 2 : displayWidth(c));
  }
  return Math.min(max, Math.max(min, w + 2));
}

function widthsOf(block: Pick<TableBlock, "header" | "rows" | "totals">, limits: [number, number][]): number[] {
  const all = block.totals ? [...block.rows, block.totals] : block.rows;
  return block.header.map((h, i) => {
    const [min, max] = limits[i] ?? [6, 40];
    return columnWidth(
      h,
      all.map((r) => r[i] ?? null),
      min,
      max,
    );
  });
}

function unitsBlock(doc: AnalysisDocument, l: PlanLabels): TableBlock {
  const u = l.units;
  const header = [u.unit, u.projects, u.completed, u.onTrack, u.lagging, u.unquantified, u.lowest, u.mean, u.laggingNames];
  const rows: PlanValue[][] = summariseUnits(doc, l.unknownUnit).map((s) => [
    s.unit,
    s.projects,
    s.counts.completed,
    s.counts.on_track,
    s.counts.lagging,
    s.counts.unquantified,
    s.lowest,
    s.mean,
    s.laggingProjects.length > 0 ? s.laggingProjects.join(l.listSeparator) : null,
  ]);
  const t = summariseTotals(doc);
  const totals: PlanValue[] = [
    u.total,
    t.projects,
    t.counts.completed,
    t.counts.on_track,
    t.counts.lagging,
    t.counts.unquantified,
    t.lowest,
    t.mean,
    null,
  ];
  const numberFormats = [TEXT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, PERCENT_FORMAT, PERCENT_FORMAT, TEXT_FORMAT];
  const limits: [number, number][] = [[10, 28], [6, 12], [6, 12], [6, 12], [6, 12], [6, 12], [8, 14], [8, 14], [16, 48]];
  return {
    tableName: UNITS_TABLE_NAME,
    header,
    rows,
    totals,
    numberFormats,
    widths: widthsOf({ header, rows, totals }, limits),
    wrap: [8],
  };
}

function lagOf(i: Indicator): number | null {
  return i.completion === null ? null : i.completion - i.expected;
}

/** The words that justify a lagging row: its behind-schedule indicators, most behind first. */
export function laggingEvidence(row: AnalyzedRow, separator = "；", lang: Lang = "zh"): string {
  const behind = row.indicators
    .filter((i) => {
      const lag = lagOf(i);
      return lag !== null && lag < 0 && i.evidence.trim() !== "";
    })
    .sort((a, b) => (lagOf(a) ?? 0) - (lagOf(b) ?? 0));
  if (behind.length > 0) return behind.map((i) => i.evidence).join(separator);
  const cues = row.cues.filter((c) => c.kind === "not_started" || c.kind === "preparing").map((c) => c.text);
  if (cues.length > 0) return cues.join(separator);
  return row.notes.map((n) => noteText(n, lang)).join(separator);
}

/** Lagging rows, most behind first (rows without a gap last), then in sheet order. */
export function laggingRows(doc: AnalysisDocument): AnalyzedRow[] {
  return doc.rows
    .filter((r) => r.status === "lagging" && !r.total)
    .sort((a, b) => {
      const ga = a.gap ?? Number.POSITIVE_INFINITY;
      const gb = b.gap ?? Number.POSITIVE_INFINITY;
      return ga !== gb ? ga - gb : a.row - b.row;
    });
}

function laggingBlock(doc: AnalysisDocument, l: PlanLabels, lang: Lang): TableBlock {
  const g = l.lagging;
  const header = [g.unit, g.project, g.target, g.progress, g.completion, g.gap, g.evidence];
  const rows: PlanValue[][] = laggingRows(doc).map((r) => [
    r.unit.trim() === "" ? l.unknownUnit : r.unit.trim(),
    r.project,
    r.target,
    r.progress,
    // The deciding indicator's completion, so that completion and gap speak of the same figure.
    r.basis?.completion ?? r.completion,
    r.gap === null ? null : round1(r.gap),
    laggingEvidence(r, lang === "zh" ? "；" : "; ", lang),
  ]);
  const limits: [number, number][] = [[10, 20], [12, 24], [24, 40], [30, 56], [8, 10], [10, 14], [16, 36]];
  return {
    tableName: LAGGING_TABLE_NAME,
    header,
    rows,
    numberFormats: [TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, TEXT_FORMAT, PERCENT_FORMAT, POINTS_FORMAT, TEXT_FORMAT],
    widths: widthsOf({ header, rows }, limits),
    wrap: [1, 2, 3, 5, 6],
  };
}

/** One fill per row, every status: each adapter applies the statuses it is asked to. */
function fillsOf(doc: AnalysisDocument): RowFill[] {
  const fills: RowFill[] = [];
  for (const r of doc.rows) {
    const color = rowFillColor(r);
    fills.push({
      row: r.row,
      firstColumn: doc.header.firstColumn,
      lastColumn: doc.header.lastColumn,
      status: r.status,
      color,
    });
  }
  return fills;
}

function extraColumnsOf(doc: AnalysisDocument, l: PlanLabels): ExtraColumns {
  return {
    firstColumn: doc.header.lastColumn + 1,
    headerRow: doc.header.row,
    header: [...l.extraHeader],
    values: doc.rows.map((r) => ({ row: r.row, completion: r.completion, status: l.status[r.status] })),
  };
}

export function buildPlan(doc: AnalysisDocument, opts: PlanOptions): WorkbookPlan {
  const l = LABELS[opts.lang];
  const units = unitsBlock(doc, l);
  const summary: SummaryPlan = {
    sheetName: l.summarySheet,
    titleLines: [
      doc.title.trim() === "" ? l.untitled : doc.title.trim(),
      l.infoLine(doc.period?.label ?? null, doc.expectedProgress, opts.date),
    ],
    units,
    chart: { kind: "bar", title: l.chartTitle, categoryColumn: 0, seriesColumns: [2, 3, 4, 5] },
    laggingTitle: l.laggingTitle,
    lagging: laggingBlock(doc, l, opts.lang),
    print: { landscape: true, fitToWidth: 1 },
  };
  return {
    lang: opts.lang,
    sheet: doc.sheet,
    fills: fillsOf(doc),
    extraColumns: extraColumnsOf(doc, l),
    summary,
    marker: JINDU_MARKER,
  };
}
