// What the pane may do: use cases bound to a workbook port, settings and a language.
// Components receive these functions, never `Excel`.
import {
  analyze,
  clearMarks,
  highlight,
  selectRow,
  summarise,
  type AddinSettings,
  type Engine,
  type HighlightResult,
  type Stage,
  type SummaryResult,
  type WorkbookPort,
} from "../app/addin";
import type { AnalysisDocument } from "../core/types";
import type { Lang } from "../core/plan/types";
import type { SettingsStore } from "../excel/settings";

export type OnStage = (stage: Stage) => void;

export interface PaneServices {
  lang: Lang;
  loadSettings(): AddinSettings;
  saveSettings(settings: AddinSettings): Promise<void>;
  analyze(settings: AddinSettings, onStage: OnStage): Promise<AnalysisDocument>;
  highlight(settings: AddinSettings, onStage: OnStage): Promise<HighlightResult>;
  clear(onStage: OnStage): Promise<{ removed: number }>;
  summarise(settings: AddinSettings, onStage: OnStage): Promise<SummaryResult>;
  select(doc: AnalysisDocument, row: number): Promise<void>;
}

export function createServices(port: WorkbookPort, engine: Engine, store: SettingsStore, lang: Lang): PaneServices {
  const deps = (onStage?: OnStage) => ({ port, engine, onStage });
  return {
    lang,
    loadSettings: () => store.load(),
    saveSettings: (s) => store.save(s),
    analyze: (s, onStage) => analyze(deps(onStage), s),
    highlight: (s, onStage) => highlight(deps(onStage), s, lang),
    clear: (onStage) => clearMarks(deps(onStage)),
    summarise: (s, onStage) => summarise(deps(onStage), s, lang),
    select: (doc, row) => selectRow(deps(), doc, row),
  };
}
