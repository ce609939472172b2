// What a target figure asks for: a cumulative quantity, a rate level (floor), a ceiling, a
// growth rate — or nothing to complete (a share of a total, a limit on money).
import type { Fig } from "../figures";
import { CEILING, GROWTH_WORDS } from "../lexicon";

export type TargetKind = "quantity" | "rate" | "ceiling" | "growth";

export const id = "target-kind";

export function targetKind(f: Fig): TargetKind | null {
  if (f.breakdown || f.standard) return null;
  const ceiling = CEILING.some((w) => f.qualBefore === w || f.qualAfter === w || f.before.includes("控制在"));
  if (f.kind === "quantity") {
    // A cap on an amount (自付费用不超过1万元) is a limit, not a volume to deliver.
    return ceiling ? null : "quantity";
  }
  const before = f.before.replace(/\s+$/, "");
  // 完成项目建设的70%, 人均消费性支出的60%: a share of something, not a level to reach.
  if (/的$/.test(before)) return null;
  if (GROWTH_WORDS.some((w) => before.endsWith(w) || before.endsWith(w + "达") || before.endsWith(w + "达到"))) return "growth";
  if (ceiling) return "ceiling";
  return "rate";
}
