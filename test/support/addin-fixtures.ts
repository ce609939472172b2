// Hand-made grids, analysis documents and plans for the add-in tests: they depend only on
// the shared types, so the adapter is tested apart from the reading engine.
import type { AnalyzedRow, AnalysisDocument, Grid, RowStatus } from "../../src/core/types";
import type { Lang, RowFill, WorkbookPlan } from "../../src/core/plan/types";
import type { Engine } from "../../src/app/addin";
import { doc } from "./fakeAnalyze";

export const FIXTURE_COLORS: Record<RowStatus, string> = {
  lagging: "#F8CBAD",
  completed: "#C6EFCE",
  unquantified: "#FFEB9C",
  on_track: "#DDEBF7",
};

const STATUSES: RowStatus[] = ["lagging", "on_track", "completed", "unquantified", "on_track", "lagging"];

const PROGRESS_TEXT =
  "截至6月底，已完成农村公路扩面延伸工程201.2公里，完工率71.6%；县乡公路大中修完成45公里，占年度任务的63.4%。各项工作有序推进，资金已拨付到位。";
const TARGET_TEXT = "实施农村公路扩面延伸工程280.993公里；县乡公路大中修实施71公里；全面推行乡村道路专管员制度。";

/** A bulletin-like sheet: a title, a blank line, a header on row 3, then `rows` project rows. */
export function bulletinGrid(rows: number, sheet = "Sheet1"): Grid {
  const values: Grid["values"] = [
    ["2020年1-6月份民生工程项目进展情况", null, null, null, null],
    [null, null, null, null, null],
    ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"],
  ];
  for (let i = 0; i < rows; i++) {
    const first = i % 3 === 0;
    values.push([first ? i / 3 + 1 : null, first ? `单位${Math.floor(i / 3) + 1}` : null, `项目${i + 1}`, TARGET_TEXT, PROGRESS_TEXT]);
  }
  const merges = [];
  for (let i = 0; i + 2 < rows; i += 3) merges.push({ top: 4 + i, left: 2, bottom: 6 + i, right: 2 });
  return { sheet, top: 1, left: 1, values, merges };
}

/** Reads the fixture grid by position: a stand-in for the real engine in adapter tests. */
export function fixtureAnalyze(grid: Grid): AnalysisDocument {
  const rows: AnalyzedRow[] = [];
  let unit = "";
  grid.values.slice(3).forEach((v, i) => {
    if (typeof v[1] === "string") unit = v[1];
    const status = STATUSES[i % STATUSES.length]!;
    const completion = status === "unquantified" ? null : status === "lagging" ? 30 + (i % 7) : status === "completed" ? 100 : 60;
    rows.push({
      row: grid.top + 3 + i,
      seq: String(v[0] ?? ""),
      unit,
      project: String(v[2] ?? ""),
      target: String(v[3] ?? ""),
      progress: String(v[4] ?? ""),
      status,
      completion,
      gap: completion === null ? null : completion - 50,
      basis: completion === null ? null : { completion, expected: 50 },
      indicators:
        completion === null
          ? []
          : [
              {
                kind: "quantity",
                target: { value: 280.993, unit: "公里", text: "280.993公里", start: 12, end: 21, field: "target" },
                actual: { value: 201.2, unit: "公里", text: "201.2公里", start: 19, end: 26, field: "progress" },
                completion,
                reported: true,
                evidence: "完工率71.6%",
                evidenceSpan: { start: 27, end: 35, field: "progress" },
                rule: "reported-rate",
                expected: 50,
              },
            ],
      cues: [],
      notes: [],
    });
  });
  return doc(rows, {
    sheet: grid.sheet,
    header: {
      row: grid.top + 2,
      lastRow: grid.top + 2,
      columns: { seq: 1, unit: 2, project: 3, target: 4, progress: 5 },
      labels: { seq: "序号", unit: "实施单位", project: "项目名称", target: "年度目标任务", progress: "进展情况" },
      firstColumn: 1,
      lastColumn: 5,
    },
  });
}

/** A plan shaped as the shared contract says, built from a document. */
export function fixturePlan(doc: AnalysisDocument, options: { lang: Lang; date: string }): WorkbookPlan {
  const fills: RowFill[] = doc.rows
    .filter((r) => r.status !== "on_track")
    .map((r) => ({ row: r.row, firstColumn: doc.header.firstColumn, lastColumn: doc.header.lastColumn, status: r.status, color: FIXTURE_COLORS[r.status] }));
  const units = new Map<string, AnalyzedRow[]>();
  for (const r of doc.rows) units.set(r.unit, [...(units.get(r.unit) ?? []), r]);
  const unitRows = [...units.entries()].map(([unit, rows]) => {
    const c = (s: RowStatus): number => rows.filter((r) => r.status === s).length;
    const comps = rows.map((r) => r.completion).filter((x): x is number => x !== null);
    return [
      unit,
      rows.length,
      c("completed"),
      c("on_track"),
      c("lagging"),
      c("unquantified"),
      comps.length ? Math.min(...comps) : null,
      comps.length ? comps.reduce((a, b) => a + b, 0) / comps.length : null,
      rows
        .filter((r) => r.status === "lagging")
        .map((r) => r.project)
        .join("、"),
    ];
  });
  const lagging = doc.rows
    .filter((r) => r.status === "lagging")
    .sort((a, b) => (a.gap ?? 0) - (b.gap ?? 0))
    .map((r) => [r.unit, r.project, r.target, r.progress, r.completion, r.gap, r.indicators[0]?.evidence ?? ""]);
  const zh = options.lang === "zh";
  return {
    lang: options.lang,
    sheet: doc.sheet,
    fills,
    extraColumns: { firstColumn: 6, headerRow: doc.header.row, header: ["完成率", "状态"], values: [] },
    summary: {
      sheetName: zh ? "进度汇总" : "Progress summary",
      titleLines: [doc.title, `${doc.period?.label ?? ""} 序时进度 ${doc.expectedProgress}% · ${options.date}`],
      units: {
        tableName: "JinduUnits",
        header: ["实施单位", "项目数", "已完成", "正常推进", "滞后", "不便统计", "最低完成率", "平均完成率", "滞后项目"],
        rows: unitRows,
        totals: ["合计", doc.rows.length, doc.counts.completed, doc.counts.on_track, doc.counts.lagging, doc.counts.unquantified, null, null, ""],
        numberFormats: ["@", "0", "0", "0", "0", "0", '0.0"%"', '0.0"%"', "@"],
        widths: [16, 8, 8, 8, 8, 8, 10, 10, 40],
        wrap: [8],
      },
      chart: { kind: "bar", title: "各单位项目进展", categoryColumn: 0, seriesColumns: [2, 3, 4, 5] },
      laggingTitle: "滞后项目清单",
      lagging: {
        tableName: "JinduLagging",
        header: ["实施单位", "项目名称", "年度目标任务", "进展情况", "完成率", "与序时差（个百分点）", "依据"],
        rows: lagging,
        numberFormats: ["@", "@", "@", "@", '0.0"%"', "0.0", "@"],
        widths: [16, 20, 40, 50, 10, 12, 20],
        wrap: [2, 3],
      },
      print: { landscape: true, fitToWidth: 1 },
    },
    marker: "jindu-summary-v1",
  };
}

export const fixtureEngine: Engine = {
  analyze: (grid) => fixtureAnalyze(grid),
  plan: fixturePlan,
};
