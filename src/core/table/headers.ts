// Header synonyms per column role, as data. Matched on the header text with white space
// removed; longest synonym first, so 目标完成情况 (status) wins over 完成情况 (progress).
import type { ColumnRole } from "../types";

export const HEADER_SYNONYMS: Record<ColumnRole, string[]> = {
  seq: ["序号", "编号", "序", "No.", "NO", "No"],
  unit: [
    "实施单位", "责任单位", "牵头单位", "牵头责任单位", "主要责任单位", "牵头部门", "责任部门", "主管部门",
    "实施部门", "承办单位", "主办单位", "责任主体", "单位", "部门", "县区", "责任领导及单位",
  ],
  project: [
    "项目名称", "工作任务", "重点工作任务", "项目内容", "实事项目名称", "实事名称", "民生工程项目", "工程名称",
    "重点工作", "工作内容", "项目", "任务名称", "主要任务", "内容与要求", "指标名称", "考核指标", "事项", "民生实事", "民生工程", "名称", "重点任务",
  ],
  target: [
    "年度目标任务", "目标任务", "季度目标", "年度目标", "年度任务", "全年目标任务", "全年目标", "年度计划",
    "目标任务及要求", "建设内容及目标", "建设内容", "目标要求", "任务目标", "年度工作目标", "年度建设任务",
    "主要目标任务", "计划任务", "工作目标", "目标", "年度计划投资", "计划投资", "年度投资计划", "计划数", "目标值",
  ],
  progress: [
    "进展情况", "完成情况", "实际完成情况", "当前进度", "落实情况", "工作进展", "项目进展情况", "推进情况",
    "实施进展", "进度情况", "工作进展情况", "实施情况", "进展", "进度", "截至目前完成情况", "累计完成情况",
    "目标任务完成情况", "工作完成情况", "执行情况", "完成投资", "累计完成投资", "实际完成", "累计完成", "完成数",
    "完成值", "实际完成数",
  ],
  completion: [
    "完成率", "任务完成率", "占全年计划", "完成比例", "完成进度", "占年度计划", "占全年任务", "完成百分比",
    "累计完成率", "进度(%)", "完成率(%)", "占全年计划(%)", "占年度目标",
  ],
  status: ["完成状况", "目标完成情况", "完成成效", "完成效果", "推进成效", "是否达序", "完成状态", "进度状态", "推进状态", "是否完成", "进度评价", "状态"],
  remarks: ["备注", "说明", "存在问题", "备注说明"],
};

/** Digits and period words a header may wrap around its name. */
const PERIOD_WORDS = /[\d年月日份季度上下半前后至到截止底末第一二三四五六七八九十〇零~\-.]/g;

const ENTRIES = (Object.entries(HEADER_SYNONYMS) as [ColumnRole, string[]][])
  .flatMap(([role, words]) => words.map((w) => ({ role, word: w.replace(/\s+/g, "") })))
  .sort((a, b) => b.word.length - a.word.length);

const EXACT = new Map<string, ColumnRole>();
for (const e of [...ENTRIES].reverse()) EXACT.set(e.word, e.role); // longest synonym wins a tie
const index = (key: (w: string) => string) => {
  const m = new Map<string, typeof ENTRIES>();
  for (const e of ENTRIES) m.set(key(e.word), [...(m.get(key(e.word)) ?? []), e]);
  return m;
};
const BY_FIRST = index((w) => w[0]!);
const BY_LAST = index((w) => w[w.length - 1]!);

/**
 * The role a header cell names, or null. Exact match first; then a cell that starts or ends
 * with a synonym and has little else (年度目标任务(万元), 2020年进展情况).
 */
export function roleOf(cellText: string): ColumnRole | null {
  const squeezed = cellText.replace(/\s+/g, "");
  // A header is short: a long cell is data (and is not worth a regex pass).
  if (squeezed.length > 48) return null;
  // A trailing unit or note in brackets (年度目标任务(万元)); no bracket inside, so the match is linear.
  const s = squeezed.replace(/[（(][^（()）]*[）)]$/, "");
  if (s.length === 0 || s.length > 24) return null;
  const exact = EXACT.get(s);
  if (exact) return exact;
  // Only synonyms that share the cell's first or last character can start or end it.
  const near = [...(BY_FIRST.get(s[0]!) ?? []), ...(BY_LAST.get(s[s.length - 1]!) ?? [])].sort((a, b) => b.word.length - a.word.length);
  for (const e of near) {
    if (e.word.length < 2) continue;
    if (!s.startsWith(e.word) && !s.endsWith(e.word)) continue;
    const rest = s.startsWith(e.word) ? s.slice(e.word.length) : s.slice(0, -e.word.length);
    // A period or a date around the name (2020年1-6月完成情况, 截至2021年9月30日进展) does not count.
    if (rest.replace(PERIOD_WORDS, "").length <= 8) return e.role;
  }
  return null;
}
