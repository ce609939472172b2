// Indicators from numeric columns: each column group (目标 / 完成 / 比例) of a row gives one
// indicator, with the column it came from as evidence. A stated rate wins over a recomputation;
// a rate target (参保率(%), 失业率低于(%)) is a level held to 100, a ceiling when lower is better.
import type { CellValue, Indicator } from "../types";
import type { ColumnGroup, ColumnInfo } from "../table/columns";
import { cellText } from "../table/detect";
import { doneRateCell, parseNumberCell, type NumberCell } from "./cells";
import { round2 } from "./numbers";
import { normalize } from "../text/normalize";
import { heldTo, INDICATOR_KINDS } from "./kinds";
import { findPeriod } from "../period";

export const id = "column-groups";

const CEILING_WORDS = /(低于|以内|以下|控制在|不超过|不高于|下降|减少|降低)/;
/** Measures where less is better, whatever the words around the target (失业率, 能耗). */
const LOWER_IS_BETTER = /(失业率|发生率|死亡率|发病率|事故|能耗|排放|PM2\.?5|浓度|负债率|不良率|空置率|辍学率|返贫|超标)/;
const ABOUT = /(左右|约)/;

export interface GroupContext {
  columns: ColumnInfo[];
  /** The row's name text (project or indicator name), which may carry 率 / (%) / 低于. */
  name: string;
  /** The row's unit of measure (a 单位 column: 万人, %), when the table has one. */
  measure?: string;
  /** Expected progress for cumulative quantities. */
  expected: number;
  /** Months elapsed (unrounded), when known: a part-year plan is held to months ÷ its months. */
  months?: number;
  /**
   * Target rates stated outside the table (投资完成率达到50%): a stated rate whose header
   * names the same measure is judged against it.
   */
  rateTargets: { words: string; value: number }[];
}

const text = (v: CellValue | undefined) => cellText(v).trim();

function rateValue(v: CellValue | undefined): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return Math.abs(v) <= 1.5 && !Number.isInteger(v) ? v * 100 : v;
  const n = parseNumberCell(v);
  if (n) return n.value;
  return doneRateCell(v) ? 100 : null;
}

/** Shared two-character words: does a header name the same measure as a stated target? */
function sameMeasure(a: string, b: string): boolean {
  const grams = (s: string) => new Set([...Array(Math.max(0, s.length - 1)).keys()].map((i) => s.slice(i, i + 2)));
  const ga = grams(a.replace(/[^\u4e00-\u9fff]/g, ""));
  const gb = grams(b.replace(/[^\u4e00-\u9fff]/g, ""));
  let n = 0;
  for (const g of ga) if (gb.has(g)) n++;
  return n >= 2 && gb.has(b.replace(/[^\u4e00-\u9fff]/g, "").slice(-2));
}

/**
 * Months of a part-year plan a header names (前三季度投资计划, 完成上半年目标任务占比): the period
 * words followed by 目标 / 计划 / 任务. Null for a report period (1-7月完成) or none.
 */
export function planMonths(header: string): number | null {
  const h = normalize(header).replace(/\s+/g, "");
  const p = findPeriod(h);
  if (!p || p.months >= 12) return null;
  return /^(的)?[\u4e00-\u9fff]{0,3}?(目标|计划|任务)/.test(h.slice(p.end)) ? p.months : null;
}

export function groupIndicators(values: CellValue[], groups: ColumnGroup[], ctx: GroupContext): Indicator[] {
  const out: Indicator[] = [];
  for (const g of groups) {
    const head = (c: number | undefined) => (c === undefined ? "" : ctx.columns[c]?.own ?? "");
    const label = [g.name, head(g.rate ?? g.actual ?? g.target)].filter(Boolean).join(" ");
    const t: NumberCell | null = g.target !== undefined ? parseNumberCell(values[g.target]) : null;
    const a: NumberCell | null = g.actual !== undefined ? parseNumberCell(values[g.actual]) : null;
    const rateCell = g.rate !== undefined ? values[g.rate] : undefined;
    const stated = g.rate !== undefined ? rateValue(rateCell) : null;
    const words = normalize(`${g.name} ${head(g.target)} ${ctx.name} ${t?.qualifier ?? ""}`);
    // A level when the measure is a rate: % in its unit or name (参保率(%), 失业率低于(%)).
    const level =
      g.unit === "%" || t?.percent === true || /^\s*[%％]\s*$/.test(ctx.measure ?? "") || /(率|\(%\))/.test(normalize(`${g.name}${ctx.name}`));
    const ceiling = level && (CEILING_WORDS.test(words) || LOWER_IS_BETTER.test(words));
    const about = ABOUT.test(t?.qualifier ?? "") || ABOUT.test(text(g.target !== undefined ? values[g.target] : null));
    const kind: Indicator["kind"] = ceiling ? "ceiling" : level ? "rate" : "quantity";
    const expected = heldTo(kind, ctx.expected, about);
    const fig = (n: NumberCell, c: number | undefined) =>
      ({ value: n.value, unit: g.unit, text: n.text, start: 0, end: n.text.length, field: "column" as const, ...(c !== undefined ? { column: ctx.columns[c]?.column ?? c + 1 } : {}) });
    // A plan for part of the year (前三季度计划) is due in full at its end: held to the share of it elapsed.
    const plan = planMonths(head(g.rate)) ?? planMonths(head(g.target));
    const elapsed = ctx.months ?? (ctx.expected * 12) / 100;
    const quantityExpected = plan === null ? ctx.expected : Math.min(100, Math.round((elapsed / plan) * 1000) / 10);
    if (stated !== null) {
      // A stated rate of the plan, judged against a target rate stated for it (达到50%).
      const rateHead = head(g.rate);
      const goal = ctx.rateTargets.find((r) => sameMeasure(rateHead, r.words));
      const completion = goal && goal.value > 0 ? round2((stated / goal.value) * 100) : round2(stated);
      out.push({
        kind: level && !goal ? kind : "quantity",
        ...(t ? { target: fig(t, g.target) } : {}),
        ...(a ? { actual: fig(a, g.actual) } : {}),
        completion,
        reported: true,
        evidence: goal ? `${rateHead} ${text(rateCell)} ÷ ${goal.value}%` : `${rateHead} ${text(rateCell)}`,
        rule: goal ? "column-rate-of-target" : "column-rate",
        expected: level && !goal ? expected : quantityExpected,
        subject: label.slice(-16),
      });
      continue;
    }
    if (!t || !a) continue;
    const raw = INDICATOR_KINDS[kind].completion(t.value, a.value);
    if (raw === null || !Number.isFinite(raw)) continue;
    out.push({
      kind,
      target: fig(t, g.target),
      actual: fig(a, g.actual),
      completion: round2(raw),
      reported: false,
      evidence: ceiling ? `${t.text} ÷ ${a.text}（${label}，越低越好）` : `${a.text} ÷ ${t.text}（${label}）`,
      rule: ceiling ? "column-ceiling" : "column-pair",
      expected: kind === "quantity" ? quantityExpected : expected,
      subject: label.slice(-16),
    });
  }
  return out;
}

const RATE_TARGET = /([\u4e00-\u9fff]{1,8}率)(?:要|需|应)?(?:达到|达|不低于|不少于)\s?(\d+(?:\.\d+)?)\s?%/g;

/** Target rates stated in the text above the table (投资完成率达到50%及以上). */
export function rateTargetsIn(texts: string[]): GroupContext["rateTargets"] {
  const out: GroupContext["rateTargets"] = [];
  for (const t of texts) {
    for (const m of normalize(t).matchAll(RATE_TARGET)) out.push({ words: m[1]!, value: Number(m[2]) });
  }
  return out;
}
