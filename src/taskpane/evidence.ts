// Marks the words a reading used inside the cell text it came from.
import type { AnalyzedRow, Field } from "../core/types";

export type MarkKind = "target" | "actual" | "stated" | "cue";

export interface Span {
  start: number;
  end: number;
  kind: MarkKind;
}

export interface Segment {
  text: string;
  kind?: MarkKind;
}

/** Every span of a row that points into one of its cells. */
export function spansFor(row: AnalyzedRow, field: Field): Span[] {
  const out: Span[] = [];
  for (const ind of row.indicators) {
    if (ind.target && ind.target.field === field) out.push({ start: ind.target.start, end: ind.target.end, kind: "target" });
    if (ind.actual && ind.actual.field === field) out.push({ start: ind.actual.start, end: ind.actual.end, kind: "actual" });
    if (ind.evidenceSpan && ind.evidenceSpan.field === field) out.push({ start: ind.evidenceSpan.start, end: ind.evidenceSpan.end, kind: "stated" });
  }
  for (const cue of row.cues) if (cue.field === field) out.push({ start: cue.start, end: cue.end, kind: "cue" });
  return out;
}

/** Splits text into plain and marked segments; overlapping spans keep the one that starts first (the longer on a tie). */
export function segments(text: string, spans: Span[]): Segment[] {
  const sorted = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start) });
    out.push({ text: text.slice(s.start, s.end), kind: s.kind });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
