// The pipeline: grid → table → reading → assessment → analysis document.
import type { AnalysedRow, AnalysisDocument, AnalyzeOptions, CellValue, Grid, Indicator, Period, RowStatus, Thresholds } from "./types";
import { JinduError } from "./errors";
import { detectTable, type Table, type TableRow } from "./table/detect";
import { findPeriod, expectedProgressFromMonths } from "./period";
import { readRow, type RowReading } from "./reading/read";
import { assess, countStatuses } from "./assess/assess";
import { normalize } from "./text/normalize";
import { round1 } from "./reading/numbers";

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

/** A completion cell: 0.716 (a percent-formatted number), 71.6, "71.6%". */
export function parseCompletionCell(v: CellValue | undefined): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return round1(Math.abs(v) <= 1.5 ? v * 100 : v);
  if (typeof v !== "string") return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/.exec(normalize(v));
  if (!m) return null;
  const n = Number(m[1]);
  return round1(!v.includes("%") && !normalize(v).includes("%") && Math.abs(n) <= 1.5 && m[1]!.includes(".") ? n * 100 : n);
}

const STATUS_WORDS: [RegExp, RowStatus][] = [
  [/(滞后|未完成|落后|慢于|未达序时|推进缓慢|未开工|未启动)/, "lagging"],
  [/(已完成|全部完成|超额完成|^完成$|已竣工)/, "completed"],
  [/(正常|序时|按计划|有序推进|推进中|达到序时|超序时|快于)/, "on_track"],
];

export function parseStatusCell(text: string | undefined): RowStatus | null {
  if (!text) return null;
  const s = normalize(text).replace(/\s+/g, "");
  for (const [re, status] of STATUS_WORDS) if (re.test(s)) return status;
  return null;
}

const BARE_NUMBER = /^\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Target and progress stored as plain numbers (the unit in the header: 目标任务（公里）). */
function numericReading(targetText: string, progress: string, expected: number): RowReading | null {
  const t = BARE_NUMBER.exec(normalize(targetText));
  const a = BARE_NUMBER.exec(normalize(progress));
  if (!t || !a || Number(t[1]) <= 0) return null;
  const tv = Number(t[1]);
  const av = Number(a[1]);
  const fig = (v: number, text: string, field: "target" | "progress") => ({ value: v, unit: "", text, start: text.indexOf(String(text.trim())), end: text.length, field });
  return {
    indicators: [
      {
        kind: "quantity",
        target: fig(tv, targetText, "target"),
        actual: fig(av, progress, "progress"),
        completion: Math.round((av / tv) * 10000) / 100,
        reported: false,
        evidence: `${av} ÷ ${tv}`,
        rule: "numeric-cells",
        expected,
      },
    ],
    cues: [],
    unpairedTargets: 0,
    notes: [],
  };
}

function analyseRow(tr: TableRow, hasTarget: boolean, expected: number, thresholds: Thresholds): AnalysedRow {
  const c = tr.cells;
  const targetText = hasTarget ? c.target ?? "" : c.project ?? "";
  const progress = c.progress ?? "";
  const reading =
    (hasTarget ? numericReading(targetText, progress, expected) : null) ??
    readRow(targetText, progress, { targetField: hasTarget ? "target" : "project", expectedProgress: expected });
  const result = assess(reading, thresholds);
  const indicators: Indicator[] = reading.indicators;
  const stated = parseCompletionCell(tr.completionValue);
  const notes = [...reading.notes, ...(stated === null ? result.notes : [])];
  let { status, completion, gap, basis } = result;
  let severity = result.severity;

  // An explicit completion column wins over the text; a status column wins over both.
  if (stated !== null) {
    indicators.unshift({
      kind: "quantity",
      completion: stated,
      reported: true,
      evidence: String(tr.completionValue),
      evidenceSpan: { start: 0, end: String(c.completion ?? "").length, field: "completion" },
      rule: "completion-column",
      expected,
    });
    completion = stated;
    gap = round1(stated - expected);
    basis = { completion: stated, expected };
    status = stated >= 100 ? "completed" : stated >= expected ? "on_track" : "lagging";
    severity = status === "lagging" ? (thresholds.mode === "bands" && -gap < thresholds.red ? "yellow" : "red") : undefined;
    if (status === "lagging" && thresholds.mode === "bands" && -gap < thresholds.yellow) status = "on_track";
    notes.push("完成率取自表中的完成率列");
  }
  const explicit = parseStatusCell(c.status);
  if (explicit) {
    if (explicit !== status) notes.push(`状态取自表中的“${c.status?.trim()}”`);
    status = explicit;
    if (status !== "lagging") severity = undefined;
    else severity ??= "red";
  }
  return {
    row: tr.row,
    seq: c.seq ?? "",
    unit: c.unit ?? "",
    project: c.project ?? "",
    target: targetText,
    progress,
    status,
    completion,
    gap: status === "unquantified" ? null : gap,
    basis: status === "unquantified" ? null : basis,
    ...(status === "lagging" && severity ? { severity } : {}),
    indicators,
    cues: reading.cues,
    notes,
  };
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
    period = { label: "全年", months: 12, source: "default" };
  }
  const thresholds = options.thresholds ?? { mode: "strict" };
  const hasTarget = table.header.columns.target !== undefined;
  // A target column for the period itself (季度目标, 本月目标) is due in full by now.
  const periodTargets = /(季度|本月|当月|本期|阶段|序时|截至|截止)/.test(table.header.labels.target ?? "");
  const quantityExpected = periodTargets ? 100 : expected;
  const rows = table.rows.map((r) => analyseRow(r, hasTarget, quantityExpected, thresholds));
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
