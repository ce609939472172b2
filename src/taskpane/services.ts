// What the pane may do: use cases bound to a workbook port, settings and a language.
// Components receive these functions, never `Excel`.
import {
  analyze,
  clearMarks,
  highlight,
  selectRow,
  summarise,
  type ActiveSheet,
  type AddinSettings,
  type Engine,
  type HighlightResult,
  type SheetEvent,
  type Stage,
  type SummaryResult,
  type WorkbookPort,
} from "../app/addin";
import type { AnalysisDocument } from "../core/types";
import type { Lang } from "../core/plan/types";
import type { SettingsStore } from "../app/settings";

export type OnStage = (stage: Stage) => void;

/** `sheet`: the bulletin the pane works on; the active sheet when not known yet. */
export interface PaneServices {
  lang: Lang;
  loadSettings(): AddinSettings;
  saveSettings(settings: AddinSettings): Promise<void>;
  analyze(settings: AddinSettings, onStage: OnStage, sheet?: string): Promise<AnalysisDocument>;
  highlight(settings: AddinSettings, onStage: OnStage, sheet?: string): Promise<HighlightResult>;
  clear(onStage: OnStage, sheet?: string): Promise<{ removed: number; sheet: string }>;
  summarise(settings: AddinSettings, onStage: OnStage, sheet?: string): Promise<SummaryResult>;
  select(doc: AnalysisDocument, row: number): Promise<void>;
  active(): Promise<ActiveSheet>;
  watch(listener: (event: SheetEvent) => void): Promise<void>;
}

export function createServices(port: WorkbookPort, engine: Engine, store: SettingsStore, lang: Lang): PaneServices {
  const deps = (onStage?: OnStage, sheet?: string) => ({ port, engine, onStage, ...(sheet === undefined ? {} : { sheet }) });
  return {
    lang,
    loadSettings: () => store.load(),
    saveSettings: (s) => store.save(s),
    analyze: (s, onStage, sheet) => analyze(deps(onStage, sheet), s),
    highlight: (s, onStage, sheet) => highlight(deps(onStage, sheet), s, lang),
    clear: (onStage, sheet) => clearMarks(deps(onStage, sheet)),
    summarise: (s, onStage, sheet) => summarise(deps(onStage, sheet), s, lang),
    select: (doc, row) => selectRow(deps(), doc, row),
    active: () => port.active(),
    watch: (listener) => port.watch(listener),
  };
}
