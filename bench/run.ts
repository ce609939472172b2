// `npm run bench`: throughput of the reading engine on large generated bulletins, the ratio to a
// bare regex scan of the same text, and linear time on adversarial 32,767-character cells.
// Prints figures; asserts nothing (tests don't time things).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { analyzeGrid } from "../src/core/analyze";
import { readRow } from "../src/core/reading/read";
import { decodeText, readTextGrid } from "../src/text/readText";
import type { CellValue, Grid } from "../src/core/types";
import { extraBenches } from "./extra";

/** The project root: the nearest folder above this file with a package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const root = projectRoot();
const seedText = decodeText(readFileSync(join(root, "test", "fixtures", "bulletin-2020-h1.txt")));
const seedGrid = readTextGrid(seedText, "seed.txt");
const dataRows = seedGrid.values.slice(11).filter((r) => r.length >= 5);

/** A seeded PRNG, so every run builds the same bulletin. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Varies every figure of a text by ±40% so rows are not copies. */
function vary(text: string, rand: () => number): string {
  return text.replace(/\d+(?:\.\d+)?/g, (m) => {
    const n = Number(m) * (0.6 + rand() * 0.8);
    return m.includes(".") ? n.toFixed(1) : String(Math.max(1, Math.round(n)));
  });
}

export function buildBulletin(rows: number, seed = 1): Grid {
  const rand = rng(seed);
  const values: CellValue[][] = [["2021年1-9月份民生工程项目进展情况"], ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"]];
  for (let i = 0; i < rows; i++) {
    const src = dataRows[i % dataRows.length]!;
    values.push([String(i + 1), src[1] ?? "市某局", src[2] ?? "项目", vary(String(src[3] ?? ""), rand), vary(String(src[4] ?? ""), rand)]);
  }
  return { sheet: "bench", top: 1, left: 1, values, merges: [] };
}

function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const out = fn();
  return [out, Number(process.hrtime.bigint() - t0) / 1e6];
}

function bareScan(grid: Grid): number {
  let n = 0;
  const re = /\d+(?:\.\d+)?\s?(?:万|亿)?(?:公里|万元|元|人次|人|户|个|%)/g;
  for (const row of grid.values) for (const v of row) if (typeof v === "string") for (const _ of v.matchAll(re)) n++;
  return n;
}

async function main(): Promise<void> {
  console.log("Jindu bench — node " + process.version);
  // Cold: the first call in a fresh process, as one `jindu analyze` run pays it.
  const [, coldMs] = time(() => analyzeGrid(buildBulletin(10_000, 7)));
  console.log(`analyze 10,000 rows, cold (first call, JIT warming up): ${coldMs.toFixed(0)} ms`);
  for (const n of [10_000, 100_000]) {
    const grid = buildBulletin(n);
    const runs = n <= 10_000 ? 3 : 1;
    const times: number[] = [];
    let lagging = 0;
    for (let k = 0; k < runs; k++) {
      const [doc, ms] = time(() => analyzeGrid(grid));
      times.push(ms);
      lagging = doc.counts.lagging;
    }
    const ms = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    const scans = [0, 1, 2].map(() => time(() => bareScan(grid))[1]).sort((a, b) => a - b);
    const scanMs = scans[1]!;
    console.log(
      `analyze ${n.toLocaleString("en")} rows${runs > 1 ? ` (median of ${runs})` : ""}: ${ms.toFixed(0)} ms, ${Math.round((n / ms) * 1000).toLocaleString("en")} rows/s, ` +
        `${((ms / n) * 1000).toFixed(1)} ms per 1,000 rows, ${(ms / Math.max(scanMs, 0.001)).toFixed(1)}× a bare regex scan (${scanMs.toFixed(0)} ms), ` +
        `lagging ${lagging}, peak RSS ${peakMb()} MB`,
    );
  }
  const plain = "实施农村公路扩面延伸工程280.993公里;".repeat(2000).slice(0, 32767);
  const adversarial: Record<string, string> = {
    "digits and dots": "1.".repeat(16384).slice(0, 32767),
    brackets: "((((其中:".repeat(5000).slice(0, 32767),
    "percent runs": "完成任务%1%".repeat(6000).slice(0, 32767),
    "comma digits": "1,234,".repeat(6000).slice(0, 32767),
    "numerals": "三万五千二百八十".repeat(5000).slice(0, 32767),
  };
  const opts = { targetField: "target" as const, expectedProgress: 75 };
  const [, plainMs] = time(() => readRow(plain, plain, opts));
  console.log(`32,767-char cell, plain text: ${plainMs.toFixed(0)} ms`);
  for (const [name, text] of Object.entries(adversarial)) {
    const [, ms] = time(() => readRow(text, text, opts));
    console.log(`32,767-char cell, ${name}: ${ms.toFixed(0)} ms (${(ms / Math.max(plainMs, 0.001)).toFixed(1)}× plain)`);
  }
  await extraBenches();
  console.log(`peak RSS ${peakMb()} MB`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
