// Indicator kinds as one table (reading/kinds.ts): how each is completed and what it is held
// to; reductions (下降N%), percentage-point changes (提高N个百分点) and falls against growth.
import { INDICATOR_KINDS, heldTo, signedChange, direction } from "../../src/core/reading/kinds";
import { readRow } from "../../src/core/reading/read";
import type { IndicatorKind } from "../../src/core/types";

const read = (target: string, progress: string, expectedProgress = 50) => readRow(target, progress, { targetField: "target", expectedProgress });

describe("the table", () => {
  test("every kind has a completion rule, a holding rule and labels", () => {
    for (const [kind, spec] of Object.entries(INDICATOR_KINDS)) {
      expect([kind, spec.heldTo]).toEqual([kind, expect.stringMatching(/^(period|target)$/)]);
      expect(spec.label.zh).toBeTruthy();
      expect(spec.label.en).toBeTruthy();
    }
  });
  test.each<[IndicatorKind, number, number, number | null]>([
    ["quantity", 200, 150, 75],
    ["rate", 95, 96.4, 101.47],
    ["ceiling", 4.5, 3, 150],
    ["ceiling", 4.5, 0, 100],
    ["reduction", 5, 6, 120],
    ["points", 2, 1.5, 75],
    ["growth", 8, -12.7, -158.75],
    ["quantity", 0, 10, null],
  ])("%s: target %d, actual %d → %p", (kind, t, a, want) => {
    const got = INDICATOR_KINDS[kind].completion(t, a);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 1);
  });
  test.each<[IndicatorKind, boolean, number]>([
    ["quantity", false, 50],
    ["milestone", false, 50],
    ["rate", false, 100],
    ["rate", true, 95],
    ["growth", false, 100],
    ["reduction", false, 100],
    ["points", false, 100],
  ])("%s (about %p) is held to %d at 序时 50%", (kind, about, want) => {
    expect(heldTo(kind, 50, about)).toBe(want);
  });
  test.each<[string, number]>([
    ["同比下降", -1],
    ["回落", -1],
    ["降低", -1],
    ["同比增长", 1],
    ["提高", 1],
    ["为", 0],
  ])("direction(%p) → %d", (before, d) => expect(direction(before)).toBe(d));
  test.each<[IndicatorKind, string, string, number]>([
    ["growth", "同比下降", "增长", -12.7],
    ["growth", "同比增长", "增长", 12.7],
    ["reduction", "下降", "下降", 12.7],
    ["reduction", "增长", "下降", -12.7],
    ["points", "下降", "下降", 12.7],
    ["points", "回落", "提高", -12.7],
    ["rate", "下降", "达到", 12.7],
  ])("%s: actual after %p against a target after %p → %d", (kind, a, t, want) => {
    expect(signedChange(kind, 12.7, a, t)).toBe(want);
  });
});

describe("reading the kinds from text", () => {
  test.each<[string, string, IndicatorKind, number, boolean]>([
    ["单位GDP能耗下降3%", "单位GDP能耗同比下降3.6%", "reduction", 120, false],
    ["万元GDP用水量降低5%以上", "万元GDP用水量降低4%", "reduction", 80, true],
    ["全年固定资产投资增长10%以上", "固定资产投资同比下降12.7%", "growth", -127, true],
    ["地区生产总值增长7%", "地区生产总值同比增长7.7%", "growth", 110, false],
    ["城镇化率提高2个百分点", "城镇化率比上年提高1.5个百分点", "points", 75, true],
    ["贫困发生率下降2个百分点", "贫困发生率下降1.5个百分点", "points", 75, true],
    ["森林覆盖率提升1个百分点", "森林覆盖率提升1.2个百分点", "points", 120, false],
  ])("%s ↔ %s → %s %d", (target, progress, kind, completion, behind) => {
    const r = read(target, progress);
    expect(r.indicators).toHaveLength(1);
    const i = r.indicators[0]!;
    expect(i.kind).toBe(kind);
    expect(i.completion).toBeCloseTo(completion, 0);
    expect(i.expected).toBe(100);
    expect(i.completion! < i.expected).toBe(behind);
  });
  test.each<[string, string]>([
    // A count is not a change of points, nor is a level.
    ["城镇化率提高2个百分点", "新增城镇人口2万人"],
    ["单位GDP能耗下降3%", "完成节能改造项目3个"],
  ])("no pair: %s ↔ %s", (target, progress) => {
    expect(read(target, progress).indicators).toEqual([]);
  });
});

describe("cumulative beats the month's own figure", () => {
  test.each<[string, string, number]>([
    ["新增城镇就业5000人", "本月新增就业500人，累计新增就业3000人", 60],
    ["新增城镇就业5000人", "累计新增就业3000人，其中当月新增500人", 60],
    ["改造农村公路100公里", "当月完成改造8公里，累计完成改造60公里", 60],
    ["发放创业贷款2亿元", "10月份发放0.3亿元，累计发放1.5亿元", 75],
  ])("%s ↔ %s → %d", (target, progress, completion) => {
    const r = readRow(target, progress, { targetField: "target", expectedProgress: 50 });
    expect(r.indicators.map((i) => i.completion)).toEqual([completion]);
  });
  test("a month's figure alone is still read", () => {
    const r = readRow("新增城镇就业5000人", "本月新增就业500人", { targetField: "target", expectedProgress: 50 });
    expect(r.indicators.map((i) => i.completion)).toEqual([10]);
  });
});

test.each<[string, string, number]>([
  // A range to this month is cumulative, not the month's own figure.
  ["发放创业贷款2亿元", "1-10月发放1.5亿元，本月发放0.3亿元", 75],
  ["发放创业贷款2亿元", "截至10月底发放1.5亿元", 75],
])("not the month's own figure: %s ↔ %s → %d", (target, progress, completion) => {
  const r = readRow(target, progress, { targetField: "target", expectedProgress: 50 });
  expect(r.indicators.map((i) => i.completion)).toEqual([completion]);
});
