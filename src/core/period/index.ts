// Reporting period of a bulletin (1-6月, 上半年, 前三季度, 截至10月31日…) and 序时进度.
//
// Rules, in order of preference (a higher tier wins; ties go to the earliest, then longest span):
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

const CN_DIGITS: Record<string, number> = {
  "〇": 0, "零": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
  "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
};

/** 6, 06, 六, 十, 十二, 二十七, 三十一 → number; null when not a plain numeral. */
export function parseNumeral(s: string): number | null {
  if (/^[0-9]+$/.test(s)) return Number(s);
  const ten = s.indexOf("十");
  if (ten < 0) return s.length === 1 ? (CN_DIGITS[s] ?? null) : null;
  if (ten > 1 || s.indexOf("十", ten + 1) >= 0) return null;
  const tens = ten === 0 ? 1 : CN_DIGITS[s.charAt(0)];
  if (tens === undefined || tens === 0) return null;
  const rest = s.slice(ten + 1);
  if (rest === "") return tens * 10;
  const units = rest.length === 1 ? CN_DIGITS[rest] : undefined;
  if (units === undefined || units === 0) return null;
  return tens * 10 + units;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

// Regex building blocks (applied to the normalised text).
const S = "[ \\t]{0,2}";
const CN_NUM = "〇零○一二三四五六七八九十两";
// A month/day/quarter numeral, not glued to a preceding numeral or decimal point.
const N = `(?:(?<![0-9.])[0-9]{1,2}(?![0-9])|(?<![${CN_NUM}])[${CN_NUM}]{1,3})`;
const YEAR = `(?:(?<![0-9])[12][0-9]{3}|(?<![${CN_NUM}])[〇零○一二三四五六七八九]{4})`;
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
const RE_UNTIL = new RegExp(
  `(?:截[至止][到至]?|(?<=^|[\\s,，。:：;；(（、])至|(?<=日${S})(?:至|到|-{1,2}))${S}` +
    `(?:(?:(?:(${YEAR})|今|本)${S}年${S})?(${N})${S}月(?:${S}(${N})${S}[日号]|${S}(底|末|上旬|中旬|下旬))?` +
    `|(?:${YEAR}|今|本)?${S}年${S}[底末])`,
  "g",
);
const RE_MONTH_END = new RegExp(`(?:(${YEAR})${S}年${S})?(${N})${S}月${S}[底末](?!${S}前)`, "g");
const RE_YEAR_END = new RegExp(
  `(?:${YEAR}${S}|[今本]${S}|(?<![0-9${CN_NUM}去明前上后当]))年${S}[底末](?!${S}前)`,
  "g",
);
const RE_MONTH = new RegExp(`(?:(${YEAR})${S}年${S})?(${N})${S}月`, "g");
const RE_FULL_YEAR = new RegExp(
  `(?:(?<![0-9])(${YEAR})${S}(?=年度)|(${YEAR})${S}年${S}(?=全年))?(?<![上去前下半每跨往])(全年|年度)`,
  "g",
);

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

function collect(norm: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (start: number, end: number, months: number, tier: number): void => {
    out.push({ start, end, months: round1(months), tier });
  };

  for (const m of norm.matchAll(RE_RANGE)) {
    const from = num(m[2]);
    const to = num(m[3]);
    const end = m.index + m[0].length;
    if (!validMonth(from) || !validMonth(to) || to < from) continue;
    if (RE_NOT_MONTH_AFTER.test(norm.slice(end, end + 4))) continue;
    // 4-6月 is read as "to the end of June" (6), at a lower tier than ranges from 1.
    add(m.index, end, to, from === 1 ? 5 : 4);
  }

  for (const m of norm.matchAll(RE_FIRST_MONTHS)) {
    const n = num(m[2]);
    if (validMonth(n)) add(m.index, m.index + m[0].length, n, 5);
  }

  for (const m of norm.matchAll(RE_HALF)) {
    const upper = m[2] === "上";
    add(m.index, m.index + m[0].length, upper ? 6 : 12, upper ? 5 : 4);
  }

  for (const m of norm.matchAll(RE_QUARTER)) {
    const end = m.index + m[0].length;
    if (m[2] !== undefined) {
      const q = num(m[2]);
      if (q !== null && q >= 1 && q <= 4) add(m.index, end, q * 3, 5);
    } else if (m[3] !== undefined) {
      const a = num(m[3]);
      const b = num(m[4]);
      if (a !== null && b !== null && a >= 1 && b <= 4 && a <= b) add(m.index, end, b * 3, a === 1 ? 5 : 4);
    } else {
      const q = num(m[6]);
      if (q !== null && q >= 1 && q <= 4) add(m.index, end, q * 3, 4);
    }
  }

  for (const m of norm.matchAll(RE_UNTIL)) {
    const end = m.index + m[0].length;
    if (m[2] === undefined) {
      add(m.index, end, 12, 5); // 截至(2020)年底
      continue;
    }
    const month = num(m[2]);
    if (!validMonth(month)) continue;
    const days = DAYS_IN_MONTH[month - 1] ?? 31;
    let months = month;
    if (m[3] !== undefined) {
      const day = num(m[3]);
      if (day === null || day < 1 || day > days) continue;
      months = month - 1 + day / days;
    } else if (m[4] === "上旬") {
      // 上旬/中旬: through the 10th/20th; 下旬, 底, 末: the whole month.
      months = month - 1 + 10 / days;
    } else if (m[4] === "中旬") {
      months = month - 1 + 20 / days;
    }
    add(m.index, end, months, 5);
  }

  for (const m of norm.matchAll(RE_MONTH_END)) {
    const month = num(m[2]);
    if (validMonth(month) && !eventBefore(norm, m.index)) add(m.index, m.index + m[0].length, month, 3);
  }

  for (const m of norm.matchAll(RE_YEAR_END)) {
    if (!eventBefore(norm, m.index)) add(m.index, m.index + m[0].length, 12, 3);
  }

  for (const m of norm.matchAll(RE_MONTH)) {
    const month = num(m[2]);
    const end = m.index + m[0].length;
    if (!validMonth(month) || eventBefore(norm, m.index)) continue;
    const after = norm.slice(end, end + 4);
    if (after.startsWith("份")) {
      // 10月份: a monthly report, unless it starts something (10月份起, 10月份以来).
      if (!RE_EVENT_AFTER.test(after.slice(1)) && !RE_NOT_MONTH_AFTER.test(after)) add(m.index, end, month, 3);
    } else if (m[1] !== undefined && !RE_EVENT_AFTER.test(after) && !RE_NOT_MONTH_AFTER.test(after)) {
      add(m.index, end, month, 2); // 2021年10月 with no day
    }
  }

  for (const m of norm.matchAll(RE_FULL_YEAR)) {
    const end = m.index + m[0].length;
    // The rest of the phrase: up to 16 chars, stopping at punctuation.
    const phrase = /^[\p{Script=Han}0-9A-Za-z \t]{0,16}/u.exec(norm.slice(end, end + 16))?.[0] ?? "";
    const report = RE_REPORT_WORD.exec(phrase);
    if (report === null) continue;
    const block = RE_BLOCK_WORD.exec(phrase);
    if (block !== null && block.index < report.index) continue;
    if (m[3] === "年度" && RE_PROGRESS_WORD.test(phrase.slice(report.index))) continue;
    add(m.index, end, 12, 4);
  }

  return out;
}

function labelOf(norm: string, start: number, end: number): string {
  return norm.slice(start, end).replace(/[ \t]/g, "").replace(/-{2}/g, "-");
}

/** Finds the reporting period in one text (a title, a header cell, an intro paragraph). Returns null when none. */
export function findPeriod(text: string): PeriodFinding | null {
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
  if (best === null) return null;
  return { label: labelOf(norm, best.start, best.end), months: best.months, start: best.start, end: best.end };
}

/** 序时进度 in percent: months ÷ 12 × 100, rounded to 0.1, clamped to [0, 100]. */
export function expectedProgressFromMonths(months: number): number {
  if (!Number.isFinite(months)) return months > 0 ? 100 : 0;
  const pct = Math.min(100, Math.max(0, (months / 12) * 100));
  return round1(pct);
}
