// Qualitative cues of the progress text (全部完成, 尚未开展, 正在招标), and the sentences that
// speak of preparations: bare figures there are not achievements.
import { findCues } from "../cues";
import { clauseIndexAt } from "../structure";
import type { Step } from "../row";

export const progressCues: Step = {
  id: "progress-cues",
  run(ctx) {
    ctx.cues = findCues(ctx.P.structure.norm, "progress");
    for (const c of ctx.cues) {
      if (c.kind !== "preparing" && c.kind !== "not_started") continue;
      ctx.preparing.add(ctx.P.structure.clauses[clauseIndexAt(ctx.P.structure, c.start)]?.segment ?? -1);
    }
  },
};
