// The page's side of its worker: requests as promises, stages as callbacks, errors as the
// JinduErrors the worker met (so the page words them as the command line does).
import { JinduError } from "../core/errors";
import type { Copy, Envelope, Opened, PageStage, Reply, Request, Responses, WireError } from "./protocol";

export interface PageEngine {
  call<K extends Request["type"]>(request: Extract<Request, { type: K }>, onStage?: (stage: PageStage) => void): Promise<Responses[K]>;
}

export function fromWire(e: WireError): Error {
  return e.code ? new JinduError(e.code, e.detail, e.params ?? {}) : new Error(e.message);
}

/** The id of the inert script element that carries the worker's code in dist/jindu.html. */
export const WORKER_SCRIPT_ID = "jindu-worker";

/** A worker from the code the page carries (a blob: URL: the page makes no request). */
export function startWorker(doc: Document = document): Worker {
  const code = doc.getElementById(WORKER_SCRIPT_ID)?.textContent;
  if (!code) throw new Error("worker code missing");
  const url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
  return new Worker(url);
}

/** Anything with postMessage/onmessage: a Worker, or a fake in tests. */
export interface Port {
  postMessage(message: Envelope, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<Reply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export function workerEngine(port: Port): PageEngine {
  const pending = new Map<number, { resolve: (v: Opened | Copy | Responses["analyze"]) => void; reject: (e: unknown) => void; onStage?: ((s: PageStage) => void) | undefined }>();
  let next = 1;
  port.onmessage = (e) => {
    const reply = e.data;
    const p = pending.get(reply.id);
    if (!p) return;
    if (reply.kind === "stage") return p.onStage?.(reply.stage);
    pending.delete(reply.id);
    if (reply.kind === "done") p.resolve(reply.value);
    else p.reject(fromWire(reply.error));
  };
  port.onerror = (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || "worker failed"));
    pending.clear();
  };
  return {
    call(request, onStage) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onStage });
        port.postMessage({ id, request });
      });
    },
  };
}
