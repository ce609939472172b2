// Reads one row: runs the reading pipeline (pipeline.ts) over the row's target and progress
// cells. Every indicator carries its evidence.
import type { Note } from "../notes";
import type { Cue, Field, Indicator } from "../types";
import { scan, MAX_FIGURES } from "./figures";
import { READING_PIPELINE } from "./pipeline";
import type { ReadContext } from "./row";

export interface RowReading {
  indicators: Indicator[];
  cues: Cue[];
  /** Target quantities no progress figure or cue accounts for. */
  unpairedTargets: number;
  notes: Note[];
}

export function readRow(
  targetText: string,
  progressText: string,
  opts: { targetField: Field; expectedProgress: number },
): RowReading {
  const ctx: ReadContext = {
    T: scan(targetText),
    P: scan(progressText),
    targetField: opts.targetField,
    expectedProgress: opts.expectedProgress,
    targets: [],
    used: new Set(),
    indicators: [],
    cues: [],
    preparing: new Set(),
    reported: [],
    rates: [],
    quantities: [],
    notes: [],
  };
  for (const step of READING_PIPELINE) step.run(ctx);

  if (ctx.T.figures.length >= MAX_FIGURES || ctx.P.figures.length >= MAX_FIGURES) ctx.notes.push({ code: "cut_figures", count: MAX_FIGURES });
  const indicators = ctx.indicators.sort(
    (a, b) => (a.target?.start ?? 1e9) - (b.target?.start ?? 1e9) || (a.actual?.start ?? 0) - (b.actual?.start ?? 0),
  );
  const unpairedTargets = ctx.targets.filter((t) => t.kind === "quantity" && !ctx.used.has(t)).length;
  return { indicators, cues: ctx.cues, unpairedTargets, notes: ctx.notes };
}
