// Bench: `jindu report` on a 10,000-row .xlsx built from the seed bulletin's rows with varied
// figures. The report runs in a child process so its peak memory is its own.
import { fork } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { report } from "../src/cli/files";
import { collectGarbage } from "../src/cli/memory";
import { bulletinWorkbook, parseBulletinText, type Bulletin, type BulletinRow } from "../scripts/build-sample";

export const BENCH_ROWS = 10_000;
export const BUDGET_MS = 5_000;
/** A 100,000-row report must stay under this resident size. */
export const LARGE_ROWS = 100_000;
export const BUDGET_RSS_MB = 1024;

/** A small deterministic generator, so every run reads the same workbook. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Scales the Arabic figures of a text, keeping their decimals; years stay as they are. */
function vary(text: string, factor: number): string {
  return text.replace(/\d+(?:\.\d+)?/g, (m) => {
    if (/^(19|20)\d\d$/.test(m)) return m;
    const decimals = m.includes(".") ? m.length - m.indexOf(".") - 1 : 0;
    return (Number(m) * factor).toFixed(decimals);
  });
}

export function bigBulletin(seed: Bulletin, rows: number): Bulletin {
  const rand = prng(20200630);
  const out: BulletinRow[] = [];
  let seq = 0;
  // Units as groups of consecutive rows (merged in the workbook), cycling through the seed's rows.
  const units = [...new Set(seed.rows.map((r) => r.unit).filter((u) => u !== ""))];
  for (let i = 0; out.length < rows; i++) {
    const base = seed.rows[i % seed.rows.length]!;
    const starts = i === 0 || rand() < 0.3;
    if (starts) seq++;
    const unit = units[(seq - 1) % units.length]!;
    const factor = 0.5 + rand() * 1.5;
    out.push({
      seq: starts ? String(seq) : "",
      unit: starts ? unit : "",
      project: base.project,
      target: base.target,
      progress: vary(base.progress, factor),
    });
  }
  return { ...seed, rows: out };
}

interface WorkerResult {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  rows: number;
  lagging: number;
}

async function worker(input: string, output: string): Promise<void> {
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  // As the command line runs it: a full collection between the large steps.
  const result = await report({ input, output, force: true, date: "2020-07-15" }, { collect: collectGarbage });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const res: WorkerResult = {
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    rows: result.doc.rows.length,
    lagging: result.doc.counts.lagging,
  };
  process.send?.(res);
}

function runWorker(input: string, output: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ["--worker", input, output], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    let result: WorkerResult | null = null;
    child.on("message", (m) => {
      result = m as WorkerResult;
    });
    child.on("error", reject);
    child.on("exit", (code) => (result ? resolve(result) : reject(new Error(`bench worker exited with ${code}`))));
  });
}

function seedText(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const p = path.join(dir, "test", "fixtures", "bulletin-2020-h1.txt");
    if (existsSync(p)) return p;
    if (path.dirname(dir) === dir) throw new Error("seed bulletin not found");
  }
}

export async function benchXlsx(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jindu-bench-"));
  try {
    const seed = parseBulletinText(await fs.readFile(seedText(), "utf8"));
    for (const rows of [BENCH_ROWS, LARGE_ROWS]) {
      const t0 = Date.now();
      const input = path.join(dir, `bulletin-${rows}.xlsx`);
      await bulletinWorkbook(bigBulletin(seed, rows)).xlsx.writeFile(input);
      const size = (await fs.stat(input)).size;
      process.stdout.write(`xlsx: built ${rows} rows (${(size / 1e6).toFixed(1)} MB) in ${Date.now() - t0} ms\n`);
      const r = await runWorker(input, path.join(dir, `bulletin-${rows}.jindu.xlsx`));
      const budget =
        rows === BENCH_ROWS
          ? `${r.ms <= BUDGET_MS ? "OK" : "OVER"} (budget ${BUDGET_MS} ms)`
          : `${r.maxRssMb <= BUDGET_RSS_MB ? "OK" : "OVER"} (budget ${BUDGET_RSS_MB} MB resident)`;
      process.stdout.write(
        `xlsx: report ${r.rows} rows (${r.lagging} lagging) in ${Math.round(r.ms)} ms (CPU ${Math.round(r.cpuMs)} ms); peak RSS ${Math.round(r.maxRssMb)} MB — ${budget}\n`,
      );
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [flag, input, output] = process.argv.slice(2);
  const run = flag === "--worker" && input && output ? worker(input, output) : benchXlsx();
  run.catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  });
}
