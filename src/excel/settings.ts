// Settings kept in the workbook (document settings travel with the file): the add-in's
// implementation of the SettingsStore port that src/app defines.
import { parseSettings, SETTINGS_KEY, type SettingsStore } from "../app/settings";

export { memorySettingsStore, parseSettings, SETTINGS_KEY, type SettingsStore } from "../app/settings";

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
