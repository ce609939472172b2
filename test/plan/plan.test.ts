import { buildPlan, JINDU_MARKER, laggingEvidence, summariseUnits, STATUS_COLORS, SEVERITY_FILLS } from "../../src/core/plan";
import type { Indicator, RowStatus } from "../../src/core/types";
import { doc, row } from "../support/fakeAnalyze";

const DATE = "2020-07-15";

function indicator(completion: number | null, expected: number, evidence: string): Indicator {
  return { kind: "quantity", completion, reported: true, evidence, rule: "t", expected };
}

describe("fills", () => {
  test.each<[RowStatus, "yellow" | "red" | undefined, string]>([
    ["completed", undefined, STATUS_COLORS.completed.fill],
    ["on_track", undefined, STATUS_COLORS.on_track.fill],
    ["unquantified", undefined, STATUS_COLORS.unquantified.fill],
    ["lagging", undefined, STATUS_COLORS.lagging.fill],
    ["lagging", "yellow", SEVERITY_FILLS.yellow],
    ["lagging", "red", SEVERITY_FILLS.red],
  ])("%s (severity %s) → %s", (status, severity, color) => {
    const r = row({ row: 7, status, ...(severity ? { severity } : {}) });
    const plan = buildPlan(doc([r]), { lang: "zh", date: DATE });
    expect(plan.fills).toEqual([{ row: 7, firstColumn: 1, lastColumn: 5, status, color }]);
  });

  test("every status has its own colour, and colours are #RRGGBB", () => {
    const fills = Object.values(STATUS_COLORS).map((c) => c.fill);
    expect(new Set(fills).size).toBe(4);
    for (const c of [...fills, ...Object.values(SEVERITY_FILLS)]) expect(c).toMatch(/^#[0-9A-F]{6}$/);
    expect(SEVERITY_FILLS.yellow).not.toBe(SEVERITY_FILLS.red);
  });

  test("fills span the table's columns as the header gives them", () => {
    const d = doc([row({ row: 12, status: "lagging" })]);
    d.header.firstColumn = 2;
    d.header.lastColumn = 9;
    const [f] = buildPlan(d, { lang: "zh", date: DATE }).fills;
    expect(f).toMatchObject({ firstColumn: 2, lastColumn: 9 });
  });
});

describe("units summary", () => {
  const rows = [
    row({ row: 4, unit: "市水务局", project: "饮水", status: "completed", completion: 100 }),
    row({ row: 5, unit: "市医保局", project: "救助", status: "unquantified" }),
    row({ row: 6, unit: "市水务局", project: "水利", status: "lagging", completion: 10, gap: -40 }),
    row({ row: 7, unit: "市水务局", project: "防汛", status: "on_track", completion: 60.5, gap: 10.5 }),
    row({ row: 8, unit: "", project: "无单位", status: "lagging", completion: 30, gap: -20 }),
  ];
  const plan = buildPlan(doc(rows), { lang: "zh", date: DATE });
  const { units } = plan.summary;

  test("one row per unit in order of first appearance, with counts, lowest, mean and lagging names", () => {
    expect(units.header).toEqual(["实施单位", "项目数", "已完成", "正常推进", "滞后", "不便统计", "最低完成率", "平均完成率", "滞后项目"]);
    expect(units.rows).toEqual([
      ["市水务局", 3, 1, 1, 1, 0, 10, 56.8, "水利"],
      ["市医保局", 1, 0, 0, 0, 1, null, null, null],
      ["（未注明单位）", 1, 0, 0, 1, 0, 30, 30, "无单位"],
    ]);
  });

  test("totals are over rows, not over units, and equal the document's counts", () => {
    const d = doc(rows);
    expect(units.totals).toEqual(["合计", 5, d.counts.completed, d.counts.on_track, d.counts.lagging, d.counts.unquantified, 10, 50.1, null]);
  });

  test("every block row is as wide as its header and its formats/widths", () => {
    for (const block of [units, plan.summary.lagging]) {
      for (const r of [...block.rows, ...(block.totals ? [block.totals] : [])]) expect(r).toHaveLength(block.header.length);
      expect(block.numberFormats).toHaveLength(block.header.length);
      expect(block.widths).toHaveLength(block.header.length);
      for (const w of block.widths) expect(w).toBeGreaterThanOrEqual(6);
      for (const c of block.wrap) expect(c).toBeLessThan(block.header.length);
    }
  });

  test("summariseUnits totals add up to the number of rows", () => {
    const s = summariseUnits(doc(rows));
    expect(s.reduce((a, u) => a + u.projects, 0)).toBe(rows.length);
  });

  test("a chart of the status counts per unit", () => {
    const { chart } = plan.summary;
    expect(units.header[chart.categoryColumn]).toBe("实施单位");
    expect(chart.seriesColumns.map((c) => units.header[c])).toEqual(["已完成", "正常推进", "滞后", "不便统计"]);
  });
});

describe("lagging list", () => {
  const rows = [
    row({ row: 4, project: "A", status: "lagging", completion: 40, gap: -10 }),
    row({ row: 5, project: "B", status: "lagging", completion: null, gap: null, notes: [{ code: "only_preparation" }] }),
    row({ row: 6, project: "C", status: "lagging", completion: 5, gap: -45 }),
    row({ row: 7, project: "D", status: "on_track", completion: 70, gap: 20 }),
    row({ row: 8, project: "E", status: "lagging", completion: 40, gap: -10 }),
  ];
  const { lagging } = buildPlan(doc(rows), { lang: "zh", date: DATE }).summary;

  test("only lagging rows, most behind first, rows without a gap last, ties in sheet order", () => {
    expect(lagging.rows.map((r) => r[1])).toEqual(["C", "A", "E", "B"]);
    expect(lagging.header).toEqual(["实施单位", "项目名称", "年度目标任务", "进展情况", "完成率", "与序时进度差距（个百分点）", "依据"]);
    expect(lagging.rows[0]?.[5]).toBe(-45);
    expect(lagging.rows[3]?.[5]).toBeNull();
  });

  test("evidence: the behind-schedule indicators, most behind first; otherwise the notes", () => {
    const r = row({
      row: 9,
      status: "lagging",
      indicators: [indicator(120, 50, "完成120%"), indicator(30, 50, "完成率30%"), indicator(80, 100, "参保率80%")],
    });
    expect(laggingEvidence(r)).toBe("完成率30%；参保率80%");
    expect(lagging.rows[3]?.[6]).toBe("进展只提到前期准备或尚未开展，未见实际完成量");
  });
});

describe("labels and titles", () => {
  const rows = [row({ row: 4, status: "lagging", completion: 12.5, gap: -37.5 }), row({ row: 5, status: "completed", completion: 100 })];

  test("zh: sheet name, title lines with period, 序时进度 and date, extra columns", () => {
    const plan = buildPlan(doc(rows), { lang: "zh", date: DATE });
    expect(plan.summary.sheetName).toBe("进度汇总");
    expect(plan.summary.laggingTitle).toBe("滞后项目清单");
    expect(plan.summary.titleLines[0]).toBe("2020年1-6月份民生工程项目进展情况");
    expect(plan.summary.titleLines[1]).toContain("2020年1-6月");
    expect(plan.summary.titleLines[1]).toContain("序时进度：50%");
    expect(plan.summary.titleLines[1]).toContain(DATE);
    expect(plan.extraColumns).toEqual({
      firstColumn: 6,
      headerRow: 3,
      header: ["完成率", "状态"],
      values: [
        { row: 4, completion: 12.5, status: "滞后" },
        { row: 5, completion: 100, status: "已完成" },
      ],
    });
    expect(plan.marker).toBe(JINDU_MARKER);
    expect(plan.summary.print).toEqual({ landscape: true, fitToWidth: 1 });
  });

  test("en: the same figures under English labels", () => {
    const zh = buildPlan(doc(rows), { lang: "zh", date: DATE });
    const en = buildPlan(doc(rows), { lang: "en", date: DATE });
    expect(en.summary.sheetName).toBe("Progress summary");
    expect(en.extraColumns.header).toEqual(["Completion", "Status"]);
    expect(en.extraColumns.values.map((v) => v.status)).toEqual(["Lagging", "Completed"]);
    expect(en.summary.units.rows.map((r) => r.slice(1, 8))).toEqual(zh.summary.units.rows.map((r) => r.slice(1, 8)));
    expect(en.fills).toEqual(zh.fills);
  });

  test("no title and no period: a generic title and 未注明", () => {
    const plan = buildPlan(doc(rows, { title: "  ", period: null, expectedProgress: 75 }), { lang: "zh", date: DATE });
    expect(plan.summary.titleLines[0]).toBe("项目进展情况");
    expect(plan.summary.titleLines[1]).toContain("未注明");
    expect(plan.summary.titleLines[1]).toContain("75%");
  });

  test("the plan is plain data (JSON round-trips unchanged)", () => {
    const plan = buildPlan(doc(rows), { lang: "zh", date: DATE });
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
