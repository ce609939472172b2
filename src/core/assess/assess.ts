// The rule of the labelled readings: completion per indicator, the row's status and its one
// figure (the lowest indicator). Lagging outranks everything: a lagging project shown as on
// track is the worst error this product can make.
import type { AnalyzedRow, Indicator, RowStatus, Thresholds } from "../types";
import type { RowReading } from "../reading/read";
import { round1 } from "../reading/numbers";
import type { Note } from "../notes";

export interface Assessment {
  status: RowStatus;
  completion: number | null;
  gap: number | null;
  basis: { completion: number; expected: number } | null;
  severity?: "yellow" | "red";
  notes: Note[];
}

type Band = "below" | "met" | "done";
function band(completion: number, expected: number): Band {
  if (completion < expected) return "below";
  return completion >= 100 ? "done" : "met";
}

/** Gap in percentage points between an indicator and what it is held to. */
const gapOf = (i: Indicator) => (i.completion === null ? Infinity : i.completion - i.expected);

export function assess(reading: RowReading, thresholds: Thresholds): Assessment {
  const notes: Note[] = [];
  const inds = reading.indicators.filter((i) => i.completion !== null);
  const figures = inds.filter((i) => i.kind !== "milestone");
  const milestones = inds.filter((i) => i.kind === "milestone");
  const cueKinds = new Set(reading.cues.map((c) => c.kind));
  const stalled = cueKinds.has("not_started") || cueKinds.has("preparing");
  const doneCue = cueKinds.has("done") || cueKinds.has("exceeded");
  // The bulletin itself says the work is behind: no figure can argue it back on track.
  const behind = reading.cues.find((c) => c.kind === "behind");

  if (behind && (figures.length === 0 || inds.every((i) => i.completion! >= i.expected))) {
    notes.push({ code: "stated_behind", text: behind.text });
    const completion = inds.length ? Math.min(...inds.map((i) => i.completion!)) : null;
    return { status: "lagging", completion, gap: null, basis: null, severity: "red", notes };
  }
  if (figures.length === 0 && milestones.length === 0) {
    if (stalled && !doneCue) {
      notes.push({ code: "only_preparation" });
      return { status: "lagging", completion: null, gap: null, basis: null, severity: "red", notes };
    }
    // A statement about the whole task (已完成年度任务) answers every target, figures or not.
    const wholeDone = reading.cues.some((c) => c.scope === "whole");
    if (doneCue && !stalled && (reading.unpairedTargets === 0 || wholeDone)) {
      notes.push({ code: "done_no_figures" });
      return { status: "completed", completion: null, gap: null, basis: null, notes };
    }
    notes.push({ code: "no_figures" });
    return { status: "unquantified", completion: null, gap: null, basis: null, notes };
  }

  // The indicator furthest below what it is held to decides the row.
  const worst = inds.reduce((a, b) => (gapOf(b) < gapOf(a) ? b : a));
  const completion = Math.min(...inds.map((i) => i.completion!));
  const gap = round1(gapOf(worst));
  const basis = { completion: worst.completion!, expected: worst.expected };
  const below = inds.filter((i) => band(i.completion!, i.expected) === "below");

  if (below.length > 0) {
    let severity: "yellow" | "red" = "red";
    if (thresholds.mode === "bands") {
      // Within the yellow band the shortfall is tolerated; beyond the red band it is serious.
      if (-gap < thresholds.yellow) {
        notes.push({ code: "within_tolerance", points: -gap });
        return { status: "on_track", completion, gap, basis, notes };
      }
      severity = -gap >= thresholds.red ? "red" : "yellow";
    }
    notes.push({ code: "behind_by", points: -gap });
    return { status: "lagging", completion, gap, basis, severity, notes };
  }

  // An ambiguous pairing whose other readings would fall behind: say so rather than guess.
  const doubtful = inds.filter((i) => (i.alternatives ?? []).some((alt) => band(alt, i.expected) !== band(i.completion!, i.expected)));
  if (doubtful.length > 0) {
    notes.push({ code: "ambiguous" });
    return { status: "unquantified", completion, gap, basis, notes };
  }

  const allDone = inds.every((i) => i.completion! >= 100);
  const started = inds.some((i) => i.stage === "started");
  const wholeTask = reading.cues.some((c) => c.scope === "whole");
  if (allDone && (reading.unpairedTargets === 0 || wholeTask) && !started && !stalled) {
    return { status: "completed", completion, gap, basis, notes };
  }
  if (allDone && reading.unpairedTargets > 0) notes.push({ code: "target_without_progress" });
  if (started) notes.push({ code: "only_started" });
  return { status: "on_track", completion, gap, basis, notes };
}

/** What the table itself states about a row, beside the text: a completion, a status. */
export interface StatedColumns {
  /** A completion column's value (percent) and the cell as written. */
  completion?: { value: number; text: string };
  /** A status the table states (a status column, a yes/no answer, a remark), with its words. */
  status?: { status: RowStatus; text: string };
}

export interface RowAssessment extends Assessment {
  indicators: Indicator[];
}

/**
 * A row's assessment with the table's own statements: a completion column wins over the text,
 * a stated status over both.
 */
export function assessRow(reading: RowReading, thresholds: Thresholds, expected: number, stated: StatedColumns): RowAssessment {
  const result = assess(reading, thresholds);
  const indicators = [...reading.indicators];
  let { status, completion, gap, basis } = result;
  let severity = result.severity;
  const notes = [...reading.notes, ...(stated.completion ? [] : result.notes)];
  if (stated.completion) {
    const v = stated.completion.value;
    indicators.unshift({
      kind: "quantity",
      completion: v,
      reported: true,
      evidence: stated.completion.text,
      evidenceSpan: { start: 0, end: stated.completion.text.length, field: "completion" },
      rule: "completion-column",
      expected,
    });
    completion = v;
    gap = round1(v - expected);
    basis = { completion: v, expected };
    status = v >= 100 ? "completed" : v >= expected ? "on_track" : "lagging";
    severity = status === "lagging" ? (thresholds.mode === "bands" && -gap < thresholds.red ? "yellow" : "red") : undefined;
    if (status === "lagging" && thresholds.mode === "bands" && -gap < thresholds.yellow) status = "on_track";
    notes.push({ code: "completion_column" });
  }
  if (stated.status) {
    if (stated.status.status !== status) notes.push({ code: "stated_status", text: stated.status.text });
    status = stated.status.status;
    if (status !== "lagging") severity = undefined;
    else severity ??= "red";
  }
  return {
    status,
    completion,
    gap: status === "unquantified" ? null : gap,
    basis: status === "unquantified" ? null : basis,
    ...(status === "lagging" && severity ? { severity } : {}),
    notes,
    indicators,
  };
}

export function countStatuses(rows: Pick<AnalyzedRow, "status" | "total">[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { completed: 0, on_track: 0, lagging: 0, unquantified: 0 };
  // A total row (合计, 全省) sums the projects above it: it is not counted as one more.
  for (const r of rows) if (!r.total) counts[r.status]++;
  return counts;
}
