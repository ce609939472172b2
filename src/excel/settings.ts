// Settings kept in the workbook (document settings travel with the file).
import { DEFAULT_SETTINGS, type AddinSettings } from "../app/addin";
import type { Thresholds } from "../core/types";

export const SETTINGS_KEY = "jindu.settings";

export interface SettingsStore {
  load(): AddinSettings;
  save(settings: AddinSettings): Promise<void>;
  /** Takes in what another part of the add-in saved meanwhile (the pane, for a ribbon button). */
  refresh(): Promise<void>;
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Accepts what an older or hand-edited file may hold; anything odd falls back to defaults. */
export function parseSettings(raw: unknown): AddinSettings {
  if (typeof raw !== "object" || raw === null) return DEFAULT_SETTINGS;
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

export function officeSettingsStore(settings: Office.Settings): SettingsStore {
  return {
    load: () => parseSettings(settings.get(SETTINGS_KEY)),
    save: (value) =>
      new Promise((resolve, reject) => {
        settings.set(SETTINGS_KEY, value);
        settings.saveAsync((result) => (String(result.status) === "succeeded" ? resolve() : reject(result.error)));
      }),
    refresh: () =>
      new Promise((resolve) => {
        // Stale settings are better than none: a failed refresh keeps what is loaded.
        if (typeof settings.refreshAsync !== "function") return resolve();
        settings.refreshAsync(() => resolve());
      }),
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
