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
  const tail = f.before.slice(-24);
  for (const p of COMPILED) {
    const m = p.re.exec(tail);
    if (m) return { fig: f, rule: p.id, stage: p.stage, wordsStart: f.start - m[0].length };
  }
  return null;
}
