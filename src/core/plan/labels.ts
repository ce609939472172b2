// User-facing strings of the plan: Simplified Chinese and English.
import type { RowStatus } from "../types";
import type { Lang } from "./types";

export interface PlanLabels {
  status: Record<RowStatus, string>;
  summarySheet: string;
  untitled: string;
  /** The second title line: period, 序时进度 and date. */
  infoLine: (period: string | null, expected: number, date: string) => string;
  extraHeader: [string, string];
  units: {
    unit: string;
    projects: string;
    completed: string;
    onTrack: string;
    lagging: string;
    unquantified: string;
    lowest: string;
    mean: string;
    laggingNames: string;
    total: string;
  };
  chartTitle: string;
  laggingTitle: string;
  noLagging: string;
  lagging: {
    unit: string;
    project: string;
    target: string;
    progress: string;
    completion: string;
    gap: string;
    evidence: string;
  };
  /** Joins a list of names in one cell. */
  listSeparator: string;
  unknownUnit: string;
}

function pct(n: number): string {
  return `${Number.isInteger(n) ? n : n.toFixed(1)}%`;
}

export const LABELS: Readonly<Record<Lang, PlanLabels>> = {
  zh: {
    status: { completed: "已完成", on_track: "正常推进", lagging: "滞后", unquantified: "不便统计" },
    summarySheet: "进度汇总",
    untitled: "项目进展情况",
    infoLine: (period, expected, date) =>
      `统计期间：${period ?? "未注明"}\u3000序时进度：${pct(expected)}\u3000制表日期：${date}`,
    extraHeader: ["完成率", "状态"],
    units: {
      unit: "实施单位",
      projects: "项目数",
      completed: "已完成",
      onTrack: "正常推进",
      lagging: "滞后",
      unquantified: "不便统计",
      lowest: "最低完成率",
      mean: "平均完成率",
      laggingNames: "滞后项目",
      total: "合计",
    },
    chartTitle: "各单位项目进展",
    laggingTitle: "滞后项目清单",
    noLagging: "无滞后项目",
    lagging: {
      unit: "实施单位",
      project: "项目名称",
      target: "年度目标任务",
      progress: "进展情况",
      completion: "完成率",
      gap: "与序时进度差距（个百分点）",
      evidence: "依据",
    },
    listSeparator: "、",
    unknownUnit: "（未注明单位）",
  },
  en: {
    status: { completed: "Completed", on_track: "On track", lagging: "Lagging", unquantified: "Unquantified" },
    summarySheet: "Progress summary",
    untitled: "Project progress",
    infoLine: (period, expected, date) =>
      `Period: ${period ?? "not stated"} · Expected progress: ${pct(expected)} · Date: ${date}`,
    extraHeader: ["Completion", "Status"],
    units: {
      unit: "Unit",
      projects: "Projects",
      completed: "Completed",
      onTrack: "On track",
      lagging: "Lagging",
      unquantified: "Unquantified",
      lowest: "Lowest completion",
      mean: "Mean completion",
      laggingNames: "Lagging projects",
      total: "Total",
    },
    chartTitle: "Projects by unit",
    laggingTitle: "Lagging projects",
    noLagging: "No lagging projects",
    lagging: {
      unit: "Unit",
      project: "Project",
      target: "Annual target",
      progress: "Progress",
      completion: "Completion",
      gap: "Gap to expected (points)",
      evidence: "Evidence",
    },
    listSeparator: "; ",
    unknownUnit: "(unit not stated)",
  },
};
