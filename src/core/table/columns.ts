// The column model: what each column of a table holds, decided by its header (a lexicon of
// weighted words, as data) and by its cells (numbers or sentences), and how numeric columns
// group into indicators (目标 / 完成 / 比例 per group). A new layout is a lexicon entry.
import type { CellValue } from "../types";
import { normalize } from "../text/normalize";
import { findPeriod } from "../period";

export type ColumnKind =
  | "seq" | "region" | "unit" | "project" | "measure"
  | "target" | "actual" | "monthly" | "rate"
  | "progress" | "status" | "remarks" | "growth" | "expected" | "gap" | "other";

/** Header words and the kind they point to, with a weight. Substrings of the squeezed header. */
export const HEADER_LEXICON: readonly (readonly [string, ColumnKind, number])[] = [
  ["序号", "seq", 10], ["编号", "seq", 6],
  // Completion stated as a rate or a share.
  ["完成率", "rate", 9], ["完成比例", "rate", 9], ["开工率", "rate", 9], ["竣工率", "rate", 9], ["到位率", "rate", 9],
  ["拨付率", "rate", 9], ["支出率", "rate", 9], ["执行率", "rate", 9], ["支出进度", "rate", 7],
  ["占比", "rate", 8], ["之比", "rate", 8], ["比例", "rate", 6], ["百分比", "rate", 8], ["(%)", "rate", 7], ["%", "rate", 5],
  ["率", "rate", 3],
  // Figures of the month beside cumulative ones.
  ["当月", "monthly", 10], ["本月", "monthly", 10], ["本期", "monthly", 6], ["本季", "monthly", 6],
  // What was done, as a number.
  ["累计", "actual", 6], ["已完成", "actual", 7], ["完成数", "actual", 7], ["完成量", "actual", 6], ["完成值", "actual", 7],
  ["实际完成", "actual", 8], ["完成投资", "actual", 7], ["实际", "actual", 4], ["开工数", "actual", 7], ["预计完成", "actual", 6],
  ["拨付数", "actual", 7], ["支出数", "actual", 7], ["下达数", "actual", 5], ["到位", "actual", 4], ["完成", "actual", 3],
  ["进度", "actual", 2], ["实现", "actual", 3], ["执行数", "actual", 6],
  // What was asked for.
  ["目标", "target", 6], ["计划", "target", 5], ["任务", "target", 4], ["下达任务", "target", 6], ["预算", "target", 5],
  ["安排", "target", 3], ["年度", "target", 1], ["全年", "target", 1],
  // Progress told in sentences.
  ["进展情况", "progress", 9], ["推进情况", "progress", 9], ["完成情况", "progress", 8], ["落实情况", "progress", 9],
  ["实施情况", "progress", 8], ["执行情况", "progress", 8], ["工作进展", "progress", 8], ["进展", "progress", 6],
  // A status stated by the bulletin.
  ["是否", "status", 9], ["状态", "status", 9], ["完成状况", "status", 9], ["进度评价", "status", 8], ["达序", "status", 6],
  // Remarks.
  ["备注", "remarks", 9], ["说明", "remarks", 7], ["存在问题", "remarks", 8], ["原因", "remarks", 6],
  // Who.
  ["实施单位", "unit", 9], ["责任单位", "unit", 9], ["牵头单位", "unit", 9], ["单位", "unit", 5], ["部门", "unit", 6],
  ["牵头", "unit", 4], ["责任", "unit", 4], ["主体", "unit", 3],
  // Where: a row per region.
  ["地区", "region", 9], ["省份", "region", 10], ["市州", "region", 10], ["县区", "region", 10], ["区县", "region", 10],
  ["区(县)", "region", 10], ["县(市", "region", 10], ["县(区", "region", 10], ["市(州", "region", 10], ["省(区", "region", 10],
  ["地市", "region", 9], ["市县", "region", 9], ["乡镇", "region", 9], ["街道", "region", 6], ["镇街", "region", 9], ["县市区", "region", 10],
  // What.
  ["项目", "project", 5], ["名称", "project", 6], ["主要任务", "project", 8], ["工作任务", "project", 8], ["任务和要求", "project", 8], ["具体任务", "project", 8], ["工程", "project", 3], ["事项", "project", 6], ["内容", "project", 5],
  ["指标", "project", 5], ["实事", "project", 5], ["工作", "project", 2],
];

/** Words that make a header a plan, not a result, when the header starts with them (计划完成数). */
const PLAN_HEADS = ["计划", "目标", "年度计划", "全年计划", "下达", "预算", "年初", "任务"];
/** Words that keep a header a result even after a plan word (计划投资完成额 is still a plan; 累计 is not). */
const RESULT_MARKS = ["累计", "已", "实际", "实现"];

export interface HeaderScore {
  kind: ColumnKind;
  score: number;
}

/** The kind a header's own words point to, with its score (0 when none). */
export function headerKind(header: string): HeaderScore {
  // A note with figures in brackets (按33%比例) says how, not what.
  const s = normalize(header).replace(/\s+/g, "").replace(/\([^()]*\d[^()]*\)/g, "");
  if (!s || s.length > 24) return { kind: "other", score: 0 };
  // A growth rate (增长%, 同比) is a figure of its own, not a completion of the plan.
  if (/(增长|增速|同比|增幅|比上年)/.test(s) && !/完成率/.test(s)) return { kind: "growth", score: 1 };
  // A difference (与序时进度差, 差额): derived, not read.
  if (/(差额|差距|相差|差值|偏差|快慢|^差|差$)/.test(s)) return { kind: "gap", score: 1 };
  // 序时进度(%), 时间进度: what each row is held to, stated by the table.
  if (/(序时|时间进度|应完成进度|应达进度)/.test(s) && !/(是否|达序)/.test(s)) return { kind: "expected", score: 8 };
  const sums = new Map<ColumnKind, number>();
  for (const [w, k, weight] of HEADER_LEXICON) if (s.includes(w)) sums.set(k, (sums.get(k) ?? 0) + weight);
  if (sums.size === 0) return { kind: "other", score: 0 };
  const has = (k: ColumnKind) => sums.get(k) ?? 0;
  // Precedence where words combine: a rate or a month's figure is that, whatever else it names.
  if (has("rate") >= 6 && !/率$/.test(s) && has("progress") >= 8) return { kind: "progress", score: has("progress") };
  if (has("rate") >= 6) return { kind: "rate", score: has("rate") };
  if (has("monthly") >= 6) return { kind: "monthly", score: has("monthly") };
  if (PLAN_HEADS.some((w) => s.startsWith(w)) && !RESULT_MARKS.some((w) => s.includes(w)) && has("target") > 0) {
    return { kind: "target", score: has("target") + 3 };
  }
  let best: HeaderScore = { kind: "other", score: 0 };
  for (const [k, v] of sums) if (v > best.score) best = { kind: k, score: v };
  return best;
}

export interface ColumnInfo {
  /** 0-based column index in the grid. */
  index: number;
  /** 1-based sheet column. */
  column: number;
  /** Header texts from the top header row to the bottom one, empty where none. */
  parts: string[];
  /** The column's own header (the lowest non-empty part). */
  own: string;
  /** The group heading above it (the parts above its own), joined. */
  group: string;
  kind: ColumnKind;
  /** Unit named in the header's brackets (人, 万户, 万元, %). */
  unit: string;
  /** Months of the period the header names (1-11月推进情况 → 11), when any. */
  months?: number;
  /** The year the header names (2021年完成), when any. */
  year?: number;
  /** The kind came from the cells alone (numbers under a header that names no role). */
  vague?: boolean;
}

/** How the data cells of a column look. */
export interface ColumnContent {
  filled: number;
  numeric: number;
  sentences: number;
  statusWords: number;
}

const NUMBER_CELL = /^\s*[-+]?\d[\d,]*(?:\.\d+)?\s*%?\s*$/;
/** A cell that is one number: stored as a number, or text such as "1,234.5" or "71.6%". */
export const isNumberCell = (v: CellValue | undefined): boolean =>
  typeof v === "number" || (typeof v === "string" && NUMBER_CELL.test(normalize(v)));
const BLANK_MARK = /^\s*[-—/／\\]+\s*$/;
export const STATUS_CELL = /^(已完成|完成|全部完成|超额完成|未完成|正常推进|正常|滞后|落后|序时推进|达到时间进度|达到序时进度|超序时|未达序时|按计划推进|推进中|进行中|未启动|未开工|是|否|全部开工|已竣工)/;

export function contentOf(values: CellValue[][], from: number, col: number): ColumnContent {
  const c: ColumnContent = { filled: 0, numeric: 0, sentences: 0, statusWords: 0 };
  const end = Math.min(values.length, from + 400);
  for (let r = from; r < end; r++) {
    const v = values[r]?.[col];
    if (v === null || v === undefined) continue;
    if (typeof v === "number") {
      c.filled++;
      c.numeric++;
      continue;
    }
    if (typeof v !== "string" || !v.trim() || BLANK_MARK.test(v)) continue;
    c.filled++;
    const n = normalize(v).trim();
    if (NUMBER_CELL.test(n)) c.numeric++;
    else if (STATUS_CELL.test(n.replace(/\s+/g, "")) && n.length <= 12) c.statusWords++;
    else if ((n.match(/[\u4e00-\u9fff]/g)?.length ?? 0) >= 8) c.sentences++;
  }
  return c;
}

const UNIT_IN_BRACKETS = /[(（]([^()（）]{1,8})[)）]\s*$/;

function headerUnit(text: string): string {
  const m = UNIT_IN_BRACKETS.exec(normalize(text).replace(/\s+/g, ""));
  if (!m) return "";
  const u = m[1]!;
  // (万元、%) names two units; the first one is the quantities'.
  return /^[\u4e00-\u9fff%‰]{1,4}$/.test(u) ? u : (u.split(/[、,]/)[0] ?? "");
}

/**
 * The header band's texts per column: upper rows spread right over blank cells (a heading
 * spanning several columns in a text copy), the bottom row as it is.
 */
export function headerParts(values: CellValue[][], top: number, bottom: number, width: number): string[][] {
  const parts: string[][] = Array.from({ length: width }, () => []);
  for (let r = top; r <= bottom; r++) {
    const row = values[r] ?? [];
    let carry = "";
    for (let c = 0; c < width; c++) {
      const v = row[c];
      const t = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
      if (t) carry = t;
      // A blank under a heading that spans columns takes the heading; the bottom row spreads
      // only where nothing above names the column (项 目 内 容 over two columns).
      const above = parts[c]!.some((p) => p !== "");
      const spread = r < bottom ? carry : above ? "" : carry;
      parts[c]!.push(t || spread);
    }
  }
  return parts;
}

/** Reads the column model of a table whose header occupies rows top..bottom (0-based). */
export function columnModel(values: CellValue[][], top: number, bottom: number, width: number, left = 1): ColumnInfo[] {
  const parts = headerParts(values, top, bottom, width);
  const out: ColumnInfo[] = [];
  for (let c = 0; c < width; c++) {
    const ps = parts[c]!;
    const distinct = ps.filter((p, i) => p !== "" && p !== ps[i - 1]);
    const own = distinct[distinct.length - 1] ?? "";
    const group = distinct.slice(0, -1).join(" ");
    const content = contentOf(values, bottom + 1, c);
    let { kind } = headerKind(own);
    if (kind === "other" && distinct.length > 1) kind = headerKind(distinct.join("")).kind;
    const named = kind;
    kind = byContent(kind, content, own);
    const vague = named === "other" && kind === "actual";
    const unit = headerUnit(own) || headerUnit(group);
    const p = findPeriod(normalize(own));
    const y = /(\d{4})\s?年/.exec(distinct.join(""));
    out.push({ index: c, column: c + left, parts: ps, own, group, kind, unit, ...(p ? { months: p.months } : {}), ...(y ? { year: Number(y[1]) } : {}), ...(vague ? { vague } : {}) });
  }
  return out;
}

export const NUMERIC_KINDS: ReadonlySet<ColumnKind> = new Set(["target", "actual", "monthly", "rate"]);

/** The cells decide where the header is vague or misleading. */
function byContent(kind: ColumnKind, c: ColumnContent, own: string): ColumnKind {
  if (c.filled === 0) return kind;
  // A rate column may say 全部开工 / 已完成 where the rate is 100%.
  const numeric = (c.numeric + (kind === "rate" ? c.statusWords : 0)) / c.filled >= 0.6;
  const sentences = c.sentences / c.filled >= 0.5;
  if (kind === "growth" || kind === "gap" || kind === "expected") return kind;
  if (kind === "status" || kind === "remarks") return kind === "remarks" && c.statusWords / c.filled >= 0.5 ? "status" : kind;
  if (numeric) {
    if (NUMERIC_KINDS.has(kind)) return kind;
    if (kind === "progress") return /(率|比|%)/.test(own) ? "rate" : "actual";
    if (kind === "seq" || kind === "region" || kind === "unit" || kind === "project") return kind;
    return "actual";
  }
  // A "numeric" header over words: a target in words, or progress told in sentences.
  if (NUMERIC_KINDS.has(kind)) return kind === "target" ? "other" : kind === "monthly" && !sentences ? "other" : "progress";
  if (kind === "unit" && own.replace(/\s+/g, "") === "单位" && c.sentences === 0 && c.filled > 0) return "measure";
  return kind;
}

export interface ColumnGroup {
  /** The group heading, or the words the group's columns share. */
  name: string;
  unit: string;
  target?: number;
  actual?: number;
  monthly?: number;
  rate?: number;
  /** An earlier-period actual beside the latest one (1-10月 beside 1-11月). */
  previous?: number;
}

/** Numeric columns in groups: a new group at a new heading, or when a kind repeats. */
export function numericGroups(cols: ColumnInfo[]): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  let cur: ColumnGroup | null = null;
  let curHeading = "";
  let curYear: number | undefined;
  for (const col of cols) {
    if (!NUMERIC_KINDS.has(col.kind)) continue;
    const k = col.kind as "target" | "actual" | "monthly" | "rate";
    const heading = col.group;
    // Numbers under a header that names no role (城市低保数) are an actual only until the group
    // shows its own: a target after them, or a named actual, takes their place.
    if (cur && cur.actual !== undefined && cols[cur.actual]?.vague && heading === curHeading && (k === "target" || (k === "actual" && !col.vague))) {
      cur.actual = undefined;
      if (k === "target" && cur.target === undefined) {
        cur.target = col.index;
        continue;
      }
    }
    const repeats = cur !== null && cur[k] !== undefined;
    const laterPeriod = repeats && k === "actual" && col.months !== undefined && cols[cur!.actual!]?.months !== undefined;
    if (laterPeriod && cur) {
      const prev = cols[cur.actual!]!;
      if ((col.months ?? 0) >= (prev.months ?? 0)) {
        cur.previous = cur.actual;
        cur.actual = col.index;
      } else cur.previous = col.index;
      continue;
    }
    // After a rate, a new target or actual starts the next indicator.
    const closed = cur !== null && cur.rate !== undefined && k !== "rate";
    // Figures of different years (2021年完成 | 2022年计划) are not one indicator.
    const otherYear = cur !== null && col.year !== undefined && curYear !== undefined && col.year !== curYear;
    if (!cur || heading !== curHeading || repeats || closed || otherYear) {
      curYear = undefined;
      cur = { name: heading, unit: col.unit };
      curHeading = heading;
      groups.push(cur);
    }
    cur[k] = col.index;
    curYear ??= col.year;
    if (!cur.unit && col.unit && k !== "rate") cur.unit = col.unit;
  }
  // A group of a month's figure alone says nothing about completion.
  return groups.filter((g) => g.target !== undefined || g.actual !== undefined || g.rate !== undefined);
}
