// The report use case: read a bulletin file, analyze it, write an annotated copy as .xlsx.
// The input file is only ever read.
import * as path from "node:path";
import { analyzeGrid } from "../core/analyze";
import { JinduError } from "../core/errors";
import { buildPlan, type Lang, type WorkbookPlan } from "../core/plan";
import type { AnalysisDocument, AnalyzeOptions, Grid, Thresholds } from "../core/types";
import { applyPlan } from "../xlsx/apply";
import { workbookFromGrid } from "../xlsx/fromGrid";
import { pathExists, writeWorkbookAtomic } from "../xlsx/write";
import { loadInput } from "./input";

export interface ReportRequest {
  input: string;
  /** Default: `<name>.jindu.xlsx` next to the input. */
  output?: string;
  sheet?: string;
  expectedProgress?: number;
  thresholds?: Thresholds;
  force?: boolean;
  lang?: Lang;
  /** YYYY-MM-DD shown in the summary title. */
  date: string;
}

export interface ReportDeps {
  analyze?: (grid: Grid, options: AnalyzeOptions) => AnalysisDocument;
}

export interface ReportResult {
  input: string;
  output: string;
  doc: AnalysisDocument;
  plan: WorkbookPlan;
  summarySheet: string;
  laggingSheet: string;
  /** 1-based column of the added 完成率 column. */
  extraColumn: number;
}

export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.[^.]*$/, "");
  return path.join(dir, `${base}.jindu.xlsx`);
}

/** Today in local time as YYYY-MM-DD. */
export function localDate(d: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export async function report(req: ReportRequest, deps: ReportDeps = {}): Promise<ReportResult> {
  const output = req.output ?? defaultOutputPath(req.input);
  if (!/\.xlsx$/i.test(output)) throw new JinduError("bad_argument", `-o ${output} (.xlsx)`);
  if (path.resolve(output) === path.resolve(req.input)) {
    throw new JinduError("bad_argument", `输出不能覆盖输入 / the output cannot replace the input: ${output}`);
  }
  // Fail before the work when the answer is already known; the write checks again.
  if (!req.force && (await pathExists(output))) throw new JinduError("output_exists", output);

  const loaded = await loadInput(req.input, req.sheet === undefined ? {} : { sheet: req.sheet });
  const options: AnalyzeOptions = {};
  if (req.expectedProgress !== undefined) options.expectedProgress = req.expectedProgress;
  if (req.thresholds !== undefined) options.thresholds = req.thresholds;
  const doc = (deps.analyze ?? analyzeGrid)(loaded.grid, options);
  const plan = buildPlan(doc, { lang: req.lang ?? "zh", date: req.date });

  const target = loaded.kind === "workbook" ? loaded : { ...workbookFromGrid(loaded.grid), grid: loaded.grid };
  const applied = applyPlan(target.workbook, target.worksheet, loaded.grid, plan);
  await writeWorkbookAtomic(target.workbook, output, { force: req.force ?? false });
  return { input: req.input, output, doc, plan, summarySheet: applied.summarySheet, laggingSheet: applied.laggingSheet, extraColumn: applied.extraColumn };
}
