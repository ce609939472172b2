// Every command of the add-in through the real Excel JavaScript runtime (test/support/real-excel.ts),
// on generated bulletins of 1,000 and 10,000 rows: the same results as on the plain fake, every
// request and response within Excel on the web's limit (or a clear refusal before anything is
// written), and as many syncs as on a 12-row bulletin but for further blocks of values.
import { analyze, clearMarks, DEFAULT_SETTINGS, highlight, summarise, type AddinDeps, type AddinSettings } from "../../src/app/addin";
import { isJinduError } from "../../src/core/errors";
import { createExcelPort, isMarkFormula, type ExcelEnv } from "../../src/excel/workbook";
import { RULE_ADD_BYTES, RULE_DELETE_BYTES } from "../../src/excel/payload";
import { FakeWorkbook } from "../support/fake-excel";
import { bulletinGrid, fixtureEngine } from "../support/addin-fixtures";
import { createRealExcel, type RealExcel, type RequestRecord } from "../support/real-excel";

/** Excel on the web's limit, read as the smaller of 5 MB and 5 MiB. */
const LIMIT = 5_000_000;
const NOW = new Date("2020-07-10T08:00:00Z");
/** Every status but on-track marked: the most rules a highlight writes. */
const WITH_ALL: AddinSettings = { ...DEFAULT_SETTINGS, highlight: { completed: true, unquantified: true, onTrack: false } };

interface Step {
  name: string;
  act: (deps: AddinDeps) => Promise<unknown>;
}

const STEPS: Step[] = [
  { name: "analyse", act: (deps) => analyze(deps, WITH_ALL) },
  { name: "highlight", act: (deps) => highlight(deps, WITH_ALL, "zh") },
  { name: "highlight again", act: (deps) => highlight(deps, WITH_ALL, "zh") },
  { name: "clear", act: (deps) => clearMarks(deps) },
  { name: "summarise", act: (deps) => summarise(deps, WITH_ALL, "zh") },
  { name: "summarise again", act: (deps) => summarise(deps, WITH_ALL, "zh") },
];


interface Outcome {
  /** The use case's result as JSON (the runtime's values come from another realm). */
  value?: unknown;
  error?: { code: string; host?: string };
}

interface StepResult {
  outcome: Outcome;
  /** The workbook before and after the step. */
  before: string;
  after: string;
  /** Round trips of the step (real runtime only). */
  requests: RequestRecord[];
}

/** Everything the user could see in the model workbook, ids aside (they are the host's to pick). */
function workbookState(wb: FakeWorkbook): string {
  const plain = (v: unknown): unknown => {
    if (v instanceof Map) return [...v.entries()].map(([k, x]) => [k, plain(x)]).sort(([a], [b]) => String(a).localeCompare(String(b)));
    if (v instanceof Set) return [...v].map(String).sort();
    if (Array.isArray(v)) return v.map(plain);
    if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([k]) => k !== "id" && k !== "coords").map(([k, x]) => [k, plain(x)]));
    return v;
  };
  return JSON.stringify({ active: wb.active, protected: wb.protected, sheets: wb.sheets.map(plain) });
}

async function runSteps(env: ExcelEnv, wb: FakeWorkbook, real?: RealExcel, steps: Step[] = STEPS): Promise<StepResult[]> {
  // The pane names the bulletin it works on; the summary becoming active does not change it.
  const deps: AddinDeps = { port: createExcelPort(env), engine: fixtureEngine, now: () => NOW, sheet: "Sheet1" };
  const out: StepResult[] = [];
  for (const step of steps) {
    const before = workbookState(wb);
    const start = real?.log.requests.length ?? 0;
    let outcome: Outcome;
    try {
      outcome = { value: JSON.parse(JSON.stringify(await step.act(deps))) as unknown };
    } catch (e) {
      outcome = { error: isJinduError(e) ? { code: e.code, host: e.params?.host } : { code: "not a JinduError", host: String(e) } };
    }
    // The release of references is sent as Excel.run ends; let its answer arrive.
    await new Promise((done) => setImmediate(done));
    out.push({ outcome, before, after: workbookState(wb), requests: real?.log.requests.slice(start) ?? [] });
  }
  return out;
}

async function onRealRuntime(rows: number): Promise<{ steps: StepResult[]; real: RealExcel }> {
  const real = createRealExcel({ grid: bulletinGrid(rows) });
  return { steps: await runSteps(real.env, real.fake, real), real };
}

async function onPlainFake(rows: number): Promise<StepResult[]> {
  const wb = FakeWorkbook.fromGrid(bulletinGrid(rows));
  return runSteps({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) }, wb);
}

const syncs = (r: StepResult): number => r.requests.filter((q) => !q.cleanup).length;
const largest = (r: StepResult, key: "requestBytes" | "responseBytes"): number => Math.max(0, ...r.requests.map((q) => q[key]));

function figures(r: StepResult): string {
  const over = r.requests.filter((q) => q.requestBytes > LIMIT || q.responseBytes > LIMIT);
  return (
    `${syncs(r)} syncs, largest request ${largest(r, "requestBytes").toLocaleString("en")} B, largest response ${largest(r, "responseBytes").toLocaleString("en")} B` +
    (over.length ? `; over ${LIMIT.toLocaleString("en")}: ${over.map((q) => `${q.requestBytes}/${q.responseBytes}${q.refused ? ` refused (${q.refused})` : ""}`).join(", ")}` : "") +
    (r.outcome.error ? `; ${r.outcome.error.code}: ${r.outcome.error.host ?? ""}` : "")
  );
}

let baseline: StepResult[] = [];

beforeAll(async () => {
  baseline = (await onRealRuntime(12)).steps;
}, 60_000);

test("a 12-row bulletin: every command succeeds through the real runtime", () => {
  for (const [i, r] of baseline.entries()) expect({ step: STEPS[i]!.name, error: r.outcome.error }).toEqual({ step: STEPS[i]!.name, error: undefined });
});

describe("the host answers as Excel does", () => {
  const setup = (options: { payloadLimit?: number } = {}) => {
    const real = createRealExcel({ grid: bulletinGrid(12), ...options });
    const deps: AddinDeps = { port: createExcelPort(real.env), engine: fixtureEngine, now: () => NOW, sheet: "Sheet1" };
    return { real, deps };
  };

  test("Excel's error code reaches the adapter: a missing sheet is ItemNotFound", async () => {
    const { real, deps } = setup();
    const err = await analyze({ ...deps, sheet: "不存在" }, WITH_ALL).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "sheet_missing", params: { host: expect.stringMatching(/^ItemNotFound: /) } });
    expect(real.log.requests[0]).toMatchObject({ error: "ItemNotFound" });
  });

  test("a failing sync (a busy host) fails the command, and nothing is written", async () => {
    const { real, deps } = setup();
    const before = workbookState(real.fake);
    real.fake.failNext = { code: "GeneralException", message: "busy" };
    await expect(highlight(deps, WITH_ALL, "zh")).rejects.toMatchObject({ code: "host_busy" });
    expect(workbookState(real.fake)).toBe(before);
  });

  test("a request over the limit is refused as Office refuses it (RequestPayloadSizeLimitExceeded)", async () => {
    const { real, deps } = setup({ payloadLimit: 1_000 });
    await expect(analyze(deps, WITH_ALL)).rejects.toMatchObject({ code: "sheet_too_large", params: { host: expect.stringContaining("RequestPayloadSizeLimitExceeded") } });
    expect(real.log.requests[0]).toMatchObject({ refused: "request" });
  });

  test("a response over the limit is refused as Office refuses it (ResponsePayloadSizeLimitExceeded); the adapter reads smaller blocks", async () => {
    // Before ExcelApi 1.13 no merged areas are read, so the refused block is all there is to read again.
    const real = createRealExcel({ grid: bulletinGrid(1_000), excelApi: 12, payloadLimit: 150_000 });
    const deps: AddinDeps = { port: createExcelPort(real.env), engine: fixtureEngine, sheet: "Sheet1" };
    const doc = await analyze(deps, WITH_ALL);
    expect(doc.rows).toHaveLength(1_000);
    expect(real.log.requests.some((r) => r.refused === "response")).toBe(true);
    for (const r of real.log.requests.filter((q) => !q.refused)) expect(r.responseBytes).toBeLessThanOrEqual(150_000);
  });

  test("the adapter's bytes per rule added or deleted cover what the runtime sends", async () => {
    const real = createRealExcel({ grid: bulletinGrid(2_000) });
    const deps: AddinDeps = { port: createExcelPort(real.env), engine: fixtureEngine, sheet: "Sheet1" };
    const ours = () => real.fake.sheet("Sheet1")!.conditionalFormats.filter((c) => isMarkFormula(c.formula));
    const writes = () => Math.max(...real.log.requests.filter((q) => !q.cleanup).map((q) => q.requestBytes));
    await highlight(deps, WITH_ALL, "zh");
    const first = ours();
    real.log.requests.length = 0;
    await highlight(deps, WITH_ALL, "zh");
    const added = ours();
    expect(added.length).toBeGreaterThan(3);
    const address = (c: (typeof added)[number]) => c.boxes.map((b) => `A${b.top}:E${b.bottom}`).join(",").length;
    const estimate = first.reduce((n, c) => n + RULE_DELETE_BYTES + c.id.length, 0) + added.reduce((n, c) => n + RULE_ADD_BYTES + address(c), 0);
    expect(writes()).toBeLessThanOrEqual(estimate);
    // And not wildly more than it: the estimate decides how writes are batched.
    expect(writes()).toBeGreaterThan(estimate / 3);
    real.log.requests.length = 0;
    await clearMarks(deps);
    expect(writes()).toBeLessThanOrEqual(4_000 + added.reduce((n, c) => n + RULE_DELETE_BYTES + c.id.length, 0));
  });

  test("highlight, highlight again, clear on 10,000 rows leave the user's rules of every kind exactly as they were", async () => {
    const real = createRealExcel({ grid: bulletinGrid(10_000) });
    const col = (c: number) => [{ top: 4, left: c, bottom: 10_003, right: c }];
    real.fake.sheet("Sheet1")!.conditionalFormats.push(
      { id: "{u-bar}", boxes: col(3), type: "DataBar", formula: "", fill: null },
      { id: "{u-icons}", boxes: col(4), type: "IconSet", formula: "", fill: null },
      { id: "{u-scale}", boxes: [...col(3), { top: 2, left: 1, bottom: 2, right: 1 }], type: "ColorScale", formula: "", fill: null },
      { id: "{u-formula}", boxes: col(5), type: "Custom", formula: "=LEN($E4)>40", fill: "#FF0000" },
      { id: "{u-duplicated}", boxes: col(2), type: "Custom", formula: "=$B4<>\"\"", fill: "#FFC7CE", unreadable: true },
    );
    const before = JSON.stringify(real.fake.sheet("Sheet1")!.conditionalFormats);
    const deps: AddinDeps = { port: createExcelPort(real.env), engine: fixtureEngine, sheet: "Sheet1" };
    await highlight(deps, WITH_ALL, "zh");
    await highlight(deps, WITH_ALL, "zh");
    const { removed } = await clearMarks(deps);
    expect(removed).toBeGreaterThan(0);
    expect(JSON.stringify(real.fake.sheet("Sheet1")!.conditionalFormats)).toBe(before);
    for (const q of real.log.requests.filter((r) => !r.refused)) expect(Math.max(q.requestBytes, q.responseBytes)).toBeLessThanOrEqual(LIMIT);
    expect(real.log.faults).toEqual([]);
  });

  test("a user's rule that cannot be read fails its sync and is skipped, as on the plain fake", async () => {
    const unreadable = (wb: FakeWorkbook): void =>
      void wb.activeSheet().conditionalFormats.push({ id: "{999}", boxes: [{ top: 4, left: 5, bottom: 15, right: 5 }], type: "Custom", formula: "=LEN(E4)>100", fill: "#FF0000", unreadable: true });
    const real = createRealExcel({ grid: bulletinGrid(12) });
    unreadable(real.fake);
    const wb = FakeWorkbook.fromGrid(bulletinGrid(12));
    unreadable(wb);
    const steps = STEPS.slice(1, 4);
    const r = await runSteps(real.env, real.fake, real, steps);
    const p = await runSteps({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) }, wb, undefined, steps);
    expect(r.map((x) => x.outcome)).toEqual(p.map((x) => x.outcome));
    expect(r.map((x) => x.after)).toEqual(p.map((x) => x.after));
    expect(real.log.requests.some((q) => q.error === "GeneralException")).toBe(true);
  });

  test("null objects, kept ranges and created sheets work across syncs; references are released after Excel.run", async () => {
    const { real, deps } = setup();
    await summarise(deps, WITH_ALL, "zh");
    await summarise(deps, WITH_ALL, "zh");
    await new Promise((done) => setImmediate(done));
    expect(real.fake.sheets.map((s) => s.name)).toEqual(["Sheet1", "进度汇总"]);
    expect(real.log.requests.filter((r) => r.cleanup)).toHaveLength(2);
    expect(real.log.faults).toEqual([]);
  });

  test("what the model does not implement is a harness fault, never a silent success", async () => {
    const { real } = setup();
    const attempt = real.env.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.rowHeight = 30;
      await context.sync();
    });
    await expect(attempt).rejects.toThrow(/harness: the model has no property rowHeight/);
    expect(real.log.faults).toEqual([expect.stringContaining("rowHeight")]);
  });

  test("the active sheet and a row selection", async () => {
    const { real, deps } = setup();
    await expect(deps.port.active()).resolves.toEqual({ sheet: "Sheet1", jindu: false });
    await deps.port.select("Sheet1", 7, 1, 5);
    expect(real.fake.selection).toEqual({ sheet: "Sheet1", address: "7,1:7,5" });
  });
});

describe.each([1_000, 10_000])("%i rows through the real Excel runtime", (rows) => {
  let real: StepResult[] = [];
  let plain: StepResult[] = [];
  let harness: RealExcel | null = null;

  beforeAll(async () => {
    const run = await onRealRuntime(rows);
    real = run.steps;
    harness = run.real;
    plain = await onPlainFake(rows);
  }, 300_000);

  const check = (step: string, what: string, fn: () => void): void => {
    const name = `${step}: ${what}`;
    test(name, fn);
  };

  test("the harness understood every request", () => {
    expect(harness?.log.faults).toEqual([]);
  });

  STEPS.forEach((step, i) => {
    check(step.name, "same result and workbook as on the plain fake", () => {
      const r = real[i]!;
      const p = plain[i]!;
      // Excel's words differ from the fake's; the codes may not.
      const same = (o: Outcome) => ({ value: o.value, error: o.error?.code });
      expect({ outcome: same(r.outcome), figures: figures(r) }).toEqual({ outcome: same(p.outcome), figures: figures(r) });
      expect(r.after).toBe(p.after);
    });

    check(step.name, `every request and response within ${LIMIT.toLocaleString("en")} bytes, or a refusal before any write`, () => {
      const r = real[i]!;
      const within = r.requests.every((q) => q.requestBytes <= LIMIT && q.responseBytes <= LIMIT && !q.refused);
      if (within) return;
      // Over the limit is acceptable only as a typed refusal that left the workbook as it was.
      expect({ error: r.outcome.error?.code, unchanged: r.after === r.before, figures: figures(r) }).toEqual({
        error: expect.any(String),
        unchanged: true,
        figures: figures(r),
      });
    });

    check(step.name, "as many syncs as on a 12-row bulletin, but for further blocks of values (each a large answer)", () => {
      // Values come in blocks of at most ~3.6 MB: a sync more than a small bulletin needs is one of them.
      const extra = syncs(real[i]!) - syncs(baseline[i]!);
      const blocks = real[i]!.requests.filter((q) => !q.cleanup && q.responseBytes > 1_000_000).length;
      expect(`${extra} more (${figures(real[i]!)})`).toBe(`${Math.max(0, blocks - 1)} more (${figures(real[i]!)})`);
    });
  });
});

describe("a bulletin of long cells: its first block of values answers more than the limit", () => {
  /** 2,000 rows whose progress cells are ~1,100 characters: the first block (every row) answers ~7 MB. */
  const longGrid = () => {
    const grid = bulletinGrid(2_000);
    for (const row of grid.values.slice(3)) row[4] = String(row[4]).repeat(15);
    return grid;
  };
  const name = "long cells: read in smaller blocks, as on the plain fake";
  test(name, async () => {
    const real = createRealExcel({ grid: longGrid() });
    const [r] = await runSteps(real.env, real.fake, real, STEPS.slice(0, 1));
    const wb = FakeWorkbook.fromGrid(longGrid());
    const [p] = await runSteps({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) }, wb, undefined, STEPS.slice(0, 1));
    expect(r!.requests.some((q) => q.refused === "response")).toBe(true);
    expect({ outcome: r!.outcome.error?.code ?? r!.outcome.value, figures: figures(r!) }).toEqual({ outcome: p!.outcome.error?.code ?? p!.outcome.value, figures: figures(r!) });
  }, 60_000);
});
