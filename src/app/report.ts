// The report use case: a bulletin's bytes in, the annotated copy's bytes out, with the reading
// and the plan it applied. No files here: the command line (src/cli/files.ts) reads and writes
// them, the offline page takes what the user chose and offers the copy as a download; the
// workbook itself is the BulletinFiles port's (src/xlsx/bulletin.ts).
import { analyzeGrid } from "../core/analyze";
import { JinduError } from "../core/errors";
import { buildPlan, type Lang, type WorkbookPlan } from "../core/plan";
import type { AnalysisDocument, AnalyzeOptions, Grid, RowStatus, Thresholds } from "../core/types";
import { isCalendarDate } from "./date";
import type { BulletinFiles, BulletinSource, LostParts } from "./input";

export { isCalendarDate, localDate } from "./date";

export interface AnnotateOptions {
  sheet?: string;
  expectedProgress?: number;
  thresholds?: Thresholds;
  /** Accept the loss of parts the ExcelJS copy cannot keep (the command line's --force). */
  force?: boolean;
  lang?: Lang;
  /** YYYY-MM-DD shown in the summary title: the host's today, or a fixed day for a repeatable copy. */
  date: string;
  /** Which statuses get a fill; by default every status but on_track (DEFAULT_FILLED). */
  filled?: Readonly<Record<RowStatus, boolean>>;
}

export interface ReportDeps {
  analyze?: (grid: Grid, options: AnalyzeOptions) => AnalysisDocument;
  /** Called between the large steps, when the last one's working memory can go (a full collection). */
  collect?: () => void;
}

export interface Annotated {
  /** The annotated copy, an .xlsx package. */
  bytes: Uint8Array;
  doc: AnalysisDocument;
  plan: WorkbookPlan;
  summarySheet: string;
  laggingSheet: string;
  /** 1-based column of the added 完成率 column. */
  extraColumn: number;
  /** Parts of the input the copy does not keep (accepted with force). */
  lost?: LostParts;
  /** Cells longer than Excel's 32,767 characters, cut when read. */
  cut: number;
}

export function analyzeOptionsOf(o: Pick<AnnotateOptions, "expectedProgress" | "thresholds">): AnalyzeOptions {
  const options: AnalyzeOptions = {};
  if (o.expectedProgress !== undefined) options.expectedProgress = o.expectedProgress;
  if (o.thresholds !== undefined) options.thresholds = o.thresholds;
  return options;
}

/**
 * Reads the bulletin, analyses it and has the adapter write the plan into a copy of it. The
 * input bytes are only ever read.
 */
export async function annotate(files: BulletinFiles, source: BulletinSource, opts: AnnotateOptions, deps: ReportDeps = {}): Promise<Annotated> {
  if (opts.date !== undefined && !isCalendarDate(opts.date)) throw new JinduError("bad_argument", "date YYYY-MM-DD");
  const { bulletin, write } = await files.prepare(source, opts.sheet === undefined ? {} : { sheet: opts.sheet }, deps.collect);
  const doc = (deps.analyze ?? analyzeGrid)(bulletin.grid, analyzeOptionsOf(opts));
  const plan = buildPlan(doc, { lang: opts.lang ?? "zh", date: opts.date });
  const written = await write(plan, { ...(opts.filled ? { filled: opts.filled } : {}), force: opts.force ?? false });
  return { ...written, doc, plan, cut: bulletin.cut };
}
