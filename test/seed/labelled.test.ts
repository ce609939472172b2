// Every labelled bulletin in the fixtures (other layouts and wordings than the seed) is read
// without a critical error and with every status one a careful reader accepts.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeGrid } from "../../src/core/analyze";
import { decodeText, readTextGrid } from "../../src/text/readText";
import { score, type Labelled } from "../support/score";

const dir = join(__dirname, "..", "fixtures", "other");
const cases = readdirSync(dir)
  .filter((f) => f.endsWith(".expectations.json"))
  .map((f) => {
    const labelled = JSON.parse(readFileSync(join(dir, f), "utf8")) as Labelled & { bulletin: string; headerLine: number };
    return [labelled.bulletin, labelled] as const;
  });

describe.each(cases)("%s", (bulletin, labelled) => {
  const doc = analyzeGrid(readTextGrid(decodeText(readFileSync(join(dir, bulletin))), bulletin));
  const s = score(labelled, doc);

  test("header and period", () => {
    expect(doc.header.row).toBe(labelled.headerLine);
    expect(s.periodOk).toBe(true);
  });
  test("statuses accepted, no critical error, no false alarm", () => {
    expect(s.misses.filter((m) => m.includes("status"))).toEqual([]);
    expect(s.critical).toBe(0);
    expect(s.falseAlarms).toBe(0);
  });
  test("required indicators found", () => {
    expect(s.misses.filter((m) => m.includes("missing"))).toEqual([]);
  });
  test("no rows other than the labelled ones", () => {
    expect(doc.rows.map((r) => r.row)).toEqual(labelled.rows.map((r) => r.line));
  });
});
