// The offline page (jindu.html) in Debian's Chromium, opened from file:// with every request
// refused and recorded: it must make none. It reads the sample workbook, a paste and a bad
// file; its download is compared cell by cell with the report use case on the same input.
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { annotate } from "../../src/app/report";
import { bulletinFiles } from "../../src/xlsx/bulletin";
import { pastedSource } from "../../src/app/paste";
import { analyzeGrid } from "../../src/core/analyze";
import { buildPlan } from "../../src/core/plan";
import { isJinduError } from "../../src/core/errors";
import { readTextGrid } from "../../src/text/readText";
import { CHROMIUM, CHROMIUM_ARGS } from "../../bench/pane-host";
import * as iconv from "iconv-lite";

const ROOT = resolve(__dirname, "../..");
// Built on its own (--env only=page) so that it never races the task pane test's build of dist/.
const DIST = join(ROOT, "test-output", "page-dist");
const OUT = join(ROOT, "test-output", "browser");
const SAMPLE = join(ROOT, "assets", "sample", "bulletin-2020-h1.xlsx");
const DATE = "2020-07-15";

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Browser test skipped: ${CHROMIUM} is absent (apt-get install chromium).`);
const describeBrowser = hasChromium ? describe : describe.skip;

/** Every row of a list, after opening its further pages. */
async function allListed(p: Page, testId: string): Promise<number[]> {
  const list = p.getByTestId(testId);
  while ((await list.getByTestId("show-more").count()) > 0) await list.getByTestId("show-more").click();
  return list.locator("[data-row]").evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-row"))));
}

async function counts(p: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const status of ["completed", "on_track", "lagging", "unquantified"]) out[status] = Number(await p.getByTestId(`count-${status}`).getAttribute("data-count"));
  return out;
}

/** Every sheet's name, state and cell values (formulas by their text and cached result), in order. */
async function workbookValues(bytes: Uint8Array): Promise<{ name: string; state: string; cells: Record<string, unknown> }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => void (cells[cell.address] = JSON.parse(JSON.stringify(cell.value)))));
    return { name: ws.name, state: ws.state, cells };
  });
}

/** How far the page scrolls sideways at the viewport's width (after the resize is laid out), and what sticks out. */
async function overflowX(p: Page): Promise<{ by: number; wide: string[] }> {
  await p.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return p.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName} ${el.getAttribute("data-testid") ?? ""} ${(el.textContent ?? "").slice(0, 30)}`);
    return { by: document.documentElement.scrollWidth - width, wide };
  });
}

/** Waits until the status badges show these counts. */
async function countsBecome(p: Page, want: Record<string, number>): Promise<void> {
  await p.waitForFunction(
    (w) => Object.entries(w).every(([status, n]) => document.querySelector(`[data-testid="count-${status}"]`)?.getAttribute("data-count") === String(n)),
    want,
    { timeout: 30_000 },
  );
}

describeBrowser("the offline page from file://, with no network", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let downloads: string;
  const pageErrors: string[] = [];
  const requested: string[] = [];
  const sampleBytes = new Uint8Array(readFileSync(SAMPLE));

  /** Nothing may leave the page: every request but the page's own file is refused, and recorded for the last test. */
  const offline = (ctx: BrowserContext) =>
    ctx.route("**/*", (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(join(DIST, "jindu.html")).href) return route.continue();
      requested.push(url);
      return route.abort();
    });

  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", "only=page", "--env", `outDir=${DIST}`], {
      cwd: ROOT,
      stdio: "pipe",
      timeout: 300_000,
    });
    expect(existsSync(join(DIST, "jindu.html"))).toBe(true);
    downloads = mkdtempSync(join(tmpdir(), "jindu-page-"));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "zh-CN", acceptDownloads: true });
    await offline(context);
    page = await context.newPage();
    const pageUrl = pathToFileURL(join(DIST, "jindu.html")).href;
    page.on("pageerror", (e) => pageErrors.push(e.message));
    // The worker is started from a blob: URL, memory the page itself made: not a request off the page.
    page.on("request", (r) => {
      if (r.url() !== pageUrl && !r.url().startsWith("blob:")) requested.push(r.url());
    });
    // The summary's date, the same as the report below is given.
    await page.clock.setFixedTime(new Date(`${DATE}T10:00:00`));
    await page.goto(pageUrl);
    await page.getByRole("button", { name: "选择通报文件" }).waitFor();
  }, 400_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  test("the sample workbook: the counts, the per-unit summary and the lagging list with its gaps", async () => {
    await page.getByTestId("file").setInputFiles(SAMPLE);
    await page.getByTestId("unit-table").waitFor();
    const loaded = await bulletinFiles.read({ bytes: sampleBytes, name: SAMPLE });
    const doc = analyzeGrid(loaded.grid, {});
    const plan = buildPlan(doc, { lang: "zh", date: DATE });
    expect(await counts(page)).toEqual(doc.counts);
    // The per-unit table shows the summary sheet's rows, totals last.
    const shown = await page.getByTestId("unit-table").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => (tr.querySelector("td") as HTMLElement).textContent));
    expect(shown).toEqual([...plan.summary.units.rows.map((r) => String(r[0])), String(plan.summary.units.totals?.[0])]);
    await expect(page.getByTestId("summary").textContent()).resolves.toContain(plan.summary.titleLines[1]!);
    const lagging = doc.rows.filter((r) => r.status === "lagging");
    expect((await allListed(page, "lagging-list")).sort((a, b) => a - b)).toEqual(lagging.map((r) => r.row));
    // 差 N 个百分点 on the most behind row.
    const worst = [...lagging].filter((r) => r.gap !== null).sort((a, b) => a.gap! - b.gap!)[0]!;
    await expect(page.locator(`[data-testid="lagging-list"] [data-row="${worst.row}"]`).textContent()).resolves.toContain(`差 ${Math.abs(worst.gap!).toFixed(1)} 个百分点`);
    expect(pageErrors).toEqual([]);
  });

  test("a lagging row opens to its cell text with the evidence marked", async () => {
    const row = page.locator('[data-testid="lagging-list"] [data-row]').first();
    await row.locator("summary").click();
    await row.locator("mark").first().waitFor();
    expect(await row.locator("mark").count()).toBeGreaterThan(0);
  });

  test("下载标注后的工作簿 gives the report use case's copy: every sheet, every value", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download").click()]);
    expect(download.suggestedFilename()).toBe("bulletin-2020-h1.jindu.xlsx");
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await page.locator('[data-testid="message"][data-intent="success"]').waitFor();
    const expected = await annotate(bulletinFiles, { bytes: sampleBytes, name: SAMPLE }, { date: DATE, lang: "zh" });
    const got = await workbookValues(new Uint8Array(readFileSync(file)));
    const want = await workbookValues(expected.bytes);
    expect(got.map((s) => s.name)).toEqual(want.map((s) => s.name));
    for (let i = 0; i < want.length; i++) expect(got[i]).toEqual(want[i]);
    // The original is untouched: its own sheet's values are there as they were.
    const original = await workbookValues(sampleBytes);
    const first = got.find((s) => s.name === original[0]!.name)!;
    for (const [address, value] of Object.entries(original[0]!.cells)) expect(first.cells[address]).toEqual(value);
  });

  test("settings apply at once: 序时进度 set by hand reads the bulletin again", async () => {
    const loaded = await bulletinFiles.read({ bytes: sampleBytes, name: SAMPLE });
    const doc = analyzeGrid(loaded.grid, { expectedProgress: 90 });
    expect(doc.counts.lagging).not.toBe(analyzeGrid(loaded.grid, {}).counts.lagging);
    const spin = page.getByTestId("expected");
    await spin.fill("90");
    await spin.press("Enter");
    await countsBecome(page, doc.counts);
    expect(await counts(page)).toEqual(doc.counts);
    // Back to the period's own value for the tests after.
    await page.getByRole("button", { name: "恢复按期间计算" }).click();
    await countsBecome(page, analyzeGrid(loaded.grid, {}).counts);
  });

  test("no horizontal scroll at 1280 and 360 px; screenshots saved", async () => {
    mkdirSync(OUT, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 1000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await overflowX(page)).toEqual({ by: 0, wide: [] });
    await page.screenshot({ path: join(OUT, "page.png") });
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await overflowX(page)).toEqual({ by: 0, wide: [] });
    await page.screenshot({ path: join(OUT, "page-narrow.png") });
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  test("print: only the summary, its table as wide as the page", async () => {
    await page.emulateMedia({ media: "print" });
    // A4 landscape less 10 mm margins is about 1047 CSS pixels wide.
    await page.setViewportSize({ width: 1047, height: 740 });
    expect(await page.getByTestId("download").isVisible()).toBe(false);
    expect(await page.getByTestId("drop").isVisible()).toBe(false);
    expect(await page.getByTestId("lagging-list").isVisible()).toBe(false);
    const fit = await page.getByTestId("unit-table").evaluate((t) => ({ table: t.getBoundingClientRect().width, scroll: t.scrollWidth, page: document.documentElement.clientWidth }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.table + 1);
    expect(fit.table).toBeGreaterThan(fit.page * 0.9);
    await page.pdf({ path: join(OUT, "page-summary.pdf"), landscape: true, format: "A4", preferCSSPageSize: true });
    await page.emulateMedia({ media: "screen" });
    await page.setViewportSize({ width: 1280, height: 1000 });
  });

  test("cells pasted from a spreadsheet (tabs, a quoted cell across lines) read as the text file does", async () => {
    const text = readFileSync(join(ROOT, "test/fixtures/bulletin-2020-h1.txt"), "utf8");
    // A progress cell across two lines, quoted as Excel and WPS copy it.
    const lines = text.split(/\r?\n/);
    const at = lines.findIndex((l) => l.split("\t").length >= 5 && /\d/.test(l.split("\t")[4] ?? "") && /^\d+\t/.test(l));
    const cells = lines[at]!.split("\t");
    cells[4] = `"${cells[4]}\n（续）"`;
    lines[at] = cells.join("\t");
    const pasted = lines.join("\n");
    const source = pastedSource(pasted, "粘贴的表格");
    const reference = analyzeGrid((await bulletinFiles.read(source)).grid, {});
    expect(readTextGrid(pasted, source.name).values[at]![4]).toContain("\n（续）");
    await page.getByTestId("paste").fill(pasted);
    await page.getByTestId("read-paste").click();
    await page.waitForFunction((name) => document.querySelector('[data-testid="file-name"]')?.textContent === name, source.name, { timeout: 30_000 });
    await countsBecome(page, reference.counts);
    expect((await allListed(page, "lagging-list")).sort((a, b) => a - b)).toEqual(reference.rows.filter((r) => r.status === "lagging").map((r) => r.row));
  });

  test("a GB18030 text file dropped on the page reads as the command line reads it", async () => {
    const text = readFileSync(join(ROOT, "test/fixtures/bulletin-2020-h1.txt"), "utf8");
    const bytes = new Uint8Array(iconv.encode(text, "gb18030"));
    const reference = analyzeGrid((await bulletinFiles.read({ bytes, name: "通报-gbk.txt" })).grid, {});
    const dataTransfer = await page.evaluateHandle((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], "通报-gbk.txt", { type: "text/plain" }));
      return dt;
    }, [...bytes]);
    await page.getByTestId("drop").dispatchEvent("drop", { dataTransfer });
    await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent === "通报-gbk.txt", undefined, { timeout: 30_000 });
    await countsBecome(page, reference.counts);
    await expect(page.getByTestId("summary").textContent()).resolves.toContain(reference.title);
  });

  test("a workbook with several sheets: the bulletin sheet is chosen; a sheet without a table is said so and the bulletin stays", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").addRow(["第二张表是通报"]);
    const ws = wb.addWorksheet("通报");
    for (const line of readFileSync(join(ROOT, "test/fixtures/bulletin-2020-h1.txt"), "utf8").split(/\r?\n/)) ws.addRow(line.split("\t").map((c) => (c === "" ? null : c)));
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId("file").setInputFiles({ name: "两张表.xlsx", mimeType: "application/octet-stream", buffer });
    await page.waitForFunction(() => document.querySelector('[data-testid="file-name"]')?.textContent === "两张表.xlsx", undefined, { timeout: 30_000 });
    const select = page.locator("select[data-testid=\"sheet\"]");
    expect(await select.inputValue()).toBe("通报");
    expect(await select.locator("option").allTextContents()).toEqual(["说明", "通报"]);
    await select.selectOption("说明");
    const message = page.locator('[data-testid="message"][data-intent="error"]');
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain("错误：没有找到表头");
    // The bulletin read before stays: its sheet chosen, its results shown, its copy offered.
    expect(await select.inputValue()).toBe("通报");
    await expect(page.getByTestId("unit-table").isVisible()).resolves.toBe(true);
    await expect(page.getByTestId("download").isEnabled()).resolves.toBe(true);
  });

  test("a bad file gets the command line's two messages", async () => {
    const bytes = Buffer.from("这不是工作簿\u0000\u0001\u0002");
    const error = await bulletinFiles.read({ bytes: new Uint8Array(bytes), name: "坏文件.xlsx" }).then(
      () => null,
      (e: unknown) => e,
    );
    if (!isJinduError(error)) throw new Error("expected a typed error");
    await page.getByTestId("file").setInputFiles({ name: "坏文件.xlsx", mimeType: "application/octet-stream", buffer: bytes });
    const message = page.locator('[data-testid="message"][data-intent="error"]');
    await message.waitFor();
    const text = (await message.getByTestId("message-text").textContent()) ?? "";
    expect(text).toContain(`错误：${error.zh}`);
    expect(text).toContain(`Error: ${error.en}`);
  });

  test("in an English browser the page and the summary speak English", async () => {
    const en = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "en-US" });
    await offline(en);
    const p = await en.newPage();
    p.on("pageerror", (e) => pageErrors.push(e.message));
    await p.goto(pathToFileURL(join(DIST, "jindu.html")).href);
    await p.getByRole("button", { name: "Choose a bulletin" }).waitFor();
    await p.getByTestId("file").setInputFiles(SAMPLE);
    await p.getByTestId("unit-table").waitFor();
    const doc = analyzeGrid((await bulletinFiles.read({ bytes: sampleBytes, name: SAMPLE })).grid, {});
    const header = await p.getByTestId("unit-table").locator("thead th").allTextContents();
    expect(header).toEqual(buildPlan(doc, { lang: "en", date: DATE }).summary.units.header);
    await expect(p.getByTestId("count-lagging").textContent()).resolves.toBe(`Lagging ${doc.counts.lagging}`);
    await en.close();
  });

  test("in a browser too old for the page (no WeakRef, as Chromium before 84) it says so and what to use, in Chinese then English", async () => {
    const old = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "zh-CN" });
    await offline(old);
    await old.addInitScript(() => delete (globalThis as { WeakRef?: unknown }).WeakRef);
    const p = await old.newPage();
    const errors: string[] = [];
    p.on("pageerror", (e) => errors.push(e.message));
    await p.goto(pathToFileURL(join(DIST, "jindu.html")).href);
    const alert = p.locator("#old-host");
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text.indexOf("进度助手离线网页无法在这个浏览器中运行")).toBeLessThan(text.indexOf("Jindu’s offline page cannot run in this browser"));
    expect(text).toContain("WeakRef");
    // The check ran under the page's CSP (its hash admitted it), and the page's own script found no root.
    expect(await p.locator("#root").count()).toBe(0);
    expect(errors).toEqual([]);
    await old.close();
  });

  test("no request was made", () => {
    expect(requested).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
