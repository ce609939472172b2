// Installs fake `Office` and `Excel` globals backed by a FakeWorkbook, for running the
// production task pane in a browser without Excel. Never part of the production bundle.
import type { Grid } from "../../src/core/types";
import { FakeWorkbook } from "./fake-excel";

export interface FakeOfficeConfig {
  grid: Grid;
  displayLanguage?: string;
  excelApi?: number;
  /** Office's body background (#RRGGBB): dark in Office's dark theme. */
  officeBackground?: string;
}

export interface FakeOffice {
  workbook: FakeWorkbook;
  settings: Map<string, unknown>;
  handlers: Map<string, (event: unknown) => void>;
}

export function installFakeOffice(target: Record<string, unknown>, config: FakeOfficeConfig): FakeOffice {
  const workbook = FakeWorkbook.fromGrid(config.grid, { excelApi: config.excelApi });
  const settings = new Map<string, unknown>();
  const handlers = new Map<string, (event: unknown) => void>();
  const info = { host: "Excel", platform: "OfficeOnline" };
  target.Excel = { run: workbook.run };
  target.Office = {
    onReady: (cb?: (i: typeof info) => void) => {
      const ready = Promise.resolve(info);
      if (cb) void ready.then(cb);
      return ready;
    },
    context: {
      displayLanguage: config.displayLanguage ?? "zh-CN",
      ...(config.officeBackground ? { officeTheme: { bodyBackgroundColor: config.officeBackground, bodyForegroundColor: "#ffffff", controlBackgroundColor: config.officeBackground, controlForegroundColor: "#ffffff" } } : {}),
      requirements: { isSetSupported: (name: string, version: string) => workbook.isSetSupported(name, version) },
      // A dialog's page talks to the page that opened it; here the messages are kept for the test.
      ui: { messageParent: (message: string) => void ((target.__jinduParentMessages ??= []) as string[]).push(message) },
      document: {
        settings: {
          get: (k: string) => settings.get(k) ?? null,
          set: (k: string, v: unknown) => void settings.set(k, JSON.parse(JSON.stringify(v))),
          remove: (k: string) => void settings.delete(k),
          saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: "succeeded" }),
        },
      },
    },
    actions: { associate: (name: string, fn: (event: unknown) => void) => void handlers.set(name, fn) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  return { workbook, settings, handlers };
}
