// The report use case: a bulletin's bytes in, the annotated copy's bytes out, with the reading
// and the plan it applied. No files here: the command line (src/cli/files.ts) reads and writes
// them, the offline page takes what the user chose and offers the copy as a download.
import { analyzeGrid } from "../core/analyze";
import { JinduError } from "../core/errors";
import { buildPlan, type Lang, type WorkbookPlan } from "../core/plan";
import type { AnalysisDocument, AnalyzeOptions, Grid, RowStatus, Thresholds } from "../core/types";
import { applyPlan } from "../xlsx/apply";
import { workbookFromGrid } from "../xlsx/fromGrid";
import { CannotPatch, patchPackage, preparePatch, type PreparedPatch } from "../xlsx/patch";
import { unpatchPackage } from "../xlsx/unpatch";
import { refuseUnsaved, type LostParts } from "../xlsx/parts";
import { isCalendarDate } from "./date";
import { readBulletin, type BulletinSource, type LoadedInput } from "./input";

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

/** A light compression level: about a third faster on large sheets, slightly larger files. */
export const WRITE_OPTIONS = { zip: { compression: "DEFLATE", compressionOptions: { level: 3 } } } as const;

/**
 * Reads the bulletin, analyses it and writes the annotated copy into the bulletin's own package
 * (charts, pivot tables and all else kept), or through ExcelJS where the package cannot take it.
 * The input bytes are only ever read.
 */
export async function annotate(source: BulletinSource, opts: AnnotateOptions, deps: ReportDeps = {}): Promise<Annotated> {
  if (opts.date !== undefined && !isCalendarDate(opts.date)) throw new JinduError("bad_argument", "date YYYY-MM-DD");
  const loadOptions = opts.sheet === undefined ? {} : { sheet: opts.sheet };
  let loaded: LoadedInput | undefined = await readBulletin(source, loadOptions);
  const { grid, cut } = loaded;
  // A workbook without Jindu's marks: the copy is its own package with Jindu's parts written
  // in, so charts, pivot tables and everything else it holds are kept as they are.
  let prepared: PreparedPatch | undefined;
  // A report of a report: Jindu's earlier marks come out of the package first, the same way.
  if (loaded.kind === "workbook" && (!loaded.marked || loaded.unmark)) {
    const { worksheet, unmark } = loaded;
    let bytes = loaded.bytes;
    prepared = await (async () => {
      if (unmark) bytes = await unpatchPackage(unmark);
      return preparePatch(bytes, worksheet, grid);
    })().catch((e: unknown) => {
      if (e instanceof CannotPatch) return undefined;
      throw e;
    });
    // The parsed workbook is not needed any more: its memory goes before the reading.
    if (prepared) {
      loaded = undefined;
      deps.collect?.();
    }
  }
  const doc = (deps.analyze ?? analyzeGrid)(grid, analyzeOptionsOf(opts));
  const plan = buildPlan(doc, { lang: opts.lang ?? "zh", date: opts.date });
  const done = (bytes: Uint8Array, sheets: { summarySheet: string; laggingSheet: string; extraColumn: number }, lost?: LostParts): Annotated => ({
    bytes,
    doc,
    plan,
    ...sheets,
    cut,
    ...(lost ? { lost } : {}),
  });

  if (prepared) {
    const job = prepared.request(plan, opts.filled);
    prepared = undefined;
    try {
      const patched = await patchPackage(job, deps.collect);
      return done(patched.bytes, { summarySheet: patched.summarySheet, laggingSheet: patched.laggingSheet, extraColumn: job.extraColumn });
    } catch (e) {
      if (!(e instanceof CannotPatch)) throw e;
    }
  }
  loaded ??= await readBulletin(source, loadOptions);

  // Text input, a copy of a copy, or a package the patch does not handle: through ExcelJS.
  // Parts ExcelJS cannot write back are said before anything is written (force accepts).
  const lost = loaded.kind === "workbook" ? refuseUnsaved(await loaded.unsaved(), opts.force ?? false) : undefined;
  const target = loaded.kind === "workbook" ? loaded : { ...workbookFromGrid(loaded.grid), grid: loaded.grid };
  const applied = applyPlan(target.workbook, target.worksheet, loaded.grid, plan, opts.filled ? { filled: opts.filled } : {});
  const written = await target.workbook.xlsx.writeBuffer(WRITE_OPTIONS);
  const bytes = written instanceof Uint8Array ? written : new Uint8Array(written);
  return done(bytes, { summarySheet: applied.summarySheet, laggingSheet: applied.laggingSheet, extraColumn: applied.extraColumn }, lost);
}
