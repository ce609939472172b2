// The pane's logic: settings, the last analysis, what is running, the last message.
import { useCallback, useMemo, useRef, useState } from "react";
import type { AddinSettings, Stage } from "../app/addin";
import type { AnalysisDocument } from "../core/types";
import { isJinduError } from "../core/errors";
import { STRINGS } from "./i18n";
import type { PaneServices } from "./services";

export type Action = "analyze" | "mark" | "clear" | "summary";

export interface Message {
  intent: "success" | "error" | "info";
  text: string;
  detail?: string;
}

export interface JinduState {
  settings: AddinSettings;
  doc: AnalysisDocument | null;
  running: Action | null;
  stage: Stage | null;
  message: Message | null;
}

export function useJindu(services: PaneServices) {
  const t = STRINGS[services.lang];
  const [settings, setSettings] = useState<AddinSettings>(() => services.loadSettings());
  const [doc, setDoc] = useState<AnalysisDocument | null>(null);
  const [running, setRunning] = useState<Action | null>(null);
  const [stage, setStage] = useState<Stage | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const busy = useRef(false);

  const fail = useCallback(
    (e: unknown) => {
      if (isJinduError(e)) setMessage({ intent: "error", text: services.lang === "zh" ? e.zh : e.en, detail: services.lang === "zh" ? e.en : e.zh });
      else setMessage({ intent: "error", text: e instanceof Error ? e.message : String(e) });
    },
    [services.lang],
  );

  const run = useCallback(
    async (action: Action) => {
      if (busy.current) return;
      busy.current = true;
      setRunning(action);
      setMessage(null);
      try {
        switch (action) {
          case "analyze": {
            const d = await services.analyze(settings, setStage);
            setDoc(d);
            setMessage({ intent: "success", text: t.done.analyzed(d.rows.length, d.counts.lagging) });
            break;
          }
          case "mark": {
            const r = await services.highlight(settings, setStage);
            setDoc(r.doc);
            setMessage({ intent: "success", text: t.done.marked(r.marked) });
            break;
          }
          case "clear": {
            const r = await services.clear(setStage);
            setMessage({ intent: "success", text: t.done.cleared(r.removed) });
            break;
          }
          case "summary": {
            const r = await services.summarise(settings, setStage);
            setDoc(r.doc);
            setMessage({ intent: "success", text: t.done.summary(r.sheetName) });
            break;
          }
        }
      } catch (e) {
        fail(e);
      } finally {
        busy.current = false;
        setRunning(null);
        setStage(null);
      }
    },
    [services, settings, t, fail],
  );

  const updateSettings = useCallback(
    (next: AddinSettings) => {
      setSettings(next);
      services.saveSettings(next).catch(fail);
    },
    [services, fail],
  );

  const select = useCallback(
    (row: number) => {
      if (doc) services.select(doc, row).catch(fail);
    },
    [services, doc, fail],
  );

  const dismiss = useCallback(() => setMessage(null), []);

  return useMemo(
    () => ({ t, lang: services.lang, settings, doc, running, stage, message, run, updateSettings, select, dismiss }),
    [t, services.lang, settings, doc, running, stage, message, run, updateSettings, select, dismiss],
  );
}
