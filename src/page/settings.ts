// The page's SettingsStore: the browser's local storage (a file:// page has one too). Where
// storage is refused (a private window, a policy) the settings last for the visit.
import type { AddinSettings } from "../app/addin";
import { PAGE_DEFAULT_SETTINGS, parseSettings, SETTINGS_KEY, type SettingsStore } from "../app/settings";

export function browserSettingsStore(storage: Pick<Storage, "getItem" | "setItem"> | null): SettingsStore {
  let current: AddinSettings = PAGE_DEFAULT_SETTINGS;
  try {
    const raw = storage?.getItem(SETTINGS_KEY);
    if (raw) current = parseSettings(JSON.parse(raw), PAGE_DEFAULT_SETTINGS);
  } catch {
    current = PAGE_DEFAULT_SETTINGS;
  }
  return {
    load: () => current,
    save: async (value) => {
      current = value;
      try {
        storage?.setItem(SETTINGS_KEY, JSON.stringify(value));
      } catch {
        // Kept for this visit only.
      }
    },
    refresh: async () => undefined,
  };
}
