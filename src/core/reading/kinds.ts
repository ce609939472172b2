// Indicator kinds as one table: how each is completed from its target and actual, and what it
// is held to. Reading (pairing rates, column groups) and assessment read it; a new kind is an
// entry here and its tests.
import type { IndicatorKind } from "../types";
import { GROWTH_WORDS } from "./lexicon";

export interface KindSpec {
  /** "period": cumulative, held to 序时进度; "target": a level, held to 100 whatever the month. */
  heldTo: "period" | "target";
  /** Lower is better (控制在4.5%以内). */
  lowerIsBetter: boolean;
  /** Completion in percent; null when it cannot be computed. Actual values carry their sign. */
  completion(target: number, actual: number): number | null;
  /** How the pane and the notes name it. */
  label: { zh: string; en: string };
}

const share = (t: number, a: number) => (t > 0 ? (a / t) * 100 : null);

export const INDICATOR_KINDS: Record<IndicatorKind, KindSpec> = {
  quantity: { heldTo: "period", lowerIsBetter: false, completion: share, label: { zh: "数量", en: "quantity" } },
  rate: { heldTo: "target", lowerIsBetter: false, completion: share, label: { zh: "比率", en: "rate" } },
  // Met when at or below the cap: cap ÷ actual (100 at the cap, more below it).
  ceiling: {
    heldTo: "target",
    lowerIsBetter: true,
    completion: (t, a) => (a <= 0 ? 100 : t >= 0 ? (t / a) * 100 : null),
    label: { zh: "上限", en: "ceiling" },
  },
  // 下降5% ↔ 下降6%: the reduction achieved ÷ the reduction asked for (a rise is negative).
  reduction: { heldTo: "target", lowerIsBetter: true, completion: share, label: { zh: "降幅", en: "reduction" } },
  // 提高2个百分点 ↔ 提高1.5个百分点 (a fall is negative).
  points: { heldTo: "target", lowerIsBetter: false, completion: share, label: { zh: "百分点变化", en: "percentage points" } },
  // 增长8% ↔ 增长5.8% (a fall, 下降12.7%, is negative growth).
  growth: { heldTo: "target", lowerIsBetter: false, completion: share, label: { zh: "增幅", en: "growth" } },
  milestone: { heldTo: "period", lowerIsBetter: false, completion: () => null, label: { zh: "进展提示", en: "milestone" } },
};

/** Tolerated shortfall, in percent of the target, for a level qualified 左右/约. */
export const ABOUT_TOLERANCE = 5;

/** What an indicator of this kind is held to, given 序时进度 and whether its target is "about". */
export function heldTo(kind: IndicatorKind, expectedProgress: number, about = false): number {
  if (INDICATOR_KINDS[kind].heldTo === "period") return expectedProgress;
  return about ? 100 - ABOUT_TOLERANCE : 100;
}

/** Words before a figure that say it went down (下降12.7%, 回落1.3个百分点). */
export const FALL_WORDS = ["下降", "降低", "减少", "回落", "下滑", "下跌", "压减", "削减", "缩减", "降幅"];


/** +1 after a rise word, −1 after a fall word, 0 when the words say neither. */
export function direction(before: string): -1 | 0 | 1 {
  const b = before.replace(/\s+$/, "");
  if (FALL_WORDS.some((w) => b.endsWith(w))) return -1;
  if (GROWTH_WORDS.some((w) => b.endsWith(w))) return 1;
  return 0;
}

/**
 * The actual value of a change, signed against what the target asks for: 下降12.7% against
 * 增长10% is −12.7; 下降1.5个百分点 against 下降2个百分点 is +1.5. Levels keep their value.
 */
export function signedChange(kind: IndicatorKind, value: number, actualBefore: string, targetBefore: string): number {
  if (kind !== "growth" && kind !== "reduction" && kind !== "points") return value;
  const t = direction(targetBefore) || (kind === "reduction" ? -1 : 1);
  const a = direction(actualBefore) || t;
  return a === t ? value : -value;
}
