// Reporting period of a bulletin (1-6月, 上半年, 前三季度, 截至10月31日…) and 序时进度.
//
// Patterns are the RULES table below (one entry per pattern, each giving months and a tier).
// Tiers, in order of preference (a higher tier wins; ties go to the earliest, then longest span):
//  5  cumulative spans: month ranges from 1 (1-6月, 一至九月), 前N个月, 上半年, 前三季度, 1-3季度,
//     截至/截止(到)/至 + date (截至6月底, 截至10月15日 → 9 + 15/31).
//  4  single quarters (第三季度 → 9, cumulative to the quarter's end), ranges not from 1
//     (4-6月 → 6: to the end of the last month), 下半年 (→ 12), full-year wording (see below).
//  3  month ends (9月底, 9月末), 10月份 (a monthly report), 年底/年末.
//  2  a year with a month (2021年10月), not followed by a day or 起/以来.
// Not periods: a year alone, event dates (9月27日召开), deadlines (于9月底, 6月底前, 到年底),
// ranges of other units (16-24岁, 3-12个月, 3-12月龄), 年度目标任务/全年目标/年度计划.
// Full year: 全年/年度 count only when a reporting word (完成情况, 实施情况, 总结, 通报…) follows
// within the same phrase with no 目标/计划/任务/指标/预算 before it; "年度…进展情况" is the name
// of an in-year series, so it does not count (全年…进展情况 does).
// Every pattern has bounded quantifiers, so matching is linear in the text length.

import { parseNumber } from "../reading/numbers";
import { matchesWhere } from "../text/preceding";

export interface PeriodFinding {
  /** The words as written, lightly normalised: half-width digits, "-" for dashes, no spaces, no 份. */
  label: string;
  /** Months elapsed of the year, rounded to 0.1. */
  months: number;
  /** Offsets of the matched words in the input text. */
  start: number;
  end: number;
}

interface Candidate {
  rule: string;
  start: number;
  end: number;
  months: number;
  tier: number;
}

// Char-for-char normalisation: same length as the input, so offsets carry over.
const DASHES = "－—–‐‑‒―−~～〜⁓";
function normaliseChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 0x30);
  if (DASHES.includes(c)) return "-";
  if (c === "\u3000" || c === "\u00a0") return " ";
  return c;
}
function normalise(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += normaliseChar(text.charAt(i));
  return out;
}

// The shapes the period patterns read: Arabic digits, one digit, or [digit]十[digit] (no 〇十, 十〇).
// parseNumber alone would also take 一二 (12) or 一百, which are not months, days or quarters.
const RE_PLAIN_NUMERAL = /^(?:[0-9]+|[〇零一二两三四五六七八九]|[一二两三四五六七八九]?十[一二两三四五六七八九]?)$/;

/** 6, 06, 六, 十, 十二, 二十七, 三十一 → number; null when not a plain numeral. */
export function parseNumeral(s: string): number | null {
  // ○ (a circle) is often typed for 〇 in dates; the reading engine does not know it.
  const t = s.replace(/○/g, "〇");
  if (!RE_PLAIN_NUMERAL.test(t)) return null;
  const n = parseNumber(t);
  return Number.isInteger(n) ? n : null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

// Regex building blocks (applied to the normalised text).
const S = "[ \\t]{0,2}";
const CN_NUM = "〇零○一二三四五六七八九十两";
// A month/day/quarter numeral, and a year. Neither may continue a numeral before it (…12月 in
// 112月, 5月 in 3.5月; a year may follow a point): the patterns cannot say so, as look-behind
// stops older webviews, so each rule's `before` checks it where a numeral can start the match.
// Inside a pattern these blocks only ever follow a word, a dash or a space, never a numeral or a
// point: keep it so, or check there too.
const N = `(?:[0-9]{1,2}(?![0-9])|[${CN_NUM}]{1,3})`;
const YEAR = `(?:[12][0-9]{3}|[〇零○一二三四五六七八九]{4})`;
const DASH = `(?:-{1,2}|至|到)`;

const RE_RANGE = new RegExp(
  `(?:(${YEAR})${S}年${S})?(${N})${S}(?:月份?${S})?${DASH}${S}(${N})${S}月`,
  "g",
);
const RE_FIRST_MONTHS = new RegExp(`(?:(${YEAR})${S}年${S})?前${S}(${N})${S}个${S}月`, "g");
const RE_HALF = new RegExp(`(?:(${YEAR})${S}年${S})?([上下])${S}半${S}年`, "g");
const RE_QUARTER = new RegExp(
  `(?:(${YEAR})${S}年${S})?(?:前${S}(${N})${S}(?:个${S})?季度|(${N})${S}${DASH}${S}(${N})${S}季度|(第${S})?(${N})${S}季度)`,
  "g",
);
// 截至…, or 至 after a pause (, 。 a space…), or 至/到/- after a day (…日至, 日-): see untilBefore.
const RE_UNTIL = new RegExp(
  `(?:截[至止][到至]?|至|到|-{1,2})${S}` +
    `(?:(?:(?:(${YEAR})|今|本)${S}年${S})?(${N})${S}月(?:${S}(${N})${S}[日号]|${S}(底|末|上旬|中旬|下旬))?` +
    `|(?:${YEAR}|今|本)?${S}年${S}[底末])`,
  "g",
);
const RE_MONTH_END = new RegExp(`(?:(${YEAR})${S}年${S})?(${N})${S}月${S}[底末](?!${S}前)`, "g");
// 年底 alone, not after a numeral or 去/明/前/上/后/当 (去年底 is last year's): see yearEndBefore.
const RE_YEAR_END = new RegExp(`(?:${YEAR}${S}|[今本]${S})?年${S}[底末](?!${S}前)`, "g");
const RE_MONTH = new RegExp(`(?:(${YEAR})${S}年${S})?(${N})${S}月`, "g");
// 全年/年度 alone, not after 上/去/前/下/半/每/跨/往 (上年度, 跨年度): see fullYearBefore.
const RE_FULL_YEAR = new RegExp(`(?:(${YEAR})${S}(?=年度)|(${YEAR})${S}年${S}(?=全年))?(全年|年度)`, "g");

// What may precede a match: the look-behinds of these patterns, in code (see N above).
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isCnNumeral = (c: string | undefined) => c !== undefined && CN_NUM.includes(c);

/** A numeral starting a match at `i` does not continue one before it; a year may follow a point. */
function freeNumeral(norm: string, i: number, year: boolean): boolean {
  const c = norm[i];
  const prev = norm[i - 1];
  if (isDigit(c)) return !isDigit(prev) && (year || prev !== ".");
  if (isCnNumeral(c)) return !isCnNumeral(prev);
  return true;
}

/** For the patterns that may start with a year (their group 1) or a numeral. */
const numeralBefore = (norm: string, m: RegExpExecArray) => freeNumeral(norm, m.index, m[1] !== undefined);

const RE_PAUSE = /[\s,，。:：;；(（、]/;
const RE_DAY_BEFORE = /日[ \t]{0,2}$/;
function untilBefore(norm: string, m: RegExpExecArray): boolean {
  const c = norm[m.index];
  if (c === "截") return true;
  const afterDay = RE_DAY_BEFORE.test(norm.slice(Math.max(0, m.index - 3), m.index));
  if (c === "至") return m.index === 0 || RE_PAUSE.test(norm[m.index - 1]!) || afterDay;
  return afterDay;
}

const YEAR_END_NOT_AFTER = `0123456789${CN_NUM}去明前上后当`;
function yearEndBefore(norm: string, m: RegExpExecArray): boolean {
  if (norm[m.index] !== "年") return freeNumeral(norm, m.index, true);
  const prev = norm[m.index - 1];
  return prev === undefined || !YEAR_END_NOT_AFTER.includes(prev);
}

const FULL_YEAR_NOT_AFTER = "上去前下半每跨往";
function fullYearBefore(norm: string, m: RegExpExecArray): boolean {
  const prev = norm[m.index - 1];
  // Before 年度 a year may follow no digit at all, not even a Chinese year's.
  if (m[1] !== undefined) return !isDigit(prev) && freeNumeral(norm, m.index, true);
  if (m[2] !== undefined) return freeNumeral(norm, m.index, true);
  return prev === undefined || !FULL_YEAR_NOT_AFTER.includes(prev);
}

// After a month: units that make "N月" something else (月龄 = age in months, 月内 = within).
const RE_NOT_MONTH_AFTER = /^(?:份?(?:龄|内|以内|以上|以下))/;
// After a single month: a start, a day or a deadline, not a period.
const RE_EVENT_AFTER = /^[ \t]{0,2}(?:[0-9〇零○一二三四五六七八九十两日号初底末起前后]|[上中下]旬|以来|以后|以前|开始)/;
// Before a date (and its year): words that make it an event or a deadline (于9月底, 从2020年7月).
const RE_EVENT_BEFORE = /[于在到从自至止截-][ \t]*(?:(?:[0-9]{4}|[〇零○一二三四五六七八九]{4}|今|本)[ \t]*年[ \t]*)?$/;

function eventBefore(norm: string, start: number): boolean {
  return RE_EVENT_BEFORE.test(norm.slice(Math.max(0, start - 12), start));
}

const RE_REPORT_WORD = /完成情况|实施情况|执行情况|落实情况|进展情况|总结|通报|报告/;
const RE_PROGRESS_WORD = /^进展情况/;
const RE_BLOCK_WORD = /目标|计划|任务|指标|预算/;

function validMonth(m: number | null): m is number {
  return m !== null && Number.isInteger(m) && m >= 1 && m <= 12;
}

function num(s: string | undefined): number | null {
  return s === undefined ? null : parseNumeral(s);
}

interface Reading {
  months: number;
  tier: number;
}

export interface PeriodRule {
  /** Unique name of the pattern (tests, diagnostics). */
  id: string;
  /** Global; runs over the normalised text, and a candidate spans the whole match. */
  re: RegExp;
  /** Months and tier of one match, or null when the match is not a period. */
  read(m: RegExpExecArray, norm: string): Reading | null;
  /** Whether what precedes the match allows it (in place of a look-behind: see matchesWhere);
   * when not, the next match may start one character on. */
  before?(norm: string, m: RegExpExecArray): boolean;
}

function matchEnd(m: RegExpExecArray): number {
  return m.index + m[0].length;
}

/** The part of month `month` a suffix names (上半月 → half, 上旬 → 10 days, 中旬 → 20), or null. */
function partOfMonth(after: string, month: number): number | null {
  const days = DAYS_IN_MONTH[month - 1] ?? 31;
  const s = after.replace(/^[ \t]+/, "");
  if (s.startsWith("上半月")) return month - 0.5;
  if (s.startsWith("上旬")) return month - 1 + 10 / days;
  if (s.startsWith("中旬")) return month - 1 + 20 / days;
  return null;
}

// 截止日期:2008.8.4, 截至2021-09-30, 截止时间 2021/9/30: a date written in figures.
const RE_UNTIL_NUMERIC = new RegExp(`截[至止](?:日期|时间)?${S}[:：]?${S}(${YEAR})[./-](\\d{1,2})[./-](\\d{1,2})(?![0-9])`, "g");

function readUntilNumeric(m: RegExpExecArray): Reading | null {
  const month = num(m[2]);
  const day = num(m[3]);
  if (!validMonth(month) || day === null) return null;
  const days = DAYS_IN_MONTH[month - 1] ?? 31;
  if (day < 1 || day > days) return null;
  return { months: month - 1 + day / days, tier: 5 };
}

function readUntil(m: RegExpExecArray): Reading | null {
  if (m[2] === undefined) return { months: 12, tier: 5 }; // 截至(2020)年底
  const month = num(m[2]);
  if (!validMonth(month)) return null;
  const days = DAYS_IN_MONTH[month - 1] ?? 31;
  if (m[3] !== undefined) {
    const day = num(m[3]);
    if (day === null || day < 1 || day > days) return null;
    return { months: month - 1 + day / days, tier: 5 };
  }
  // 上旬/中旬: through the 10th/20th; 下旬, 底, 末: the whole month.
  if (m[4] === "上旬") return { months: month - 1 + 10 / days, tier: 5 };
  if (m[4] === "中旬") return { months: month - 1 + 20 / days, tier: 5 };
  return { months: month, tier: 5 };
}

function readQuarter(m: RegExpExecArray): Reading | null {
  const valid = (q: number | null): q is number => q !== null && q >= 1 && q <= 4;
  if (m[2] !== undefined) {
    const q = num(m[2]); // 前三季度
    return valid(q) ? { months: q * 3, tier: 5 } : null;
  }
  if (m[3] !== undefined) {
    const a = num(m[3]); // 1-3季度: cumulative only from the first quarter
    const b = num(m[4]);
    return a !== null && b !== null && a >= 1 && b <= 4 && a <= b ? { months: b * 3, tier: a === 1 ? 5 : 4 } : null;
  }
  const q = num(m[6]); // (第)三季度
  return valid(q) ? { months: q * 3, tier: 4 } : null;
}

function readMonth(m: RegExpExecArray, norm: string): Reading | null {
  const month = num(m[2]);
  if (!validMonth(month) || eventBefore(norm, m.index)) return null;
  const end = matchEnd(m);
  const after = norm.slice(end, end + 4);
  if (after.startsWith("份")) {
    // 10月份: a monthly report, unless it starts something (10月份起, 10月份以来).
    return !RE_EVENT_AFTER.test(after.slice(1)) && !RE_NOT_MONTH_AFTER.test(after) ? { months: month, tier: 3 } : null;
  }
  // 2021年10月 with no day; a bare 10月 is too often an event.
  return m[1] !== undefined && !RE_EVENT_AFTER.test(after) && !RE_NOT_MONTH_AFTER.test(after)
    ? { months: month, tier: 2 }
    : null;
}

function readFullYear(m: RegExpExecArray, norm: string): Reading | null {
  const end = matchEnd(m);
  // The rest of the phrase: up to 16 chars, stopping at punctuation.
  const phrase = /^[\p{Script=Han}0-9A-Za-z \t]{0,16}/u.exec(norm.slice(end, end + 16))?.[0] ?? "";
  const report = RE_REPORT_WORD.exec(phrase);
  if (report === null) return null;
  const block = RE_BLOCK_WORD.exec(phrase);
  if (block !== null && block.index < report.index) return null;
  if (m[3] === "年度" && RE_PROGRESS_WORD.test(phrase.slice(report.index))) return null;
  return { months: 12, tier: 4 };
}

// In the order the candidates are collected: on a full tie (tier, start, end) the earlier entry wins.
export const RULES: readonly PeriodRule[] = [
  {
    id: "month-range",
    re: RE_RANGE,
    before: numeralBefore,
    read: (m, norm) => {
      const from = num(m[2]);
      const to = num(m[3]);
      const end = matchEnd(m);
      if (!validMonth(from) || !validMonth(to) || to < from) return null;
      if (RE_NOT_MONTH_AFTER.test(norm.slice(end, end + 4))) return null;
      // 1至8月上半月, 1-8月上旬/中旬: part of the last month only.
      const part = partOfMonth(norm.slice(end, end + 4), to);
      // 4-6月 is read as "to the end of June" (6), at a lower tier than ranges from 1.
      return { months: part ?? to, tier: from === 1 ? 5 : 4 };
    },
  },
  {
    id: "first-months",
    re: RE_FIRST_MONTHS,
    before: numeralBefore,
    read: (m) => {
      const n = num(m[2]);
      return validMonth(n) ? { months: n, tier: 5 } : null;
    },
  },
  { id: "half-year", re: RE_HALF, before: numeralBefore, read: (m) => (m[2] === "上" ? { months: 6, tier: 5 } : { months: 12, tier: 4 }) },
  // One regex for 前N季度, N-M季度 and (第)N季度, so that 三季度 inside 前三季度 is not a second match.
  { id: "quarter", re: RE_QUARTER, before: numeralBefore, read: readQuarter },
  { id: "until", re: RE_UNTIL, before: untilBefore, read: readUntil },
  { id: "until-numeric-date", re: RE_UNTIL_NUMERIC, read: readUntilNumeric },
  {
    id: "month-end",
    re: RE_MONTH_END,
    before: numeralBefore,
    read: (m, norm) => {
      const month = num(m[2]);
      return validMonth(month) && !eventBefore(norm, m.index) ? { months: month, tier: 3 } : null;
    },
  },
  { id: "year-end", re: RE_YEAR_END, before: yearEndBefore, read: (m, norm) => (eventBefore(norm, m.index) ? null : { months: 12, tier: 3 }) },
  { id: "month", re: RE_MONTH, before: numeralBefore, read: readMonth },
  { id: "full-year", re: RE_FULL_YEAR, before: fullYearBefore, read: readFullYear },
];

function collect(norm: string): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    const before = rule.before;
    for (const m of matchesWhere(rule.re, norm, (x) => before === undefined || before(norm, x))) {
      const r = rule.read(m, norm);
      if (r === null) continue;
      out.push({ rule: rule.id, start: m.index, end: matchEnd(m), months: round1(r.months), tier: r.tier });
    }
  }
  return out;
}

function labelOf(norm: string, start: number, end: number): string {
  return norm.slice(start, end).replace(/[ \t]/g, "").replace(/-{2}/g, "-");
}

function pick(text: string): { norm: string; best: Candidate } | null {
  const norm = normalise(text);
  let best: Candidate | null = null;
  for (const c of collect(norm)) {
    if (
      best === null ||
      c.tier > best.tier ||
      (c.tier === best.tier && (c.start < best.start || (c.start === best.start && c.end > best.end)))
    ) {
      best = c;
    }
  }
  return best === null ? null : { norm, best };
}

/** Finds the reporting period in one text (a title, a header cell, an intro paragraph). Returns null when none. */
export function findPeriod(text: string): PeriodFinding | null {
  const picked = pick(text);
  if (picked === null) return null;
  const { norm, best } = picked;
  return { label: labelOf(norm, best.start, best.end), months: best.months, start: best.start, end: best.end };
}

/** The id of the RULES entry behind findPeriod's answer, or null when none: to see why a period was read. */
export function findPeriodRule(text: string): string | null {
  return pick(text)?.best.rule ?? null;
}

/** 序时进度 in percent: months ÷ 12 × 100, rounded to 0.1, clamped to [0, 100]. */
export function expectedProgressFromMonths(months: number): number {
  if (!Number.isFinite(months)) return months > 0 ? 100 : 0;
  const pct = Math.min(100, Math.max(0, (months / 12) * 100));
  return round1(pct);
}
