// A completion stated in the progress text (完成任务77.8%) attaches to the figure it follows in
// its sentence: the one whose computed share agrees with it, else the nearest before it. A
// stated completion with no figure before it stands alone.
import type { Reported } from "./reportedRate";
import { expectedFor, mostSimilarFree, statedEvidence, toFigure, type Actual, type Row, type Step } from "../row";
import { pairedIndicators } from "./pairQuantities";

export const id = "attach-stated";

export interface Attachment {
  stated: Map<Actual, Reported>;
  alone: Reported[];
}

export function attachStated(reported: Reported[], actuals: Actual[], targetOf: (a: Actual) => { fig: { base: number } } | undefined): Attachment {
  const stated = new Map<Actual, Reported>();
  const alone: Reported[] = [];
  const bySegment = new Map<number, Reported[]>();
  for (const r of reported) {
    const list = bySegment.get(r.fig.segment);
    if (list) list.push(r);
    else bySegment.set(r.fig.segment, [r]);
  }
  for (const rs of bySegment.values()) {
    // 开工率100%,完工率70.87%: the finishing rate is the completion.
    const keep = rs.some((r) => r.stage === "done") ? rs.filter((r) => r.stage === "done") : rs;
    for (const r of keep) {
      const preceding = actuals.filter((a) => a.fig.segment === r.fig.segment && a.fig.end <= r.fig.start && !stated.has(a));
      const consistent = preceding.filter((a) => {
        const t = targetOf(a);
        return t && Math.abs((a.fig.base / t.fig.base) * 100 - r.fig.value) <= 2.5;
      });
      const pick = consistent[consistent.length - 1] ?? preceding[preceding.length - 1];
      if (pick) stated.set(pick, r);
      else alone.push(r);
    }
  }
  return { stated, alone };
}

/**
 * Stated completions of figures no target was paired with, and stated ones standing alone
 * (…已完成年度任务的80%): the target they speak of is the free one most like their words, or
 * the only one left.
 */
export function unattachedIndicators(row: Row, entries: { r: Reported; a?: Actual }[]): void {
  for (const { r, a } of entries) {
    const free = row.targets.filter((t) => !row.used.has(t) && t.kind === "quantity");
    const words = a ? a.ctx + a.fig.lead : r.fig.ctx + r.fig.lead;
    const t =
      mostSimilarFree(row, words, 0.3, (x) => x.kind === "quantity", true) ??
      (free.length === 1 && entries.length === 1 ? free[0] : undefined);
    if (t) row.used.add(t);
    row.indicators.push({
      kind: "quantity",
      ...(t ? { target: toFigure(t.fig, row.targetField) } : {}),
      ...(a ? { actual: toFigure(a.fig, "progress") } : {}),
      completion: r.fig.value,
      reported: true,
      ...statedEvidence(row, r),
      rule: r.rule,
      expected: expectedFor(row, "quantity"),
      ...(r.stage === "started" ? { stage: "started" as const } : {}),
    });
  }
}

/** Step: stated completions attach to their figures; then one indicator per pair, and one per
 * stated completion no pair took. */
export const attachStatedStep: Step = {
  id,
  run(ctx) {
    const pairing = ctx.pairing!;
    const { stated, alone } = attachStated(ctx.reported, ctx.quantities, (a) => pairing.targetOfActual.get(a));
    ctx.attachment = { stated, alone };
    pairedIndicators(ctx, pairing, stated);
    unattachedIndicators(ctx, [
      ...[...stated].filter(([a]) => !pairing.targetOfActual.has(a)).map(([a, r]) => ({ r, a })),
      ...alone.map((r) => ({ r })),
    ]);
  },
};
