// Level targets (参保率达到95%以上), ceilings (控制在4.5%以内) and growth (增长8%以上) paired with
// the progress text's percentages by their subject. A rate is held to its target, not to 序时.
import type { Fig } from "../figures";
import { bigrams, dice } from "../similarity";
import { GROWTH_WORDS } from "../lexicon";
import { FALL_WORDS, INDICATOR_KINDS, signedChange } from "../kinds";
import { round2 } from "../numbers";
import { expectedFor, toFigure, type Actual, type Row, type Step, type Target } from "../row";
import { figureSubject } from "../subject";

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
      // A change is read from a change (增长7% ↔ 同比增长6.2% or 下降12.7%), whatever its subject.
      const change = [...GROWTH_WORDS, ...FALL_WORDS].some((w) => a.fig.before.replace(/\s+$/, "").endsWith(w));
      const growthPair = (t.kind === "growth" || t.kind === "reduction" || t.kind === "points") && change;
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
    const av = signedChange(c.t.kind, c.a.fig.base, c.a.fig.before, c.t.fig.before);
    const raw = INDICATOR_KINDS[c.t.kind].completion(tv, av);
    const completion = raw !== null && Number.isFinite(raw) ? round2(raw) : null;
    row.indicators.push({
      kind: c.t.kind === "quantity" ? "rate" : c.t.kind,
      subject: figureSubject(c.t.fig),
      target: toFigure(c.t.fig, row.targetField),
      actual: toFigure(c.a.fig, "progress"),
      completion,
      reported: false,
      evidence: av < 0 ? `${c.a.fig.before.slice(-2)}${c.a.fig.text} ÷ ${c.t.fig.text}` : `${c.a.fig.text} ÷ ${c.t.fig.text}`,
      rule: `rate-${c.t.kind}`,
      expected: expectedFor(row, c.t.kind, c.t.fig),
    });
  }
}

/** Step: rate targets read from the percentages (and same-measure quantities) no pair took. */
export const pairRatesStep: Step = {
  id,
  run(ctx) {
    const taken = ctx.pairing?.targetOfActual;
    pairRates(ctx, ctx.rates, ctx.quantities.filter((a) => !taken?.has(a)));
  },
};
