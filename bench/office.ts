// `npm run bench:office`: every command of the add-in through the real Excel JavaScript runtime
// (test/support/real-excel.ts) on generated bulletins of 1,000, 10,000 and 100,000 rows. Prints
// a markdown table of round trips and payload sizes; asserts nothing.
import { analyze, clearMarks, DEFAULT_SETTINGS, highlight, summarise, type AddinDeps, type AddinSettings } from "../src/app/addin";
import { isJinduError } from "../src/core/errors";
import { createExcelPort } from "../src/excel/workbook";
import { bulletinGrid, fixtureEngine } from "../test/support/addin-fixtures";
import { createRealExcel, WEB_LIMIT } from "../test/support/real-excel";

const ROWS = [1_000, 10_000, 100_000];
const NOW = new Date("2020-07-10T08:00:00Z");
/** Every status but on-track marked: the most rules a highlight writes. */
const WITH_ALL: AddinSettings = { ...DEFAULT_SETTINGS, highlight: { completed: true, unquantified: true, onTrack: false } };

const COMMANDS: [string, (deps: AddinDeps) => Promise<unknown>][] = [
  ["analyse", (deps) => analyze(deps, WITH_ALL)],
  ["highlight", (deps) => highlight(deps, WITH_ALL, "zh")],
  ["highlight again", (deps) => highlight(deps, WITH_ALL, "zh")],
  ["clear", (deps) => clearMarks(deps)],
  ["summarise", (deps) => summarise(deps, WITH_ALL, "zh")],
  ["summarise again", (deps) => summarise(deps, WITH_ALL, "zh")],
];

const n = (x: number): string => x.toLocaleString("en");

async function main(): Promise<void> {
  console.log(`Jindu add-in on the Excel API runtime (excel-web-16.00.debug.js) — node ${process.version}`);
  console.log(`Generated bulletin (test/support/addin-fixtures bulletinGrid: 5 columns, long target and progress text), fixture engine,`);
  console.log(`every status but on-track marked; the host refuses a request or response over ${n(WEB_LIMIT)} bytes.`);
  console.log(`"syncs": the adapter's round trips; "requests": all of them, with the release of references the runtime sends after Excel.run.\n`);
  console.log("| rows | command | result | syncs | requests | largest request (B) | largest response (B) | time (ms) |");
  console.log("| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |");
  for (const rows of ROWS) {
    const real = createRealExcel({ grid: bulletinGrid(rows) });
    const deps: AddinDeps = { port: createExcelPort(real.env), engine: fixtureEngine, now: () => NOW, sheet: "Sheet1" };
    for (const [name, act] of COMMANDS) {
      const start = real.log.requests.length;
      const t0 = process.hrtime.bigint();
      let result = "ok";
      try {
        await act(deps);
      } catch (e) {
        result = isJinduError(e) ? `refused: ${e.code}${e.params.host ? ` (${e.params.host.slice(0, 90)})` : ""}` : `failed: ${String(e).slice(0, 120)}`;
      }
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      // The release of references goes out as Excel.run ends; its answer comes a turn later.
      await new Promise((done) => setImmediate(done));
      const requests = real.log.requests.slice(start);
      const syncs = requests.filter((r) => !r.cleanup).length;
      const refused = requests.filter((r) => r.refused).map((r) => `${r.refused} of ${n(r.refused === "request" ? r.requestBytes : r.responseBytes)} B refused`);
      const cell = refused.length > 0 ? `${result}; ${refused.join(", ")}` : result;
      const biggest = (key: "requestBytes" | "responseBytes"): string => n(Math.max(0, ...requests.map((r) => r[key])));
      console.log(`| ${n(rows)} | ${name} | ${cell} | ${syncs} | ${requests.length} | ${biggest("requestBytes")} | ${biggest("responseBytes")} | ${ms.toFixed(0)} |`);
    }
    if (real.log.faults.length > 0) console.log(`\nHarness faults at ${n(rows)} rows:\n${real.log.faults.map((f) => `- ${f}`).join("\n")}\n`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
