// The pipeline: grid → table → reading → assessment → analysis document.
import type { AnalyzedRow, AnalysisDocument, AnalyzeOptions, CellValue, Grid, Period, Thresholds } from "./types";
import { JinduError } from "./errors";
import { cellText, detectTable, type Table, type TableRow } from "./table/detect";
import { NUMERIC_KINDS } from "./table/columns";
import { findPeriod, expectedProgressFromMonths } from "./period";
import { readRow, type RowReading } from "./reading/read";
import { assessRow, countStatuses, type StatedColumns } from "./assess/assess";
import { normalize } from "./text/normalize";
import { bareNumberReading } from "./reading/rules/bareNumbers";
import { parseCompletionCell, parseStatusCell, parseYesNo } from "./reading/cells";
import { groupIndicators, rateTargetsIn, type GroupContext } from "./reading/groups";

export { parseCompletionCell, parseStatusCell } from "./reading/cells";

/** Period from the title, then the header cells, then the text above the table. */
export function detectPeriod(table: Table): Period | null {
  const sources: [string, Period["source"]][] = [
    [table.title, "title"],
    ...Object.values(table.header.labels).map((l): [string, Period["source"]] => [l ?? "", "header"]),
    ...table.preamble.filter((p) => p !== table.title).map((p): [string, Period["source"]] => [p, "intro"]),
  ];
  for (const [text, source] of sources) {
    const f = text ? findPeriod(text) : null;
    if (f) return { label: f.label, months: f.months, source, text: text.slice(f.start, f.end) };
  }
  return null;
}

interface TableContext {
  table: Table;
  /** The numeric column groups read as indicators. */
  groups: Table["groups"];
  /** 0-based columns that name the project (工程名称, 项目内容, 指标). */
  projectCols: number[];
  /** 0-based column of the unit of measure (单位: 万人, %), and of a stated 序时进度. */
  measureCol?: number;
  expectedCol?: number;
  hasTarget: boolean;
  expected: number;
  thresholds: Thresholds;
  rateTargets: GroupContext["rateTargets"];
  /** The project of a table whose rows are places (from its title). */
  subject: string;
  /** Months elapsed, for plans of part of the year. */
  months?: number;
}

/** The row's name: its own project cells, most specific last (工程 → 项目内容 → 指标). */
function nameOf(tr: TableRow, projectCols: number[]): string {
  let out = "";
  for (const c of projectCols) {
    const v = tr.values[c];
    const t = typeof v === "string" ? v.trim() : "";
    if (t) out = out ? `${out} ${t}` : t;
  }
  return out;
}

function analyzeRow(tr: TableRow, x: TableContext): AnalyzedRow {
  const { hasTarget, thresholds, table } = x;
  const c = tr.cells;
  // A 序时进度 column states what this row is held to.
  const heldTo = x.expectedCol === undefined ? null : parseCompletionCell(tr.values[x.expectedCol]);
  const expected = heldTo !== null && heldTo >= 0 && heldTo <= 100 ? heldTo : x.expected;
  const measure = x.measureCol === undefined ? undefined : cellString(tr.values[x.measureCol]);
  const name = nameOf(tr, x.projectCols) || c.project || "";
  const fromGroups = x.groups.length === 0 ? [] : groupIndicators(tr.values, x.groups, {
          columns: table.columns,
          name,
          expected,
          rateTargets: x.rateTargets,
          ...(measure ? { measure } : {}),
          ...(x.months !== undefined && heldTo === null ? { months: x.months } : {}),
        });
  // Numeric columns that hold words in this row (增长7%左右, 11月底开始安装) are read as text.
  const groupText = (k: "target" | "actual") => {
    for (const g of x.groups) {
      const i = g[k];
      const text = i === undefined ? "" : cellString(tr.values[i]);
      if (text) return text;
    }
    return "";
  };
  const targetText = hasTarget ? c.target ?? "" : c.project || groupText("target") || "";
  const progress = c.progress || groupText("actual") || "";
  const textReading =
    fromGroups.length > 0
      ? null
      : ((hasTarget ? bareNumberReading(targetText, progress, expected) : null) ??
        readRow(targetText, progress, { targetField: hasTarget ? "target" : "project", expectedProgress: expected }));
  const reading: RowReading = textReading ?? { indicators: fromGroups, cues: [], unpairedTargets: 0, notes: [] };
  const completionColumn = fromGroups.length > 0 ? null : parseCompletionCell(tr.completionValue);
  // A stated status: a status column (是否达序: 是 / 否, 滞后), or a remark that is one.
  const fromStatus = parseYesNo(table.header.labels.status ?? "", c.status) ?? parseStatusCell(c.status);
  const fromRemarks = fromStatus ? null : parseStatusCell(c.remarks);
  const stated: StatedColumns = {
    ...(completionColumn !== null ? { completion: { value: completionColumn, text: String(tr.completionValue) } } : {}),
    ...(fromStatus ? { status: { status: fromStatus, text: (c.status ?? "").trim() } } : {}),
    ...(fromRemarks ? { status: { status: fromRemarks, text: (c.remarks ?? "").trim() } } : {}),
  };
  const { status, completion, gap, basis, severity, notes, indicators } = assessRow(reading, thresholds, expected, stated);
  return {
    row: tr.row,
    seq: c.seq ?? "",
    unit: c.unit ?? "",
    project: table.rowKey === "region" ? x.subject : name || c.project || "",
    ...(tr.total ? { total: true } : {}),
    target: targetText,
    progress,
    ...previousOf(tr, table),
    status,
    completion,
    gap,
    basis,
    ...(severity ? { severity } : {}),
    indicators,
    cues: reading.cues,
    notes,
  };
}

const cellString = (v: CellValue | undefined): string => cellText(v).trim();

function previousOf(tr: TableRow, t: Table): Pick<AnalyzedRow, "previous"> {
  if (t.previousProgress === undefined) return {};
  const v = tr.values[t.previousProgress];
  const text = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
  return text ? { previous: { label: t.columns[t.previousProgress]?.own ?? "", text } } : {};
}

function indexOfKind<K extends string>(t: Table, kind: Table["columns"][number]["kind"], key: K): Partial<Record<K, number>> {
  const c = t.columns.find((col) => col.kind === kind);
  return c ? ({ [key]: c.index } as Partial<Record<K, number>>) : {};
}

/** What a table of places is about: its title without the period and the report words. */
export function subjectOf(table: Table): string {
  const t = normalize(table.title || table.preamble[0] || "")
    .replace(/[(（][^()（）]*[)）]/g, "")
    .replace(/(\d{4}\s?年度?|[\d一二三四五六七八九十]+\s?[-至]?\s?[\d一二三四五六七八九十]*\s?月份?|截[至止][^,，。]*|上半年|前三季度|全年|[一二三四]季度)/g, "")
    .replace(/(附件\s?\d*|附表)/g, "")
    .replace(/(的)?(项目)?(完成|推进|进展|实施|落实)?(进度|情况|进展)?(汇总|统计|一览)?(表|通报|报告)$/, "")
    .replace(/^(全省|全市|全国|全区|全县)/, "")
    .trim();
  if (!t) return table.title;
  // 重点民生实事(城镇老旧小区改造): the intro may name which one in brackets.
  for (const p of table.preamble) {
    const at = normalize(p).indexOf(`${t}(`);
    if (at < 0) continue;
    const inner = /^\(([^()]{2,24})\)/.exec(normalize(p).slice(at + t.length));
    if (inner) return inner[1]!;
  }
  return t;
}

export function analyzeTable(sheet: string, table: Table, options: AnalyzeOptions = {}): AnalysisDocument {
  const detected = detectPeriod(table);
  let period: Period | null = detected;
  let expected: number;
  if (options.expectedProgress !== undefined) {
    if (!(options.expectedProgress >= 0 && options.expectedProgress <= 100)) throw new JinduError("bad_argument", "expected 0–100");
    expected = options.expectedProgress;
    period = { label: detected?.label ?? `${expected}%`, months: (expected * 12) / 100, source: "override", ...(detected?.text ? { text: detected.text } : {}) };
  } else if (detected) {
    expected = expectedProgressFromMonths(detected.months);
  } else {
    // No period stated: judge cumulative figures against the whole year, and say so.
    expected = 100;
    period = { label: "未注明，按全年", months: 12, source: "default" };
  }
  const thresholds = options.thresholds ?? { mode: "strict" };
  const hasTarget = table.header.columns.target !== undefined;
  // A target column for the period itself (季度目标, 本月目标) is due in full by now.
  const periodTargets = /(季度|本月|当月|本期|阶段|序时|截至|截止)/.test(table.header.labels.target ?? "");
  const quantityExpected = periodTargets ? 100 : expected;
  // A completion column beside text target and progress columns speaks of the text's figures:
  // it is the completion-column rule below, not an indicator of its own.
  const progressCol = table.header.columns.progress;
  const textProgress = progressCol !== undefined && !NUMERIC_KINDS.has(table.columns.find((c) => c.column === progressCol)?.kind ?? "other");
  const ctx: TableContext = {
    table,
    projectCols: table.columns.filter((col) => col.kind === "project").map((col) => col.index),
    ...indexOfKind(table, "measure", "measureCol"),
    ...indexOfKind(table, "expected", "expectedCol"),
    groups: table.groups.filter((g) => g.target !== undefined || g.actual !== undefined || !textProgress),
    hasTarget,
    expected: quantityExpected,
    ...(period && !periodTargets ? { months: period.months } : {}),
    thresholds,
    rateTargets: rateTargetsIn(table.preamble),
    subject: subjectOf(table),
  };
  const rows = table.rows.map((r) => analyzeRow(r, ctx));
  return {
    sheet,
    title: table.title,
    period,
    expectedProgress: expected,
    thresholds,
    header: table.header,
    targetScope: periodTargets ? "period" : "year",
    rows,
    counts: countStatuses(rows),
  };
}

export function analyzeGrid(grid: Grid, options: AnalyzeOptions = {}): AnalysisDocument {
  if (grid.values.length === 0) throw new JinduError("empty_sheet", grid.sheet);
  const table = detectTable(grid);
  if (table.rows.length === 0) throw new JinduError("no_rows", grid.sheet);
  return analyzeTable(grid.sheet, table, options);
}
