// The report use case: read a bulletin file, analyze it, write an annotated copy as .xlsx.
// The input file is only ever read.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { analyzeGrid } from "../core/analyze";
import { JinduError, fromFsError } from "../core/errors";
import { buildPlan, type Lang, type WorkbookPlan } from "../core/plan";
import type { AnalysisDocument, AnalyzeOptions, Grid, Thresholds } from "../core/types";
import { applyPlan } from "../xlsx/apply";
import { workbookFromGrid } from "../xlsx/fromGrid";
import { pathExists, writeBytesAtomic, writeWorkbookAtomic } from "../xlsx/write";
import { CannotPatch, patchPackage, preparePatch, type PreparedPatch } from "../xlsx/patch";
import { unpatchPackage } from "../xlsx/unpatch";
import { refuseUnsaved, type LostParts } from "../xlsx/parts";
import { loadInput, type LoadedInput } from "./input";

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

/**
 * The output may never be the input, nor a link to it: compared by device and inode (symbolic
 * and hard links alike), and by real path where the output does not exist yet.
 */
export async function assertNotInput(input: string, output: string): Promise<void> {
  const [a, b] = await Promise.all([fs.stat(input).catch(() => null), fs.stat(output).catch(() => null)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino) throw new JinduError("output_is_input", output);
  const real = async (p: string) => {
    // The directory's real path and the file's name: the file itself may not exist yet.
    const dir = await fs.realpath(path.dirname(path.resolve(p))).catch(() => path.dirname(path.resolve(p)));
    return path.join(dir, path.basename(p));
  };
  if ((await real(input)) === (await real(output))) throw new JinduError("output_is_input", output);
}

/** Runs a file-system step, turning its errors into typed ones that name the file. */
export async function onFile<T>(name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw fromFsError(e, name) ?? e;
  }
}

export interface ReportDeps {
  analyze?: (grid: Grid, options: AnalyzeOptions) => AnalysisDocument;
  /** Called between the large steps, when the last one's working memory can go (a full collection). */
  collect?: () => void;
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
  /** Parts of the input the copy does not keep (accepted with --force). */
  lost?: LostParts;
  /** Cells longer than Excel's 32,767 characters, cut when read. */
  cut: number;
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
  await assertNotInput(req.input, output);
  // Fail before the work when the answer is already known; the write checks again.
  if (!req.force && (await onFile(output, () => pathExists(output)))) throw new JinduError("output_exists", output);

  const loadOptions = req.sheet === undefined ? {} : { sheet: req.sheet };
  let loaded: LoadedInput | undefined = await loadInput(req.input, loadOptions);
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
  const options: AnalyzeOptions = {};
  if (req.expectedProgress !== undefined) options.expectedProgress = req.expectedProgress;
  if (req.thresholds !== undefined) options.thresholds = req.thresholds;
  const doc = (deps.analyze ?? analyzeGrid)(grid, options);
  const plan = buildPlan(doc, { lang: req.lang ?? "zh", date: req.date });
  const done = (sheets: { summarySheet: string; laggingSheet: string; extraColumn: number }, lost?: LostParts): ReportResult => ({
    input: req.input,
    output,
    doc,
    plan,
    ...sheets,
    cut,
    ...(lost ? { lost } : {}),
  });

  if (prepared) {
    const job = prepared.request(plan);
    prepared = undefined;
    let sheets: { summarySheet: string; laggingSheet: string } | undefined;
    try {
      await onFile(output, () =>
        writeBytesAtomic(
          async () => {
            const patched = await patchPackage(job, deps.collect);
            sheets = patched;
            return patched.bytes;
          },
          output,
          { force: req.force ?? false },
        ),
      );
    } catch (e) {
      if (!(e instanceof CannotPatch)) throw e;
    }
    if (sheets) return done({ ...sheets, extraColumn: job.extraColumn });
  }
  loaded ??= await loadInput(req.input, loadOptions);

  // Text input, a copy of a copy, or a package the patch does not handle: through ExcelJS.
  // Parts ExcelJS cannot write back are said before anything is written (--force accepts).
  const lost = loaded.kind === "workbook" ? refuseUnsaved(await loaded.unsaved(), req.force ?? false) : undefined;
  const target = loaded.kind === "workbook" ? loaded : { ...workbookFromGrid(loaded.grid), grid: loaded.grid };
  const applied = applyPlan(target.workbook, target.worksheet, loaded.grid, plan);
  await onFile(output, () => writeWorkbookAtomic(target.workbook, output, { force: req.force ?? false }));
  return done({ summarySheet: applied.summarySheet, laggingSheet: applied.laggingSheet, extraColumn: applied.extraColumn }, lost);
}
