// The pane's words, Simplified Chinese first.
import { PAGE_SIZE } from "./model";
import type { PeriodSource, RowStatus } from "../core/types";
import type { Lang } from "../core/plan/types";
import type { Stage } from "../app/addin";

export interface Strings {
  title: string;
  subtitle: string;
  settings: string;
  period: string;
  periodUnknown: string;
  /** 2020年1-6月（来自标题） / 2020年1-6月 (from the title) */
  periodWithSource: (label: string, source: string) => string;
  source: Record<PeriodSource, string>;
  expected: string;
  expectedHint: string;
  resetExpected: string;
  thresholds: string;
  strict: string;
  strictHint: string;
  bands: string;
  yellow: string;
  red: string;
  points: string;
  alsoMark: string;
  markCompleted: string;
  markUnquantified: string;
  analyze: string;
  mark: string;
  clear: string;
  summary: string;
  stage: Record<Stage, string>;
  status: Record<RowStatus, string>;
  results: string;
  lagging: string;
  noLagging: string;
  unquantified: string;
  noUnquantified: string;
  vsExpected: (completion: string, expected: string) => string;
  /** The same against a rate's own target (参保率 96% / 目标 95%). */
  vsTarget: (completion: string, expected: string) => string;
  gap: (points: string) => string;
  target: string;
  progress: string;
  /** The previous period's progress column, by its header. */
  previous: (label: string) => string;
  evidence: string;
  notes: string;
  selectInSheet: string;
  done: {
    analyzed: (rows: number, lagging: number) => string;
    marked: (n: number) => string;
    cleared: (n: number) => string;
    summary: (sheet: string) => string;
  };
  errorTitle: string;
  settingsSaved: string;
  /** The sheet the commands read. */
  bulletin: string;
  noBulletin: string;
  firstRun: string;
  stale: string;
  /** The active sheet is one Jindu wrote; the commands still read the bulletin. */
  onJinduSheet: (sheet: string) => string;
  useSheet: (sheet: string) => string;
  details: string;
  hideDetails: string;
  dismiss: string;
  doneTitle: string;
  views: string;
  noUnit: string;
  found: (sheet: string, headerRow: number, period: string | null, projects: number) => string;
  showMore: (left: number) => string;
  legend: { target: string; actual: string; stated: string; cue: string };
}

const zh: Strings = {
  title: "进度助手",
  subtitle: "读取进展通报，计算完成率，标出滞后项目",
  settings: "分析设置",
  period: "通报期间",
  periodUnknown: "分析后显示",
  periodWithSource: (label, source) => `${label}（${source}）`,
  source: { title: "来自标题", header: "来自表头", intro: "来自导语", override: "手动设置", default: "默认（全年）" },
  expected: "序时进度（%）",
  expectedHint: "按期间计算，可以修改；修改后再点“分析”。",
  resetExpected: "恢复按期间计算",
  thresholds: "滞后判定",
  strict: "严格：低于序时进度即为滞后",
  strictHint: "",
  bands: "分档：落后较少为黄色，较多为红色",
  yellow: "黄色：落后超过（个百分点）",
  red: "红色：落后超过（个百分点）",
  points: "个百分点",
  alsoMark: "标出滞后时也标出",
  markCompleted: "已完成的项目",
  markUnquantified: "不便统计的项目",
  analyze: "分析",
  mark: "标出滞后",
  clear: "清除标记",
  summary: "生成汇总表",
  stage: { reading: "正在读取工作表…", analyzing: "正在分析…", writing: "正在写入…" },
  status: { completed: "已完成", on_track: "正常推进", lagging: "滞后", unquantified: "不便统计" },
  results: "分析结果",
  lagging: "滞后项目（按差距排序）",
  noLagging: "没有滞后项目。",
  unquantified: "需人工阅读（不便统计）",
  noUnquantified: "没有需要人工阅读的项目。",
  vsExpected: (c, e) => `完成 ${c} / 序时 ${e}`,
  vsTarget: (c, e) => `达到目标的 ${c} / 应达 ${e}`,
  gap: (p) => `差 ${p} 个百分点`,
  target: "年度目标任务",
  progress: "进展情况",
  previous: (label) => `上期（${label}）`,
  evidence: "依据",
  notes: "说明",
  selectInSheet: "在表格中选中此行",
  done: {
    analyzed: (rows, lagging) => `已分析 ${rows} 个项目，其中滞后 ${lagging} 个。`,
    marked: (n) => `已标出 ${n} 行。表格内容没有改动，可用“清除标记”恢复。`,
    cleared: (n) => (n > 0 ? `已清除 ${n} 处标记。` : "没有需要清除的标记。"),
    summary: (sheet) => `已生成工作表“${sheet}”。`,
  },
  errorTitle: "出错了",
  settingsSaved: "设置已保存在工作簿中",
  bulletin: "通报工作表：",
  noBulletin: "（请打开通报所在的工作表）",
  firstRun: "打开通报所在的工作表，点“分析”：进度助手会算出每个项目的完成率，找出滞后项目。表格内容不会被改动。",
  stale: "结果已过期：工作表已切换或修改，请重新分析。",
  onJinduSheet: (sheet) => `当前是进度助手生成的「${sheet}」；各项操作仍针对通报工作表。`,
  useSheet: (sheet) => `改用「${sheet}」`,
  details: "详情",
  hideDetails: "收起详情",
  dismiss: "关闭",
  doneTitle: "完成",
  views: "显示",
  noUnit: "（未注明实施单位）",
  found: (sheet, row, period, n) => `在「${sheet}」第 ${row} 行找到表头${period ? `，期间 ${period}` : ""}，共 ${n} 个项目。点“分析”查看完成率和滞后项目。`,
  showMore: (left) => `再显示 ${Math.min(left, PAGE_SIZE)} 项（还有 ${left} 项）`,
  legend: { target: "目标数", actual: "完成数", stated: "通报所述完成率", cue: "进展用语" },
};

const en: Strings = {
  title: "Jindu",
  subtitle: "Reads the progress bulletin, computes completion, marks lagging projects",
  settings: "Settings",
  period: "Period",
  periodUnknown: "shown after analysis",
  periodWithSource: (label, source) => `${label} (${source})`,
  source: { title: "from the title", header: "from the header", intro: "from the introduction", override: "set by hand", default: "default (full year)" },
  expected: "Expected progress (%)",
  expectedHint: "From the period; you may change it, then click Analyze.",
  resetExpected: "Use the period's value",
  thresholds: "Lagging rule",
  strict: "Strict: below the expected progress is lagging",
  strictHint: "",
  bands: "Bands: yellow when a little behind, red when far behind",
  yellow: "Yellow: behind by more than (points)",
  red: "Red: behind by more than (points)",
  points: "points",
  alsoMark: "When marking, also mark",
  markCompleted: "completed projects",
  markUnquantified: "projects to read by hand",
  analyze: "Analyze",
  mark: "Mark lagging",
  clear: "Clear marks",
  summary: "Summary sheet",
  stage: { reading: "Reading the sheet…", analyzing: "Analyzing…", writing: "Writing…" },
  status: { completed: "Completed", on_track: "On track", lagging: "Lagging", unquantified: "Read by hand" },
  results: "Results",
  lagging: "Lagging projects (by gap)",
  noLagging: "No project is lagging.",
  unquantified: "To read by hand",
  noUnquantified: "Nothing needs reading by hand.",
  vsExpected: (c, e) => `done ${c} / expected ${e}`,
  vsTarget: (c, e) => `${c} of target / needs ${e}`,
  gap: (p) => `${p} points behind`,
  target: "Annual target",
  progress: "Progress",
  previous: (label) => `Previous (${label})`,
  evidence: "Evidence",
  notes: "Notes",
  selectInSheet: "Select this row in the sheet",
  done: {
    analyzed: (rows, lagging) => `${rows} projects analyzed, ${lagging} lagging.`,
    marked: (n) => `${n} rows marked. The table's contents are unchanged; Clear marks removes them.`,
    cleared: (n) => (n > 0 ? `${n} marks cleared.` : "There were no marks to clear."),
    summary: (sheet) => `Sheet "${sheet}" written.`,
  },
  errorTitle: "Something went wrong",
  settingsSaved: "Settings are kept in the workbook",
  bulletin: "Bulletin sheet:",
  noBulletin: "(open the bulletin's sheet)",
  firstRun: "Open the bulletin's sheet and click Analyze: Jindu computes each project's completion and finds the lagging ones. The table's contents are never changed.",
  stale: "Out of date: the sheet was switched or edited. Analyze again.",
  onJinduSheet: (sheet) => `“${sheet}” was written by Jindu; commands still work on the bulletin sheet.`,
  useSheet: (sheet) => `Use “${sheet}”`,
  details: "Details",
  hideDetails: "Hide details",
  dismiss: "Dismiss",
  doneTitle: "Done",
  views: "Show",
  noUnit: "(no implementing unit)",
  found: (sheet, row, period, n) => `Found the header on row ${row} of “${sheet}”${period ? `, period ${period}` : ""}: ${n} projects. Click Analyze to see completion and lagging projects.`,
  showMore: (left) => `Show ${Math.min(left, PAGE_SIZE)} more (${left} left)`,
  legend: { target: "target", actual: "done", stated: "stated rate", cue: "progress words" },
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

export function formatPercent(v: number | null, lang: Lang): string {
  if (v === null) return lang === "zh" ? "—" : "—";
  return `${(Math.round(v * 10) / 10).toFixed(1)}%`;
}
