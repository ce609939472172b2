// Binds the adapter to the Office.js globals; the only place `Excel.run` is called for real.
import type { Lang } from "../core/plan/types";
import type { WorkbookPort } from "../app/addin";
import { createExcelPort } from "./workbook";
import { memorySettingsStore, officeSettingsStore, type SettingsStore } from "./settings";

export function officePort(): WorkbookPort {
  return createExcelPort({
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  });
}

/** zh-CN first: English only when Office (or, outside Office, the browser) says English. */
export function pickLang(displayLanguage: string | undefined, browserLanguage?: string): Lang {
  const tag = (displayLanguage || browserLanguage || "zh-CN").toLowerCase();
  return tag.startsWith("en") ? "en" : "zh";
}

export function officeLang(): Lang {
  let display: string | undefined;
  try {
    display = Office.context.displayLanguage;
  } catch {
    display = undefined;
  }
  return pickLang(display, typeof navigator === "undefined" ? undefined : navigator.language);
}

export function officeSettings(): SettingsStore {
  const settings = typeof Office === "undefined" ? undefined : Office.context?.document?.settings;
  return settings ? officeSettingsStore(settings) : memorySettingsStore();
}
