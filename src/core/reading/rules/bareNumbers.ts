// A target and a progress cell that each hold one bare number (the unit in the header:
// 目标任务（公里）): actual ÷ target, when no column group has read the row.
import type { RowReading } from "../read";
import { normalize } from "../../text/normalize";

const BARE_NUMBER = /^\s*(-?\d+(?:\.\d+)?)\s*$/;

/** Target and progress stored as plain numbers (the unit in the header: 目标任务（公里）). */
export function bareNumberReading(targetText: string, progress: string, expected: number): RowReading | null {
  const t = BARE_NUMBER.exec(normalize(targetText));
  const a = BARE_NUMBER.exec(normalize(progress));
  if (!t || !a) return null;
  const tv = Number(t[1]);
  const av = Number(a[1]);
  // 32,767 ones is Infinity, not a quantity: Infinity ÷ Infinity would be NaN.
  if (!Number.isFinite(tv) || !Number.isFinite(av) || tv <= 0) return null;
  const fig = (v: number, text: string, field: "target" | "progress") => ({ value: v, unit: "", text, start: text.indexOf(String(text.trim())), end: text.length, field });
  return {
    indicators: [
      {
        kind: "quantity",
        target: fig(tv, targetText, "target"),
        actual: fig(av, progress, "progress"),
        completion: Math.round((av / tv) * 10000) / 100,
        reported: false,
        evidence: `${av} ÷ ${tv}`,
        rule: "numeric-cells",
        expected,
      },
    ],
    cues: [],
    unpairedTargets: 0,
    notes: [],
  };
}

