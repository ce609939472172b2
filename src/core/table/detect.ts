// Finds the table in a grid: the header row (anywhere, below titles and an intro), the columns'
// roles, the title and the data rows, with merged or blank 序号/实施单位 filled down.
import type { CellValue, ColumnRole, Grid, HeaderInfo } from "../types";
import { JinduError } from "../errors";
import { normalize } from "../text/normalize";
import { roleOf } from "./headers";
import { columnModel, headerKind, isNumberCell, numericGroups, type ColumnGroup, type ColumnInfo, type ColumnKind } from "./columns";

export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  cells: Partial<Record<ColumnRole, string>>;
  /** Raw value of the completion column (a number stored as a number, or text). */
  completionValue?: CellValue;
  /** The row's values, by 0-based grid column (for the numeric column groups). */
  values: CellValue[];
  /** A 合计 / 全省 / 全市 row: a total, not one more unit. */
  total?: boolean;
}

export interface Table {
  header: HeaderInfo;
  title: string;
  /** Text above the header (title, notes, intro paragraph), in order. */
  preamble: string[];
  rows: TableRow[];
  /** Every column of the table, with what it holds. */
  columns: ColumnInfo[];
  /** Numeric columns grouped into indicators (目标 / 完成 / 比例). */
  groups: ColumnGroup[];
  /** "region" when each row is a place (县区, 市州, 省份) and the project is the table's own. */
  rowKey: "project" | "region";
  /** 0-based column of the previous period's progress (1-10月 beside 1-11月), when there is one. */
  previousProgress?: number;
}

/** Cell value as text: numbers as written, errors as their code, booleans in Chinese. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "是" : "否";
  return "";
}

/** Expands merged areas: every cell of a merge takes the top-left value. */
export function fillMerges(grid: Grid): CellValue[][] {
  const values = grid.values.map((r) => r.slice());
  for (const m of grid.merges) {
    const r0 = m.top - grid.top;
    const c0 = m.left - grid.left;
    const v = values[r0]?.[c0] ?? null;
    for (let r = Math.max(0, r0); r <= m.bottom - grid.top && r < values.length; r++) {
      const row = values[r]!;
      for (let c = Math.max(0, c0); c <= m.right - grid.left; c++) {
        if (r === r0 && c === c0) continue;
        row[c] = v;
      }
    }
  }
  return values;
}

const MAX_HEADER_SCAN = 60;

function scoreHeader(row: CellValue[]): { roles: Map<ColumnRole, number>; score: number } {
  const roles = new Map<ColumnRole, number>();
  row.forEach((v, c) => {
    if (typeof v !== "string") return;
    const role = roleOf(normalize(v));
    if (role && !roles.has(role)) roles.set(role, c);
  });
  const has = (r: ColumnRole) => roles.has(r);
  const core = (has("project") ? 1 : 0) + (has("progress") ? 1 : 0) + (has("target") ? 1 : 0);
  const score = core >= 2 || (core >= 1 && roles.size >= 3) ? roles.size + core : 0;
  return { roles, score };
}

/** Section headings (一、教育类, (一)民生工程) and notes (注:…) are not projects. */
function isSectionOrNote(texts: string[]): boolean {
  // A heading merged across the row repeats in every cell: count it once.
  const filled = texts.map((t) => t.trim()).filter((t, i, all) => t !== "" && t !== all[i - 1]);
  if (filled.length === 0) return true;
  if (filled.length > 2) return false;
  const first = normalize(filled[0]!).trim();
  return /^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[部类]|注[:：]|备注|合计|总计|小计)/.test(first);
}

/**
 * True when `next` continues the header row: no numbers, every filled cell either repeats the
 * cell above (a vertical merge) or is a short heading, and at least one is new.
 */
function isHeaderContinuation(header: CellValue[], next: CellValue[]): boolean {
  let fresh = 0;
  for (let c = 0; c < next.length; c++) {
    const t = cellText(next[c]).trim();
    if (!t) continue;
    if (typeof next[c] === "number") return false;
    if (t === cellText(header[c]).trim()) continue;
    if (t.length > 12 || /\d/.test(t)) return false;
    fresh++;
  }
  return fresh > 0 && scoreHeader(next).roles.size > 0;
}

/** Joins a row's texts, once per run of equal cells (a title merged across the table). */
function rowText(row: CellValue[]): string {
  const out: string[] = [];
  for (const v of row) {
    const t = cellText(v).trim();
    if (t && t !== out[out.length - 1]) out.push(t);
  }
  return out.join(" ");
}


/** A row that can be part of a header band: short texts, no numbers, more than a title. */
function headerLike(row: CellValue[] | undefined): boolean {
  if (!row) return false;
  const filled: [number, string][] = [];
  for (let c = 0; c < row.length; c++) {
    const t = cellText(row[c]).trim();
    if (!t) continue;
    // Numbers, long texts, label: value pairs (填报单位：…) and dates are not headings.
    if (isNumberCell(row[c]) || t.length > 24 || /[:：]/.test(t) || /(\d\s?月\s?\d{1,2}\s?日|\d{4}[-/.]\d)/.test(t)) return false;
    filled.push([c, t]);
  }
  if (filled.length === 0) return false;
  const distinct = new Set(filled.map(([, t]) => t));
  // A title (alone in the first column, or merged across the row) is not a header.
  return distinct.size >= 2 || filled[0]![0] > 0;
}

const KEY_KINDS: ReadonlySet<ColumnKind> = new Set(["seq", "region", "unit", "project"]);
const VALUE_KINDS: ReadonlySet<ColumnKind> = new Set(["target", "actual", "rate", "progress", "status", "monthly"]);

/**
 * A header by the column lexicon: the row's own words, with blanks taken from header rows above
 * it (a heading merged down). Counts kinds of key and value columns; 0 when not a header.
 */
function scoreByLexicon(values: CellValue[][], r: number): number {
  const row = values[r]!;
  if (!headerLike(row)) return 0;
  const width = Math.max(row.length, values[r - 1]?.length ?? 0);
  let keys = 0;
  let rates = 0;
  let project = false;
  const valueKinds = new Set<ColumnKind>();
  let classified = 0;
  for (let c = 0; c < width; c++) {
    let t = cellText(row[c]).trim();
    for (let up = 1; !t && up <= 4 && headerLike(values[r - up]); up++) t = cellText(values[r - up]![c]).trim();
    if (!t) continue;
    const { kind, score } = headerKind(t);
    if (score === 0) continue;
    classified++;
    if (KEY_KINDS.has(kind)) keys++;
    if (kind === "project") project = true;
    if (VALUE_KINDS.has(kind)) valueKinds.add(kind);
    if (kind === "rate") rates++;
  }
  if (keys === 0 || classified < 3) return 0;
  // Two kinds of figures, a rate, or (a table of words) a project and its progress.
  if (valueKinds.size < 2 && rates === 0 && !(project && valueKinds.has("progress"))) return 0;
  return classified + valueKinds.size;
}

const TOTAL_ROW = /^(合计|总计|小计|全省|全市|全国|全区|全县|全州|全盟|全自治区|全旗|总体)$/;

export function detectTable(grid: Grid): Table {
  const values = fillMerges(grid);
  if (values.length === 0 || values.every((r) => r.every((v) => cellText(v).trim() === ""))) {
    throw new JinduError("empty_sheet", grid.sheet);
  }
  let best = -1;
  let bestScore = 0;
  let bestRoles = new Map<ColumnRole, number>();
  const limit = Math.min(values.length, MAX_HEADER_SCAN);
  for (let r = 0; r < limit; r++) {
    const { roles, score } = scoreHeader(values[r]!);
    const lexical = scoreByLexicon(values, r);
    if (Math.max(score, lexical) > bestScore) {
      best = r;
      bestScore = Math.max(score, lexical);
      bestRoles = roles;
    }
  }
  if (best < 0) throw new JinduError("no_header", grid.sheet);
  // The sub-heading row of a two-row header can outscore its group row: start at the group row.
  const above = values[best - 1];
  let top = best;
  if (above && scoreHeader(above).score > 0 && isHeaderContinuation(above, values[best]!)) {
    best -= 1;
    top = best;
    bestRoles = scoreHeader(above).roles;
  }

  // A two-row header: group headings above sub-headings (完成情况 → 完成数 | 完成率). After the
  // merges are filled, the row below repeats the merged cells and adds the sub-headings.
  let lastHeader = best;
  const next = values[best + 1];
  if (next && isHeaderContinuation(values[best]!, next)) {
    const { roles } = scoreHeader(next);
    for (const [k, c] of roles) {
      if (cellText(next[c]) === cellText(values[best]![c])) continue;
      // A sub-heading names the column better than the group above it.
      for (const [k2, c2] of bestRoles) if (c2 === c && k2 !== k) bestRoles.delete(k2);
      bestRoles.set(k, c);
    }
    lastHeader = best + 1;
  }
  // Sub-headings below (绝对值 | 增长% under 2021年完成 | 2022年计划): short texts that leave the
  // row's name columns blank, as a heading merged down does.
  const keyCols = [...bestRoles].filter(([r]) => r === "project" || r === "unit").map(([, c]) => c);
  while (lastHeader - top < 4 && keyCols.length > 0) {
    const row = values[lastHeader + 1];
    if (!headerLike(row) || isSectionOrNote(row!.map(cellText))) break;
    if (keyCols.some((c) => cellText(row![c]).trim() !== "" && cellText(row![c]).trim() !== cellText(values[lastHeader]![c]).trim())) break;
    if (row!.filter((v) => cellText(v).trim()).length < 2) break;
    lastHeader++;
  }
  // Group headings above (a header of up to five rows: 地区 | 工程 | 项目 | 指标 | 目标/进度/比例).
  while (top > 0 && lastHeader - top < 4 && headerLike(values[top - 1])) top--;

  const width = Math.max(...values.slice(top, lastHeader + 1).map((r) => r.length));
  const model = columnModel(values, top, lastHeader, width, grid.left);
  const kindAt = (k: ColumnKind) => model.find((c) => c.kind === k)?.index;
  // Roles the synonyms missed, from the column model (a region column, a numeric table's columns).
  const fill = (role: ColumnRole, ...kinds: ColumnKind[]) => {
    if (bestRoles.has(role)) return;
    for (const k of kinds) {
      const c = kindAt(k);
      if (c !== undefined && ![...bestRoles.values()].includes(c)) {
        bestRoles.set(role, c);
        return;
      }
    }
  };
  fill("seq", "seq");
  fill("unit", "region", "unit");
  fill("project", "project");
  fill("status", "status");
  fill("progress", "progress");
  // Several progress columns (1-10月推进情况 | 1-11月推进情况): the latest one is the progress.
  const progressCols = model.filter((c) => c.kind === "progress" && c.months !== undefined);
  let previous: ColumnInfo | undefined;
  if (progressCols.length >= 2) {
    const latest = progressCols.reduce((a, b) => ((b.months ?? 0) > (a.months ?? 0) ? b : a));
    bestRoles.set("progress", latest.index);
    // The one before it is kept as the previous reading.
    previous = progressCols.filter((c) => c !== latest && (c.months ?? 0) < (latest.months ?? 0)).sort((a, b) => (b.months ?? 0) - (a.months ?? 0))[0];
  }
  const groups = numericGroups(model);
  const regionCol = model.find((c) => c.kind === "region")?.index;
  const rowKey: Table["rowKey"] = regionCol !== undefined && !bestRoles.has("project") ? "region" : "project";
  const numericTable = groups.length > 0 && model.some((c) => KEY_KINDS.has(c.kind) && c.kind !== "seq");
  if (!numericTable) {
    if (!bestRoles.has("project") && !bestRoles.has("target")) throw new JinduError("no_header", grid.sheet);
    if (!bestRoles.has("progress") && !bestRoles.has("completion") && !bestRoles.has("status")) {
      throw new JinduError("no_header", grid.sheet);
    }
  }

  const columns: Partial<Record<ColumnRole, number>> = {};
  const labels: Partial<Record<ColumnRole, string>> = {};
  for (const [role, c] of bestRoles) {
    columns[role] = c + grid.left;
    labels[role] = model[c]?.own ?? cellText((lastHeader > best && values[lastHeader]![c] ? values[lastHeader]! : values[best]!)[c]).trim();
  }
  let lastCol = 0;
  for (let r = top; r <= lastHeader; r++) values[r]!.forEach((v, c) => { if (cellText(v).trim()) lastCol = Math.max(lastCol, c); });
  let firstCol = Infinity;
  for (let r = top; r <= lastHeader; r++) {
    const f = values[r]!.findIndex((v) => cellText(v).trim() !== "");
    if (f >= 0) firstCol = Math.min(firstCol, f);
  }
  const header: HeaderInfo = {
    row: top + grid.top,
    lastRow: lastHeader + grid.top,
    columns,
    labels,
    firstColumn: (Number.isFinite(firstCol) ? firstCol : 0) + grid.left,
    lastColumn: lastCol + grid.left,
  };

  const preamble: string[] = [];
  for (let r = 0; r < top; r++) {
    const t = rowText(values[r]!);
    if (t) preamble.push(t);
  }
  const title =
    preamble.find((t) => t.length <= 80 && /(情况|进展|进度|通报|汇总|统计|一览|表|报告)/.test(t)) ??
    preamble.find((t) => t.length <= 60 && /[\u4e00-\u9fff]/.test(t)) ??
    "";

  const rows: TableRow[] = [];
  let lastSeq = "";
  let lastUnit = "";
  const col = (role: ColumnRole) => bestRoles.get(role);
  const squeezeCell = (v: CellValue | undefined) => cellText(v).replace(/\s+/g, "");
  const headerTexts = [...bestRoles.values()].map((c) => [c, squeezeCell(values[best]![c]), squeezeCell(values[lastHeader]![c])] as const);
  // Two or more cells equal to the header's own, in its role columns: a repeated header.
  const repeatsHeader = (texts: string[]) =>
    headerTexts.filter(([c, a, b]) => {
      const t = (texts[c] ?? "").replace(/\s+/g, "");
      return t !== "" && (t === a || t === b);
    }).length >= 2;
  const groupCols = groups.flatMap((g) => [g.target, g.actual, g.rate].filter((c): c is number => c !== undefined));
  for (let r = lastHeader + 1; r < values.length; r++) {
    const row = values[r]!;
    const texts = row.map(cellText);
    if (isSectionOrNote(texts) && !(rowKey === "region" && regionCol !== undefined && texts[regionCol]?.trim())) continue;
    // Long tables repeat their header on every printed page (checked only when the project
    // cell itself reads as a heading, to keep the check cheap).
    if (repeatsHeader(texts)) continue;
    const get = (role: ColumnRole) => {
      const c = col(role);
      return c === undefined ? "" : texts[c] ?? "";
    };
    const project = get("project").trim();
    const target = get("target");
    const progress = get("progress");
    const seqText = get("seq").trim();
    const unitText = get("unit").trim();
    const hasValues = groupCols.some((c) => texts[c]?.trim());
    const keyed = rowKey === "region" ? unitText !== "" || TOTAL_ROW.test(seqText.replace(/\s+/g, "")) : false;
    if (!project && !target.trim() && !progress.trim() && !hasValues && !keyed) continue;
    // Continuation rows leave 序号 and 实施单位 blank: they belong to the unit above.
    const total = TOTAL_ROW.test((unitText || seqText || project).replace(/\s+/g, ""));
    if (unitText) lastUnit = unitText;
    if (seqText) lastSeq = seqText;
    const cells: Partial<Record<ColumnRole, string>> = {
      seq: seqText || lastSeq,
      unit: total && !unitText ? seqText : rowKey === "region" ? unitText : unitText || lastUnit,
      project,
      target,
      progress,
    };
    for (const role of ["completion", "status", "remarks"] as const) if (col(role) !== undefined) cells[role] = get(role);
    const c = col("completion");
    rows.push({
      row: r + grid.top,
      cells,
      ...(c !== undefined ? { completionValue: row[c] ?? null } : {}),
      values: row,
      ...(total ? { total: true } : {}),
    });
  }
  return { header, title, preamble, rows, columns: model, groups, rowKey, ...(previous ? { previousProgress: previous.index } : {}) };
}
