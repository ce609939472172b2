// The progress cell's figures, sorted: stated completions (完工率71.6%, and one listed right
// after), other percentages (candidate rates), and quantities that report an achievement.
import { reportedRate } from "./reportedRate";
import { listedAfter } from "./listedAfter";
import { actualVerdict } from "./actualFilter";
import { ellipticalContext } from "./ellipticalContext";
import type { Step } from "../row";

export const classifyProgress: Step = {
  id: "classify-progress",
  run(ctx) {
    for (const f of ctx.P.figures) {
      if (f.breakdown || f.standard) continue;
      const r = reportedRate(f) ?? listedAfter(ctx.reported[ctx.reported.length - 1], f);
      if (r) {
        ctx.reported.push(r);
      } else if (f.kind === "percent") {
        if (!f.paren) ctx.rates.push({ fig: f, ctx: f.ctx });
      } else {
        const v = actualVerdict(f, ctx.preparing.has(f.segment));
        if (!v.ok) continue;
        ctx.quantities.push({
          fig: f,
          ...(v.stage ? { stage: v.stage } : {}),
          ...(v.aside ? { aside: true } : {}),
          ctx: ellipticalContext(f, ctx.P),
        });
      }
    }
  },
};
