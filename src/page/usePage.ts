// The page's logic: the bulletin chosen or pasted, the sheet read, the settings, the reading
// and what is running. Settings apply at once: a change reads the bulletin again in the worker,
// the latest change winning over ones still queued.
import { startTransition, useCallback, useMemo, useRef, useState } from "react";
import type { AddinSettings } from "../app/addin";
import { pastedSource } from "../app/paste";
import { localDate } from "../app/date";
import type { SettingsStore } from "../app/settings";
import { isJinduError } from "../core/errors";
import type { Lang, SummaryPlan } from "../core/plan/types";
import type { AnalysisDocument } from "../core/types";
import type { PageEngine } from "./client";
import type { PageStage } from "./protocol";
import { PAGE_STRINGS } from "./strings";

export interface PageMessage {
  intent: "success" | "error" | "warning";
  /** Lines shown one under the other (an error: 错误：… then Error: …, as the command line). */
  lines: string[];
  /** The copy would lose parts: offer to download anyway. */
  offerForce?: boolean;
}

export interface Loaded {
  name: string;
  kind: "workbook" | "text";
  sheets: string[];
  sheet: string;
  doc: AnalysisDocument;
  summary: SummaryPlan;
}

export type Busy = "open" | "analyze" | "download" | null;

export interface PageDeps {
  engine: PageEngine;
  store: SettingsStore;
  lang: Lang;
  /** Offers the copy to the user (an <a download> in the page). */
  save: (bytes: Uint8Array, fileName: string) => void;
  now?: () => Date;
}

/** The command line's two lines for a typed error; anything else as the pane words an internal one. */
export function errorLines(e: unknown, lang: Lang): string[] {
  if (isJinduError(e)) return [`错误：${e.zh}`, `Error: ${e.en}`];
  const detail = e instanceof Error ? e.message : String(e);
  return lang === "zh" ? [`出现了意外错误：${detail}`] : [`An unexpected error: ${detail}`];
}

export function usePage({ engine, store, lang, save, now = () => new Date() }: PageDeps) {
  const p = PAGE_STRINGS[lang];
  const [settings, setSettings] = useState<AddinSettings>(() => store.load());
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [stage, setStage] = useState<PageStage | null>(null);
  const [message, setMessage] = useState<PageMessage | null>(null);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const reading = useRef({ running: false, again: false });
  const date = () => localDate(now());

  const open = useCallback(
    async (bytes: Uint8Array, name: string, sheet?: string) => {
      setBusy("open");
      setStage("reading");
      setMessage(null);
      try {
        const r = await engine.call({ type: "open", bytes, name, settings: settingsRef.current, lang, date: date(), ...(sheet === undefined ? {} : { sheet }) }, setStage);
        startTransition(() => setLoaded({ name: r.name, kind: r.kind, sheets: r.sheets, sheet: r.sheet, doc: r.doc, summary: r.summary }));
        if (r.cut > 0) setMessage({ intent: "warning", lines: [p.cut(r.cut)] });
      } catch (e) {
        setMessage({ intent: "error", lines: errorLines(e, lang) });
      } finally {
        setBusy(null);
        setStage(null);
      }
    },
    [engine, lang, p],
  );

  const openFile = useCallback(async (file: File) => open(new Uint8Array(await file.arrayBuffer()), file.name), [open]);
  const openPaste = useCallback((text: string) => {
    const source = pastedSource(text, p.pastedName);
    return open(source.bytes, source.name);
  }, [open, p]);
  // The worker keeps the bulletin's bytes: naming another sheet reads that one.
  const pickSheet = useCallback(
    async (sheet: string) => {
      setBusy("open");
      setStage("reading");
      setMessage(null);
      try {
        const r = await engine.call({ type: "sheet", sheet, settings: settingsRef.current, lang, date: date() }, setStage);
        startTransition(() => setLoaded({ name: r.name, kind: r.kind, sheets: r.sheets, sheet: r.sheet, doc: r.doc, summary: r.summary }));
      } catch (e) {
        setMessage({ intent: "error", lines: errorLines(e, lang) });
      } finally {
        setBusy(null);
        setStage(null);
      }
    },
    [engine, lang],
  );

  // A settings change reads again at once; changes made meanwhile are taken in one more reading.
  const reanalyze = useCallback(async () => {
    const state = reading.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    try {
      do {
        state.again = false;
        setBusy((b) => b ?? "analyze");
        try {
          const r = await engine.call({ type: "analyze", settings: settingsRef.current, lang, date: date() });
          startTransition(() => setLoaded((l) => (l ? { ...l, doc: r.doc, summary: r.summary } : l)));
        } catch (e) {
          setMessage({ intent: "error", lines: errorLines(e, lang) });
        }
      } while (state.again);
    } finally {
      state.running = false;
      setBusy((b) => (b === "analyze" ? null : b));
    }
  }, [engine, lang]);

  const updateSettings = useCallback(
    (next: AddinSettings) => {
      setSettings(next);
      settingsRef.current = next;
      void store.save(next);
      if (loaded) void reanalyze();
    },
    [store, loaded, reanalyze],
  );

  const download = useCallback(
    async (force = false) => {
      setBusy("download");
      setStage("writing");
      setMessage(null);
      try {
        const copy = await engine.call({ type: "annotate", force, settings: settingsRef.current, lang, date: date() }, setStage);
        save(copy.bytes, copy.fileName);
        setMessage({ intent: "success", lines: [p.downloaded(copy.fileName, copy.summarySheet), ...(copy.lost ? [p.lost(copy.lost.join(lang === "zh" ? "、" : ", "))] : [])] });
      } catch (e) {
        const offerForce = isJinduError(e) && e.code === "unsaved_parts";
        setMessage({ intent: "error", lines: errorLines(e, lang), ...(offerForce ? { offerForce } : {}) });
      } finally {
        setBusy(null);
        setStage(null);
      }
    },
    [engine, lang, p, save],
  );

  const dismiss = useCallback(() => setMessage(null), []);

  return useMemo(
    () => ({ p, lang, settings, loaded, busy, stage, message, openFile, openPaste, pickSheet, updateSettings, download, dismiss }),
    [p, lang, settings, loaded, busy, stage, message, openFile, openPaste, pickSheet, updateSettings, download, dismiss],
  );
}
