// An elliptical clause (已完工3个) takes its words from the clause before it in its sentence.
import type { Fig, ScannedText } from "../figures";

export function ellipticalContext(f: Fig, sc: ScannedText): string {
  if (f.ctx.length > 3) return f.ctx;
  const prev = sc.structure.clauses[f.clause - 1];
  if (!prev || prev.segment !== f.segment) return f.ctx;
  return sc.structure.norm.slice(prev.start, prev.end).replace(/[^\u3400-\u9fff]/g, "") + f.ctx;
}
