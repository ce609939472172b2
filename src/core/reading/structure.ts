// The skeleton of a cell's text: segments (sentences, split at ;。 and line breaks), clauses
// (split at , : 、 and brackets) and bracketed asides. Offsets index the cell's own text.

export interface Clause {
  start: number;
  end: number;
  segment: number;
  /** Inside (…): an aside, usually a breakdown by county or department. */
  paren: boolean;
  /** Offset of the "(" that opened the aside, when paren. */
  parenStart: number;
  /** Clause joined to the previous one by 、 (a list item). */
  listed: boolean;
}

export interface Structure {
  norm: string;
  clauses: Clause[];
}

/** Index of the clause holding `offset` (binary search; clauses are ordered), or -1. */
export function clauseIndexAt(st: Structure, offset: number): number {
  let lo = 0;
  let hi = st.clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = st.clauses[mid]!;
    if (offset < c.start) hi = mid - 1;
    else if (offset >= c.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

const HARD = new Set([",", ";", "。", ":", "!", "?", "(", ")", "[", "]"]);
const SEGMENT = new Set([";", "。", "!", "?"]);
// normalize() turns line breaks into spaces, so spaces are candidates; the original text decides.
const BOUNDARY = /[,;。:!?()[\] ]/g;

/** Splits at 、 only between two pieces that both hold a digit or %: "5个馆、21个站" is a list of
 * figures, "视力、听力、言语等残疾儿童" is one noun phrase. */
function listSplits(norm: string, start: number, end: number): number[] {
  const marks: number[] = [];
  for (let i = start; i < end; i++) if (norm[i] === "、") marks.push(i);
  if (marks.length === 0) return [];
  const bounds = [start, ...marks.map((m) => m + 1), end + 1];
  const hasFigure = (a: number, b: number) => /[\d%]/.test(norm.slice(a, b));
  const out: number[] = [];
  marks.forEach((m, k) => {
    if (hasFigure(bounds[k]!, m) && hasFigure(m + 1, bounds[k + 2]! - 1)) out.push(m);
  });
  return out;
}

export function structure(original: string, norm: string): Structure {
  const clauses: Clause[] = [];
  let segment = 0;
  let depth = 0;
  let parenStart = -1;
  let clauseStart = 0;
  const raw: { start: number; end: number; segment: number; paren: boolean; parenStart: number }[] = [];
  const push = (end: number) => {
    if (end > clauseStart) raw.push({ start: clauseStart, end, segment, paren: depth > 0, parenStart });
  };
  // Visit only the characters that can end a clause (a regex finds them faster than a loop).
  for (const m of norm.matchAll(BOUNDARY)) {
    const i = m.index!;
    const ch = norm[i]!;
    const lineBreak = original[i] === "\n" || original[i] === "\r";
    if (ch === "(" || ch === "[") {
      push(i);
      if (depth === 0) parenStart = i;
      depth++;
      clauseStart = i + 1;
    } else if ((ch === ")" || ch === "]") && depth > 0) {
      push(i);
      depth--;
      clauseStart = i + 1;
    } else if (HARD.has(ch) || lineBreak) {
      // A comma between digits that is a thousands separator is not a boundary.
      if (ch === "," && original[i] === "," && /\d/.test(norm[i - 1] ?? "") && /^\d{3}(?!\d)/.test(norm.slice(i + 1, i + 5))) continue;
      push(i);
      if (depth === 0 && (SEGMENT.has(ch) || lineBreak)) segment++;
      clauseStart = i + 1;
    }
  }
  push(norm.length);
  // The next 、 at or after the clause start, found once per clause: a search from each clause
  // start to the end of a long cell without 、 would be quadratic.
  let nextMark = norm.indexOf("、");
  for (const r of raw) {
    if (nextMark >= 0 && nextMark < r.start) nextMark = norm.indexOf("、", r.start);
    const cuts = nextMark >= 0 && nextMark < r.end ? listSplits(norm, r.start, r.end) : [];
    let s = r.start;
    cuts.forEach((c, k) => {
      clauses.push({ start: s, end: c, segment: r.segment, paren: r.paren, parenStart: r.parenStart, listed: k > 0 });
      s = c + 1;
    });
    clauses.push({ start: s, end: r.end, segment: r.segment, paren: r.paren, parenStart: r.parenStart, listed: cuts.length > 0 });
  }
  return { norm, clauses };
}
