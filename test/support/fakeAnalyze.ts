// A stand-in for analyzeGrid in tests of the plan and the adapters: finds the 序号 header,
// fills merged/blank units down and takes each row's status and completions from the
// hand-labelled expectations of the seed bulletin (matched by project name).
import * as fs from "node:fs";
import * as path from "node:path";
import type { AnalyzedRow, AnalysisDocument, AnalyzeOptions, CellValue, Grid, Indicator, RowStatus } from "../../src/core/types";
import { JinduError } from "../../src/core/errors";

interface ExpectedIndicator {
  target?: string;
  actual?: string;
  completion?: number;
  kind?: string;
}
interface ExpectedRow {
  line: number;
  unit: string;
  project: string;
  status: RowStatus;
  indicators: ExpectedIndicator[];
}

export const FIXTURES = path.join(__dirname, "..", "fixtures");
export const SEED_TEXT = path.join(FIXTURES, "bulletin-2020-h1.txt");

export function expectations(): { rows: ExpectedRow[] } {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, "expectations.json"), "utf8")) as { rows: ExpectedRow[] };
}

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  return String(v).trim();
}

export function fakeAnalyze(grid: Grid, options: AnalyzeOptions = {}): AnalysisDocument {
  if (grid.values.length === 0) throw new JinduError("empty_sheet", grid.sheet);
  const byProject = new Map(expectations().rows.map((r) => [r.project, r]));
  const headerIndex = grid.values.findIndex((line) => line.some((v) => text(v) === "项目名称"));
  if (headerIndex < 0) throw new JinduError("no_header", grid.sheet);
  const header = grid.values[headerIndex]!;
  const col = (name: string) => header.findIndex((v) => text(v) === name);
  const [seqC, unitC, projC, targetC, progC] = ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"].map(col) as [number, number, number, number, number];
  const expected = options.expectedProgress ?? 50;
  const title = grid.values.slice(0, headerIndex).map((l) => l.map(text).find((s) => s !== "") ?? "").find((s) => s !== "") ?? "";
  const rows: AnalyzedRow[] = [];
  let unit = "";
  let seq = "";
  grid.values.slice(headerIndex + 1).forEach((line, i) => {
    const project = text(line[projC]);
    if (project === "") return;
    if (text(line[unitC]) !== "") unit = text(line[unitC]);
    if (text(line[seqC]) !== "") seq = text(line[seqC]);
    const e = byProject.get(project);
    const indicators: Indicator[] = (e?.indicators ?? [])
      .filter((x) => typeof x.completion === "number")
      .map((x) => ({
        kind: x.kind === "rate" ? "rate" : "quantity",
        completion: x.completion ?? null,
        reported: false,
        evidence: `${x.actual ?? "?"} ÷ ${x.target ?? "?"}`,
        rule: "fake",
        expected: x.kind === "rate" ? 100 : expected,
      }));
    const completions = indicators.map((x) => x.completion).filter((c): c is number => c !== null);
    const completion = completions.length > 0 ? Math.min(...completions) : null;
    const decisive = [...indicators].sort((a, b) => (a.completion ?? 0) - a.expected - ((b.completion ?? 0) - b.expected))[0];
    rows.push({
      row: grid.top + headerIndex + 1 + i,
      seq,
      unit,
      project,
      target: text(line[targetC]),
      progress: text(line[progC]),
      status: e?.status ?? "unquantified",
      completion,
      gap: decisive && decisive.completion !== null ? Math.round((decisive.completion - decisive.expected) * 10) / 10 : null,
      basis: decisive && decisive.completion !== null ? { completion: decisive.completion, expected: decisive.expected } : null,
      indicators,
      cues: [],
      notes: e ? [] : [{ code: "no_figures" }],
    });
  });
  const counts: Record<RowStatus, number> = { completed: 0, on_track: 0, lagging: 0, unquantified: 0 };
  for (const r of rows) counts[r.status]++;
  const left = grid.left;
  return {
    sheet: grid.sheet,
    title,
    period: { label: "2020年1-6月", months: 6, source: "title" },
    expectedProgress: expected,
    thresholds: options.thresholds ?? { mode: "strict" },
    targetScope: "year",
    header: {
      row: grid.top + headerIndex,
      lastRow: grid.top + headerIndex,
      columns: { seq: left + seqC, unit: left + unitC, project: left + projC, target: left + targetC, progress: left + progC },
      labels: {},
      firstColumn: left + Math.min(seqC, unitC, projC, targetC, progC),
      lastColumn: left + Math.max(seqC, unitC, projC, targetC, progC),
    },
    rows,
    counts,
  };
}

/** A minimal row for table-driven plan tests. */
export function row(partial: Partial<AnalyzedRow> & Pick<AnalyzedRow, "row" | "status">): AnalyzedRow {
  return {
    seq: "",
    unit: "市财政局",
    project: `项目${partial.row}`,
    target: "",
    progress: "",
    completion: null,
    gap: null,
    basis: null,
    indicators: [],
    cues: [],
    notes: [],
    ...partial,
  };
}

/** A document around the given rows (header on row 3, columns A–E). */
export function doc(rows: AnalyzedRow[], extra: Partial<AnalysisDocument> = {}): AnalysisDocument {
  const counts: Record<RowStatus, number> = { completed: 0, on_track: 0, lagging: 0, unquantified: 0 };
  for (const r of rows) counts[r.status]++;
  return {
    sheet: "Sheet1",
    title: "2020年1-6月份民生工程项目进展情况",
    period: { label: "2020年1-6月", months: 6, source: "title" },
    expectedProgress: 50,
    thresholds: { mode: "strict" },
    targetScope: "year",
    header: {
      row: 3,
      lastRow: 3,
      columns: { seq: 1, unit: 2, project: 3, target: 4, progress: 5 },
      labels: {},
      firstColumn: 1,
      lastColumn: 5,
    },
    rows,
    counts,
    ...extra,
  };
}
