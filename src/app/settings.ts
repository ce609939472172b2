// Where a host keeps the user's settings: a port. The add-in keeps them in the workbook's
// document settings (src/excel/settings.ts), the offline page in the browser's storage.
import { DEFAULT_SETTINGS, type AddinSettings } from "./addin";
import type { Thresholds } from "../core/types";

export const SETTINGS_KEY = "jindu.settings";

export interface SettingsStore {
  load(): AddinSettings;
  save(settings: AddinSettings): Promise<void>;
  /** Takes in what another part of the host saved meanwhile (the pane, for a ribbon button). */
  refresh(): Promise<void>;
}

/**
 * The offline page's first settings: what `jindu report` fills (lagging, completed and
 * unquantified rows), so that the copy it gives is the command line's until the user asks otherwise.
 */
export const PAGE_DEFAULT_SETTINGS: AddinSettings = {
  ...DEFAULT_SETTINGS,
  highlight: { completed: true, unquantified: true, onTrack: false },
};

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Accepts what an older or hand-edited store may hold; anything odd falls back to `defaults`. */
export function parseSettings(raw: unknown, defaults: AddinSettings = DEFAULT_SETTINGS): AddinSettings {
  if (typeof raw !== "object" || raw === null) return defaults;
  const r = raw as Record<string, unknown>;
  const t = (typeof r.thresholds === "object" && r.thresholds !== null ? r.thresholds : {}) as Record<string, unknown>;
  const yellow = num(t.yellow);
  const red = num(t.red);
  const thresholds: Thresholds =
    t.mode === "bands" && yellow !== null && red !== null ? { mode: "bands", yellow, red } : { mode: "strict" };
  const h = (typeof r.highlight === "object" && r.highlight !== null ? r.highlight : {}) as Record<string, unknown>;
  const expected = num(r.expectedProgress);
  return {
    expectedProgress: expected !== null && expected >= 0 && expected <= 100 ? expected : null,
    thresholds,
    highlight: { completed: h.completed === true, unquantified: h.unquantified === true, onTrack: h.onTrack === true },
  };
}

export function memorySettingsStore(initial: AddinSettings = DEFAULT_SETTINGS): SettingsStore {
  let current = initial;
  return {
    load: () => current,
    save: async (value) => {
      current = value;
    },
    refresh: async () => undefined,
  };
}
