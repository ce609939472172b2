// Webpack plugin: makes dist/jindu.html, the offline page, from the `page` and `page-worker`
// entries — one file, its scripts inline under CSP hashes, the worker's code in an inert
// <script type="text/plain"> the page turns into a blob: worker. No request is ever made.
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

/** `<script`, `</script` and `<!--` would end or confuse the script element; `\x3C` is `<` in every JS string, template and regex. */
function escapeScript(code) {
  return code.replace(/<(\/?script|!--)/gi, "\\x3C$1");
}

const HASH_PLACEHOLDER = "%SCRIPT_HASH%";

/** The texts of the page's executable scripts (every <script> without attributes): the check for old browsers and the page's own. */
function pageScripts(html) {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

function csp({ scriptHash, nonce, dev }) {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'nonce-${nonce}'`,
    "img-src data: blob:",
    "font-src data:",
    "worker-src blob:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "manifest-src 'none'",
    "media-src 'none'",
  ].join("; ");
}

class InlinePagePlugin {
  /** `boot`: the folder of the plain-ES5 scripts every page runs first (src/boot). */
  constructor({ template, boot, filename = "jindu.html", main = "page", worker = "page-worker" }) {
    Object.assign(this, { template, boot, filename, main, worker });
  }

  bootScript(name) {
    return path.join(this.boot, name);
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("InlinePagePlugin", (compilation) => {
      // After the real content hashes are written: they rewrite hashes inside assets, which would change the hashed script.
      compilation.hooks.processAssets.tap({ name: "InlinePagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_HASH + 1 }, () => {
        const chunkFiles = (name) => {
          const chunk = compilation.namedChunks.get(name);
          return chunk ? [...chunk.files, ...chunk.auxiliaryFiles] : [];
        };
        const script = (name) => {
          const file = chunkFiles(name).find((f) => f.endsWith(".js"));
          if (!file) return null;
          // The page has no map to point at, and the licences are carried inside it (below).
          const code = compilation.getAsset(file).source.source().toString();
          return escapeScript(code.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "").replace(/^\/\*! For license information please see \S+ \*\/\n?/, ""));
        };
        const licences = [this.main, this.worker]
          .flatMap((name) => chunkFiles(name).filter((f) => f.endsWith(".LICENSE.txt")))
          .map((f) => compilation.getAsset(f).source.source().toString())
          .join("\n");
        const main = script(this.main);
        const worker = script(this.worker);
        if (main === null || worker === null) return;
        const nonce = crypto.randomBytes(16).toString("base64");
        const dev = compiler.options.mode !== "production";
        const boot = (name) => fs.readFileSync(this.bootScript(name), "utf8").trimEnd();
        const fill = {
          CSP: csp({ scriptHash: HASH_PLACEHOLDER, nonce, dev }),
          NONCE: nonce,
          WORKER: worker,
          SCRIPT: main,
          LICENSES: licences.replace(/--/g, "- -"),
          HOST_CHECK: boot("host-check.js"),
          OLD_HOST_BOX: boot("old-host-box.js"),
        };
        // One pass: what is put in is never read for placeholders again.
        const html = fs.readFileSync(this.template, "utf8").replace(/%(CSP|NONCE|WORKER|SCRIPT|LICENSES|HOST_CHECK|OLD_HOST_BOX)%/g, (_, k) => fill[k]);
        compilation.emitAsset(this.filename, new sources.RawSource(html), { minimized: true });
        // The page is the one file: its scripts are not shipped beside it.
        for (const name of [this.main, this.worker]) for (const f of chunkFiles(name)) if (compilation.getAsset(f)) compilation.deleteAsset(f);
      });
    });
    // The scripts' hashes once nothing changes the page any more (a minimizer may still pass over it).
    compiler.hooks.thisCompilation.tap("InlinePageHash", (compilation) => {
      compilation.hooks.afterProcessAssets.tap("InlinePageHash", () => {
        const asset = compilation.getAsset(this.filename);
        if (!asset) return;
        const html = asset.source.source().toString();
        const hashes = pageScripts(html).map((code) => `'sha256-${crypto.createHash("sha256").update(code, "utf8").digest("base64")}'`);
        compilation.updateAsset(this.filename, new sources.RawSource(html.replace(HASH_PLACEHOLDER, hashes.join(" "))));
      });
    });
    compiler.hooks.thisCompilation.tap("InlinePageTemplate", (compilation) => {
      compilation.fileDependencies.add(this.template);
      for (const name of ["host-check.js", "old-host-box.js"]) compilation.fileDependencies.add(this.bootScript(name));
    });
  }
}

module.exports = { InlinePagePlugin, escapeScript, pageScripts };
