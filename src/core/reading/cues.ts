// Qualitative cues: 全部完成, 超额完成 (done) vs 尚未开展 (not started), 正在招标 (preparing).
import type { Cue, Field } from "../types";
import { BEHIND_NEGATORS, CUES, CUE_NEGATORS } from "./lexicon";

const ALL = CUES.flatMap((c) => c.words.map((w) => ({ word: w, kind: c.kind }))).sort(
  (a, b) => b.word.length - a.word.length,
);

export function findCues(norm: string, field: Field): Cue[] {
  const out: Cue[] = [];
  const taken = new Uint8Array(norm.length);
  for (const { word, kind } of ALL) {
    let from = 0;
    for (;;) {
      const at = norm.indexOf(word, from);
      if (at < 0) break;
      from = at + word.length;
      let free = true;
      for (let i = at; i < at + word.length; i++) if (taken[i]) free = false;
      if (!free) continue;
      // A wish or a negation is not a fact: 可完成全年任务, 将全面完成, 未全部完成.
      const lead = norm.slice(Math.max(0, at - 3), at);
      if ((kind === "done" || kind === "exceeded") && CUE_NEGATORS.some((n) => lead.endsWith(n))) continue;
      if (kind === "behind" && BEHIND_NEGATORS.some((n) => lead.endsWith(n))) continue;
      for (let i = at; i < at + word.length; i++) taken[i] = 1;
      out.push({ kind, text: word, start: at, end: at + word.length, field, rule: `cue-${kind}` });
    }
  }
  // A progress cell that says only "已完成" (or 完成, 已竣工) is a plain statement of completion.
  const whole = /^\s*(已全部完成|全部完成|已完成|完成|已竣工|已完工|已建成)\s*[。.!]?\s*$/.exec(norm);
  if (whole && out.length === 0) {
    const start = norm.indexOf(whole[1]!);
    out.push({ kind: "done", text: whole[1]!, start, end: start + whole[1]!.length, field, rule: "cue-done-only" });
  }
  return out.sort((a, b) => a.start - b.start);
}
