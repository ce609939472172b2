// Which progress figures report an achievement. A figure that is a plan (计划年底前完成200公里),
// a count of planning documents (17个中心村建设规划编制完成), an extra not yet counted (另外150人
// …等待考试) or a bare noun phrase in a sentence about preparations (4个项目,实施方案已批复,完成
// 招标文件编制) is not.
import type { Fig } from "../figures";
import { ASIDE_WORDS, DONE_VERBS, FINISH_VERBS, FUTURE_WORDS, PLAN_OBJECTS, START_VERBS } from "../lexicon";

export type ActualVerdict = { ok: false; why: string } | { ok: true; stage?: "started"; aside?: boolean };

export function actualVerdict(f: Fig, preparing: boolean): ActualVerdict {
  if (f.breakdown || f.standard) return { ok: false, why: "breakdown-or-standard" };
  if (f.paren) return { ok: false, why: "aside" };
  const before = f.before;
  if (FUTURE_WORDS.some((w) => before.includes(w))) return { ok: false, why: "future" };
  const afterWords = f.after.slice(0, 24);
  const planObject = PLAN_OBJECTS.find((p) => afterWords.includes(p));
  if (planObject && /(编制|批复|评审|通过|完成|下达|制定)/.test(afterWords.slice(afterWords.indexOf(planObject)))) {
    return { ok: false, why: "plan-object" };
  }
  const hasVerbBefore = DONE_VERBS.some((v) => before.includes(v)) || START_VERBS.some((v) => before.includes(v));
  if (preparing && !hasVerbBefore) return { ok: false, why: "bare-in-preparation" };
  const clauseText = before + f.text + f.after;
  const started = START_VERBS.some((v) => clauseText.includes(v)) && !FINISH_VERBS.some((v) => clauseText.includes(v));
  const aside = ASIDE_WORDS.some((w) => before.includes(w));
  return { ok: true, ...(started ? { stage: "started" as const } : {}), ...(aside ? { aside } : {}) };
}

/** True when a target clause is itself about starting works (新开工2187套, 开工建设4个项目). */
export function targetIsStart(f: Fig): boolean {
  const clauseText = f.before + f.after;
  return START_VERBS.some((v) => clauseText.includes(v));
}
