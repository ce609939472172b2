// Qualitative cues: 全部完成, 超额完成 (done) vs 尚未开展 (not started), 正在招标 (preparing).
import type { Cue, Field } from "../types";
import { BEHIND_NEGATORS, CUES, CUE_FUTURE, CUE_NEGATORS, CUE_PART } from "./lexicon";

const ALL = CUES.flatMap((c) => c.words.map((w) => ({ word: w, kind: c.kind }))).sort(
  (a, b) => b.word.length - a.word.length,
);
// One pass over the text: the alternation lists longer words first, so 尚未开展 beats 未开展.
const ANY_CUE = new RegExp(ALL.map((e) => e.word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");

/**
 * A done cue states a fact unless a wish or a negation stands just before it (可完成全年任务,
 * 未全部完成), a plan word earlier in its clause (预计年底前全部完成, 力争9月底前全面完成), or a
 * share follows it (已完成年度任务的80%: part of the task, not all of it).
 */
function isFact(norm: string, start: number, end: number, lead: string): boolean {
  if (CUE_NEGATORS.some((n) => lead.endsWith(n))) return false;
  let from = start;
  while (from > 0 && start - from < 16 && !/[,;。:!?()]/.test(norm[from - 1]!)) from--;
  const clauseBefore = norm.slice(from, start);
  if (CUE_FUTURE.some((w) => clauseBefore.includes(w))) return false;
  if (CUE_PART.some((w) => clauseBefore.includes(w))) return false;
  return !/^\s?(的)?\s?(\d|百分之)/.test(norm.slice(end, end + 6));
}

/** A done cue about the whole task, not one part of it: 全部完成, (超额)完成(全年|年度)(目标)任务. */
const WHOLE_TASK = /^(全部完成|全面完成|已全部完成|均已完成|年度任务已完成|全年任务已完成|目标任务已完成|任务已全部完成)|完成(了)?(全年|年度|全部)(目标)?(任务|目标)(?!的)|^超额完成(了)?(全年|年度)?(目标)?任务(?!的)/;

export function findCues(norm: string, field: Field): Cue[] {
  const out: Cue[] = [];
  // Most cells hold no cue: one regex pass says so before the word-by-word search.
  ANY_CUE.lastIndex = 0;
  if (ANY_CUE.test(norm)) {
    // Longest words first over the whole text (全部拨付到位 before 已全部拨付, 未启动 before 暂未).
    const taken = new Uint8Array(norm.length);
    for (const { word, kind } of ALL) {
      for (let at = norm.indexOf(word); at >= 0; at = norm.indexOf(word, at + 1)) {
        let free = true;
        for (let i = at; i < at + word.length; i++) if (taken[i]) free = false;
        if (!free) continue;
        // A wish or a negation is not a fact: 可完成全年任务, 将全面完成, 未全部完成.
        const lead = norm.slice(Math.max(0, at - 3), at);
        if ((kind === "done" || kind === "exceeded") && !isFact(norm, at, at + word.length, lead)) continue;
        if (kind === "behind" && BEHIND_NEGATORS.some((n) => lead.endsWith(n))) continue;
        taken.fill(1, at, at + word.length);
        const whole = (kind === "done" || kind === "exceeded") && WHOLE_TASK.test(word + norm.slice(at + word.length, at + word.length + 8));
        out.push({ kind, text: word, start: at, end: at + word.length, field, rule: `cue-${kind}`, ...(whole ? { scope: "whole" as const } : {}) });
      }
    }
  }
  // A progress cell that says only "已完成" (or 完成, 已竣工) is a plain statement of completion.
  const whole = /^\s*(已全部完成|全部完成|已完成|完成|已竣工|已完工|已建成)\s*[。.!]?\s*$/.exec(norm);
  if (whole && out.length === 0) {
    const start = norm.indexOf(whole[1]!);
    out.push({ kind: "done", text: whole[1]!, start, end: start + whole[1]!.length, field, rule: "cue-done-only", scope: "whole" });
  }
  return out.sort((a, b) => a.start - b.start);
}
