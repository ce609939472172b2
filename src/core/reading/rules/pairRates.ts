// Level targets (参保率达到95%以上), ceilings (控制在4.5%以内) and growth (增长8%以上) paired with
// the progress text's percentages by their subject. A rate is held to its target, not to 序时.
import type { Fig } from "../figures";
import { bigrams, dice } from "../similarity";
import { GROWTH_WORDS } from "../lexicon";
import { round2 } from "../numbers";
import { expectedFor, toFigure, type Actual, type Row, type Target } from "../row";

export const id = "pair-rates";

const RATE_MIN_SIM = 0.3;

/** Rates are named by a short subject (参保率96.4%): one fully contained in the target's words counts. */
function rateSim(t: Fig, a: Fig): number {
  const own = a.ctx;
  const grams = bigrams(own);
  let contained = 0;
  if (grams.size >= 2) {
    const tg = bigrams(t.ctx);
    let n = 0;
    for (const g of grams) if (tg.has(g)) n++;
    contained = n / grams.size;
  }
  return Math.max(dice(t.ctx, own), 0.8 * dice(t.ctx, a.lead + own), 0.7 * contained);
}

/** A level is read from a figure of its own kind: a percentage, or the same measure (微克/立方米). */
function sameMeasure(t: Target, a: Actual): boolean {
  if (t.fig.kind === "percent") return a.fig.kind === "percent";
  return a.fig.kind === "quantity" && a.fig.info?.canon === t.fig.info?.canon;
}

export function pairRates(row: Row, rates: Actual[], quantities: Actual[]): void {
  const cands: { t: Target; a: Actual; sim: number }[] = [];
  for (const t of row.targets) {
    if (t.kind === "quantity") continue;
    for (const a of [...rates, ...quantities]) {
      if (!sameMeasure(t, a)) continue;
      // A growth target is read from a growth figure (增长7% ↔ 同比增长6.2%), whatever its subject.
      const growthPair = t.kind === "growth" && GROWTH_WORDS.some((w) => a.fig.before.endsWith(w));
      const sim = rateSim(t.fig, a.fig) + (growthPair ? 0.3 : 0);
      if (sim >= RATE_MIN_SIM) cands.push({ t, a, sim });
    }
  }
  cands.sort((x, y) => y.sim - x.sim || x.t.fig.start - y.t.fig.start);
  const usedRate = new Set<Actual>();
  for (const c of cands) {
    if (row.used.has(c.t) || usedRate.has(c.a)) continue;
    row.used.add(c.t);
    usedRate.add(c.a);
    const tv = c.t.fig.base;
    const av = c.a.fig.base;
    const raw = c.t.kind === "ceiling" ? (av <= 0 ? 100 : round2((tv / av) * 100)) : tv > 0 ? round2((av / tv) * 100) : null;
    const completion = raw !== null && Number.isFinite(raw) ? raw : null;
    row.indicators.push({
      kind: c.t.kind === "quantity" ? "rate" : c.t.kind,
      subject: c.t.fig.ctx.slice(-12) || undefined,
      target: toFigure(c.t.fig, row.targetField),
      actual: toFigure(c.a.fig, "progress"),
      completion,
      reported: false,
      evidence: `${c.a.fig.text} ÷ ${c.t.fig.text}`,
      rule: `rate-${c.t.kind}`,
      expected: expectedFor(row, c.t.kind, c.t.fig),
    });
  }
}
