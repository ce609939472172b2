#!/usr/bin/env node
// Prints the gzip size of each script in dist/ and of the offline page, and fails when the task
// pane or the page passes its budget.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_KB = 350;
/** dist/jindu.html, everything inline: React, Fluent UI, ExcelJS, JSZip and the reading. */
const PAGE_BUDGET_KB = 600;
const PAGE = "jindu.html";

const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

function sizes(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js") || f === PAGE)
    .map((f) => {
      const buf = fs.readFileSync(path.join(dir, f));
      return { file: f, raw: buf.length, gzip: gzip(buf) };
    });
}

/** Gzip bytes of the scripts taskpane.html loads (its entry and shared chunks); null without a task pane. */
function taskpaneGzip(dir) {
  const file = path.join(dir, "taskpane.html");
  if (!fs.existsSync(file)) return null;
  const html = fs.readFileSync(file, "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  return scripts.reduce((sum, s) => sum + gzip(fs.readFileSync(path.join(dir, s.replace(/^\//, "")))), 0);
}

/** Gzip bytes of the offline page; null when it was not built. */
function pageGzip(dir) {
  const file = path.join(dir, PAGE);
  return fs.existsSync(file) ? gzip(fs.readFileSync(file)) : null;
}

function report(dir) {
  for (const s of sizes(dir)) console.log(`${s.file.padEnd(28)} ${(s.raw / 1024).toFixed(1).padStart(8)} KB  gzip ${(s.gzip / 1024).toFixed(1).padStart(7)} KB`);
  const paneBytes = taskpaneGzip(dir);
  const pageBytes = pageGzip(dir);
  const pane = paneBytes === null ? null : paneBytes / 1024;
  const page = pageBytes === null ? null : pageBytes / 1024;
  if (pane !== null) console.log(`task pane JavaScript: ${pane.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
  if (page !== null) console.log(`offline page ${PAGE}: ${page.toFixed(1)} KB gzip (budget ${PAGE_BUDGET_KB} KB)`);
  return { pane, page };
}

module.exports = { report, taskpaneGzip, pageGzip, BUDGET_KB, PAGE_BUDGET_KB };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || "dist");
  const { pane, page } = report(dir);
  if (pane !== null && pane > BUDGET_KB) {
    console.error(`task pane JavaScript is over budget`);
    process.exitCode = 1;
  }
  if (page !== null && page > PAGE_BUDGET_KB) {
    console.error(`${PAGE} is over budget`);
    process.exitCode = 1;
  }
}
