// A full garbage collection between the large steps of a report. V8 grows its heap lazily, so
// a 100,000-row report would otherwise hold the garbage of one step while the next one runs and
// peak at twice what it uses. The collector is reached as test runners reach it (a flag set for
// the moment `gc` is looked up); where that is not possible this does nothing.
import * as v8 from "node:v8";
import * as vm from "node:vm";

let collect: (() => void) | null | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      const gc: unknown = vm.runInNewContext("gc");
      collect = typeof gc === "function" ? (gc as () => void) : null;
    } catch {
      collect = null;
    } finally {
      v8.setFlagsFromString("--no-expose-gc");
    }
  }
  collect?.();
}
