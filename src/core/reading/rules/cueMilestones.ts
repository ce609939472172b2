// Cues that speak of a target no figure accounts for: 上半年未开展…培训 → that target at 0,
// 超额完成申领任务 → at 100. The words around the cue, within its sentence, say which target.
import type { Cue } from "../../types";
import { clauseIndexAt } from "../structure";
import { expectedFor, mostSimilarFree, segmentBounds, toFigure, type Row, type Step } from "../row";

export const id = "cue-milestones";

const MIN_SIM = 0.25;

export function cueMilestones(row: Row, cues: Cue[]): void {
  const P = row.P;
  const segments = segmentBounds(P);
  for (const cue of cues) {
    const clause = P.structure.clauses[clauseIndexAt(P.structure, cue.start)];
    if (!clause) continue;
    const [segStart, segEnd] = segments.get(clause.segment) ?? [cue.start, cue.end];
    const words = P.structure.norm
      .slice(Math.max(segStart, cue.start - 40), Math.min(segEnd, cue.end + 24))
      .replace(/[^\u3400-\u9fff]/g, "");
    const done = cue.kind === "done" || cue.kind === "exceeded";
    const best = mostSimilarFree(row, words, MIN_SIM, (t) => done || t.kind === "quantity");
    if (!best) continue;
    row.used.add(best);
    row.indicators.push({
      kind: "milestone",
      target: toFigure(best.fig, row.targetField),
      completion: done ? 100 : 0,
      reported: true,
      evidence: cue.text,
      evidenceSpan: { start: cue.start, end: cue.end, field: "progress" },
      rule: cue.rule,
      expected: expectedFor(row, best.kind === "quantity" ? "milestone" : best.kind, best.fig),
    });
  }
}

/** Step: cues answer the targets no figure accounts for. */
export const cueMilestonesStep: Step = {
  id,
  run(ctx) {
    cueMilestones(ctx, ctx.cues);
  },
};
