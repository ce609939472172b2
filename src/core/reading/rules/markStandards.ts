// Standards of support and policy parameters (每人每月60元, 按80%报销, 1.3倍, 7276元/年人): figures
// that describe a rule, not a thing to complete. Marked on the scanned figures of a cell.
import type { Fig } from "../figures";
import type { Structure } from "../structure";
import { STANDARD_WORDS } from "../lexicon";

/** 标准 as an adjective (标准化, 高标准农田, 国家标准) is not a standard of support. */
function adjectivalStandard(text: string, i: number): boolean {
  return text[i + 2] === "化" || text[i - 1] === "高" || text.slice(i - 2, i) === "国家";
}

function standardWord(clauseText: string): boolean {
  return STANDARD_WORDS.some((w) => {
    if (w !== "标准") return clauseText.includes(w);
    for (let i = clauseText.indexOf(w); i >= 0; i = clauseText.indexOf(w, i + 1)) if (!adjectivalStandard(clauseText, i)) return true;
    return false;
  });
}

/** Standards of support and policy parameters: not things to complete. */
export function markStandards(figs: Fig[], st: Structure): void {
  // Once per clause: many figures in one long clause must not each search it again.
  const standardClause = new Map<number, boolean>();
  for (const f of figs) {
    let isStandard = standardClause.get(f.clause);
    if (isStandard === undefined) {
      const clause = st.clauses[f.clause]!;
      isStandard = standardWord(st.norm.slice(clause.start, clause.end));
      standardClause.set(f.clause, isStandard);
    }
    if (isStandard) f.standard = true;
    if (f.kind === "quantity" && /^\s?\//.test(f.after)) f.standard = true; // 7276元/年人
    if (f.kind === "percent" && /按\s?$/.test(f.before)) f.standard = true; // 按80%予以报销
  }
  // A list (800元、400元) shares the standard flag of its head.
  for (let i = 1; i < figs.length; i++) {
    const f = figs[i]!;
    const prev = figs[i - 1]!;
    const c = st.clauses[f.clause]!;
    if (c.listed && prev.standard && prev.segment === f.segment && f.clause - prev.clause <= 1 && prev.unit === f.unit) {
      f.standard = true;
    }
  }
}
