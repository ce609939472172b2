// Random and adversarial text thrown at scan, readRow and analyzeGrid: nothing throws, nothing
// hangs, every offset points into the text, every completion is a finite number or null, and a
// 32,767-character adversarial cell costs about what a plain one does (linear time).
// A seeded PRNG makes every failure reproducible: the seed is in the test name.
import { noteText } from "../../src/core/notes";
import { scan } from "../../src/core/reading/figures";
import { readRow } from "../../src/core/reading/read";
import { analyzeGrid } from "../../src/core/analyze";
import { JinduError } from "../../src/core/errors";
import type { CellValue, Grid, Indicator } from "../../src/core/types";

/** mulberry32: small, fast, good enough to spread test inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ..."0123456789０１２３４５６７８９一二两三四五六七八九十百千万亿零〇",
  ..."人名户个所家处座套件场次条批例元张公里米%％.,，、；;：:（）()【】“”\"-—~～/ \n\t。！？",
  "万元", "亿元", "万人", "人次", "剂次", "个批次", "平方米", "万平方米", "公里", "百分之", "其中", "以上", "以内",
  "左右", "不低于", "不超过", "控制在", "完成", "完成任务", "完成率", "完工率", "占年度计划的", "开工", "已开工",
  "计划", "预计", "另外", "每人每月", "标准", "增长", "参保率", "失业率", "全部完成", "尚未开展", "正在招标",
  "第", "年", "月", "日", "岁", "个月", "个百分点", "培训", "建成", "改造", "新建", "农村公路", "养老床位",
];
function randomText(rand: () => number, maxLen: number): string {
  const n = Math.floor(rand() * maxLen);
  let out = "";
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.15) out += String.fromCharCode(0x4e00 + Math.floor(rand() * 0x5000)); // any CJK
    else if (r < 0.25) out += String(Math.floor(rand() * 10 ** Math.floor(rand() * 12)));
    else out += PIECES[Math.floor(rand() * PIECES.length)]!;
  }
  return out;
}

// Each check asserts once over the whole list, so it runs (and can fail) even when the list is empty.
function checkIndicators(indicators: Indicator[], target: string, progress: string): void {
  const texts: Record<string, string> = { target, progress, project: target };
  const bad = indicators.filter(
    (i) =>
      !(i.completion === null || Number.isFinite(i.completion)) ||
      [i.target, i.actual].some((f) => f && f.field !== "column" && texts[f.field]!.slice(f.start, f.end) !== f.text) ||
      (i.evidenceSpan !== undefined && i.evidenceSpan.end < i.evidenceSpan.start),
  );
  expect(bad).toEqual([]);
}

function checkScan(text: string): void {
  const { figures } = scan(text);
  expect(figures.filter((f) => text.slice(f.start, f.end) !== f.text || !Number.isFinite(f.value))).toEqual([]);
}

const SEEDS = [1, 7, 42, 2020, 31337];

describe("random text", () => {
  test.each(SEEDS)("seed %d: 300 random cells through scan and readRow", (seed) => {
    const rand = prng(seed);
    for (let k = 0; k < 300; k++) {
      const target = randomText(rand, 120);
      const progress = randomText(rand, 160);
      checkScan(target);
      checkScan(progress);
      const r = readRow(target, progress, { targetField: "target", expectedProgress: Math.floor(rand() * 101) });
      checkIndicators(r.indicators, target, progress);
    }
  }, 20000);

  test.each(SEEDS)("seed %d: random grids through analyzeGrid", (seed) => {
    const rand = prng(seed * 977);
    let analyzed = 0;
    for (let k = 0; k < 20; k++) {
      const header: CellValue[] = ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况", "完成率", "完成状况"];
      const values: CellValue[][] = [[randomText(rand, 30)], header];
      const rows = 1 + Math.floor(rand() * 12);
      for (let r = 0; r < rows; r++) {
        values.push(
          header.map((_, c): CellValue => {
            const x = rand();
            if (x < 0.1) return null;
            if (x < 0.15) return { error: "#N/A" };
            if (x < 0.25) return c === 5 ? rand() * 2 : Math.floor(rand() * 1e6);
            if (x < 0.28) return rand() < 0.5;
            return randomText(rand, 80) || `项目${r}`;
          }),
        );
      }
      const grid: Grid = { sheet: "S", top: 1, left: 1, values, merges: [] };
      try {
        const doc = analyzeGrid(grid);
        analyzed++;
        for (const row of doc.rows) {
          expect(["completed", "on_track", "lagging", "unquantified"]).toContain(row.status);
          expect(row.completion === null || Number.isFinite(row.completion)).toBe(true);
          checkIndicators(
            row.indicators.filter((i) => i.rule !== "completion-column"),
            row.target,
            row.progress,
          );
        }
      } catch (e) {
        // A random grid may lack a header or rows: that must be a typed error, nothing else.
        expect(e).toBeInstanceOf(JinduError);
      }
    }
    // Most random grids have the header above: the checks must have run on real documents.
    expect(analyzed).toBeGreaterThan(10);
  }, 20000);
});

describe("extreme numbers", () => {
  test.each([
    "1e308人",
    `${"9".repeat(400)}人`,
    `${"9".repeat(400)}.${"9".repeat(400)}%`,
    "0.0000000000000001人",
    "1,234,567,890,123,456,789,012万亿元",
    "百分之九千九百九十九万九千九百九十九亿",
    "0人",
    "0%",
  ])("%s", (text) => {
    expect.hasAssertions();
    checkScan(text);
    const r = readRow(`培训${text}`, `已培训${text},完成任务${text}`, { targetField: "target", expectedProgress: 50 });
    checkIndicators(r.indicators, `培训${text}`, `已培训${text},完成任务${text}`);
  });

  test("a target of 0 gives no division by zero", () => {
    const r = readRow("新建幼儿园0所", "已建成3所", { targetField: "target", expectedProgress: 50 });
    expect(r.indicators.every((i) => i.completion === null || Number.isFinite(i.completion))).toBe(true);
    expect(r.indicators.filter((i) => i.target?.value === 0 && i.completion !== null)).toEqual([]);
  });

  test("a tiny target and a huge actual give a finite completion or none", () => {
    const target = "培训0.0000000001人";
    const progress = `已培训${"9".repeat(300)}人`;
    const r = readRow(target, progress, { targetField: "target", expectedProgress: 50 });
    checkIndicators(r.indicators, target, progress);
  });
});

// --- Long adversarial cells: each must cost about what a plain cell of the same length does.

const CELL = 32767;
const fill = (unit: string, length = CELL) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
/** Best of three: scan, readRow with the cell as target and progress, and analyzeGrid on a
 * one-row sheet with the cell in every column (header detection reads every cell too). */
function cost(cell: string): number {
  const header = ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"];
  const grid: Grid = { sheet: "S", top: 1, left: 1, values: [["2020年1-6月民生工程进展情况"], header, header.map(() => cell)], merges: [] };
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    scan(cell);
    readRow(cell, cell, { targetField: "target", expectedProgress: 50 });
    try {
      analyzeGrid(grid);
    } catch (e) {
      if (!(e instanceof JinduError)) throw e;
    }
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

const ADVERSARIAL = [
  "1.1.1.",
  "((((",
  "))))((((",
  "其中其中",
  "完成任务%%%",
  "1,234,567,",
  "1，2，3，",
  "1e308",
  "1。",
  "1、2、",
  "12个、",
  "(其中:3人、",
  "完成率1%,",
  "百分之",
  "“两个”",
  "1人1人",
  "每人每月60元、",
  "尚未开展",
  "第1、",
  "一二三四五六七八九十百千万亿",
  "已开工1个,",
];

describe("long cells (32,767 characters)", () => {
  // A plain cell: an ordinary progress sentence repeated, figures, rates and all.
  const plain = fill("已完成农村公路改造80公里，完成任务的60%；");
  let plainCost = 0;

  beforeAll(() => {
    cost(plain); // warm up the JIT
    plainCost = Math.max(cost(plain), 5);
  });

  // A guard against quadratic (ReDoS-like) work, not a speed test: the bounds leave room for a
  // loaded machine (quadratic work would cost seconds here), and `npm run bench` measures speed.
  test.each(ADVERSARIAL)("%p costs less than 10× a plain cell, and 4× the length costs less than 12× the time", (unit) => {
    const cell = fill(unit);
    expect(cell).toHaveLength(CELL);
    checkScan(cell);
    const full = cost(cell);
    expect(full).toBeLessThan(10 * plainCost + 50);
    // Linear work grows 4× with 4× the text; quadratic work would grow 16×.
    const quarter = cost(fill(unit, CELL / 4));
    expect(full).toBeLessThan(12 * quarter + 100);
  }, 20000);

  test("a long cell is read with a note when it holds more figures than are read", () => {
    const r = readRow(fill("培训100人,"), fill("已培训50人;"), { targetField: "target", expectedProgress: 50 });
    expect(r.notes.map((n) => noteText(n, "zh")).join("")).toContain("400");
    expect(r.notes.map((n) => noteText(n, "en")).join("")).toContain("400");
  });

  test("analyzeGrid on a sheet of long adversarial cells finishes", () => {
    const values: CellValue[][] = [["2020年1-6月民生工程进展情况"], ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"]];
    for (const unit of ADVERSARIAL.slice(0, 8)) values.push(["1", fill(unit), fill(unit), fill(unit), fill(unit)]);
    const t0 = performance.now();
    const doc = analyzeGrid({ sheet: "S", top: 1, left: 1, values, merges: [] });
    expect(doc.rows).toHaveLength(8);
    expect(performance.now() - t0).toBeLessThan(20000);
  }, 20000);
});
