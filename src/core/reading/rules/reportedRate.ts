// A completion stated in the progress text wins over a recomputation: 完工率71.6%,
// 完成任务77.8%, 完成目标任务的98%, 占年度计划的60%, 完成率160%.
import type { Fig } from "../figures";
import { REPORTED_RATE_PATTERNS } from "../lexicon";

export interface Reported {
  fig: Fig;
  rule: string;
  stage: "done" | "started";
  /** Offset where the stating words begin (for the evidence span). */
  wordsStart: number;
}

const COMPILED = REPORTED_RATE_PATTERNS.map((p) => ({ ...p, re: new RegExp(`(?:${p.source})\\s?$`) }));

export function reportedRate(f: Fig): Reported | null {
  if (f.kind !== "percent" || f.standard) return null;
  // A progress cell that opens with a percentage (95%, 80%(…滞后)) states the task's completion;
  // 95%的村 is a share of something else.
  if (f.clause === 0 && f.start === f.before.length && f.before.trim() === "" && !/^\s?(的|以上|以下|左右)/.test(f.after)) {
    return { fig: f, rule: "reported-leading", stage: "done", wordsStart: f.start };
  }
  const tail = f.before.slice(-24);
  for (const p of COMPILED) {
    const m = p.re.exec(tail);
    if (m) return { fig: f, rule: p.id, stage: p.stage, wordsStart: f.start - m[0].length };
  }
  return null;
}
