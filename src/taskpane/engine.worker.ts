// The reading in a worker: a long bulletin is read off the pane's thread, so the pane keeps
// painting (the progress bar, the buttons) while it works.
import { analyzeGrid } from "../core/analyze";
import { buildPlan } from "../core/plan";
import { isJinduError } from "../core/errors";
import type { EngineRequest, EngineResponse } from "./workerEngine";

const scope = self as unknown as { onmessage: ((e: MessageEvent<EngineRequest>) => void) | null; postMessage: (m: EngineResponse) => void };

scope.onmessage = (e) => {
  const { id, op } = e.data;
  try {
    const result = op === "analyze" ? analyzeGrid(e.data.grid, e.data.options) : buildPlan(e.data.doc, e.data.options);
    scope.postMessage({ id, ok: true, result });
  } catch (err) {
    const error = isJinduError(err)
      ? { code: err.code, detail: err.detail, params: { ...err.params } }
      : { code: "internal" as const, detail: err instanceof Error ? err.message : String(err), params: {} };
    scope.postMessage({ id, ok: false, error });
  }
};
