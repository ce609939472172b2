/// <reference lib="dom" />
// `npm run bench:pane`: the task pane on a generated 2,000-row bulletin in Debian's Chromium, CPU
// throttled 4× (an office laptop), against the fake Excel. Prints, for 分析: when the progress
// indicator is first painted after the click, the longest task on the page's thread while reading,
// click to painted result, the DOM's size after; and how long a setting change takes to paint.
// Figures only: nothing is asserted (tests don't time things).
import { execFileSync } from "child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { buildBulletin } from "./run";
import { buildFakeOffice, CHROMIUM, launchPane, OFFICE_CDN, projectRoot, serve } from "./pane-host";

export const PANE_ROWS = 2_000;
export const THROTTLE = 4;
/** Budgets of the pane at 4× throttling. */
export const BUDGET = { progressMs: 100, longTaskMs: 200, resultMs: 1_500, domNodes: 3_000, settingMs: 100 };

interface Probe {
  clickAt: number;
  progressAt: number | null;
  resultAt: number | null;
  settingClickAt: number | null;
  settingPaintAt: number | null;
  longTasks: { start: number; duration: number }[];
}

/** Installed in the page before it loads: the marks the figures are taken from. */
function instrument(): void {
  const probe: Probe = { clickAt: 0, progressAt: null, resultAt: null, settingClickAt: null, settingPaintAt: null, longTasks: [] };
  (window as unknown as { __probe: Probe }).__probe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  // The next frame after a change: when the browser has painted it.
  // The frame that shows a change: its animation callback runs just before the browser paints it.
  const painted = (set: (t: number) => void) => requestAnimationFrame(() => set(performance.now()));
  document.addEventListener(
    "click",
    (e) => {
      const target = e.target as HTMLElement;
      if (target.closest('[data-action="analyze"]')) {
        probe.clickAt = performance.now();
        probe.progressAt = null;
        probe.resultAt = null;
      }
      if (target.closest('[data-testid="setting-probe"], input[type="radio"]')) {
        probe.settingClickAt = performance.now();
        painted((t) => (probe.settingPaintAt = t));
      }
    },
    true,
  );
  new MutationObserver(() => {
    if (probe.clickAt === 0) return;
    if (probe.progressAt === null && document.querySelector('[role="progressbar"]')) painted((t) => (probe.progressAt ??= t));
    if (probe.resultAt === null && document.querySelector('[data-testid="count-lagging"]') && !document.querySelector('[role="progressbar"]')) {
      painted((t) => (probe.resultAt ??= t));
    }
  }).observe(document, { subtree: true, childList: true });
}

export async function benchPane(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`pane: skipped, ${CHROMIUM} is absent (apt-get install chromium)`);
    return;
  }
  const root = projectRoot();
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: root, stdio: "pipe" });
  const fakeOffice = await buildFakeOffice();
  const server = await serve(join(root, "dist"));
  const { port } = server.address() as AddressInfo;
  const profile = mkdtempSync(join(tmpdir(), "jindu-pane-bench-"));
  const context = await launchPane(profile, { height: 900 });
  try {
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (OFFICE_CDN.test(url)) return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice });
      if (url.startsWith(`http://127.0.0.1:${port}/`)) return route.continue();
      return route.abort();
    });
    const grid = buildBulletin(PANE_ROWS);
    await context.addInitScript((config) => {
      (window as unknown as Record<string, unknown>).__JINDU_FAKE_CONFIG__ = config;
    }, { grid, displayLanguage: "zh-CN" });
    await context.addInitScript(instrument);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
    // The first-run preview reads the sheet once; let it finish before measuring.
    await page.getByTestId("preview").waitFor({ timeout: 120_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: THROTTLE });
    if (process.env.PANE_PROFILE) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    await page.getByRole("button", { name: "分析", exact: true }).click();
    await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.resultAt !== null, undefined, { timeout: 120_000 });
    if (process.env.PANE_PROFILE) {
      const { profile: cpu } = await cdp.send("Profiler.stop");
      writeFileSync(process.env.PANE_PROFILE, JSON.stringify(cpu));
    }
    const probe = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
    const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    // A setting change: the lagging rule, in the settings view.
    await page.getByTestId("tab-settings").click();
    await page.locator('input[type="radio"]').nth(1).click();
    await page.waitForFunction(() => (window as unknown as { __probe: Probe }).__probe.settingPaintAt !== null);
    const setting = await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe);
    const during = probe.longTasks.filter((t) => t.start >= probe.clickAt && t.start <= (probe.resultAt ?? Infinity));
    const longest = Math.max(0, ...during.map((t) => t.duration));
    const line = (label: string, value: number, budget: number, unit: string) =>
      console.log(`pane: ${label}: ${Math.round(value)} ${unit} — ${value <= budget ? "OK" : "OVER"} (budget ${budget} ${unit})`);
    console.log(`pane: ${PANE_ROWS.toLocaleString("en")} rows, Chromium CPU throttled ${THROTTLE}×`);
    line("click to progress indicator painted", (probe.progressAt ?? Infinity) - probe.clickAt, BUDGET.progressMs, "ms");
    line(`longest task while reading (${during.length} over 50 ms)`, longest, BUDGET.longTaskMs, "ms");
    line("click to result painted", (probe.resultAt ?? Infinity) - probe.clickAt, BUDGET.resultMs, "ms");
    line("DOM nodes after analysis", domNodes, BUDGET.domNodes, "nodes");
    line("setting change to paint", (setting.settingPaintAt ?? Infinity) - (setting.settingClickAt ?? 0), BUDGET.settingMs, "ms");
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
    rmSync(profile, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchPane().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
