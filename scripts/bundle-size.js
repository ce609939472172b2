#!/usr/bin/env node
// Prints the gzip size of each script in dist/ and fails when the task pane passes its budget.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_KB = 350;

function sizes(dir) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".js"))
    .map((f) => {
      const buf = fs.readFileSync(path.join(dir, f));
      return { file: f, raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
    });
}

/** Gzip bytes of the scripts taskpane.html loads (its entry and shared chunks). */
function taskpaneGzip(dir) {
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+\.js)/g)].map((m) => m[1]).filter((s) => !/^https?:/.test(s));
  return scripts.reduce((sum, s) => sum + zlib.gzipSync(fs.readFileSync(path.join(dir, s.replace(/^\//, ""))), { level: 9 }).length, 0);
}

function report(dir) {
  for (const s of sizes(dir)) console.log(`${s.file.padEnd(28)} ${(s.raw / 1024).toFixed(1).padStart(8)} KB  gzip ${(s.gzip / 1024).toFixed(1).padStart(7)} KB`);
  const pane = taskpaneGzip(dir) / 1024;
  console.log(`task pane JavaScript: ${pane.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB)`);
  return pane;
}

module.exports = { report, taskpaneGzip, BUDGET_KB };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || "dist");
  const pane = report(dir);
  if (pane > BUDGET_KB) {
    console.error(`task pane JavaScript is over budget`);
    process.exit(1);
  }
}
