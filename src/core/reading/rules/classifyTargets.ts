// The target cell's figures that ask for something, each with its kind (quantity, rate level,
// ceiling, growth…) and whether it is itself about starting works.
import { targetKind } from "./targetKind";
import { targetIsStart } from "./actualFilter";
import type { Step } from "../row";

export const classifyTargets: Step = {
  id: "classify-targets",
  run(ctx) {
    for (const f of ctx.T.figures) {
      const kind = targetKind(f);
      if (kind) ctx.targets.push({ fig: f, kind, start: targetIsStart(f) });
    }
  },
};
