// Use cases of the offline page (dist/jindu.html): a bulletin the user chose or pasted, read
// with the same code as the command line, its reading for the screen, and the annotated copy
// made by `annotate`, the code behind `jindu report`. The page's settings are the add-in's.
import { analyzeGrid } from "../core/analyze";
import { buildPlan, type Lang, type SummaryPlan } from "../core/plan";
import type { AnalysisDocument, Grid, RowStatus } from "../core/types";
import type { AddinSettings } from "./addin";
import type { BulletinFiles, BulletinSource, ReadBulletin } from "./input";
import { analyzeOptionsOf, annotate, type AnnotateOptions, type Annotated } from "./report";

export { PAGE_DEFAULT_SETTINGS } from "./settings";
export { pastedSource } from "./paste";

/** Reads a bulletin: with no sheet named, the first sheet whose table is found (as the command line). */
export function openBulletin(files: BulletinFiles, source: BulletinSource, sheet?: string): Promise<ReadBulletin> {
  return files.read(source, sheet === undefined ? {} : { sheet });
}

/** The statuses the copy fills: lagging always, the others as the settings say (as 标出滞后 does). */
export function filledBy(settings: AddinSettings): Record<RowStatus, boolean> {
  return { lagging: true, completed: settings.highlight.completed, unquantified: settings.highlight.unquantified, on_track: settings.highlight.onTrack };
}

/** The settings as the report's options (the command line's --expected and --bands). */
export function reportOptions(settings: AddinSettings, lang: Lang, date: string, sheet?: string): AnnotateOptions {
  return {
    date,
    lang,
    thresholds: settings.thresholds,
    filled: filledBy(settings),
    ...(settings.expectedProgress === null ? {} : { expectedProgress: settings.expectedProgress }),
    ...(sheet === undefined ? {} : { sheet }),
  };
}

export interface Reading {
  doc: AnalysisDocument;
  /** What the summary sheet will hold: title lines, per-unit table, lagging list. */
  summary: SummaryPlan;
}

/** The reading for the screen, with the summary the copy will carry. */
export function readingOf(grid: Grid, settings: AddinSettings, lang: Lang, date: string): Reading {
  const doc = analyzeGrid(grid, analyzeOptionsOf(reportOptions(settings, lang, date)));
  return { doc, summary: buildPlan(doc, { lang, date }).summary };
}

/** The annotated copy of the bulletin, as `jindu report` writes it. */
export function annotatedCopy(files: BulletinFiles, source: BulletinSource, settings: AddinSettings, lang: Lang, date: string, sheet?: string, force = false): Promise<Annotated> {
  return annotate(files, source, { ...reportOptions(settings, lang, date, sheet), force });
}

/** The file name of the copy: `<name>.jindu.xlsx`, as the command line names it. */
export function copyName(name: string): string {
  const base = name.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "jindu";
  return `${base}.jindu.xlsx`;
}
