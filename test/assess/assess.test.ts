// Row status by the rule of the labelled readings, thresholds, and the analysis document built
// by analyzeGrid: the period, overrides, and explicit completion and status columns.
import { assess, countStatuses } from "../../src/core/assess/assess";
import type { RowReading } from "../../src/core/reading/read";
import { analyzeGrid } from "../../src/core/analyze";
import type { AnalyzeOptions, CellValue, Cue, Grid, Indicator } from "../../src/core/types";
import { JinduError } from "../../src/core/errors";

const ind = (completion: number | null, expected: number, extra: Partial<Indicator> = {}): Indicator => ({
  kind: "quantity",
  completion,
  reported: false,
  evidence: "",
  rule: "test",
  expected,
  ...extra,
});
const cue = (kind: Cue["kind"], text: string): Cue => ({ kind, text, start: 0, end: text.length, field: "progress", rule: `cue-${kind}` });
const reading = (indicators: Indicator[], cues: Cue[] = [], unpairedTargets = 0): RowReading => ({ indicators, cues, unpairedTargets, notes: [] });
const strict = { mode: "strict" } as const;
const bands = { mode: "bands", yellow: 10, red: 30 } as const;

describe("assess: row status per the reading rule", () => {
  test.each<[string, Indicator[], string, number | null]>([
    ["every indicator at 100% or more → completed", [ind(100, 50), ind(104.5, 50)], "completed", 100],
    ["above the expected progress → on_track", [ind(62.3, 50), ind(120, 50)], "on_track", 62.3],
    ["exactly at the expected progress → on_track", [ind(50, 50)], "on_track", 50],
    ["a quantity below the expected progress → lagging", [ind(90, 50), ind(30.9, 50)], "lagging", 30.9],
    ["a rate below its target → lagging, whatever the month", [ind(98.95, 100, { kind: "rate" }), ind(80, 50)], "lagging", 80],
    ["a rate at its target and a quantity on track → on_track", [ind(101.5, 100, { kind: "rate" }), ind(60, 50)], "on_track", 60],
    ["no computable indicator → unquantified", [ind(null, 50)], "unquantified", null],
    ["nothing at all → unquantified", [], "unquantified", null],
  ])("%s", (_, indicators, status, completion) => {
    const a = assess(reading(indicators), strict);
    expect(a.status).toBe(status);
    expect(a.completion).toBe(completion);
  });

  test("the gap is the worst indicator's shortfall in points", () => {
    const a = assess(reading([ind(40, 75), ind(97, 100, { kind: "rate" })]), strict);
    expect(a.status).toBe("lagging");
    expect(a.gap).toBe(-35);
    expect(a.severity).toBe("red");
  });

  test("100% with a target still unpaired is on track, not completed", () => {
    expect(assess(reading([ind(100, 50)], [], 1), strict).status).toBe("on_track");
  });

  test("100% counted from works begun (stage started) is on track, not completed", () => {
    expect(assess(reading([ind(100, 50, { stage: "started" })]), strict).status).toBe("on_track");
  });

  test("an ambiguous pairing whose other reading falls behind → unquantified", () => {
    expect(assess(reading([ind(80, 50, { alternatives: [20] })]), strict).status).toBe("unquantified");
    expect(assess(reading([ind(80, 50, { alternatives: [70] })]), strict).status).toBe("on_track");
  });

  test("only preparations or 尚未开展 → lagging", () => {
    expect(assess(reading([], [cue("preparing", "正在招标")]), strict).status).toBe("lagging");
    expect(assess(reading([], [cue("not_started", "尚未开展")]), strict).status).toBe("lagging");
  });

  test("a done cue without figures and with no target left → completed", () => {
    expect(assess(reading([], [cue("done", "已全部完成")]), strict).status).toBe("completed");
    expect(assess(reading([], [cue("done", "已全部完成")], 2), strict).status).toBe("unquantified");
  });

  test("the bulletin's own 进度滞后 outranks figures on track", () => {
    const a = assess(reading([ind(60, 50)], [cue("behind", "进度滞后")]), strict);
    expect(a.status).toBe("lagging");
  });
});

describe("assess: bands thresholds", () => {
  test.each<[number, string, string | undefined]>([
    // [completion against 50%, status, severity]
    [45, "on_track", undefined], // 5 points behind: within the yellow band
    [40.5, "on_track", undefined],
    [40, "lagging", "yellow"], // 10 points: the band's edge is lagging
    [25, "lagging", "yellow"],
    [20, "lagging", "red"], // 30 points or more: red
    [5, "lagging", "red"],
  ])("%d%% → %s %s", (completion, status, severity) => {
    const a = assess(reading([ind(completion, 50)]), bands);
    expect(a.status).toBe(status);
    expect(a.severity).toBe(severity);
  });

  test("strict mode: any shortfall is lagging and red", () => {
    const a = assess(reading([ind(49.9, 50)]), strict);
    expect(a.status).toBe("lagging");
    expect(a.severity).toBe("red");
  });
});

test("countStatuses", () => {
  expect(countStatuses([{ status: "lagging" }, { status: "completed" }, { status: "lagging" }])).toEqual({
    completed: 1,
    on_track: 0,
    lagging: 2,
    unquantified: 0,
  });
});

// --- Through analyzeGrid

const grid = (values: CellValue[][]): Grid => ({ sheet: "Sheet1", top: 1, left: 1, values, merges: [] });
const H = ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"];
const bulletin = (title: string): CellValue[][] => [
  [title],
  H,
  ["1", "市住建局", "危房改造", "改造农村危房500户", "已改造完成500户"],
  ["2", "市人社局", "技能培训", "培训农村劳动力3000人", "已培训农村劳动力2400人"],
  ["3", "市交通局", "农村公路", "新建农村公路100公里", "已建成农村公路40公里"],
  ["4", "市文旅局", "文化下乡", "送戏下乡300场", "目前正在招标"],
  ["5", "市民政局", "养老服务", "提升养老服务水平", "有序推进中"],
  ["6", "市医保局", "医保参保", "城乡居民医保参保率达到95%以上", "城乡居民医保参保率93%"],
];
const statuses = (title: string, options?: AnalyzeOptions) =>
  analyzeGrid(grid(bulletin(title)), options).rows.map((r) => [r.project, r.status, r.completion]);

describe("analyzeGrid: statuses against the period", () => {
  test("period from the title: 1-9月 → 75%", () => {
    const doc = analyzeGrid(grid(bulletin("2021年1-9月民生工程进展情况")));
    expect(doc.period).toMatchObject({ months: 9, source: "title" });
    expect(doc.expectedProgress).toBe(75);
    expect(doc.rows.map((r) => [r.project, r.status, r.completion])).toEqual([
      ["危房改造", "completed", 100],
      ["技能培训", "on_track", 80],
      ["农村公路", "lagging", 40],
      ["文化下乡", "lagging", null],
      ["养老服务", "unquantified", null],
      ["医保参保", "lagging", 97.89],
    ]);
    expect(doc.counts).toEqual({ completed: 1, on_track: 1, lagging: 3, unquantified: 1 });
  });

  test("1-6月 → 50%: 40% is still lagging, 80% on track", () => {
    const s = statuses("2020年1-6月民生工程进展情况");
    expect(s[1]).toEqual(["技能培训", "on_track", 80]);
    expect(s[2]).toEqual(["农村公路", "lagging", 40]);
  });

  test("a rate is held to 100 even in the first quarter", () => {
    const doc = analyzeGrid(grid(bulletin("2021年一季度民生工程进展情况")));
    expect(doc.expectedProgress).toBe(25);
    expect(doc.rows[5]!.status).toBe("lagging");
    expect(doc.rows[2]!.status).toBe("on_track");
  });

  test("no period stated: the whole year", () => {
    const doc = analyzeGrid(grid(bulletin("民生工程进展情况")));
    expect(doc.expectedProgress).toBe(100);
    expect(doc.period?.source).toBe("default");
    expect(doc.rows[1]!.status).toBe("lagging");
  });

  test("expectedProgress overrides the period", () => {
    const doc = analyzeGrid(grid(bulletin("2021年1-9月民生工程进展情况")), { expectedProgress: 30 });
    expect(doc.expectedProgress).toBe(30);
    expect(doc.period?.source).toBe("override");
    expect(doc.rows[2]!.status).toBe("on_track");
    // A rate is still held to its target.
    expect(doc.rows[5]!.status).toBe("lagging");
  });

  test.each([-1, 101, Number.NaN])("expectedProgress %p is rejected", (p) => {
    expect(() => analyzeGrid(grid(bulletin("x")), { expectedProgress: p })).toThrow(JinduError);
  });

  test("bands: a small shortfall is tolerated, a large one is red", () => {
    const doc = analyzeGrid(grid(bulletin("2020年1-6月民生工程进展情况")), { thresholds: { mode: "bands", yellow: 10, red: 30 } });
    // 参保率93% ÷ 95% = 97.89: 2.1 points short, inside the yellow band.
    expect(doc.rows[5]!.status).toBe("on_track");
    // 40% against 50%: 10 points, the yellow band's edge.
    expect(doc.rows[2]).toMatchObject({ status: "lagging", severity: "yellow", gap: -10 });
    expect(doc.thresholds).toEqual({ mode: "bands", yellow: 10, red: 30 });
  });
});

describe("analyzeGrid: explicit columns win", () => {
  const H2 = ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况", "完成率", "完成状况"];
  const doc = analyzeGrid(
    grid([
      ["2020年1-6月民生工程进展情况"],
      H2,
      ["1", "a", "A", "培训1000人", "培训200人", 0.716, null],
      ["2", "a", "B", "培训1000人", "培训900人", "40%", null],
      ["3", "a", "C", "培训1000人", "培训900人", 71.6, null],
      ["4", "a", "D", "培训1000人", "培训100人", "１０５％", null],
      ["5", "a", "E", "培训1000人", "培训100人", null, "已完成"],
      ["6", "a", "F", "培训1000人", "培训900人", null, "进度滞后"],
      ["7", "a", "G", "培训1000人", "培训900人", null, "正常推进"],
    ]),
  );
  const byProject = new Map(doc.rows.map((r) => [r.project, r]));

  test.each<[string, number, string]>([
    ["A", 71.6, "on_track"], // 0.716 stored as a number (a percent-formatted cell)
    ["B", 40, "lagging"], // "40%" as text, against 90% from the text
    ["C", 71.6, "on_track"], // 71.6 as a number
    ["D", 105, "completed"], // full-width "１０５％"
  ])("completion column %s → %d, %s", (project, completion, status) => {
    const r = byProject.get(project)!;
    expect(r.completion).toBe(completion);
    expect(r.status).toBe(status);
    const first = r.indicators[0]!;
    expect(first).toMatchObject({ rule: "completion-column", reported: true, completion });
  });

  test.each<[string, string]>([
    ["E", "completed"],
    ["F", "lagging"],
    ["G", "on_track"],
  ])("status column %s → %s", (project, status) => {
    const r = byProject.get(project)!;
    expect(r.status).toBe(status);
    if (status === "lagging") expect(r.severity).toBe("red");
    else expect(r.severity).toBeUndefined();
  });
});
