// The pane's logic: the bulletin it works on, settings, the last analysis, what is running,
// the last message. The bulletin is remembered, so writing the summary (which activates it)
// does not make later commands read the summary; switching to another sheet, or editing the
// bulletin, marks the results as out of date.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ActiveSheet, AddinSettings, Stage } from "../app/addin";
import type { AnalysisDocument } from "../core/types";
import { STRINGS } from "./i18n";
import { describeError } from "./messages";
import type { PaneServices } from "./services";

export type Action = "analyze" | "mark" | "clear" | "summary";

export interface Message {
  intent: "success" | "error" | "info";
  text: string;
  /** Excel's own words, behind a 详情 toggle. */
  detail?: string;
  /** A bulletin to switch to (the one a Jindu sheet came from), with the action to run on it. */
  offer?: { sheet: string; action: Action };
}

/** What Jindu finds on the bulletin sheet before any click. */
export type Preview = { sheet: string; headerRow: number; period: string | null; projects: number } | { sheet: string; error: string };

export interface JinduState {
  settings: AddinSettings;
  doc: AnalysisDocument | null;
  running: Action | null;
  stage: Stage | null;
  message: Message | null;
}

/** Resolves after the browser has painted the current frame (at once where there are no frames). */
function nextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== "function") return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function useJindu(services: PaneServices) {
  const t = STRINGS[services.lang];
  const [settings, setSettings] = useState<AddinSettings>(() => services.loadSettings());
  const [doc, setDoc] = useState<AnalysisDocument | null>(null);
  const [running, setRunning] = useState<Action | null>(null);
  const [stage, setStage] = useState<Stage | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  /** The bulletin sheet the commands read; null until one is known. */
  const [target, setTarget] = useState<string | null>(null);
  const [active, setActive] = useState<ActiveSheet | null>(null);
  const [stale, setStale] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const busy = useRef(false);
  const current = useRef({ target, doc });
  current.current = { target, doc };

  // What is active when the pane opens, and whenever the user clicks another tab or edits.
  useEffect(() => {
    let live = true;
    const look = (event?: "activated" | "changed") =>
      services
        .active()
        .then((a) => {
          if (!live) return;
          setActive(a);
          const { target: known, doc: shown } = current.current;
          if (a.jindu) {
            // On Jindu's own sheet: keep the bulletin, or take the one it was made from.
            if (known === null && a.source) setTarget(a.source);
            return;
          }
          if (event === "changed" && busy.current) return;
          if (a.sheet !== known) {
            setTarget(a.sheet);
            if (shown && shown.sheet !== a.sheet) setStale(true);
          } else if (event === "changed" && shown) setStale(true);
        })
        .catch(() => undefined);
    void look();
    services.watch((e) => void look(e.type)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [services]);

  // Before the first click: read the sheet quietly and say what is there (or why nothing is).
  const hasDoc = doc !== null;
  useEffect(() => {
    if (hasDoc || target === null) return;
    let live = true;
    services
      .analyze(settings, () => undefined, target)
      .then((d) => {
        if (live) setPreview({ sheet: d.sheet, headerRow: d.header.row, period: d.period?.label ?? null, projects: d.rows.filter((r) => !r.total).length });
      })
      .catch((e: unknown) => {
        if (live) setPreview({ sheet: target, error: describeError(e, "analyze", services.lang).text });
      });
    return () => {
      live = false;
    };
    // Settings do not change what is found; only the sheet does.
  }, [services, target, hasDoc]);

  const run = useCallback(
    async (action: Action, sheet: string | null = current.current.target) => {
      if (busy.current) return;
      busy.current = true;
      setRunning(action);
      setMessage(null);
      const on = sheet ?? undefined;
      // Let the progress indicator paint before Excel's answer and the reading take the thread.
      await nextPaint();
      try {
        switch (action) {
          case "analyze": {
            const d = await services.analyze(settings, setStage, on);
            startTransition(() => setDoc(d));
            setTarget(d.sheet);
            setMessage({ intent: "success", text: t.done.analyzed(d.rows.length, d.counts.lagging) });
            break;
          }
          case "mark": {
            const r = await services.highlight(settings, setStage, on);
            startTransition(() => setDoc(r.doc));
            setTarget(r.doc.sheet);
            setMessage({ intent: "success", text: t.done.marked(r.marked) });
            break;
          }
          case "clear": {
            const r = await services.clear(setStage, on);
            setTarget(r.sheet);
            setMessage({ intent: "success", text: t.done.cleared(r.removed) });
            break;
          }
          case "summary": {
            const r = await services.summarise(settings, setStage, on);
            startTransition(() => setDoc(r.doc));
            setTarget(r.doc.sheet);
            setMessage({ intent: "success", text: t.done.summary(r.sheetName) });
            break;
          }
        }
        if (action !== "clear") setStale(false);
      } catch (e) {
        const m = describeError(e, action, services.lang);
        setMessage({
          intent: "error",
          text: m.text,
          ...(m.detail ? { detail: m.detail } : {}),
          ...(m.source ? { offer: { sheet: m.source, action } } : {}),
        });
        // The sheet named is gone (renamed, deleted): take the active sheet instead, shown at once.
        if (m.code === "sheet_missing") {
          setTarget(null);
          services
            .active()
            .then((a) => {
              if (!a.jindu) setTarget(a.sheet);
            })
            .catch(() => undefined);
        }
      } finally {
        busy.current = false;
        setRunning(null);
        setStage(null);
      }
    },
    [services, settings, t],
  );

  const updateSettings = useCallback(
    (next: AddinSettings) => {
      setSettings(next);
      services.saveSettings(next).catch((e: unknown) => setMessage({ intent: "error", text: describeError(e, "analyze", services.lang).text }));
    },
    [services],
  );

  const select = useCallback(
    (row: number) => {
      if (doc) services.select(doc, row).catch((e: unknown) => setMessage({ intent: "error", text: describeError(e, "analyze", services.lang).text }));
    },
    [services, doc],
  );

  const dismiss = useCallback(() => setMessage(null), []);

  return useMemo(
    () => ({ t, lang: services.lang, settings, doc, running, stage, message, target, active, stale, preview, run, updateSettings, select, dismiss }),
    [t, services.lang, settings, doc, running, stage, message, target, active, stale, preview, run, updateSettings, select, dismiss],
  );
}
