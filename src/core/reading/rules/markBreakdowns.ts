// Breakdowns (其中…, a bracketed split by county or department): parts of a total, not
// indicators of their own. Marked on the scanned figures of a cell.
import type { Fig } from "../figures";
import { clauseIndexAt, type Structure } from "../structure";

/**
 * Breakdowns: figures after 其中 up to the end of the sentence, while the clauses keep the unit
 * class of the figure before 其中 (其中:专业生产型250人,技能服务型50人,培训完成率30.9% — the rate
 * ends the breakdown); bracketed asides that start with 其中 or split a figure by place or
 * department ((教育:28人、人社:2人), (濉溪县137户、杜集区9户)).
 */
export function markBreakdowns(figs: Fig[], st: Structure): void {
  const norm = st.norm;
  const perAside = new Map<number, number>();
  for (const f of figs) {
    if (f.paren) {
      const p = st.clauses[f.clause]!.parenStart;
      perAside.set(p, (perAside.get(p) ?? 0) + 1);
    }
  }
  for (const f of figs) {
    if (!f.paren) continue;
    const c = st.clauses[f.clause]!;
    const close = norm.indexOf(")", c.parenStart);
    const inner = norm.slice(c.parenStart + 1, close < 0 ? norm.length : close);
    const count = perAside.get(c.parenStart) ?? 0;
    if (/^\s?其中/.test(inner) || count >= 2 || /[\u4e00-\u9fff]:\s?\d/.test(inner)) f.breakdown = true;
  }
  const re = /其中/g;
  for (const m of norm.matchAll(re)) {
    const at = m.index!;
    const k = clauseIndexAt(st, at);
    const clause = st.clauses[k];
    if (!clause || clause.paren) continue;
    // The scope keeps the class of its first figure: a clause of another class ends it.
    const first = figs.find((g) => g.start >= at && g.segment === clause.segment && !g.paren);
    if (!first) continue;
    let lastClause = -1;
    for (const g of figs) {
      if (g.start < at || g.segment !== clause.segment || g.paren) continue;
      const sameClass = g.kind === first.kind && (g.kind === "percent" || g.info?.cls === first.info?.cls);
      if (!sameClass && g.clause !== lastClause) break;
      g.breakdown = true;
      lastClause = g.clause;
    }
  }
}
