// Use cases of the Excel add-in. The task pane and the ribbon commands call these with a
// workbook port (Office.js in Excel, a fake in tests); no Office types here.
import type { AnalysisDocument, AnalyzeOptions, Grid, RowStatus, Thresholds } from "../core/types";
import type { Lang, RowFill, SummaryPlan, WorkbookPlan } from "../core/plan/types";
import { JinduError } from "../core/errors";
import { LABELS } from "../core/plan/labels";

export interface HighlightSettings {
  /** Lagging rows are always marked; these add the other statuses. */
  completed: boolean;
  unquantified: boolean;
  onTrack: boolean;
}

export interface AddinSettings {
  /** 序时进度 override in percent; null keeps the one read from the period. */
  expectedProgress: number | null;
  thresholds: Thresholds;
  highlight: HighlightSettings;
}

export const DEFAULT_SETTINGS: AddinSettings = {
  expectedProgress: null,
  thresholds: { mode: "strict" },
  highlight: { completed: false, unquantified: false, onTrack: false },
};

export interface ReadRequest {
  /** The bulletin sheet by name; the active sheet when not given. Jindu's own sheets are refused. */
  sheet?: string;
  /** Read the table's values (2 syncs); false for clearing, which needs only the marks. */
  values: boolean;
  /** Look up existing Jindu marks and the sheet's protection. */
  marks: boolean;
  /** The summary sheet name wanted: look up which variants exist and which Jindu made. */
  summarySheet?: string;
}

export interface SheetSnapshot {
  sheet: string;
  grid: Grid | null;
  /** Jindu marks found on the sheet. */
  marks: number;
}

/** One Excel.run: read first, queue writes, then commit once. */
export interface WorkbookSession {
  read(request: ReadRequest): Promise<SheetSnapshot>;
  /** Replaces Jindu's marks on the sheet read with these fills. */
  mark(fills: RowFill[]): void;
  clearMarks(): void;
  /** Queues the summary sheet; returns the sheet name it will have. */
  writeSummary(summary: SummaryPlan, marker: string): string;
  commit(): Promise<void>;
}

/** The active sheet as the pane sees it before any command. */
export interface ActiveSheet {
  sheet: string;
  /** A sheet Jindu wrote (a summary), and the bulletin it came from when known. */
  jindu: boolean;
  source?: string;
}

export interface SheetEvent {
  type: "activated" | "changed";
  sheetId: string;
}

export interface WorkbookPort {
  /** `sheet` names the sheet the work is about, for the messages of Excel's errors. */
  session<T>(work: (session: WorkbookSession) => Promise<T>, sheet?: string): Promise<T>;
  active(): Promise<ActiveSheet>;
  /** Calls back when the user activates or edits a sheet. */
  watch(listener: (event: SheetEvent) => void): Promise<void>;
  /** Selects a row of the table so the user sees it. */
  select(sheet: string, row: number, firstColumn: number, lastColumn: number): Promise<void>;
}

/** The reading; in the pane it runs in a worker, so its answers may come later. */
export interface Engine {
  analyze(grid: Grid, options: AnalyzeOptions): AnalysisDocument | Promise<AnalysisDocument>;
  /** `date` is YYYY-MM-DD, shown in the summary title. */
  plan(doc: AnalysisDocument, options: { lang: Lang; date: string }): WorkbookPlan | Promise<WorkbookPlan>;
}

export type Stage = "reading" | "analyzing" | "writing";

export interface AddinDeps {
  port: WorkbookPort;
  /** The bulletin sheet, by name; the active sheet when not given. */
  sheet?: string;
  engine: Engine;
  now?: () => Date;
  onStage?: (stage: Stage) => void;
}

export const SUMMARY_SHEET: Record<Lang, string> = { zh: LABELS.zh.summarySheet, en: LABELS.en.summarySheet };

/** Today in local time as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function analyzeOptions(settings: AddinSettings): AnalyzeOptions {
  const options: AnalyzeOptions = { thresholds: settings.thresholds };
  if (settings.expectedProgress !== null) options.expectedProgress = settings.expectedProgress;
  return options;
}

/** The fills the settings ask for: lagging always, the other statuses by choice. */
export function fillsToApply(fills: RowFill[], highlight: HighlightSettings): RowFill[] {
  const wanted: Record<RowStatus, boolean> = {
    lagging: true,
    completed: highlight.completed,
    unquantified: highlight.unquantified,
    on_track: highlight.onTrack,
  };
  return fills.filter((f) => wanted[f.status]);
}

const target = (deps: AddinDeps): { sheet?: string } => (deps.sheet === undefined ? {} : { sheet: deps.sheet });

function requireGrid(snapshot: SheetSnapshot): Grid {
  if (!snapshot.grid) throw new JinduError("empty_sheet", snapshot.sheet);
  return snapshot.grid;
}

export async function analyze(deps: AddinDeps, settings: AddinSettings): Promise<AnalysisDocument> {
  return deps.port.session(async (s) => {
    deps.onStage?.("reading");
    const snapshot = await s.read({ values: true, marks: false, ...target(deps) });
    deps.onStage?.("analyzing");
    return await deps.engine.analyze(requireGrid(snapshot), analyzeOptions(settings));
  }, deps.sheet);
}

export interface HighlightResult {
  doc: AnalysisDocument;
  marked: number;
  /** Earlier marks replaced. */
  replaced: number;
}

export async function highlight(deps: AddinDeps, settings: AddinSettings, lang: Lang): Promise<HighlightResult> {
  return deps.port.session(async (s) => {
    deps.onStage?.("reading");
    const snapshot = await s.read({ values: true, marks: true, ...target(deps) });
    deps.onStage?.("analyzing");
    const doc = await deps.engine.analyze(requireGrid(snapshot), analyzeOptions(settings));
    const plan = await deps.engine.plan(doc, { lang, date: isoDate((deps.now ?? (() => new Date()))()) });
    const fills = fillsToApply(plan.fills, settings.highlight);
    deps.onStage?.("writing");
    s.mark(fills);
    await s.commit();
    return { doc, marked: fills.length, replaced: snapshot.marks };
  }, deps.sheet);
}

export async function clearMarks(deps: AddinDeps): Promise<{ removed: number; sheet: string }> {
  return deps.port.session(async (s) => {
    deps.onStage?.("reading");
    const snapshot = await s.read({ values: false, marks: true, ...target(deps) });
    deps.onStage?.("writing");
    s.clearMarks();
    await s.commit();
    return { removed: snapshot.marks, sheet: snapshot.sheet };
  }, deps.sheet);
}

export interface SummaryResult {
  doc: AnalysisDocument;
  sheetName: string;
}

export async function summarise(deps: AddinDeps, settings: AddinSettings, lang: Lang): Promise<SummaryResult> {
  return deps.port.session(async (s) => {
    deps.onStage?.("reading");
    const snapshot = await s.read({ values: true, marks: false, summarySheet: SUMMARY_SHEET[lang], ...target(deps) });
    deps.onStage?.("analyzing");
    const doc = await deps.engine.analyze(requireGrid(snapshot), analyzeOptions(settings));
    const plan = await deps.engine.plan(doc, { lang, date: isoDate((deps.now ?? (() => new Date()))()) });
    deps.onStage?.("writing");
    const sheetName = s.writeSummary(plan.summary, plan.marker);
    await s.commit();
    return { doc, sheetName };
  }, deps.sheet);
}

export async function selectRow(deps: AddinDeps, doc: AnalysisDocument, row: number): Promise<void> {
  await deps.port.select(doc.sheet, row, doc.header.firstColumn, doc.header.lastColumn);
}
