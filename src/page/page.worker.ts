// The offline page's worker: reading a workbook, the analysis and the copy run here, so the
// page keeps painting its progress while a 10,000-row bulletin is read. Started from a blob:
// URL holding this bundle (the page is one file; CSP worker-src blob:).
import { createPageHost, toWire } from "./host";
import type { Envelope, Reply } from "./protocol";

const scope = self as unknown as { onmessage: ((e: MessageEvent<Envelope>) => void) | null; postMessage: (m: Reply, transfer?: Transferable[]) => void };
const host = createPageHost();

scope.onmessage = (e) => {
  const { id, request } = e.data;
  host
    .handle(request, (stage) => scope.postMessage({ id, kind: "stage", stage }))
    .then(
      (value) => scope.postMessage({ id, kind: "done", value }, "bytes" in value ? [value.bytes.buffer] : []),
      (err: unknown) => scope.postMessage({ id, kind: "failed", error: toWire(err) }),
    );
};
