// What a target figure asks for: a cumulative quantity, a rate level (floor), a ceiling, a
// growth rate — or nothing to complete (a share of a total, a limit on money).
import type { Fig } from "../figures";
import { CEILING, GROWTH_WORDS } from "../lexicon";
import { FALL_WORDS } from "../kinds";

export type TargetKind = "quantity" | "rate" | "ceiling" | "reduction" | "points" | "growth";

export const id = "target-kind";

export function targetKind(f: Fig): TargetKind | null {
  if (f.breakdown || f.standard) return null;
  const ceiling = CEILING.some((w) => f.qualBefore === w || f.qualAfter === w || f.before.includes("控制在"));
  if (f.kind === "quantity") {
    // A cap on a concentration (PM2.5 控制在35微克/立方米以内) is a ceiling to keep; a cap on an
    // amount (自付费用不超过1万元) is a limit of policy, not a volume to deliver.
    if (f.info?.cls === "concentration") return ceiling ? "ceiling" : "rate";
    // 提高2个百分点: a change of a rate, held to its target like a level.
    if (f.info?.cls === "points") return "points";
    return ceiling ? null : "quantity";
  }
  const before = f.before.replace(/\s+$/, "");
  // 完成项目建设的70%, 人均消费性支出的60%: a share of something, not a level to reach.
  if (/的$/.test(before)) return null;
  // 增长8%, 增长达8%, 增幅不低于6%, 提高到…: a growth word, then at most a qualifier.
  const head = f.qualBefore && before.endsWith(f.qualBefore) ? before.slice(0, -f.qualBefore.length) : before;
  // 下降3%, 降低3.5%以上: a reduction asked for (lower is better).
  if (FALL_WORDS.some((w) => head.endsWith(w) || before.endsWith(w))) return "reduction";
  if (GROWTH_WORDS.some((w) => head.endsWith(w) || before.endsWith(w))) return "growth";
  // 10%以上增长, 5%的增长: the growth word after the figure.
  const after = f.after.replace(/^\s?(以上|左右|的)?\s?/, "");
  if (GROWTH_WORDS.some((w) => after.startsWith(w))) return "growth";
  if (FALL_WORDS.some((w) => after.startsWith(w))) return "reduction";
  if (ceiling) return "ceiling";
  return "rate";
}
