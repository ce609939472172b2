// The seed bulletin scored against its hand-labelled reading (test/fixtures/expectations.json).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeGrid } from "../../src/core/analyze";
import { decodeText, readTextGrid } from "../../src/text/readText";
import { score, type Labelled } from "../support/score";

const fixtures = join(__dirname, "..", "fixtures");
const labelled = JSON.parse(readFileSync(join(fixtures, "expectations.json"), "utf8")) as Labelled;
const grid = readTextGrid(decodeText(readFileSync(join(fixtures, "bulletin-2020-h1.txt"))), "bulletin-2020-h1.txt");
const doc = analyzeGrid(grid);
const s = score(labelled, doc);

describe("seed bulletin (2020 H1)", () => {
  afterAll(() => {
    // Printed so a reviewer sees the figures and every miss, pass or fail.
    console.log(
      `seed: status ok ${s.accepted}/${s.rows}, exact ${s.exact}, critical ${s.critical}, false alarms ${s.falseAlarms}, ` +
        `required ${s.requiredFound}/${s.required}, precision ${((100 * s.predictedMatched) / s.predicted).toFixed(1)}%` +
        (s.misses.length ? `\n${s.misses.join("\n")}` : ""),
    );
  });

  test("finds the header, the title and the period (1-6月 → 序时 50%)", () => {
    expect(doc.header.row).toBe(11);
    expect(doc.title).toBe("2020年1-6月份民生工程项目进展情况");
    expect(doc.period?.months).toBe(6);
    expect(doc.period?.source).toBe("title");
    expect(doc.expectedProgress).toBe(50);
  });

  test("reads every labelled row and no other", () => {
    expect(doc.rows.map((r) => r.row)).toEqual(labelled.rows.map((r) => r.line));
  });

  test("fills 实施单位 down into continuation rows", () => {
    const units = new Map(labelled.rows.map((r) => [r.line, (r as unknown as { unit: string }).unit]));
    for (const r of doc.rows) expect(r.unit).toBe(units.get(r.row));
  });

  test("every status is one a careful reader accepts", () => {
    expect(s.misses.filter((m) => m.includes("status"))).toEqual([]);
    expect(s.accepted).toBe(s.rows);
  });

  test("no critical error: no lagging project shown as completed or on track", () => {
    expect(s.critical).toBe(0);
  });

  test("all 55 required indicators within ±0.5 points", () => {
    expect(s.required).toBe(55);
    expect(s.requiredFound).toBe(55);
  });

  test("every indicator carries evidence that points into its cell", () => {
    for (const r of doc.rows) {
      for (const i of r.indicators) {
        expect(i.rule).toBeTruthy();
        expect(i.evidence).toBeTruthy();
        for (const f of [i.target, i.actual]) {
          if (!f) continue;
          const text = f.field === "progress" ? r.progress : r.target;
          expect(text.slice(f.start, f.end)).toBe(f.text);
        }
        if (i.evidenceSpan && i.evidenceSpan.field === "progress") {
          expect(r.progress.slice(i.evidenceSpan.start, i.evidenceSpan.end)).toBe(i.evidence);
        }
      }
    }
  });
});
