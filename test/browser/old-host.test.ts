// The add-in's pages on webviews too old for the bundle, in Debian's Chromium: features taken
// away by an init script (ES2020 syntax, a built-in, regex look-behind) or the bundle's response
// replaced with one that does not parse. The pane must say, in Chinese then English, what to use
// instead, never stay blank; the ribbon buttons must still answer and complete. Without
// look-behind Jindu must simply work (none is left in the bundle). Built into its own folder,
// so it never races the task pane test's build of dist/.
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import type { Server } from "http";
import type { AddressInfo } from "net";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { parse, type Node } from "acorn";
import type { BrowserContext, Page } from "playwright-core";
import { analyzeGrid } from "../../src/core/analyze";
import { COMMAND_NAMES } from "../../src/commands/handlers";
import { readTextGrid } from "../../src/text/readText";
import { buildFakeOffice, CHROMIUM, launchPane, OFFICE_CDN, serve } from "../../bench/pane-host";

const ROOT = resolve(__dirname, "../..");
const DIST = join(ROOT, "test-output", "old-host-dist");
const OUT = join(ROOT, "test-output", "browser");

const grid = readTextGrid(readFileSync(join(ROOT, "test/fixtures/bulletin-2020-h1.txt"), "utf8"), "bulletin-2020-h1.txt");
const reference = analyzeGrid(grid, {});

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Browser test skipped: ${CHROMIUM} is absent (apt-get install chromium).`);
const describeBrowser = hasChromium ? describe : describe.skip;

// Init scripts: what an older webview lacks, taken away before any of the page's scripts run.
const NO_ES2020 = `(() => {
  const RealFunction = Function;
  const NoES2020 = function (...args) {
    if (/\\?\\.|\\?\\?/.test(String(args[args.length - 1]))) throw new SyntaxError("Unexpected token '?'");
    return RealFunction.apply(this, args);
  };
  NoES2020.prototype = RealFunction.prototype;
  window.Function = NoES2020;
})();`;
const NO_WEAKREF = "delete globalThis.WeakRef;";
const NO_LOOK_BEHIND = `(() => {
  const RealRegExp = RegExp;
  const NoLookBehind = function (pattern, flags) {
    const source = pattern instanceof RealRegExp ? pattern.source : String(pattern);
    if (/\\(\\?<[=!]/.test(source)) throw new SyntaxError("Invalid regular expression: /" + source + "/: Invalid group");
    return new RealRegExp(pattern, flags);
  };
  NoLookBehind.prototype = RealRegExp.prototype;
  window.RegExp = NoLookBehind;
  // The reading on the page itself, where this RegExp is the one in use (init scripts miss workers).
  window.Worker = undefined;
})();`;

/** Office.js for the ribbon's page and its dialog: records what the page registers and opens. */
const STUB_OFFICE = `
  window.__associated = {}; window.__dialogs = []; window.__parentMessages = [];
  window.Office = {
    actions: { associate: function (name, fn) { window.__associated[name] = fn; } },
    onReady: function (cb) { var ready = Promise.resolve({ host: "Excel" }); if (cb) ready.then(cb); return ready; },
    context: {
      displayLanguage: "zh-CN",
      requirements: { isSetSupported: function () { return true; } },
      document: { settings: { get: function () { return null; }, set: function () {}, remove: function () {}, saveAsync: function (cb) { if (cb) cb({ status: "succeeded" }); } } },
      ui: {
        displayDialogAsync: function (url, options, cb) {
          window.__dialogs.push(url);
          cb({ status: "succeeded", value: { addEventHandler: function () {}, close: function () {} } });
        },
        messageParent: function (m) { window.__parentMessages.push(m); },
      },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived" },
  };`;

/** The add-in's own bundles (not the offline page's, built alongside). */
const BUNDLE = /\/(?:taskpane|commands|notice)\.[0-9a-f]{8}\.js$/;

describeBrowser("the add-in on webviews too old for its bundle (simulated in Chromium)", () => {
  let server: Server;
  let context: BrowserContext;
  let profile: string;
  let fakeOffice = "";
  let origin = "";

  beforeAll(async () => {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--env", `outDir=${DIST}`], { cwd: ROOT, stdio: "pipe", timeout: 300_000 });
    expect(existsSync(join(DIST, "taskpane.html"))).toBe(true);
    fakeOffice = await buildFakeOffice(join(ROOT, "test-output", "old-host-fake-office"));
    server = await serve(DIST);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), "jindu-chromium-"));
    context = await launchPane(profile);
    mkdirSync(OUT, { recursive: true });
  }, 400_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  interface Open {
    /** Init script taking a feature away. */
    without?: string;
    /** The page's bundle answered with a script that does not parse. */
    breakBundle?: boolean;
    /** Office.js: the fake Excel with the seed bulletin (default) or the ribbon's stub. */
    office?: "fake" | "stub";
  }

  /** A page of the add-in, opened as a webview described by `o` would. */
  async function open(path: string, o: Open = {}): Promise<{ p: Page; errors: string[] }> {
    const p = await context.newPage();
    const errors: string[] = [];
    p.on("pageerror", (e) => errors.push(`${e.name}: ${e.message}`));
    await p.route("**/*", (route) => {
      const url = route.request().url();
      if (OFFICE_CDN.test(url)) return route.fulfill({ status: 200, contentType: "text/javascript", body: o.office === "stub" ? STUB_OFFICE : fakeOffice });
      if (o.breakBundle && BUNDLE.test(url)) return route.fulfill({ status: 200, contentType: "text/javascript", body: "const jindu = a?.b ?? ;" });
      if (url.startsWith(`${origin}/`)) return route.continue();
      return route.abort();
    });
    await p.addInitScript((c) => {
      (window as unknown as Record<string, unknown>).__JINDU_FAKE_CONFIG__ = c;
    }, { grid, displayLanguage: "zh-CN" });
    if (o.without) await p.addInitScript({ content: o.without });
    await p.goto(`${origin}/${path}`);
    await p.waitForLoadState("load");
    return { p, errors };
  }

  /** The message is shown, Chinese first, and fills the pane; the app is not there. */
  async function expectMessage(p: Page): Promise<string> {
    const message = p.locator("#old-host");
    await message.waitFor({ state: "visible" });
    const text = (await message.innerText()).replace(/\s+/g, " ");
    const zh = text.indexOf("进度助手无法在这个 Excel 中运行");
    const en = text.indexOf("Jindu cannot run in this Excel");
    expect(zh).toBeGreaterThan(-1);
    expect(en).toBeGreaterThan(zh);
    for (const words of ["Microsoft 365", "Excel 2021", "jindu report", "WPS"]) expect(text).toContain(words);
    const box = await message.boundingBox();
    expect(box!.height).toBeGreaterThan(300);
    return text;
  }

  test.each([
    ["ES2020 syntax (?. ??) unsupported", NO_ES2020, "ES2020 ?. ??"],
    ["WeakRef missing", NO_WEAKREF, "WeakRef"],
  ])("%s: the pane says so and what to use instead, and the bundle renders nothing", async (name, without, missing) => {
    const { p, errors } = await open("taskpane.html", { without });
    const text = await expectMessage(p);
    expect(text).toContain(missing);
    // The bundle parses here and runs; give it time to render, were it going to.
    await p.waitForTimeout(1000);
    await expect(p.locator("#root").count()).resolves.toBe(0);
    await expect(p.getByRole("button", { name: "分析", exact: true }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    if (name.startsWith("ES2020")) await p.screenshot({ path: join(OUT, "old-host.png"), fullPage: true });
    await p.close();
  });

  test("a bundle that does not parse: the pane shows the message, not a blank page", async () => {
    const { p, errors } = await open("taskpane.html", { breakBundle: true });
    const text = await expectMessage(p);
    expect(text).toMatch(/SyntaxError/);
    expect(errors.some((e) => e.startsWith("SyntaxError"))).toBe(true);
    await p.close();
  });

  test("without regex look-behind (Safari before 16.4) the pane reads the bulletin as usual, on the page", async () => {
    const { p, errors } = await open("taskpane.html", { without: NO_LOOK_BEHIND });
    // The stand-in refuses look-behind as such a webview would.
    await expect(p.evaluate(() => { try { new RegExp("(?<=a)b"); return "compiled"; } catch (e) { return (e as Error).name; } })).resolves.toBe("SyntaxError");
    await p.getByRole("button", { name: "分析", exact: true }).click();
    const badge = p.getByTestId("count-lagging");
    await badge.waitFor();
    for (const status of ["completed", "on_track", "lagging", "unquantified"] as const) {
      expect(Number(await p.getByTestId(`count-${status}`).getAttribute("data-count"))).toBe(reference.counts[status]);
    }
    await expect(p.locator("#old-host").isVisible()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await p.close();
  });

  test("the built pages' inline scripts are still ES5; the bundles hold no look-behind and no syntax the check does not try", () => {
    for (const page of ["taskpane.html", "commands.html", "notice.html"]) {
      const html = readFileSync(join(DIST, page), "utf8");
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(inline.length).toBeGreaterThan(0);
      for (const s of inline) expect(() => parse(s, { ecmaVersion: 5 })).not.toThrow();
    }
    const bundles = readdirSync(DIST).filter((f) => BUNDLE.test(`/${f}`) || f === "engine-worker.js");
    expect(bundles).toHaveLength(4);
    for (const f of bundles) {
      const source = readFileSync(join(DIST, f), "utf8");
      expect([f, /\(\?<[=!]/.test(source)]).toEqual([f, false]);
      // ES2022 at most, and of ES2022's class syntax only public fields (the check tries those):
      // private names need Safari 15, static blocks 16.4.
      const kinds = new Set<string>();
      const walk = (n: Node) => {
        kinds.add(n.type);
        for (const v of Object.values(n)) for (const c of Array.isArray(v) ? v : [v]) if (c && typeof c === "object" && typeof (c as Node).type === "string") walk(c as Node);
      };
      walk(parse(source, { ecmaVersion: 2022 }));
      expect([f, kinds.has("PrivateIdentifier"), kinds.has("StaticBlock")]).toEqual([f, false, false]);
    }
  });

  test.each([
    ["ES2020 syntax unsupported", { without: NO_ES2020 }],
    ["the bundle does not parse", { breakBundle: true }],
  ])("ribbon, %s: each button opens the dialog with the message and completes", async (_, o) => {
    const { p } = await open("commands.html", { ...o, office: "stub" });
    await p.waitForFunction(() => Object.keys((window as unknown as { __associated: object }).__associated).length === 3);
    const result = await p.evaluate(async (names) => {
      const w = window as unknown as { __associated: Record<string, (e: { completed(): void }) => void>; __dialogs: string[] };
      const completed: string[] = [];
      for (const name of names) w.__associated[name]!({ completed: () => void completed.push(name) });
      return { registered: Object.keys(w.__associated), completed, dialogs: w.__dialogs };
    }, [...COMMAND_NAMES]);
    expect(result.registered.sort()).toEqual([...COMMAND_NAMES].sort());
    expect(result.completed).toEqual([...COMMAND_NAMES]);
    expect(result.dialogs).toHaveLength(3);
    const dialogUrl = new URL(result.dialogs[0]!);
    expect(`${dialogUrl.origin}${dialogUrl.pathname}`).toBe(`${origin}/notice.html`);
    await p.close();

    // The dialog, in the same webview: the message, what the ribbon's page lacked, and 关闭.
    const { p: dialog } = await open(`${dialogUrl.pathname.slice(1)}${dialogUrl.search}`, { ...o, office: "stub" });
    await expectMessage(dialog);
    await expect(dialog.locator("#notice").isVisible()).resolves.toBe(false);
    await dialog.getByRole("button", { name: "关闭 / Close" }).click();
    await expect(dialog.evaluate(() => (window as unknown as { __parentMessages: string[] }).__parentMessages)).resolves.toEqual(["close"]);
    await dialog.close();
  });

  test("ribbon on a webview that runs the bundle: the bundle registers the buttons, the page's stand-ins stay out", async () => {
    const { p, errors } = await open("commands.html", { office: "stub" });
    await p.waitForFunction(() => Object.keys((window as unknown as { __associated: object }).__associated).length === 3);
    const state = await p.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { oldHost: w.jinduOldHost, globals: ["markLagging", "clearMarks", "writeSummary"].filter((n) => n in w) };
    });
    expect(state).toEqual({ oldHost: null, globals: [] });
    expect(errors).toEqual([]);
    await p.close();
  });
});
