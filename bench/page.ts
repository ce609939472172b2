// `npm run bench:page`: the offline page (dist/jindu.html) in Debian's Chromium from file://.
// Prints its gzip size, the time from a file chosen to its results painted for the sample and for
// a 10,000-row bulletin (the generator of bench/xlsx.ts), the longest task on the page's thread
// meanwhile, and the time to the annotated copy. Prints figures; asserts nothing.
//   --no-build   use the page already in test-output/page-dist
import { execFileSync } from "node:child_process";
import { existsSync, promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { bulletinWorkbook, parseBulletinText } from "../scripts/build-sample";
import { BENCH_ROWS, bigBulletin } from "./xlsx";
import { CHROMIUM, CHROMIUM_ARGS, projectRoot } from "./pane-host";

const ROOT = projectRoot();
const DIST = path.join(ROOT, "test-output", "page-dist");
const PAGE = path.join(DIST, "jindu.html");
const SIZE_BUDGET_KB = 600;
const TIME_BUDGET_MS = 3_000;

interface Timing {
  ms: number;
  longestTaskMs: number;
  rows: number;
}

/** Chooses the file and waits for its results painted; times are taken in the page. */
async function open(page: Page, file: string): Promise<Timing> {
  const name = path.basename(file);
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { t0: number; longest: number } };
    w.__bench = { t0: 0, longest: 0 };
    const input = document.querySelector<HTMLInputElement>('[data-testid="file"]')!;
    input.addEventListener("change", () => (w.__bench.t0 = performance.now()), { once: true, capture: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longest = Math.max(w.__bench.longest, e.duration);
    }).observe({ type: "longtask" });
  });
  await page.getByTestId("file").setInputFiles(file);
  const handle = await page.waitForFunction(
    (n) => {
      const shown = document.querySelector('[data-testid="file-name"]')?.textContent === n && document.querySelector('[data-testid="count-lagging"]');
      if (!shown) return null;
      // The frame after the results are in the DOM is the one that paints them.
      return new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())));
    },
    name,
    { timeout: 120_000, polling: "raf" },
  );
  const painted = (await handle.jsonValue()) as number;
  return page.evaluate(
    (t1) => {
      const w = window as unknown as { __bench: { t0: number; longest: number } };
      const rows = document.querySelectorAll('[data-testid^="count-"]');
      let total = 0;
      for (let i = 0; i < rows.length; i++) total += Number(rows[i]!.getAttribute("data-count"));
      return { ms: t1 - w.__bench.t0, longestTaskMs: w.__bench.longest, rows: total };
    },
    painted,
  );
}

async function copyTime(page: Page): Promise<number> {
  const t0 = Date.now();
  await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByTestId("download").click()]);
  return Date.now() - t0;
}

async function main(): Promise<void> {
  if (!process.argv.includes("--no-build")) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "only=page", "--env", `outDir=${DIST}`], { cwd: ROOT, stdio: "ignore" });
  }
  const kb = gzipSync(readFileSync(PAGE), { level: 9 }).length / 1024;
  console.log(`jindu.html: ${(readFileSync(PAGE).length / 1024).toFixed(0)} KB, ${kb.toFixed(1)} KB gzip — ${kb <= SIZE_BUDGET_KB ? "OK" : "OVER"} (budget ${SIZE_BUDGET_KB} KB)`);
  if (!existsSync(CHROMIUM)) {
    console.log(`page timings skipped: ${CHROMIUM} is absent`);
    return;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "jindu-page-bench-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const big = path.join(dir, `bulletin-${BENCH_ROWS}.xlsx`);
    const seed = parseBulletinText(await fs.readFile(path.join(ROOT, "test", "fixtures", "bulletin-2020-h1.txt"), "utf8"));
    await bulletinWorkbook(bigBulletin(seed, BENCH_ROWS)).xlsx.writeFile(big);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "zh-CN", acceptDownloads: true });
    await context.route("**/*", (route) => (route.request().url() === pathToFileURL(PAGE).href ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(pathToFileURL(PAGE).href);
    await page.getByTestId("file").waitFor({ state: "attached" });
    for (const [label, file] of [
      ["sample", path.join(ROOT, "assets", "sample", "bulletin-2020-h1.xlsx")],
      [`${BENCH_ROWS.toLocaleString("en")} rows`, big],
    ] as const) {
      const t = await open(page, file);
      const budget = label === "sample" ? "" : ` — ${t.ms <= TIME_BUDGET_MS ? "OK" : "OVER"} (budget ${TIME_BUDGET_MS} ms)`;
      console.log(`page: ${label} (${t.rows} projects) chosen → results painted in ${Math.round(t.ms)} ms; ${t.longestTaskMs > 0 ? `longest task on the page's thread ${Math.round(t.longestTaskMs)} ms` : "no task over 50 ms on the page's thread"}${budget}`);
      console.log(`page: ${label} annotated copy downloaded in ${await copyTime(page)} ms`);
    }
    await context.close();
  } finally {
    await browser.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
