// The engine behind the pane: the reading runs in a worker (engine-worker.js beside the page);
// where a worker cannot start (an old webview, a policy), the same code runs on the page.
import type { Engine } from "../app/addin";
import { engine as pageEngine } from "../app/engine";
import { JinduError, type ErrorCode } from "../core/errors";
import type { Lang, WorkbookPlan } from "../core/plan/types";
import type { AnalysisDocument, AnalyzeOptions, Grid } from "../core/types";

export type EngineRequest =
  | { id: number; op: "analyze"; grid: Grid; options: AnalyzeOptions }
  | { id: number; op: "plan"; doc: AnalysisDocument; options: { lang: Lang; date: string } };

export type EngineResponse =
  | { id: number; ok: true; result: AnalysisDocument | WorkbookPlan }
  | { id: number; ok: false; error: { code: ErrorCode; detail?: string; params: Record<string, string> } };

export const WORKER_URL = "engine-worker.js";

export function workerEngine(url = WORKER_URL): Engine {
  let worker: Worker | null = null;
  try {
    worker = typeof Worker === "function" ? new Worker(url) : null;
  } catch {
    worker = null;
  }
  if (!worker) return pageEngine;
  const w = worker;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let next = 1;
  let broken = false;
  w.onmessage = (e: MessageEvent<EngineResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.result);
    else p.reject(new JinduError(e.data.error.code, e.data.error.detail, e.data.error.params));
  };
  // A worker that fails to load (a missing file, a policy) hands its work back to the page.
  w.onerror = () => {
    broken = true;
    for (const p of pending.values()) p.reject(new WorkerUnavailable());
    pending.clear();
  };
  type Request = { op: "analyze"; grid: Grid; options: AnalyzeOptions } | { op: "plan"; doc: AnalysisDocument; options: { lang: Lang; date: string } };
  const call = <T>(request: Request, fallback: () => T): Promise<T> => {
    if (broken) return Promise.resolve().then(fallback);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      w.postMessage({ ...request, id });
    }).catch((e: unknown) => {
      if (e instanceof WorkerUnavailable) return fallback();
      throw e;
    });
  };
  return {
    analyze: (grid, options) => call({ op: "analyze", grid, options }, () => pageEngine.analyze(grid, options) as AnalysisDocument),
    plan: (doc, options) => call({ op: "plan", doc, options }, () => pageEngine.plan(doc, options) as WorkbookPlan),
  };
}

class WorkerUnavailable extends Error {}
