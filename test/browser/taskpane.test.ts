// Builds the production bundle, serves dist/ on 127.0.0.1 and drives the task pane in
// Debian's Chromium against a fake Excel holding the seed bulletin. Office.js's CDN URL is
// answered with the fake, so the page needs no internet.
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import type { Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { join, resolve } from "path";
import type { BrowserContext, Page } from "playwright-core";
import { analyzeGrid } from "../../src/core/analyze";
import { STATUS_COLORS } from "../../src/core/plan";
import { readTextGrid } from "../../src/text/readText";
import { buildFakeOffice, CHROMIUM, launchPane, OFFICE_CDN, serve } from "../../bench/pane-host";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "dist");
const OUT = join(ROOT, "test-output", "browser");

const grid = readTextGrid(readFileSync(join(ROOT, "test/fixtures/bulletin-2020-h1.txt"), "utf8"), "bulletin-2020-h1.txt");
const reference = analyzeGrid(grid, {});
const laggingRows = reference.rows.filter((r) => r.status === "lagging").map((r) => r.row);

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Browser test skipped: ${CHROMIUM} is absent (apt-get install chromium).`);
const describeBrowser = hasChromium ? describe : describe.skip;

/** Every row of the lagging list, after opening its further pages. */
async function allListed(p: Page): Promise<number[]> {
  const list = p.getByTestId("lagging-list");
  while ((await list.getByTestId("show-more").count()) > 0) await list.getByTestId("show-more").click();
  return list.locator("[data-row]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-row"))));
}

describeBrowser("task pane in Chromium against a fake Excel with the seed bulletin", () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];
  let fakeOffice = "";
  const requested: string[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: ROOT, stdio: "pipe", timeout: 300_000 });
    expect(existsSync(join(DIST, "taskpane.html"))).toBe(true);
    fakeOffice = await buildFakeOffice();
    server = await serve(DIST);
    const { port } = server.address() as AddressInfo;
    profile = mkdtempSync(join(tmpdir(), "jindu-chromium-"));
    context = await launchPane(profile);
    // Office.js is answered by the fake; anything else off this machine is refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (OFFICE_CDN.test(url)) return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice });
      if (url.startsWith(`http://127.0.0.1:${port}/`)) return route.continue();
      return route.abort();
    });
    await context.addInitScript((config) => {
      (window as unknown as Record<string, unknown>).__JINDU_FAKE_CONFIG__ = config;
    }, { grid, displayLanguage: "zh-CN" });
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
    await page.getByRole("button", { name: "分析", exact: true }).waitFor();
  }, 400_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test("first run: what to do, the sheet it will read, and what it found there, before any click", async () => {
    await expect(page.getByTestId("target-sheet").textContent()).resolves.toBe(grid.sheet);
    const preview = page.getByTestId("preview");
    await preview.waitFor();
    expect(await preview.getAttribute("data-ok")).toBe("true");
    const text = (await preview.textContent()) ?? "";
    expect(text).toContain(`第 ${reference.header.row} 行`);
    expect(text).toContain(`${reference.rows.filter((r) => !r.total).length} 个项目`);
    await expect(page.getByTestId("first-run").textContent()).resolves.toContain("点“分析”");
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, "first-run.png"), fullPage: true });
  });

  test("分析 shows the seed's counts and its lagging projects", async () => {
    await page.getByRole("button", { name: "分析", exact: true }).click();
    const badge = page.getByTestId("count-lagging");
    await badge.waitFor();
    expect(Number(await badge.getAttribute("data-count"))).toBe(reference.counts.lagging);
    for (const status of ["completed", "on_track", "unquantified"] as const) {
      expect(Number(await page.getByTestId(`count-${status}`).getAttribute("data-count"))).toBe(reference.counts[status]);
    }
    const listed = await allListed(page);
    expect([...listed].sort((a, b) => a - b)).toEqual(laggingRows);
    await expect(page.getByTestId("period").textContent()).resolves.toContain(reference.period?.label ?? "");
    expect(pageErrors).toEqual([]);
  });

  test("标出滞后 fills exactly those rows and changes no value", async () => {
    const before = await page.evaluate((s) => (window as unknown as { __jinduFake: { snapshot: (s: string) => string } }).__jinduFake.snapshot(s), grid.sheet);
    await page.getByRole("button", { name: "标出滞后", exact: true }).click();
    await page.locator('[data-testid="message"][data-intent="success"]').waitFor();
    const marks = await page.evaluate(
      (s) => (window as unknown as { __jinduFake: { marks: (s: string) => { row: number; color: string }[] } }).__jinduFake.marks(s),
      grid.sheet,
    );
    expect(marks.map((m) => m.row).sort((a, b) => a - b)).toEqual(laggingRows);
    expect(new Set(marks.map((m) => m.color))).toEqual(new Set([STATUS_COLORS.lagging.fill]));
    const after = await page.evaluate((s) => (window as unknown as { __jinduFake: { snapshot: (s: string) => string } }).__jinduFake.snapshot(s), grid.sheet);
    expect(after).toBe(before);
  });

  test("a lagging row opens to its evidence and is selected in the sheet; screenshot saved", async () => {
    const first = page.getByTestId("lagging-list").locator("[data-row]").first();
    const row = Number(await first.getAttribute("data-row"));
    await first.locator("summary").click();
    await first.locator("mark").first().waitFor();
    const selection = await page.evaluate(() => (window as unknown as { __jinduFake: { selection: () => unknown } }).__jinduFake.selection());
    expect(selection).toMatchObject({ sheet: grid.sheet, address: `${row},${reference.header.firstColumn}:${row},${reference.header.lastColumn}` });
    mkdirSync(OUT, { recursive: true });
    // Let the accordion's opening motion finish, so the picture shows the settled layout.
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(OUT, "taskpane.png"), fullPage: true });
    expect(existsSync(join(OUT, "taskpane.png"))).toBe(true);
  });

  test("清除标记 removes the marks; 生成汇总表 adds the summary sheet", async () => {
    await page.getByRole("button", { name: "清除标记", exact: true }).click();
    await page.getByText(/已清除/).waitFor();
    const marks = await page.evaluate((s) => (window as unknown as { __jinduFake: { marks: (s: string) => unknown[] } }).__jinduFake.marks(s), grid.sheet);
    expect(marks).toEqual([]);
    await page.getByRole("button", { name: "生成汇总表", exact: true }).click();
    await page.getByText(/已生成工作表/).waitFor();
    const names = await page.evaluate(() => (window as unknown as { __jinduFake: { sheetNames: () => string[] } }).__jinduFake.sheetNames());
    expect(names).toEqual([grid.sheet, "进度汇总"]);
    expect(pageErrors).toEqual([]);
  });

  type Fake = {
    marks: (s: string) => { row: number }[];
    sheetNames: () => string[];
    activate: (s: string) => void;
    edit: (s: string, r: number, c: number, v: string) => void;
    failNext: (code: string, message: string) => void;
    protect: (s: string, on: boolean) => void;
    protectWorkbook: (on: boolean) => void;
    rename: (from: string, to: string) => void;
  };
  const fake = <T>(fn: (f: Fake, arg: string) => T, arg = grid.sheet) => page.evaluate(([body, a]) => new Function("f", "a", `return (${body})(f, a)`)((window as unknown as { __jinduFake: unknown }).__jinduFake, a), [fn.toString(), arg] as const) as Promise<T>;
  const clickAndWait = async (name: string, intent: "success" | "error") => {
    if ((await page.getByTestId("dismiss").count()) > 0) await page.getByTestId("dismiss").click();
    await page.getByRole("button", { name, exact: true }).click();
    await page.locator(`[data-testid="message"][data-intent="${intent}"]`).waitFor();
  };

  test("with the summary active, 标出滞后 → 生成汇总表 → 清除标记 → 分析 all work on the bulletin, which is named on screen", async () => {
    // The previous test left 进度汇总 active.
    await expect(page.getByTestId("target-sheet").textContent()).resolves.toBe(grid.sheet);
    await page.getByTestId("on-jindu-sheet").waitFor();
    await clickAndWait("标出滞后", "success");
    expect((await fake((f, s) => f.marks(s))).map((m) => m.row).sort((a, b) => a - b)).toEqual(laggingRows);
    await clickAndWait("生成汇总表", "success");
    expect(await fake((f) => f.sheetNames())).toEqual([grid.sheet, "进度汇总"]);
    await clickAndWait("清除标记", "success");
    await expect(page.getByTestId("message-text").textContent()).resolves.toMatch(/已清除 \d+ 处标记/);
    expect(await fake((f, s) => f.marks(s))).toEqual([]);
    await clickAndWait("分析", "success");
    const listed = await allListed(page);
    expect([...listed].sort((a, b) => a - b)).toEqual(laggingRows);
    await expect(page.getByTestId("message-text").textContent()).resolves.toContain(`已分析 ${reference.rows.length} 个项目`);
    expect(pageErrors).toEqual([]);
  });

  test("switching to the bulletin and editing it marks the results out of date; analysing again clears that", async () => {
    await fake((f, s) => f.activate(s));
    await page.getByTestId("on-jindu-sheet").waitFor({ state: "detached" });
    await fake((f, s) => f.edit(s, 60, 1, "新增一行"));
    await page.getByTestId("stale").waitFor();
    await clickAndWait("分析", "success");
    await expect(page.getByTestId("stale").count()).resolves.toBe(0);
  });

  test.each([
    ["分析", "InvalidOperationInCellEditMode", "The operation cannot be performed because Excel is in cell-editing mode.", /按 Enter 或 Esc/],
    ["分析", "GeneralException", "An internal error has occurred.", /稍等几秒再试/],
    ["生成汇总表", "SomethingNew", "Something Excel has never said.", /意外错误/],
  ])("%s failing with %s shows its own message in Chinese, Excel's words behind 详情, dismissible", async (button, code, host, text) => {
    await fake((f, a) => f.failNext(a.split("|")[0]!, a.split("|")[1]!), `${code}|${host}`);
    await clickAndWait(button, "error");
    const shown = (await page.getByTestId("message").textContent()) ?? "";
    expect(shown).toMatch(text);
    expect(shown).not.toContain(code);
    await page.getByTestId("toggle-detail").click();
    await expect(page.getByTestId("message-detail").textContent()).resolves.toBe(`${code}: ${host}`);
    await page.getByTestId("dismiss").click();
    await expect(page.getByTestId("message").count()).resolves.toBe(0);
  });

  test("a protected workbook structure: 生成汇总表 says so, not that the sheet is protected", async () => {
    await fake((f) => f.protectWorkbook(true));
    try {
      await clickAndWait("生成汇总表", "error");
      await expect(page.getByTestId("message-text").textContent()).resolves.toContain("工作簿结构受保护");
    } finally {
      await fake((f) => f.protectWorkbook(false));
    }
  });

  test("a bulletin renamed after the pane read it: the next command reads it under its new name (Excel follows the rename)", async () => {
    // Renaming a tab in Excel activates nothing; the pane's remembered name goes stale.
    await fake((f, s) => f.rename(s, "六月通报"));
    try {
      await clickAndWait("分析", "error");
      await expect(page.getByTestId("message-text").textContent()).resolves.toContain("可能已被改名或删除");
      // The pane takes the active sheet instead and shows it; the next click works.
      await page.getByText("六月通报", { exact: true }).waitFor();
      await expect(page.getByTestId("target-sheet").textContent()).resolves.toBe("六月通报");
      await clickAndWait("分析", "success");
    } finally {
      await fake((f, s) => f.rename("六月通报", s));
      await clickAndWait("分析", "error");
    }
  });

  test("the reading runs in a worker, off the pane's thread", () => {
    expect(requested.some((u) => u.endsWith("/engine-worker.js"))).toBe(true);
  });

  test("a protected bulletin: 标出滞后 and 清除标记 each say what they could not do", async () => {
    await fake((f, s) => f.protect(s, true));
    try {
      await clickAndWait("标出滞后", "error");
      await expect(page.getByTestId("message-text").textContent()).resolves.toContain("无法标出滞后行");
      await clickAndWait("清除标记", "error");
      await expect(page.getByTestId("message-text").textContent()).resolves.toContain("无法清除标记");
    } finally {
      await fake((f, s) => f.protect(s, false));
    }
    expect(pageErrors).toEqual([]);
  });

  test("en-US: first run says what was found; after 分析 no Chinese shows but the bulletin's own words", async () => {
    const pageEn = await openPane({ displayLanguage: "en-US" });
    const preview = pageEn.getByTestId("preview");
    await preview.waitFor();
    expect(await preview.getAttribute("data-ok")).toBe("true");
    await expect(preview.textContent()).resolves.toContain(`${reference.rows.filter((r) => !r.total).length} projects`);
    await pageEn.getByRole("button", { name: "Analyze", exact: true }).click();
    await pageEn.getByTestId("count-lagging").waitFor();
    // Open every lagging item, so the evidence, notes and reasons are on screen too.
    for (const header of await pageEn.getByTestId("lagging-list").locator("[data-row] > summary").all()) await header.click();
    const bulletinText = grid.values.flat().filter((v): v is string => typeof v === "string").join("\n");
    // An indicator's subject is the bulletin's words with its figure taken out (产前筛查率达到95%以上 → 产前筛查率达到以上).
    // (免费开放5个公共图书馆 → 免费开放公共图书馆: a figure with its measure word, and quotes, fall out too).
    const withoutFigures = [bulletinText.replace(/[0-9０-９.．,，%％]+/g, ""), bulletinText.replace(/[0-9０-９.．%％]+[\u4e00-\u9fff]?/g, "").replace(/[“”"'、，,]/g, "")].join("\n");
    const texts = await pageEn.evaluate(() => {
      const out: string[] = [];
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.textContent && n.textContent.trim()) out.push(n.textContent.trim());
      return out;
    });
    // Every run of Chinese characters on screen must be the bulletin's own words (its cells, the
    // figures' units, quoted phrases); none may be Jindu's.
    const foreign = texts.flatMap((t) => (t.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g) ?? []).filter((run) => !bulletinText.includes(run) && !withoutFigures.includes(run)).map((run) => `${run} (in “${t}”)`));
    expect(foreign).toEqual([]);
    await pageEn.close();
  });

  /** A fresh page of the pane with its own fake Office configuration. */
  async function openPane(config: Record<string, unknown>): Promise<Page> {
    const { port } = server.address() as AddressInfo;
    const p = await context.newPage();
    await p.route("**/*", (route) => {
      const url = route.request().url();
      if (OFFICE_CDN.test(url)) return route.fulfill({ status: 200, contentType: "text/javascript", body: fakeOffice });
      if (url.startsWith(`http://127.0.0.1:${port}/`)) return route.continue();
      return route.abort();
    });
    await p.addInitScript((c) => {
      (window as unknown as Record<string, unknown>).__JINDU_FAKE_CONFIG__ = c;
    }, { grid, ...config });
    await p.goto(`http://127.0.0.1:${port}/taskpane.html`);
    return p;
  }

  test.each([
    ["light", {}, null],
    ["dark (Office's dark theme)", { officeBackground: "#262626" }, null],
    ["forced colours", {}, "active"],
  ] as const)("axe: no violations and nothing left to review, %s", async (name, config, forced) => {
    const p = await openPane({ displayLanguage: "zh-CN", ...config });
    if (forced) await p.emulateMedia({ forcedColors: forced });
    await p.getByTestId("preview").waitFor();
    await p.getByRole("button", { name: "分析", exact: true }).click();
    await p.getByTestId("count-lagging").waitFor();
    await p.getByTestId("lagging-list").locator("[data-row] > summary").first().click();
    await p.getByTestId("lagging-list").locator("mark").first().waitFor();
    await p.waitForTimeout(400);
    if (name.startsWith("dark")) {
      const bg = await p.locator("main").evaluate((el) => getComputedStyle(el).backgroundColor);
      const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number);
      expect((r! + g! + b!) / 3).toBeLessThan(80);
      await p.screenshot({ path: join(OUT, "taskpane-dark.png"), fullPage: true });
    }
    await p.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
    const result = await p.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[]; incomplete: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ["violations", "incomplete"] });
      const brief = (list: typeof r.violations) => list.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
      return { violations: brief(r.violations), incomplete: brief(r.incomplete) };
    });
    expect(result).toEqual({ violations: [], incomplete: [] });
    await p.close();
  });

  test("a failing ribbon button's dialog shows the pane's words, Excel's behind 详情, as text; 关闭 tells the opener", async () => {
    const { port } = server.address() as AddressInfo;
    const p = await openPane({ displayLanguage: "zh-CN" });
    const text = "工作表「通报」受保护，无法标出滞后行。<b>请</b>在“审阅 → 撤消工作表保护”后再试。";
    const url = new URL(`http://127.0.0.1:${port}/notice.html`);
    url.searchParams.set("lang", "zh");
    url.searchParams.set("text", text);
    url.searchParams.set("detail", "AccessDenied: The sheet is protected.");
    await p.goto(url.toString());
    await expect(p.getByRole("alert").textContent()).resolves.toBe(text);
    await expect(p.locator("b").count()).resolves.toBe(0);
    await p.getByText("详情").click();
    await expect(p.getByText("AccessDenied: The sheet is protected.").isVisible()).resolves.toBe(true);
    await p.getByRole("button", { name: "关闭", exact: true }).click();
    expect(await p.evaluate(() => (window as unknown as { __jinduParentMessages?: string[] }).__jinduParentMessages)).toEqual(["close"]);
    await p.close();
  });
});
