// Reads one row: pairs the target's figures with the progress text's, takes stated
// completions, and reads qualitative cues. Every indicator carries its evidence.
import type { Cue, Field, Figure, Indicator } from "../types";
import { scan, type Fig, type ScannedText } from "./figures";
import { clauseIndexAt } from "./structure";
import { compatibility, type Compatibility } from "./units";
import { bigrams, dice, documentFrequency, IdfDice } from "./similarity";
import { findCues } from "./cues";
import { ABOUT, GROWTH_WORDS } from "./lexicon";
import { round2 } from "./numbers";
import { targetKind, type TargetKind } from "./rules/targetKind";
import { reportedRate, type Reported } from "./rules/reportedRate";
import { actualVerdict, targetIsStart } from "./rules/actualFilter";

export interface RowReading {
  indicators: Indicator[];
  cues: Cue[];
  /** Target quantities no progress figure or cue accounts for. */
  unpairedTargets: number;
  notes: string[];
}

interface Target {
  fig: Fig;
  kind: TargetKind;
  start: boolean;
}
interface Actual {
  fig: Fig;
  stage?: "started";
  aside?: boolean;
  /** Context with the previous clause when the figure's own clause is elliptical (已完工3个). */
  ctx: string;
}

/** Tolerated shortfall, in percent of the target, for a rate target qualified 左右/约. */
export const ABOUT_TOLERANCE = 5;

const MIN_SIM: Record<Compatibility, number> = { exact: 0, class: 0.12, loose: 0.2 };
const UNIT_BONUS: Record<Compatibility, number> = { exact: 0.3, class: 0.15, loose: 0 };
const RATE_MIN_SIM = 0.3;
/** Candidates whose scores differ by less than this are equally plausible readings. */
const AMBIGUITY_MARGIN = 0.06;

function toFigure(f: Fig, field: Field): Figure {
  const q = f.qualBefore ?? f.qualAfter;
  return { value: f.value, unit: f.unit, text: f.text, start: f.start, end: f.end, field, ...(q ? { qualifier: q } : {}) };
}

function simOf(t: Fig, a: Actual, idf: IdfDice): number {
  return Math.max(idf.sim(t.ctx, a.ctx), 0.8 * idf.sim(t.ctx, a.fig.lead + a.ctx), 0.8 * idf.sim(t.lead + t.ctx, a.ctx));
}

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

function elliptical(a: Fig, sc: ScannedText): string {
  if (a.ctx.length > 3) return a.ctx;
  const prev = sc.structure.clauses[a.clause - 1];
  if (!prev || prev.segment !== a.segment) return a.ctx;
  return (sc.structure.norm.slice(prev.start, prev.end).replace(/[^\u3400-\u9fff]/g, "") + a.ctx);
}

/** Start and end of each segment (sentence), by segment index. */
function segmentBounds(sc: ScannedText): Map<number, [number, number]> {
  const bounds = new Map<number, [number, number]>();
  for (const c of sc.structure.clauses) {
    const b = bounds.get(c.segment);
    if (b) b[1] = c.end;
    else bounds.set(c.segment, [c.start, c.end]);
  }
  return bounds;
}

export function readRow(
  targetText: string,
  progressText: string,
  opts: { targetField: Field; expectedProgress: number },
): RowReading {
  const T = scan(targetText);
  const P = scan(progressText);
  const segments = segmentBounds(P);
  const tField = opts.targetField;
  const notes: string[] = [];
  const cues = findCues(P.structure.norm, "progress");
  const preparingSegments = new Set(
    cues.filter((c) => c.kind === "preparing" || c.kind === "not_started").map((c) => P.structure.clauses[clauseIndexAt(P.structure, c.start)]?.segment ?? -1),
  );

  const targets: Target[] = [];
  for (const f of T.figures) {
    const kind = targetKind(f);
    if (kind) targets.push({ fig: f, kind, start: targetIsStart(f) });
  }
  const reported: Reported[] = [];
  const rateActuals: Actual[] = [];
  const qtyActuals: Actual[] = [];
  for (const f of P.figures) {
    if (f.breakdown || f.standard) continue;
    const r = reportedRate(f);
    if (r) {
      reported.push(r);
      continue;
    }
    if (f.kind === "percent") {
      if (!f.paren) rateActuals.push({ fig: f, ctx: f.ctx + f.lead.slice(0, 0) });
      continue;
    }
    const v = actualVerdict(f, preparingSegments.has(f.segment));
    if (!v.ok) continue;
    qtyActuals.push({ fig: f, ...(v.stage ? { stage: v.stage } : {}), ...(v.aside ? { aside: true } : {}), ctx: elliptical(f, P) });
  }

  // --- Quantities: score every compatible pair, then take the best pairs first.
  type Cand = { t: Target; a: Actual; score: number; compat: Compatibility };
  const cands: Cand[] = [];
  const idf = new IdfDice(documentFrequency(targets.filter((t) => t.kind === "quantity").map((t) => t.fig.ctx)));
  for (const t of targets) {
    if (t.kind !== "quantity" || !t.fig.info) continue;
    for (const a of qtyActuals) {
      if (!a.fig.info) continue;
      const compat = compatibility(t.fig.info, a.fig.info);
      if (!compat) continue;
      const sim = simOf(t.fig, a, idf);
      if (sim < MIN_SIM[compat]) continue;
      // A target of 0 (or one too small to divide by) is nothing to complete.
      const ratio = a.fig.base / t.fig.base;
      if (!(t.fig.base > 0) || !Number.isFinite(ratio * 100)) continue;
      if ((ratio > 5 || ratio < 0.01) && sim < 0.5) continue;
      let score = sim + UNIT_BONUS[compat];
      if (a.stage === "started" && !t.start) score -= 0.05;
      if (a.aside) score -= 0.1;
      if (ratio > 3 || ratio < 0.05) score -= 0.1;
      cands.push({ t, a, score, compat });
    }
  }
  cands.sort((x, y) => y.score - x.score || x.t.fig.start - y.t.fig.start || x.a.fig.start - y.a.fig.start);
  const candsOfTarget = new Map<Target, Cand[]>();
  for (const c of cands) {
    const list = candsOfTarget.get(c.t);
    if (list) list.push(c);
    else candsOfTarget.set(c.t, [c]);
  }
  const pairOfTarget = new Map<Target, Cand>();
  const usedActual = new Set<Actual>();
  for (const c of cands) {
    if (pairOfTarget.has(c.t) || usedActual.has(c.a)) continue;
    pairOfTarget.set(c.t, c);
    usedActual.add(c.a);
  }
  const targetOfActual = new Map<Actual, Target>();
  for (const [t, c] of pairOfTarget) targetOfActual.set(c.a, t);

  // --- Stated completions: each attaches to the quantity it follows in its sentence.
  const stated = new Map<Actual, Reported>();
  const loose: Reported[] = [];
  const bySegment = new Map<number, Reported[]>();
  for (const r of reported) {
    const list = bySegment.get(r.fig.segment);
    if (list) list.push(r);
    else bySegment.set(r.fig.segment, [r]);
  }
  for (const [, rs] of bySegment) {
    // 开工率100%,完工率70.87%: the finishing rate is the completion.
    const keep = rs.some((r) => r.stage === "done") ? rs.filter((r) => r.stage === "done") : rs;
    for (const r of keep) {
      const preceding = qtyActuals.filter((a) => a.fig.segment === r.fig.segment && a.fig.end <= r.fig.start && !stated.has(a));
      const consistent = preceding.filter((a) => {
        const t = targetOfActual.get(a);
        return t && Math.abs((a.fig.base / t.fig.base) * 100 - r.fig.value) <= 2.5;
      });
      // The figure whose computed share agrees with the stated one, else the nearest before it.
      const pick = consistent.at(-1) ?? preceding.at(-1);
      if (pick) stated.set(pick, r);
      else loose.push(r);
    }
  }

  const indicators: Indicator[] = [];
  const usedTargets = new Set<Target>();
  const expectedFor = (kind: TargetKind | "milestone", t?: Fig) => {
    if (kind === "quantity" || kind === "milestone") return opts.expectedProgress;
    const about = t && ABOUT.some((w) => t.qualBefore === w || t.qualAfter === w);
    return about ? 100 - ABOUT_TOLERANCE : 100;
  };

  // Quantities (paired), with a stated completion when there is one.
  for (const [t, c] of pairOfTarget) {
    usedTargets.add(t);
    const r = stated.get(c.a);
    const computed = round2((c.a.fig.base / t.fig.base) * 100);
    const alternatives = (candsOfTarget.get(t) ?? [])
      .filter((o) => o.a !== c.a && !targetOfActual.has(o.a) && o.score >= c.score - AMBIGUITY_MARGIN)
      .map((o) => round2((o.a.fig.base / t.fig.base) * 100));
    indicators.push({
      kind: "quantity",
      subject: t.fig.ctx.slice(-12) || undefined,
      target: toFigure(t.fig, tField),
      actual: toFigure(c.a.fig, "progress"),
      completion: r ? r.fig.value : computed,
      reported: Boolean(r),
      evidence: r ? P.original.slice(r.wordsStart, r.fig.end) : `${c.a.fig.text} ÷ ${t.fig.text}`,
      ...(r ? { evidenceSpan: { start: r.wordsStart, end: r.fig.end, field: "progress" as const } } : {}),
      rule: r ? r.rule : `pair-${c.compat}`,
      expected: expectedFor("quantity"),
      ...(c.a.stage === "started" && !t.start ? { stage: "started" as const } : {}),
      ...(alternatives.length && !r ? { alternatives } : {}),
    });
  }
  // Stated completions of figures without a paired target, and stated ones standing alone.
  const freeTargets = () => targets.filter((t) => !usedTargets.has(t) && t.kind === "quantity");
  const bestTarget = (ctx: string): Target | undefined => {
    let best: Target | undefined;
    let bestSim = 0.3;
    for (const t of freeTargets()) {
      const s = Math.max(dice(t.fig.ctx, ctx), dice(t.fig.lead + t.fig.ctx, ctx) * 0.8);
      if (s > bestSim) {
        best = t;
        bestSim = s;
      }
    }
    return best;
  };
  // Stated completions of figures no target was paired with, and stated ones standing alone
  // (…已完成年度任务的80%): the target they speak of is the free one most like their words,
  // or the only one left.
  const unattached: { r: Reported; a?: Actual }[] = [
    ...[...stated].filter(([a]) => !targetOfActual.has(a)).map(([a, r]) => ({ r, a })),
    ...loose.map((r) => ({ r })),
  ];
  for (const { r, a } of unattached) {
    const free = freeTargets();
    const t = bestTarget(a ? a.ctx + a.fig.lead : r.fig.ctx + r.fig.lead) ?? (free.length === 1 && unattached.length === 1 ? free[0] : undefined);
    if (t) usedTargets.add(t);
    indicators.push({
      kind: "quantity",
      ...(t ? { target: toFigure(t.fig, tField) } : {}),
      ...(a ? { actual: toFigure(a.fig, "progress") } : {}),
      completion: r.fig.value,
      reported: true,
      evidence: P.original.slice(r.wordsStart, r.fig.end),
      evidenceSpan: { start: r.wordsStart, end: r.fig.end, field: "progress" },
      rule: r.rule,
      expected: expectedFor("quantity"),
      ...(r.stage === "started" ? { stage: "started" as const } : {}),
    });
  }

  // --- Rates: level targets paired by subject.
  const rateCands: { t: Target; a: Actual; sim: number }[] = [];
  for (const t of targets) {
    if (t.kind === "quantity") continue;
    for (const a of rateActuals) {
      // A growth target is read from a growth figure (增长7% ↔ 同比增长6.2%), whatever its subject.
      const growthPair = t.kind === "growth" && GROWTH_WORDS.some((w) => a.fig.before.endsWith(w));
      const sim = rateSim(t.fig, a.fig) + (growthPair ? 0.3 : 0);
      if (sim >= RATE_MIN_SIM) rateCands.push({ t, a, sim });
    }
  }
  rateCands.sort((x, y) => y.sim - x.sim || x.t.fig.start - y.t.fig.start);
  const usedRate = new Set<Actual>();
  for (const c of rateCands) {
    if (usedTargets.has(c.t) || usedRate.has(c.a)) continue;
    usedTargets.add(c.t);
    usedRate.add(c.a);
    const tv = c.t.fig.value;
    const av = c.a.fig.value;
    const raw = c.t.kind === "ceiling" ? (av <= 0 ? 100 : round2((tv / av) * 100)) : tv > 0 ? round2((av / tv) * 100) : null;
    const completion = raw !== null && Number.isFinite(raw) ? raw : null;
    indicators.push({
      kind: c.t.kind === "quantity" ? "rate" : c.t.kind,
      subject: c.t.fig.ctx.slice(-12) || undefined,
      target: toFigure(c.t.fig, tField),
      actual: toFigure(c.a.fig, "progress"),
      completion,
      reported: false,
      evidence: `${c.a.fig.text} ÷ ${c.t.fig.text}`,
      rule: `rate-${c.t.kind}`,
      expected: expectedFor(c.t.kind, c.t.fig),
    });
  }

  // --- Cues that speak of a target no figure accounts for (上半年未开展…培训 → 0).
  for (const cue of cues) {
    const k = clauseIndexAt(P.structure, cue.start);
    const clause = P.structure.clauses[k];
    if (!clause) continue;
    // The words around the cue, within its sentence, say what it is about.
    const [segStart, segEnd] = segments.get(clause.segment) ?? [cue.start, cue.end];
    const segText = P.structure.norm
      .slice(Math.max(segStart, cue.start - 40), Math.min(segEnd, cue.end + 24))
      .replace(/[^\u3400-\u9fff]/g, "");
    const done = cue.kind === "done" || cue.kind === "exceeded";
    let best: Target | undefined;
    let bestSim = 0.25;
    for (const t of targets) {
      if (usedTargets.has(t)) continue;
      if (!done && t.kind !== "quantity") continue;
      const s = dice(t.fig.ctx, segText);
      if (s > bestSim) {
        best = t;
        bestSim = s;
      }
    }
    if (!best) continue;
    usedTargets.add(best);
    indicators.push({
      kind: "milestone",
      target: toFigure(best.fig, tField),
      completion: done ? 100 : 0,
      reported: true,
      evidence: cue.text,
      evidenceSpan: { start: cue.start, end: cue.end, field: "progress" },
      rule: cue.rule,
      expected: expectedFor(best.kind === "quantity" ? "milestone" : best.kind, best.fig),
    });
  }

  const unpairedTargets = targets.filter((t) => t.kind === "quantity" && !usedTargets.has(t)).length;
  if (T.figures.length >= 400 || P.figures.length >= 400) notes.push("单元格过长，只读取了前 400 个数字");
  indicators.sort((a, b) => (a.target?.start ?? 1e9) - (b.target?.start ?? 1e9) || (a.actual?.start ?? 0) - (b.actual?.start ?? 0));
  return { indicators, cues, unpairedTargets, notes };
}
