// What the steps of reading one row share: its scanned cells, the candidate targets and
// actuals, the targets already accounted for, and how an indicator is built.
import type { Note } from "../notes";
import type { Cue, Field, Figure, Indicator } from "../types";
import type { Fig, ScannedText } from "./figures";
import type { TargetKind } from "./rules/targetKind";
import type { Reported } from "./rules/reportedRate";
import type { Pairing } from "./rules/pairQuantities";
import type { Attachment } from "./rules/attachStated";
import { ABOUT } from "./lexicon";
import { dice } from "./similarity";
import { heldTo } from "./kinds";

export interface Target {
  fig: Fig;
  kind: TargetKind;
  /** The target is itself about starting works (新开工, 开工建设). */
  start: boolean;
}

export interface Actual {
  fig: Fig;
  stage?: "started";
  aside?: boolean;
  /** Context with the previous clause when the figure's own clause is elliptical (已完工3个). */
  ctx: string;
}

/** What the steps of the reading pipeline share and fill in, in the order they run. */
export interface ReadContext extends Row {
  /** Qualitative cues of the progress text. */
  cues: Cue[];
  /** Segments of the progress text that speak of preparations or of work not started. */
  preparing: Set<number>;
  /** Completions stated in the progress text (完工率71.6%). */
  reported: Reported[];
  /** Other percentages of the progress text: candidate actual rates. */
  rates: Actual[];
  /** Quantities of the progress text that report an achievement. */
  quantities: Actual[];
  pairing?: Pairing;
  attachment?: Attachment;
  notes: Note[];
}

/** One step of the reading pipeline: reads the context, adds to it. */
export interface Step {
  id: string;
  run(ctx: ReadContext): void;
}

export { ABOUT_TOLERANCE } from "./kinds";

export interface Row {
  T: ScannedText;
  P: ScannedText;
  targetField: Field;
  expectedProgress: number;
  targets: Target[];
  /** Targets an indicator already speaks of. */
  used: Set<Target>;
  indicators: Indicator[];
}

export function toFigure(f: Fig, field: Field): Figure {
  const q = f.qualBefore ?? f.qualAfter;
  return { value: f.value, unit: f.unit, text: f.text, start: f.start, end: f.end, field, ...(q ? { qualifier: q } : {}) };
}

/** What an indicator is held to: 序时进度 for cumulative quantities, 100 for levels (less for 左右). */
export function expectedFor(row: Row, kind: TargetKind | "milestone", t?: Fig): number {
  const about = t !== undefined && ABOUT.some((w) => t.qualBefore === w || t.qualAfter === w);
  return heldTo(kind, row.expectedProgress, about);
}

/** The words of a stated completion and where they are, as evidence. */
export function statedEvidence(row: Row, r: Reported): Pick<Indicator, "evidence" | "evidenceSpan"> {
  return {
    evidence: row.P.original.slice(r.wordsStart, r.fig.end),
    evidenceSpan: { start: r.wordsStart, end: r.fig.end, field: "progress" },
  };
}

/** The free target whose words are most like `text` (above `threshold`), if any. */
export function mostSimilarFree(
  row: Row,
  text: string,
  threshold: number,
  accept: (t: Target) => boolean = () => true,
  withLead = false,
): Target | undefined {
  let best: Target | undefined;
  let bestSim = threshold;
  for (const t of row.targets) {
    if (row.used.has(t) || !accept(t)) continue;
    const s = withLead ? Math.max(dice(t.fig.ctx, text), 0.8 * dice(t.fig.lead + t.fig.ctx, text)) : dice(t.fig.ctx, text);
    if (s > bestSim) {
      best = t;
      bestSim = s;
    }
  }
  return best;
}

/** Start and end of each segment (sentence), by segment index. */
export function segmentBounds(sc: ScannedText): Map<number, [number, number]> {
  const bounds = new Map<number, [number, number]>();
  for (const c of sc.structure.clauses) {
    const b = bounds.get(c.segment);
    if (b) b[1] = c.end;
    else bounds.set(c.segment, [c.start, c.end]);
  }
  return bounds;
}
