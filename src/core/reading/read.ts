// Reads one row: pairs the target's figures with the progress text's, takes stated
// completions, and reads qualitative cues. Every indicator carries its evidence. The steps
// (rules/) run in this order; each adds indicators and marks the targets it accounts for.
import type { Cue, Field, Indicator } from "../types";
import { scan, MAX_FIGURES, type Fig, type ScannedText } from "./figures";
import { clauseIndexAt } from "./structure";
import { findCues } from "./cues";
import { targetKind } from "./rules/targetKind";
import { reportedRate, type Reported } from "./rules/reportedRate";
import { actualVerdict, targetIsStart } from "./rules/actualFilter";
import { pairQuantities, pairedIndicators } from "./rules/pairQuantities";
import { attachStated, unattachedIndicators } from "./rules/attachStated";
import { pairRates } from "./rules/pairRates";
import { cueMilestones } from "./rules/cueMilestones";
import type { Actual, Row, Target } from "./row";

export interface RowReading {
  indicators: Indicator[];
  cues: Cue[];
  /** Target quantities no progress figure or cue accounts for. */
  unpairedTargets: number;
  notes: string[];
}

/** An elliptical clause (已完工3个) takes its words from the clause before it. */
function elliptical(ctx: string, clause: number, segment: number, sc: ScannedText): string {
  if (ctx.length > 3) return ctx;
  const prev = sc.structure.clauses[clause - 1];
  if (!prev || prev.segment !== segment) return ctx;
  return sc.structure.norm.slice(prev.start, prev.end).replace(/[^\u3400-\u9fff]/g, "") + ctx;
}

/** 分别占全年任务的96.3%和94.8%: a percentage listed right after a stated one is stated too. */
function listedAfter(prev: Reported | undefined, f: Fig): Reported | null {
  if (!prev || f.kind !== "percent" || prev.fig.segment !== f.segment) return null;
  if (f.start - prev.fig.end > 2 || !/(和|及|与|、)\s?$/.test(f.before)) return null;
  return { ...prev, fig: f };
}

export function readRow(
  targetText: string,
  progressText: string,
  opts: { targetField: Field; expectedProgress: number },
): RowReading {
  const T = scan(targetText);
  const P = scan(progressText);
  const cues = findCues(P.structure.norm, "progress");
  const preparing = new Set(
    cues
      .filter((c) => c.kind === "preparing" || c.kind === "not_started")
      .map((c) => P.structure.clauses[clauseIndexAt(P.structure, c.start)]?.segment ?? -1),
  );

  const targets: Target[] = [];
  for (const f of T.figures) {
    const kind = targetKind(f);
    if (kind) targets.push({ fig: f, kind, start: targetIsStart(f) });
  }
  const reported: Reported[] = [];
  const rates: Actual[] = [];
  const quantities: Actual[] = [];
  for (const f of P.figures) {
    if (f.breakdown || f.standard) continue;
    const r = reportedRate(f) ?? listedAfter(reported.at(-1), f);
    if (r) reported.push(r);
    else if (f.kind === "percent") {
      if (!f.paren) rates.push({ fig: f, ctx: f.ctx });
    } else {
      const v = actualVerdict(f, preparing.has(f.segment));
      if (v.ok) {
        quantities.push({
          fig: f,
          ...(v.stage ? { stage: v.stage } : {}),
          ...(v.aside ? { aside: true } : {}),
          ctx: elliptical(f.ctx, f.clause, f.segment, P),
        });
      }
    }
  }

  const row: Row = { T, P, targetField: opts.targetField, expectedProgress: opts.expectedProgress, targets, used: new Set(), indicators: [] };
  const pairing = pairQuantities(targets, quantities);
  const { stated, alone } = attachStated(reported, quantities, (a) => pairing.targetOfActual.get(a));
  pairedIndicators(row, pairing, stated);
  unattachedIndicators(row, [
    ...[...stated].filter(([a]) => !pairing.targetOfActual.has(a)).map(([a, r]) => ({ r, a })),
    ...alone.map((r) => ({ r })),
  ]);
  pairRates(row, rates, quantities.filter((a) => !pairing.targetOfActual.has(a)));
  cueMilestones(row, cues);

  const notes: string[] = [];
  if (T.figures.length >= MAX_FIGURES || P.figures.length >= MAX_FIGURES) notes.push(`单元格过长，只读取了前 ${MAX_FIGURES} 个数字`);
  const indicators = row.indicators.sort(
    (a, b) => (a.target?.start ?? 1e9) - (b.target?.start ?? 1e9) || (a.actual?.start ?? 0) - (b.actual?.start ?? 0),
  );
  const unpairedTargets = targets.filter((t) => t.kind === "quantity" && !row.used.has(t)).length;
  return { indicators, cues, unpairedTargets, notes };
}
