// The pages' check for webviews too old for the bundle (src/boot/host-check.js, inlined into
// taskpane.html, commands.html and notice.html at build time, as here): plain ES5, saying what
// to do in Chinese then English; run
// here in a bare JavaScript context with a few features taken away. And look-behind, which
// would stop the bundle on such webviews, stays out of src. test/browser/old-host.test.ts shows
// the pages in Chromium.
import { readdirSync, readFileSync, statSync } from "fs";
import { join, resolve } from "path";
import { createContext, runInContext, type Context } from "vm";
import { parse } from "acorn";
import { COMMAND_NAMES } from "../../src/commands/handlers";

const ROOT = resolve(__dirname, "../..");
const PAGES = {
  taskpane: join(ROOT, "src/taskpane/taskpane.html"),
  commands: join(ROOT, "src/commands/commands.html"),
  notice: join(ROOT, "src/commands/notice.html"),
};
const boot = (name: string) => readFileSync(join(ROOT, "src/boot", name), "utf8").trimEnd();
const BOOT = { hostCheck: boot("host-check.js"), oldHostBox: boot("old-host-box.js"), oldHostText: boot("old-host-addin.js") };
const PAGE_PLACEHOLDERS: Record<string, keyof typeof BOOT> = { HOST_CHECK: "hostCheck", OLD_HOST_BOX: "oldHostBox" };
/** A page as the build writes it: the boot scripts put in where the template names them. */
const assemble = (template: string): string =>
  template.replace(/<%= (\w+) %>|%(HOST_CHECK|OLD_HOST_BOX)%/g, (_, param?: keyof typeof BOOT, placeholder?: string) => BOOT[param ?? PAGE_PLACEHOLDERS[placeholder!]!]);
const html = Object.fromEntries(Object.entries(PAGES).map(([k, f]) => [k, assemble(readFileSync(f, "utf8"))])) as Record<keyof typeof PAGES, string>;

function inlineScripts(page: string): string[] {
  return [...page.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}

describe("the pages' inline scripts", () => {
  test.each(Object.keys(PAGES))("%s.html: every inline script is ES5 and comes before the bundle", (name) => {
    const page = html[name as keyof typeof PAGES];
    const scripts = inlineScripts(page);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(() => parse(s, { ecmaVersion: 5 })).not.toThrow();
    // The bundle is injected at the end of <head> (html-webpack-plugin, defer): the check runs first.
    const at = page.indexOf("function parses(");
    expect(at).toBeGreaterThan(-1);
    expect(at).toBeLessThan(page.indexOf("</head>"));
    expect(page).not.toMatch(/<script[^>]*\bsrc=(?!"https:\/\/appsforoffice)/);
  });

  test("every page takes the one check, the pane and the dialog the one message; nothing else is left to drift", () => {
    const templates = Object.fromEntries(Object.entries(PAGES).map(([k, f]) => [k, readFileSync(f, "utf8")]));
    for (const t of Object.values(templates)) expect(t.match(/<%= hostCheck %>/g)).toHaveLength(1);
    for (const name of ["taskpane", "notice"]) for (const param of ["oldHostText", "oldHostBox"]) expect(templates[name]).toContain(`<%= ${param} %>`);
    expect(BOOT.hostCheck).toContain("new Function");
    const pageTemplate = readFileSync(join(ROOT, "src/page/page.html"), "utf8");
    for (const t of [...Object.values(templates), pageTemplate]) {
      expect(t).not.toContain("function parses(");
      expect(t).not.toContain("box.innerHTML");
    }
    expect(pageTemplate).toContain("%HOST_CHECK%");
    expect(pageTemplate).toContain("%OLD_HOST_BOX%");
  });

  test("the message: what happened and what to use instead, in Chinese first, then English", () => {
    const message = BOOT.oldHostText;
    const zh = message.indexOf("进度助手无法在这个 Excel 中运行");
    const en = message.indexOf("Jindu cannot run in this Excel");
    expect(zh).toBeGreaterThan(-1);
    expect(en).toBeGreaterThan(zh);
    for (const words of ["Microsoft 365 版 Excel", "Excel 2021 或更新版本", "网页版 Excel", "WebView2", "jindu report", "WPS"]) expect(message.slice(0, en)).toContain(words);
    for (const words of ["Excel for Microsoft 365", "Excel 2021 or later", "Excel on the web", "WebView2", "jindu report", "WPS"]) expect(message.slice(en)).toContain(words);
  });

  test("commands.html answers the manifest's buttons", () => {
    const names = /var names = (\[[^\]]*\]);/.exec(html.commands)?.[1];
    expect(JSON.parse(names ?? "null")).toEqual([...COMMAND_NAMES]);
  });
});

// --- The scripts run in a bare context: a page of fake elements, Office when given.

interface FakeElement {
  id: string;
  tagName: string;
  type?: string;
  textContent: string;
  innerHTML: string;
  attributes: Record<string, string>;
  children: FakeElement[];
  onclick: null | (() => void);
  parentNode?: { removeChild(e: FakeElement): void };
  setAttribute(name: string, value: string): void;
  appendChild(e: FakeElement): FakeElement;
}

interface Page {
  ctx: Context;
  /** The parser reaches <body>: the tail scripts run. */
  parseBody(): void;
  /** Fires a window event the scripts listen to. */
  fire(type: string, event?: unknown): void;
  byId(id: string): FakeElement | undefined;
  rootRemoved: () => boolean;
}

const ORIGIN = "https://addins.example.gov.cn";

/** Just enough of a DOM for the scripts: elements by id, the ids inside innerHTML included. */
function load(name: keyof typeof PAGES, opts: { before?: string; office?: unknown; search?: string } = {}): Page {
  const listeners: Record<string, ((e: unknown) => void)[]> = {};
  const on = (type: string, fn: (e: unknown) => void) => void (listeners[type] ??= []).push(fn);
  const elements: Record<string, FakeElement> = {};
  const element = (tagName: string, id = ""): FakeElement => {
    let inner = "";
    const e: FakeElement = {
      id,
      tagName,
      textContent: "",
      attributes: {},
      children: [],
      onclick: null,
      get innerHTML() {
        return inner;
      },
      set innerHTML(html: string) {
        inner = html;
        for (const m of html.matchAll(/\bid="([^"]+)"/g)) elements[m[1]!] = element("span", m[1]);
      },
      setAttribute: (n, v) => void (e.attributes[n] = v),
      appendChild: (c) => {
        e.children.push(c);
        if (c.id) elements[c.id] = c;
        return c;
      },
    };
    return e;
  };
  let removed = false;
  const root = element("div", "root");
  root.parentNode = { removeChild: () => void ((removed = true), delete elements.root) };
  const body = element("body");
  const insertBefore = (c: FakeElement) => body.appendChild(c);
  const document = {
    documentElement: { className: "" },
    body: null as null | (FakeElement & { insertBefore: typeof insertBefore }),
    getElementById: (id: string) => elements[id] ?? null,
    createElement: (tag: string) => element(tag),
    createTextNode: (text: string) => ({ textContent: text }),
    addEventListener: on,
  };
  const search = opts.search ?? "";
  const ctx = createContext({ document, addEventListener: on, location: { protocol: "https:", host: "addins.example.gov.cn", href: `${ORIGIN}/${name}.html${search}`, search } });
  ctx.window = ctx;
  if (opts.office) ctx.Office = opts.office;
  // Features taken away, in the context's own realm (its SyntaxError, its Array).
  if (opts.before) runInContext(opts.before, ctx);
  const scripts = inlineScripts(html[name]);
  // The head's script; the tail's once the body is there.
  runInContext(scripts[0]!, ctx);
  const parseBody = () => {
    document.body = Object.assign(body, { insertBefore });
    if (name === "taskpane") elements.root = root;
    for (const s of scripts.slice(1)) runInContext(s, ctx);
  };
  return {
    ctx,
    parseBody,
    fire: (type, event = {}) => (listeners[type] ?? []).forEach((fn) => fn(event)),
    byId: (id) => elements[id],
    rootRemoved: () => removed,
  };
}

/** What the page shows: the message's markup and its details, or null. */
function shown(p: Page): { html: string; detail: string } | null {
  const box = p.byId("old-host");
  return box ? { html: box.innerHTML, detail: p.byId("old-host-detail")!.textContent } : null;
}

const NO_ES2020 = String.raw`
  var RealFunction = Function;
  Function = function () {
    var source = String(arguments[arguments.length - 1]);
    if (/\?\.|\?\?/.test(source)) throw new SyntaxError("Unexpected token '?'");
    return RealFunction.apply(this, arguments);
  };`;
const NO_WEAKREF = "delete globalThis.WeakRef;";

describe("the check in a bare JavaScript context", () => {
  test("a modern engine passes: nothing is shown, the pane keeps its root", () => {
    const p = load("taskpane");
    p.parseBody();
    expect(p.ctx.jinduOldHost).toBeNull();
    expect(p.ctx.document.documentElement.className).toBe("");
    expect(shown(p)).toBeNull();
    expect(p.rootRemoved()).toBe(false);
  });

  test.each([
    ["ES2020 syntax", NO_ES2020, "ES2020 ?. ??"],
    ["WeakRef", NO_WEAKREF, "WeakRef"],
  ])("without %s the pane shows the message, says what is missing and gives the bundle no root", (_, before, missing) => {
    const p = load("taskpane", { before });
    // Found while <head> is parsed; shown once the body is there.
    expect(p.ctx.jinduOldHost).toContain(missing);
    expect(p.ctx.document.documentElement.className).toContain("jindu-old-host");
    expect(shown(p)).toBeNull();
    p.parseBody();
    const message = shown(p)!;
    expect(message.html.indexOf("进度助手无法在这个 Excel 中运行")).toBeLessThan(message.html.indexOf("Jindu cannot run in this Excel"));
    expect(message.detail).toContain(missing);
    expect(p.rootRemoved()).toBe(true);
  });

  test("a construct barred by a policy (an EvalError) is not taken for missing syntax", () => {
    const p = load("taskpane", { before: 'Function = function () { throw new EvalError("unsafe-eval"); };' });
    p.parseBody();
    expect(p.ctx.jinduOldHost).toBeNull();
  });

  test("the page's own script failing while the page loads shows the message; Office.js's, or later, does not", () => {
    const p = load("taskpane");
    p.parseBody();
    p.fire("error", { filename: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", message: "Script error." });
    p.fire("error", { filename: "", message: "Script error." });
    expect(p.ctx.jinduOldHost).toBeNull();
    p.fire("error", { filename: `${ORIGIN}/taskpane.1a2b3c4d.js`, message: "Uncaught SyntaxError: Unexpected token '?'" });
    expect(p.ctx.jinduOldHost).toEqual(["script: Uncaught SyntaxError: Unexpected token '?'"]);
    expect(p.ctx.document.documentElement.className).toContain("jindu-old-host");
    expect(shown(p)!.detail).toContain("SyntaxError");
    expect(p.rootRemoved()).toBe(true);

    const later = load("taskpane");
    later.parseBody();
    later.fire("DOMContentLoaded");
    later.fire("error", { filename: `${ORIGIN}/taskpane.1a2b3c4d.js`, message: "TypeError: x is undefined" });
    expect(later.ctx.jinduOldHost).toBeNull();
    expect(shown(later)).toBeNull();
  });

  function fakeOffice(opts: { dialogThrows?: boolean } = {}) {
    const associated: Record<string, (event: { completed(): void }) => void> = {};
    const dialogs: string[] = [];
    const closed: string[] = [];
    const office = {
      actions: { associate: (name: string, fn: (event: { completed(): void }) => void) => void (associated[name] = fn) },
      onReady: () => Promise.resolve({}),
      context: {
        ui: {
          displayDialogAsync: (url: string, _options: unknown, cb: (r: unknown) => void) => {
            if (opts.dialogThrows) throw new Error("no dialogs here");
            dialogs.push(url);
            const handlers: Record<string, () => void> = {};
            cb({ status: "succeeded", value: { addEventHandler: (t: string, fn: () => void) => void (handlers[t] = fn), close: () => void closed.push(url) } });
            handlers.dialogMessageReceived?.();
          },
        },
      },
    };
    return { office, associated, dialogs, closed };
  }

  test("commands.html on a modern engine leaves the buttons to the bundle", () => {
    const f = fakeOffice();
    const p = load("commands", { office: f.office });
    expect(p.ctx.jinduOldHost).toBeNull();
    expect(Object.keys(f.associated)).toEqual([]);
  });

  test("commands.html without ES2020: each button opens the dialog with the message and completes", () => {
    const f = fakeOffice();
    const p = load("commands", { office: f.office, before: NO_ES2020 });
    expect(Object.keys(f.associated)).toEqual([...COMMAND_NAMES]);
    for (const name of COMMAND_NAMES) {
      expect(typeof p.ctx[name]).toBe("function");
      const completed = jest.fn();
      f.associated[name]!({ completed });
      expect(completed).toHaveBeenCalledTimes(1);
    }
    expect(f.dialogs).toHaveLength(3);
    const url = new URL(f.dialogs[0]!);
    expect(url.origin + url.pathname).toBe(`${ORIGIN}/notice.html`);
    expect(url.searchParams.get("host")).toBe("old");
    expect(url.searchParams.get("missing")).toContain("ES2020 ?. ??");
    // The dialog's 关闭 closes it.
    expect(f.closed).toHaveLength(3);
  });

  test("commands.html: a dialog that cannot open still completes the button; a failing bundle also sets the buttons up", () => {
    const f = fakeOffice({ dialogThrows: true });
    const p = load("commands", { office: f.office });
    expect(Object.keys(f.associated)).toEqual([]);
    p.fire("error", { filename: `${ORIGIN}/commands.1a2b3c4d.js`, message: "Uncaught SyntaxError: Invalid regular expression" });
    expect(Object.keys(f.associated)).toEqual([...COMMAND_NAMES]);
    const completed = jest.fn();
    f.associated.markLagging!({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  test("notice.html opened by such a button shows the message and what the ribbon's page lacked; 关闭 tells the opener", () => {
    const messages: string[] = [];
    const office = { context: { ui: { messageParent: (m: string) => void messages.push(m) } } };
    const p = load("notice", { office, search: "?host=old&missing=ES2020%20%3F.%20%3F%3F" });
    p.parseBody();
    expect(p.ctx.jinduOldHost).toEqual(["ES2020 ?. ??"]);
    expect(p.ctx.document.documentElement.className).toContain("jindu-old-host");
    expect(shown(p)!.detail).toBe("ES2020 ?. ??");
    p.byId("old-host-close")!.onclick!();
    expect(messages).toEqual(["close"]);
  });

  test("notice.html opened by a working ribbon shows nothing of it", () => {
    const p = load("notice", { search: "?lang=zh&text=x" });
    p.parseBody();
    expect(p.ctx.jinduOldHost).toBeNull();
    expect(p.ctx.document.documentElement.className).toBe("");
    expect(shown(p)).toBeNull();
  });
});

describe("look-behind stays out of src (a syntax error in older webviews, e.g. Safari before 16.4)", () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|js|html)$/.test(n) ? [p] : [];
    });
  }

  // Array.prototype.at (Chromium 92, Safari 15.4) would shut out the Chromium 85–91 of many
  // 信创 browsers and older Macs for two calls; the check does not ask for it, so src may not use it.
  test("no .at( in any source file", () => {
    const found = files(join(ROOT, "src")).flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .flatMap((line, i) => (/\.at\(/.test(line) ? [`${f.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  test("no (?<= nor (?<! in any source file", () => {
    const all = files(join(ROOT, "src"));
    expect(all.length).toBeGreaterThan(50);
    const found = all.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .flatMap((line, i) => (/\(\?<[=!]/.test(line) ? [`${f.slice(ROOT.length + 1)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });
});

// --- The offline page (src/page/page.html): the same check, before the page's own script, with
// a message for browsers (a current Chrome, Edge or Firefox; the fast mode of dual-engine ones).
describe("the offline page's check", () => {
  const page = assemble(readFileSync(join(ROOT, "src/page/page.html"), "utf8"));
  /** Executable inline scripts only: the worker's code is inert text, the page's own is filled in at build. */
  const executable = [...page.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
  const check = executable[0]!;

  test("one ES5 script before the page's own, with the same check as the add-in's pages", () => {
    expect(executable).toHaveLength(2);
    expect(executable[1]).toBe("%SCRIPT%");
    expect(() => parse(check, { ecmaVersion: 5 })).not.toThrow();
    expect(check).toContain(BOOT.hostCheck);
  });

  test("the message: Chinese first, then English, saying which browser or mode to use and the other ways", () => {
    const zh = check.indexOf("进度助手离线网页无法在这个浏览器中运行");
    const en = check.indexOf("Jindu’s offline page cannot run in this browser");
    expect(zh).toBeGreaterThan(-1);
    expect(en).toBeGreaterThan(zh);
    for (const words of ["Chrome", "Edge", "Firefox", "极速模式", "加载项", "jindu report"]) expect(check.slice(0, en)).toContain(words);
    for (const words of ["Chrome", "Edge", "Firefox", "fast (Chromium) mode", "add-in", "jindu report"]) expect(check.slice(en)).toContain(words);
  });

  /** The check run where the page has it: in <body>, after #root, under a CSP that bars eval. */
  function run(before?: string) {
    const listeners: Record<string, ((e: unknown) => void)[]> = {};
    const on = (type: string, fn: (e: unknown) => void) => void (listeners[type] ??= []).push(fn);
    const elements: Record<string, { innerHTML: string; textContent: string; id: string; setAttribute: () => void }> = {};
    let removed = false;
    const make = (id = "") => {
      let inner = "";
      const e = {
        id,
        textContent: "",
        setAttribute: () => undefined,
        get innerHTML() {
          return inner;
        },
        set innerHTML(v: string) {
          inner = v;
          for (const m of v.matchAll(/\bid="([^"]+)"/g)) elements[m[1]!] = make(m[1]);
        },
      };
      return e;
    };
    elements.root = Object.assign(make("root"), { parentNode: { removeChild: () => void ((removed = true), delete elements.root) } });
    const document = {
      body: { firstChild: null, insertBefore: (e: { id: string }) => void (elements[e.id] = e as never) },
      getElementById: (id: string) => elements[id] ?? null,
      createElement: () => make(),
      addEventListener: on,
    };
    const ctx = createContext({ document, addEventListener: on, location: { protocol: "file:", host: "", href: "file:///media/usb/jindu.html" } });
    ctx.window = ctx;
    // The page's CSP has no 'unsafe-eval': new Function throws an EvalError, which says nothing of the syntax.
    runInContext(`Function = function () { throw new EvalError("Refused to evaluate a string as JavaScript"); };${before ?? ""}`, ctx);
    runInContext(check, ctx);
    return { ctx, fire: (type: string, event: unknown) => (listeners[type] ?? []).forEach((fn) => fn(event)), shown: () => elements["old-host"]?.innerHTML ?? null, removed: () => removed };
  }

  test("a current browser under the page's CSP passes: nothing shown, the root kept", () => {
    const p = run();
    expect(p.ctx.jinduOldHost).toBeNull();
    expect(p.shown()).toBeNull();
    expect(p.removed()).toBe(false);
  });

  test("an old Chromium without WeakRef: the message, and no root for the page's script", () => {
    const p = run(NO_WEAKREF);
    expect(p.ctx.jinduOldHost).toEqual(["WeakRef"]);
    expect(p.shown()).toContain("极速模式");
    expect(p.removed()).toBe(true);
  });

  test("the page's own script failing to parse while it loads from file:// shows the message", () => {
    const p = run();
    p.fire("error", { filename: "file:///media/usb/jindu.html", message: "SyntaxError: Unexpected token '.'" });
    expect(p.ctx.jinduOldHost).toEqual(["script: SyntaxError: Unexpected token '.'"]);
    expect(p.shown()).toContain("Jindu’s offline page cannot run in this browser");
    expect(p.removed()).toBe(true);
  });
});
