// Figures in a cell: quantities (number + unit) and percentages, each with its offsets,
// qualifiers, clause and the flags later rules rely on (aside, standard, breakdown).
import { normalize, hanOnly } from "../text/normalize";
import { ARABIC, CHINESE, CN_DIGITS, MULTIPLIER, parseNumber } from "./numbers";
import { UNITS, UNIT_WORDS, NOT_UNITS, type UnitInfo } from "./units";
import { QUALIFIERS_AFTER, QUALIFIERS_BEFORE } from "./lexicon";
import { clauseIndexAt, structure, type Structure } from "./structure";
import { matchesAfter } from "../text/preceding";
import { markStandards } from "./rules/markStandards";
import { markBreakdowns } from "./rules/markBreakdowns";

export interface Fig {
  kind: "quantity" | "percent";
  /** The number as written (58 for 58万元). */
  value: number;
  /** In the canonical unit (580000 元 for 58万元); the percentage itself for percents. */
  base: number;
  /** Unit as written, multiplier included ("万元", "公里", "%"). */
  unit: string;
  info: UnitInfo | null;
  start: number;
  end: number;
  text: string;
  qualBefore: string | undefined;
  qualAfter: string | undefined;
  clause: number;
  segment: number;
  /** Inside brackets. */
  paren: boolean;
  /** Part of a breakdown (其中…, or a bracketed split by county or department). */
  breakdown: boolean;
  /** A standard of support or a policy parameter (每人每月60元, 按80%报销, 1.3倍). */
  standard: boolean;
  /** Normalised clause text before and after the figure. */
  before: string;
  after: string;
  /** Meaningful words of the clause without the figure, for similarity. */
  ctx: string;
  /** Meaningful words of the first clause of the segment (the topic). */
  lead: string;
}

export interface ScannedText {
  original: string;
  structure: Structure;
  figures: Fig[];
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const UNIT_ALT = UNIT_WORDS.map(esc).join("|");
const MULT_ALT = Object.keys(MULTIPLIER).sort((a, b) => b.length - a.length).map(esc).join("|");

// A number-aware boundary: nothing matches 0.993 inside 280.993, nor 三 inside 第三, nor an
// ordinal (第3批, 第1、2批) or the upper end of a range (3-5人). Each pattern starts with the
// character before the figure, consumed (see matchesAfter: look-behind would stop older webviews);
// the ordinal and the range look further back, in code.
const ORDINAL_BEFORE = new RegExp(String.raw`第[\d${CN_DIGITS}十百、,]{0,8}$`);
const RANGE_BEFORE = /\d\s?[-~]$/;
const notOrdinalNorRange = (text: string) => (start: number) =>
  !ORDINAL_BEFORE.test(text.slice(Math.max(0, start - 9), start)) && !RANGE_BEFORE.test(text.slice(Math.max(0, start - 3), start));
const notOrdinal = (text: string) => (start: number) => !ORDINAL_BEFORE.test(text.slice(Math.max(0, start - 9), start));
// Two expressions, not one alternation: each then starts only where its first character can.
const QUANTITY_ARABIC = new RegExp(
  // (?=\d) first: positions without a digit next fail at once.
  String.raw`[^\d.,](?=\d)(?<num>${ARABIC})(?![\d])\s?(?:(?<more>[多余])\s?)?(?:(?<mult>${MULT_ALT})\s?)?(?:(?<more2>[多余])\s?)?(?<unit>${UNIT_ALT})`,
  "g",
);
const QUANTITY_CHINESE = new RegExp(
  String.raw`[^第${CN_DIGITS}十百千万亿](?=[${CN_DIGITS}十百千万亿])(?<cn>${CHINESE})(?:(?<cmult>${MULT_ALT}))?(?<cunit>${UNIT_ALT})`,
  "g",
);
// 百分之 may follow anything.
const PERCENT = new RegExp(String.raw`[^\d.,](?=\d)(${ARABIC})\s?%|[\s\S]百分之(${ARABIC}|${CHINESE})`, "g");

const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 24;

/** Cap on figures read from one cell: bounds the pairing work on pathological cells. */
export const MAX_FIGURES = 400;

const endsWithAny = (s: string, words: readonly string[]) => words.find((w) => s.endsWith(w));
const startsWithAny = (s: string, words: readonly string[]) => words.find((w) => s.startsWith(w));

/** Ranks, not counts (前3名, 居全省前三位, 排名全省12位, 上升3位): 名/位 after 前, a ranking verb
 * or a move in rank. The characters excluded before 前 make words of time (目前, 此前, 年底前):
 * 目前120名教师 is a count. */
const RANK_BEFORE =
  /(?:^|[^目此之当提日以节底])前\s?$|(?:排名|位列|名列|位居)(?:全[国省市区县州])?\s?$|居全[国省市区县州]\s?$|(?:上升|前进|下降|后退)\s?$/;
const RANK_UNITS = ["名", "位"];
/** 提升5位 is a move in rank; 学历提升300名 is a count. */
const RANK_BEFORE_WEI = /(?:提升|提高)\s?$/;

/** A round number alone (百/千/万…) counts only after a word of approximation (近千人, 逾百家):
 * 千人计划 and 万人次 alone are names. */
const ROUND = /^(?:百|千|万|亿|百万|千万)$/;
const APPROX = /(?:近|约|逾|超过|超|上)$/;
/** Words that end like one but are not (附近, 签约, 线上, 成千上万). */
const NOT_APPROX = ["附近", "最近", "就近", "临近", "签约", "预约", "节约", "履约", "合约", "制约", "线上", "网上", "以上", "之上", "晚上", "早上", "会上", "路上", "千上"];

function approxWord(norm: string, start: number): string | undefined {
  const w = APPROX.exec(norm.slice(Math.max(0, start - 2), start))?.[0];
  if (!w || NOT_APPROX.includes(norm.slice(Math.max(0, start - w.length - 1), start))) return undefined;
  return w;
}

/** Short quoted spans (“两个确保”, “三个一批”, 『五个一』): slogans, not counts. */
const SLOGAN = /[“"「『]([^“”"「」『』]{1,10})[”"」』]/g;

/** The normalised text for number matching: a Chinese comma (，) stays a Chinese comma, so it
 * never reads as a thousands separator (1，234人 is 1 and 234人). Same length as the input. */
function numberText(original: string, norm: string): string {
  if (!original.includes("，")) return norm;
  return norm.replace(/,/g, (c, i: number) => (original[i] === "，" ? "，" : c));
}

export function scan(original: string): ScannedText {
  const norm = normalize(original);
  const st = structure(original, norm);
  const forNumbers = numberText(original, norm);
  const slogans: [number, number][] = [];
  for (const m of norm.matchAll(SLOGAN)) slogans.push([m.index!, m.index! + m[0].length]);
  // Matches come in order, so one pointer walks the slogans once.
  let sl = 0;
  const inSlogan = (a: number, b: number) => {
    while (sl < slogans.length && slogans[sl]![1] <= a) sl++;
    const q = slogans[sl];
    return q !== undefined && a > q[0] && b < q[1];
  };
  const figures: Fig[] = [];
  const add = (kind: Fig["kind"], value: number, base: number, unit: string, info: UnitInfo | null, start: number, end: number, qualBefore?: string) => {
    const k = clauseIndexAt(st, start);
    const clause = st.clauses[k];
    if (!clause) return;
    // A window around the figure: local words name it, and a bounded window keeps long cells linear.
    const before = norm.slice(Math.max(clause.start, start - WINDOW_BEFORE), start);
    const after = norm.slice(end, Math.min(clause.end, end + WINDOW_AFTER));
    // One literal with every field, in one order: keeps the objects' shape stable (fast).
    figures.push({
      kind, value, base, unit, info, start, end,
      text: original.slice(start, end),
      qualBefore,
      qualAfter: undefined,
      clause: k,
      segment: clause.segment,
      paren: clause.paren,
      breakdown: false,
      standard: false,
      before,
      after,
      ctx: hanOnly(before + after),
      lead: "",
    });
  };

  const matches = [
    ...matchesAfter(QUANTITY_ARABIC, forNumbers, notOrdinalNorRange(forNumbers)),
    ...matchesAfter(QUANTITY_CHINESE, forNumbers, notOrdinal(forNumbers)),
  ].sort((a, b) => a.start - b.start);
  for (const { start, end, m } of matches) {
    if (figures.length >= MAX_FIGURES) break;
    const g = m.groups ?? {};
    const arabic = g.num;
    const numText = arabic ?? g.cn ?? "";
    const mult = arabic ? g.mult : g.cmult;
    const unit = (arabic ? g.unit : g.cunit) ?? "";
    if (NOT_UNITS.includes(unit)) continue;
    const info = UNITS[unit];
    if (!info) continue;
    if (RANK_UNITS.includes(unit)) {
      const pre = norm.slice(Math.max(0, start - 8), start);
      if (RANK_BEFORE.test(pre) || (unit === "位" && RANK_BEFORE_WEI.test(pre))) continue;
    }
    const approx = !arabic && ROUND.test(numText) ? approxWord(norm, start) : undefined;
    if (!arabic && !approx) {
      // A lone 一 (一批, 一个) is "some", not a count; a numeral needs a digit (万人 is not 1万人).
      if (numText === "一" || !/[零〇一二两三四五六七八九十]/.test(numText)) continue;
      if (/^[十百千万亿]/.test(numText) && !numText.startsWith("十")) continue;
    }
    const value = parseNumber(numText);
    if (!Number.isFinite(value)) continue;
    if (inSlogan(start, end)) continue;
    // 1人1档, 1村1品: a one-for-one pattern, not a count.
    if (value === 1 && /^[1一][\u4e00-\u9fff]/.test(norm.slice(end, end + 2))) continue;
    const factor = mult ? MULTIPLIER[mult]! : 1;
    // 逾, 超, 上 are not among the lexicon's qualifiers: the word is kept unless the lexicon finds one.
    add("quantity", value, value * factor * info.factor, (mult ?? "") + unit, info, start, end, approx);
  }
  for (const { start, end, m } of matchesAfter(PERCENT, forNumbers)) {
    if (figures.length >= MAX_FIGURES) break;
    const numText = m[1] ?? m[2] ?? "";
    const value = parseNumber(numText);
    if (!Number.isFinite(value)) continue;
    add("percent", value, value, "%", null, start, end);
  }
  figures.sort((a, b) => a.start - b.start);

  const leads = new Map<number, string>();
  for (const c of st.clauses) {
    // Lead: the first clause of the segment that is not an aside.
    if (!c.paren && !leads.has(c.segment)) leads.set(c.segment, hanOnly(norm.slice(c.start, Math.min(c.end, c.start + WINDOW_BEFORE))));
  }
  for (const f of figures) {
    const q = endsWithAny(f.before, QUALIFIERS_BEFORE);
    if (q) f.qualBefore = q;
    const qa = startsWithAny(f.after, QUALIFIERS_AFTER);
    if (qa) f.qualAfter = qa;
    f.lead = leads.get(f.segment) ?? "";
  }
  markStandards(figures, st);
  markBreakdowns(figures, st);
  return { original, structure: st, figures };
}
