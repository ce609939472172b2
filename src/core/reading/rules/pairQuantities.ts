// Pairs target quantities with progress figures: every compatible pair is scored by unit
// compatibility and the similarity of the words around both figures, and the best pairs are
// taken first. Pairs about as good as the one taken are kept as alternatives (ambiguity).
import type { Indicator } from "../../types";
import { compatibility, type Compatibility } from "../units";
import { documentFrequency, IdfDice } from "../similarity";
import { round2 } from "../numbers";
import type { Reported } from "./reportedRate";
import { expectedFor, statedEvidence, toFigure, type Actual, type Row, type Step, type Target } from "../row";
import { figureSubject } from "../subject";

export const id = "pair-quantities";

const MIN_SIM: Record<Compatibility, number> = { exact: 0, class: 0.12, loose: 0.2 };
const UNIT_BONUS: Record<Compatibility, number> = { exact: 0.3, class: 0.15, loose: 0 };
/** Candidates whose scores differ by less than this are equally plausible readings. */
const AMBIGUITY_MARGIN = 0.06;
/** Words that scope a figure to the latest month or week only (10月份, not 1-10月: the character
 * before the month is matched, not looked behind, for older webviews; only `test` uses it). */
const MONTHLY = /(本月|当月|上月|本周|当周|本季度|当季|本期|(?:^|[^\d~至到-])\d{1,2}\s?月份?(?![底末]))[\u4e00-\u9fff]{0,6}$/;

export interface Candidate {
  t: Target;
  a: Actual;
  score: number;
  compat: Compatibility;
}

export interface Pairing {
  pairOfTarget: Map<Target, Candidate>;
  targetOfActual: Map<Actual, Target>;
  candidatesOf: Map<Target, Candidate[]>;
}

/** The words of a figure, alone and with its sentence's lead, built once per figure. */
interface Words {
  own: string;
  withLead: string;
}

function simOf(t: Words, a: Words, idf: IdfDice): number {
  return Math.max(idf.sim(t.own, a.own), 0.8 * idf.sim(t.own, a.withLead), 0.8 * idf.sim(t.withLead, a.own));
}

export function pairQuantities(targets: Target[], actuals: Actual[]): Pairing {
  const quantities = targets.filter((t) => t.kind === "quantity" && t.fig.info);
  const idf = new IdfDice(documentFrequency(quantities.map((t) => t.fig.ctx)));
  const cands: Candidate[] = [];
  const aWords = new Map<Actual, Words>(actuals.map((a) => [a, { own: a.ctx, withLead: a.fig.lead + a.ctx }]));
  for (const t of quantities) {
    const tWords: Words = { own: t.fig.ctx, withLead: t.fig.lead + t.fig.ctx };
    for (const a of actuals) {
      if (!a.fig.info) continue;
      const compat = compatibility(t.fig.info!, a.fig.info);
      if (!compat) continue;
      const sim = simOf(tWords, aWords.get(a)!, idf);
      if (sim < MIN_SIM[compat]) continue;
      // A target of 0 (or one too small to divide by) is nothing to complete.
      const ratio = a.fig.base / t.fig.base;
      if (!(t.fig.base > 0) || !Number.isFinite(ratio * 100)) continue;
      if ((ratio > 5 || ratio < 0.01) && sim < 0.5) continue;
      let score = sim + UNIT_BONUS[compat];
      // Works started are an upper bound: a count of works finished, where there is one, wins.
      if (a.stage === "started" && !t.start) score -= 0.15;
      if (a.aside) score -= 0.1;
      // The month's own figure (本月新增500人) beside a cumulative one (累计3000人): the cumulative is the progress.
      if (MONTHLY.test(a.fig.before)) score -= 0.12;
      if (ratio > 3 || ratio < 0.05) score -= 0.1;
      cands.push({ t, a, score, compat });
    }
  }
  cands.sort((x, y) => y.score - x.score || x.t.fig.start - y.t.fig.start || x.a.fig.start - y.a.fig.start);
  const candidatesOf = new Map<Target, Candidate[]>();
  const pairOfTarget = new Map<Target, Candidate>();
  const usedActual = new Set<Actual>();
  for (const c of cands) {
    const list = candidatesOf.get(c.t);
    if (list) list.push(c);
    else candidatesOf.set(c.t, [c]);
    if (pairOfTarget.has(c.t) || usedActual.has(c.a)) continue;
    pairOfTarget.set(c.t, c);
    usedActual.add(c.a);
  }
  const targetOfActual = new Map<Actual, Target>();
  for (const [t, c] of pairOfTarget) targetOfActual.set(c.a, t);
  return { pairOfTarget, targetOfActual, candidatesOf };
}

/** One indicator per pair, with the stated completion when the text gives one. */
export function pairedIndicators(row: Row, pairing: Pairing, stated: Map<Actual, Reported>): void {
  for (const [t, c] of pairing.pairOfTarget) {
    row.used.add(t);
    const r = stated.get(c.a);
    const computed = round2((c.a.fig.base / t.fig.base) * 100);
    const alternatives = (pairing.candidatesOf.get(t) ?? [])
      .filter((o) => o.a !== c.a && !pairing.targetOfActual.has(o.a) && o.score >= c.score - AMBIGUITY_MARGIN)
      .map((o) => round2((o.a.fig.base / t.fig.base) * 100));
    const indicator: Indicator = {
      kind: "quantity",
      subject: figureSubject(t.fig),
      target: toFigure(t.fig, row.targetField),
      actual: toFigure(c.a.fig, "progress"),
      completion: r ? r.fig.value : computed,
      reported: Boolean(r),
      ...(r ? statedEvidence(row, r) : { evidence: `${c.a.fig.text} ÷ ${t.fig.text}` }),
      rule: r ? r.rule : `pair-${c.compat}`,
      expected: expectedFor(row, "quantity"),
      ...(c.a.stage === "started" && !t.start ? { stage: "started" as const } : {}),
      ...(alternatives.length && !r ? { alternatives } : {}),
    };
    row.indicators.push(indicator);
  }
}

/** Step: every compatible target–progress pair scored, the best taken first. */
export const pairQuantitiesStep: Step = {
  id,
  run(ctx) {
    ctx.pairing = pairQuantities(ctx.targets, ctx.quantities);
  },
};
