// Scores an analysis document against a labelled reading (the rules of the seed's README):
// status in `accept`, critical errors (true lagging shown as fine), required indicators found
// within ±0.5 points. Returns the misses so a failing test says what it missed.
import type { AnalysisDocument } from "../../src/core/types";

export interface Labelled {
  period?: { expectedProgress: number };
  rows: {
    line: number;
    project: string;
    status: string;
    accept?: string[];
    indicators?: { completion: number; required?: boolean; target?: string; actual?: string }[];
  }[];
}

export interface Score {
  rows: number;
  accepted: number;
  exact: number;
  critical: number;
  falseAlarms: number;
  required: number;
  requiredFound: number;
  predicted: number;
  predictedMatched: number;
  periodOk: boolean | null;
  misses: string[];
}

const TOL = 0.5;

export function score(labelled: Labelled, doc: AnalysisDocument): Score {
  const byRow = new Map(doc.rows.map((r) => [r.row, r]));
  const s: Score = {
    rows: 0, accepted: 0, exact: 0, critical: 0, falseAlarms: 0, required: 0, requiredFound: 0,
    predicted: 0, predictedMatched: 0, periodOk: null, misses: [],
  };
  const want = labelled.period?.expectedProgress;
  if (want !== undefined) s.periodOk = Math.abs(doc.expectedProgress - want) <= 0.1;
  for (const w of labelled.rows) {
    s.rows++;
    const got = byRow.get(w.line);
    if (!got) {
      s.misses.push(`line ${w.line} ${w.project}: no row`);
      continue;
    }
    if (got.status === w.status) s.exact++;
    if ((w.accept ?? [w.status]).includes(got.status)) s.accepted++;
    else s.misses.push(`line ${w.line} ${w.project}: status ${got.status}, want ${w.status}`);
    const fine = (x: string) => x === "completed" || x === "on_track";
    if (w.status === "lagging" && fine(got.status)) s.critical++;
    if (fine(w.status) && got.status === "lagging") s.falseAlarms++;
    const inds = got.indicators.filter((i) => typeof i.completion === "number");
    const used = new Set<number>();
    for (const wi of w.indicators ?? []) {
      const j = inds.findIndex((gi, k) => !used.has(k) && Math.abs(gi.completion! - wi.completion) <= TOL);
      if (j >= 0) used.add(j);
      if (wi.required) {
        s.required++;
        if (j >= 0) s.requiredFound++;
        else s.misses.push(`line ${w.line} ${w.project}: missing ${wi.target ?? ""}→${wi.actual ?? ""} = ${wi.completion}`);
      }
    }
    s.predicted += inds.length;
    s.predictedMatched += used.size;
  }
  return s;
}
