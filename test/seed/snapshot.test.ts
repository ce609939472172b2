// The committed reading snapshot matches what the engine reads today, so a change in any
// reading shows up as a diff a Chinese-reading reviewer can check.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSnapshot } from "../../scripts/snapshot";

test("test/fixtures/snapshot.md is up to date (npm run snapshot)", () => {
  const root = join(__dirname, "..", "..");
  const committed = readFileSync(join(root, "test", "fixtures", "snapshot.md"), "utf8");
  expect(buildSnapshot(root)).toBe(committed);
});
