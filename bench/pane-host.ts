// Serves the built task pane and a fake Office for it, for the browser tests and the pane bench:
// dist/ on 127.0.0.1, and the fake (test/support/fake-office-entry.ts) bundled to answer the
// Office.js CDN address, so the page needs no internet.
import { existsSync, readFileSync } from "fs";
import { createServer, type Server } from "http";
import { extname, join, normalize, resolve } from "path";
import { chromium, type BrowserContext } from "playwright-core";
import webpack from "webpack";

/** The project root: the nearest folder above this file with a package.json. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && resolve(dir, "..") !== dir) dir = resolve(dir, "..");
  return dir;
}

const ROOT = projectRoot();
const FAKE_DIR = join(ROOT, "test-output", "fake-office");
export const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\//;
export const CHROMIUM = "/usr/bin/chromium";
/** Debian's Chromium, headless, as root (no sandbox), fetching nothing on its own. */
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

/** A Chromium profile at the task pane's size, in Chinese unless told. */
export function launchPane(profile: string, options: { height?: number; locale?: string } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 380, height: options.height ?? 1100 },
    locale: options.locale ?? "zh-CN",
  });
}

/** The fake bundled into `dir` (tests that may run at once each pass their own). */
export function buildFakeOffice(dir = FAKE_DIR): Promise<string> {
  return new Promise((done, fail) => {
    webpack(
      {
        mode: "development",
        devtool: false,
        entry: join(ROOT, "test/support/fake-office-entry.ts"),
        output: { path: dir, filename: "fake-office.js" },
        resolve: { extensions: [".ts", ".js"] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              exclude: /node_modules/,
              use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false, module: "es2020" } } },
            },
          ],
        },
      },
      (err, stats) => {
        if (err || !stats || stats.hasErrors()) fail(err ?? new Error(stats?.toString("errors-only")));
        else done(readFileSync(join(dir, "fake-office.js"), "utf8"));
      },
    );
  });
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png", ".xml": "application/xml", ".map": "application/json" };

export function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0]!)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path === "/" ? "taskpane.html" : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

