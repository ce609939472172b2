// Use cases of the offline page (dist/jindu.html): a bulletin the user chose or pasted, read
// with the same code as the command line, its reading for the screen, and the annotated copy
// made by `annotate`, the code behind `jindu report`. The page's settings are the add-in's.
import { analyzeGrid } from "../core/analyze";
import { buildPlan, type Lang, type SummaryPlan } from "../core/plan";
import type { AnalysisDocument, Grid, RowStatus } from "../core/types";
import { candidateSheets } from "../xlsx/read";
import type { AddinSettings } from "./addin";
import { readBulletin, type BulletinSource } from "./input";
import { analyzeOptionsOf, annotate, type AnnotateOptions, type Annotated } from "./report";

export { PAGE_DEFAULT_SETTINGS } from "./settings";
export { pastedSource } from "./paste";

export interface OpenedBulletin {
  kind: "workbook" | "text";
  /** The sheets a bulletin may be on (visible, with content, not Jindu's); one for text. */
  sheets: string[];
  /** The sheet read. */
  sheet: string;
  grid: Grid;
  /** Cells cut to Excel's 32,767 characters. */
  cut: number;
}

/** Reads a bulletin: with no sheet named, the first sheet whose table is found (as the command line). */
export async function openBulletin(source: BulletinSource, sheet?: string): Promise<OpenedBulletin> {
  const loaded = await readBulletin(source, sheet === undefined ? {} : { sheet });
  if (loaded.kind === "text") return { kind: "text", sheets: [loaded.grid.sheet], sheet: loaded.grid.sheet, grid: loaded.grid, cut: loaded.cut };
  const sheets = candidateSheets(loaded.workbook).map((ws) => ws.name);
  if (!sheets.includes(loaded.worksheet.name)) sheets.unshift(loaded.worksheet.name);
  return { kind: "workbook", sheets, sheet: loaded.worksheet.name, grid: loaded.grid, cut: loaded.cut };
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
export function annotatedCopy(source: BulletinSource, settings: AddinSettings, lang: Lang, date: string, sheet?: string, force = false): Promise<Annotated> {
  return annotate(source, { ...reportOptions(settings, lang, date, sheet), force });
}

/** The file name of the copy: `<name>.jindu.xlsx`, as the command line names it. */
export function copyName(name: string): string {
  const base = name.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "jindu";
  return `${base}.jindu.xlsx`;
}
