// The reading pipeline is declared in one place: every step has an id and a run function, the
// ids are unique, every step file in rules/ is listed, and the order respects what each step needs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { READING_PIPELINE } from "../../src/core/reading/pipeline";

const ids = READING_PIPELINE.map((s) => s.id);
const at = (id: string) => ids.indexOf(id);

test("every step has the same shape and a unique id", () => {
  for (const s of READING_PIPELINE) {
    expect(typeof s.id).toBe("string");
    expect(typeof s.run).toBe("function");
  }
  expect(new Set(ids).size).toBe(ids.length);
});

test("every step defined in rules/ is listed in the pipeline", () => {
  const dir = join(__dirname, "..", "..", "src", "core", "reading", "rules");
  const declared = readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .filter((f) => /:\s*Step\s*=/.test(readFileSync(join(dir, f), "utf8")));
  expect(declared.length).toBe(READING_PIPELINE.length);
});

test.each([
  ["progress-cues", "classify-progress"], // preparations change what bare figures mean
  ["classify-targets", "pair-quantities"],
  ["classify-progress", "pair-quantities"],
  ["pair-quantities", "attach-stated"],
  ["attach-stated", "pair-rates"], // rates take only the figures no pair took
  ["pair-rates", "cue-milestones"], // cues answer only the targets left
])("%s runs before %s", (a, b) => {
  expect(at(a)).toBeGreaterThanOrEqual(0);
  expect(at(b)).toBeGreaterThan(at(a));
});
