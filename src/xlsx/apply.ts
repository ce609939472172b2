// Applies a WorkbookPlan to an ExcelJS workbook (a copy of the user's): tagged highlights, the
// two added columns, the summary sheets, and the state that lets `clear` take them away again.
// Original values, fills and merges are never written to.
import type ExcelJS from "exceljs";
import type { Grid, RowStatus } from "../core/types";
import {
  COMPLETION_BAR_COLOR,
  DEFAULT_FILLED,
  LABELS,
  markFormula,
  displayWidth,
  type PlanValue,
  type SummaryPlan,
  type TableBlock,
  type WorkbookPlan,
} from "../core/plan";
import { a1 } from "../core/plan/a1";
import { isJinduSheet } from "./read";
import { snapshotColumns, writeState } from "./marks";

export interface ApplyOptions {
  /** Which statuses get their fill; by default every status but on_track. */
  filled?: Readonly<Record<RowStatus, boolean>>;
}

export interface ApplyResult {
  /** Names of the summary sheet and the lagging-list sheet written. */
  summarySheet: string;
  laggingSheet: string;
  /** 1-based column of 完成率 (状态 is the next one). */
  extraColumn: number;
  /** Jindu sheets of an earlier run that were replaced. */
  replaced: string[];
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

const address = (row: number, col: number): string => a1(row, col);

/** Replaces a cell's style object instead of mutating it: loaded cells may share one. */
function restyle(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
  cell.style = { ...cell.style, ...patch };
}

// Derived styles are shared between cells: ExcelJS serialises each distinct style object once
// (a WeakMap by object), so one object per (base style, change) keeps large sheets fast.
const derivedStyles = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
const NO_STYLE: Partial<ExcelJS.Style> = {};

function derive(base: Partial<ExcelJS.Style> | undefined, key: string, patch: () => Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
  const from = base === undefined || Object.keys(base).length === 0 ? NO_STYLE : base;
  let byKey = derivedStyles.get(from);
  if (!byKey) {
    byKey = new Map();
    derivedStyles.set(from, byKey);
  }
  let style = byKey.get(key);
  if (!style) {
    style = { ...from, ...patch() };
    byKey.set(key, style);
  }
  return style;
}

/** Cells inside merged areas that span several rows (序号, 实施单位): one colour cannot speak for all their rows. */
function multiRowMergedCells(grid: Grid): Set<string> {
  const out = new Set<string>();
  for (const m of grid.merges) {
    if (m.bottom === m.top) continue;
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) out.add(`${r},${c}`);
  }
  return out;
}

/** Columns an image is anchored over: Jindu's columns must not sit under a picture. */
export function imageColumns(ws: ExcelJS.Worksheet): number[] {
  const out: number[] = [];
  for (const img of ws.getImages()) {
    const range = img.range as unknown as { tl?: { nativeCol?: number; col?: number }; br?: { nativeCol?: number; col?: number } };
    const from = Math.floor(range.tl?.nativeCol ?? range.tl?.col ?? 0) + 1;
    const to = Math.ceil(range.br?.nativeCol ?? range.br?.col ?? from) + 1;
    for (let c = from; c <= to; c++) out.push(c);
  }
  return out;
}

/** Columns that hold a value or a merge anywhere in the sheet, or are `taken` (by pictures). */
export function usedColumns(grid: Grid, taken: readonly number[] = []): Set<number> {
  const used = new Set<number>(taken);
  grid.values.forEach((line) =>
    line.forEach((v, i) => {
      if (v !== null) used.add(grid.left + i);
    }),
  );
  for (const m of grid.merges) for (let c = m.left; c <= m.right; c++) used.add(c);
  return used;
}

/** First column ≥ `from` such that it and the next hold no value, no merge and no picture anywhere in the sheet. */
export function freeColumnPair(grid: Grid, from: number, taken: number[] = [], used = usedColumns(grid, taken)): number {
  let c = Math.max(1, from);
  while (used.has(c) || used.has(c + 1)) c++;
  return c;
}

/** Cell ranges of each marked row, leaving out cells of multi-row merges ("A5:G5 I5:J5"). */
function rowRanges(row: number, first: number, last: number, extra: number, skip: Set<string>): string[] {
  const cols: number[] = [];
  for (let c = first; c <= last; c++) cols.push(c);
  cols.push(extra, extra + 1);
  const out: string[] = [];
  let start: number | null = null;
  let prev = -1;
  const flush = () => {
    if (start !== null) out.push(start === prev ? address(row, start) : `${address(row, start)}:${address(row, prev)}`);
    start = null;
  };
  for (const c of [...new Set(cols)].sort((x, y) => x - y)) {
    if (skip.has(`${row},${c}`)) {
      flush();
      continue;
    }
    if (start === null || c !== prev + 1) {
      flush();
      start = c;
    }
    prev = c;
  }
  flush();
  return out;
}

export interface MarkRule {
  status: RowStatus;
  /** Fill colour, #RRGGBB. */
  color: string;
  /** Space-separated ranges of the rows with this status and colour. */
  ref: string;
}

/** One rule per status and colour over all its rows, as both workbook writers add them. */
export function markRules(grid: Grid, plan: WorkbookPlan, filled: Readonly<Record<RowStatus, boolean>>, extraColumn: number): MarkRule[] {
  const skip = multiRowMergedCells(grid);
  const byColor = new Map<string, { status: RowStatus; color: string; ranges: string[] }>();
  for (const f of plan.fills) {
    if (!filled[f.status]) continue;
    const key = `${f.status}:${f.color}`;
    const entry = byColor.get(key) ?? { status: f.status, color: f.color, ranges: [] };
    entry.ranges.push(...rowRanges(f.row, f.firstColumn, f.lastColumn, extraColumn, skip));
    byColor.set(key, entry);
  }
  return [...byColor.values()].filter((e) => e.ranges.length > 0).map((e) => ({ status: e.status, color: e.color, ref: e.ranges.join(" ") }));
}

/**
 * Highlights as in the add-in: one conditional format per status over all its rows, tagged in
 * its formula, so the user's own fills stay as they are and `clear` removes exactly these.
 */
function applyMarks(ws: ExcelJS.Worksheet, grid: Grid, plan: WorkbookPlan, filled: Readonly<Record<RowStatus, boolean>>, extraColumn: number): void {
  let priority = 2;
  for (const { status, color, ref } of markRules(grid, plan, filled, extraColumn)) {
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: "expression",
          priority: priority++,
          formulae: [markFormula(status)],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(color) } } },
        },
      ],
    });
  }
}

function writeExtraColumns(ws: ExcelJS.Worksheet, plan: WorkbookPlan, column: number): void {
  const extra = plan.extraColumns;
  // Borders and fonts follow the table's last column, so the new cells look part of the table.
  const source = Math.max(1, extra.firstColumn - 1);
  const head = ws.getCell(extra.headerRow, source);
  extra.header.forEach((label, i) => {
    const cell = ws.getCell(extra.headerRow, column + i);
    cell.style = { ...head.style };
    cell.value = label;
  });
  for (const v of extra.values) {
    const src = ws.getCell(v.row, source).style;
    const completion = ws.getCell(v.row, column);
    completion.style = derive(src, "completion", () => ({
      numFmt: '0.0"%"',
      alignment: { ...src.alignment, horizontal: "right", vertical: "middle", wrapText: false },
    }));
    completion.value = v.completion;
    const status = ws.getCell(v.row, column + 1);
    status.style = derive(src, "status", () => ({
      numFmt: "@",
      alignment: { ...src.alignment, horizontal: "center", vertical: "middle", wrapText: false },
    }));
    status.value = v.status;
  }
  ws.getColumn(column).width = Math.max(9, displayWidth(extra.header[0]) + 3);
  ws.getColumn(column + 1).width = Math.max(10, displayWidth(extra.header[1]) + 3);
  const rows = extra.values.map((v) => v.row);
  if (rows.length > 0) {
    const ref = `${address(Math.min(...rows), column)}:${address(Math.max(...rows), column)}`;
    addDataBar(ws, ref);
  }
}

function addDataBar(ws: ExcelJS.Worksheet, ref: string): void {
  // ExcelJS draws no charts: completion columns get data bars on a fixed 0–100 scale.
  const rule: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
    type: "dataBar",
    priority: 1,
    gradient: false,
    cfvo: [
      { type: "num", value: 0 },
      { type: "num", value: 100 },
    ],
    color: { argb: argb(COMPLETION_BAR_COLOR) },
  };
  ws.addConditionalFormatting({ ref, rules: [rule] });
}

export function existingTableNames(wb: ExcelJS.Workbook): Set<string> {
  const names = new Set<string>();
  for (const ws of wb.worksheets) {
    for (const t of ws.getTables() as unknown[]) {
      const table: unknown = Array.isArray(t) ? t[0] : t;
      if (typeof table === "object" && table !== null && "name" in table && typeof table.name === "string") names.add(table.name.toLowerCase());
    }
  }
  return names;
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base}${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The wanted sheet name, or 进度汇总 (2), (3)… (as the add-in names them) when a sheet Jindu did not make has it. */
export function freeSheetName(wb: ExcelJS.Workbook, wanted: string, reserved: readonly string[] = []): string {
  const taken = new Set([...wb.worksheets.map((ws) => ws.name), ...reserved].map((n) => n.toLowerCase()));
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted} (${i})`;
  return name;
}

/** Rough height in points for wrapped text in a row (ExcelJS cannot autofit). */
function rowHeight(cells: { text: string; width: number }[]): number | undefined {
  let lines = 1;
  for (const { text, width } of cells) {
    const perLine = Math.max(1, width - 1);
    const n = text.split("\n").reduce((sum, part) => sum + Math.max(1, Math.ceil(displayWidth(part) / perLine)), 0);
    lines = Math.max(lines, n);
  }
  return lines > 1 ? Math.min(409, lines * 14.5 + 3) : undefined;
}

function styleBlockRows(ws: ExcelJS.Worksheet, block: TableBlock, firstRow: number, rows: PlanValue[][], widths: number[]): void {
  rows.forEach((values, i) => {
    const r = firstRow + i;
    const wrapped: { text: string; width: number }[] = [];
    values.forEach((v, c) => {
      const cell = ws.getCell(r, c + 1);
      const fmt = block.numberFormats[c];
      const wrap = block.wrap.includes(c);
      const horizontal = typeof v === "number" ? "right" : "left";
      cell.style = derive(cell.style, `cell:${fmt ?? ""}:${wrap}:${horizontal}`, () => ({
        ...(fmt ? { numFmt: fmt } : {}),
        alignment: { vertical: "middle", wrapText: wrap, horizontal },
      }));
      if (wrap && typeof v === "string") wrapped.push({ text: v, width: widths[c] ?? 10 });
    });
    const h = rowHeight(wrapped);
    if (h !== undefined) ws.getRow(r).height = h;
  });
}

function writeTable(ws: ExcelJS.Worksheet, block: TableBlock, headerRow: number, name: string | undefined, widths: number[]): void {
  if (name !== undefined && block.rows.length > 0) {
    ws.addTable({
      name,
      displayName: name,
      ref: address(headerRow, 1),
      headerRow: true,
      totalsRow: false,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: block.header.map((h) => ({ name: h, filterButton: true })),
      rows: block.rows,
    });
  } else {
    block.header.forEach((h, c) => {
      ws.getCell(headerRow, c + 1).value = h;
    });
    block.rows.forEach((values, i) =>
      values.forEach((v, c) => {
        ws.getCell(headerRow + 1 + i, c + 1).value = v;
      }),
    );
  }
  block.header.forEach((_, c) => {
    restyle(ws.getCell(headerRow, c + 1), {
      font: { bold: true },
      alignment: { vertical: "middle", horizontal: "center", wrapText: true },
    });
  });
  const h = rowHeight(block.header.map((text, c) => ({ text, width: widths[c] ?? 10 })));
  if (h !== undefined) ws.getRow(headerRow).height = h;
  styleBlockRows(ws, block, headerRow + 1, block.rows, widths);
}

const HEADER_FILL = "#4472C4";
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: "thin", color: { argb: "FFBFBFBF" } },
  left: { style: "thin", color: { argb: "FFBFBFBF" } },
  bottom: { style: "thin", color: { argb: "FFBFBFBF" } },
  right: { style: "thin", color: { argb: "FFBFBFBF" } },
};

function newSheet(wb: ExcelJS.Workbook, wanted: string, summary: SummaryPlan, widths: number[], marker: string, reserved: readonly string[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(freeSheetName(wb, wanted, reserved), {
    pageSetup: {
      orientation: summary.print.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: summary.print.fitToWidth,
      fitToHeight: 0,
      paperSize: 9,
    },
  });
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  // The marker lets a later run recognise (and replace) this sheet; its column is hidden.
  const markerColumn = widths.length + 2;
  ws.getCell(1, markerColumn).value = marker;
  ws.getColumn(markerColumn).hidden = true;
  return ws;
}

function writeTitles(ws: ExcelJS.Worksheet, lines: string[], span: number): void {
  lines.forEach((line, i) => {
    const r = i + 1;
    ws.getCell(r, 1).value = line;
    ws.mergeCells(r, 1, r, span);
    restyle(ws.getCell(r, 1), {
      font: i === 0 ? { bold: true, size: 14 } : { size: 10, color: { argb: "FF595959" } },
      alignment: { vertical: "middle", horizontal: i === 0 ? "center" : "left" },
    });
    if (i === 0) ws.getRow(r).height = 26;
  });
}

/** Explicit borders and header colours too: LibreOffice and WPS do not draw Excel's table styles. */
function frameBlock(ws: ExcelJS.Worksheet, headerRow: number, lastRow: number, columns: number): void {
  for (let r = headerRow; r <= lastRow; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = ws.getCell(r, c);
      if (r === headerRow) {
        restyle(cell, { border: BORDER, fill: solidFill(HEADER_FILL), font: { bold: true, color: { argb: "FFFFFFFF" } } });
      } else {
        cell.style = derive(cell.style, "frame", () => ({ border: BORDER }));
      }
    }
  }
}

/** Names taken in the workbook the sheets will join, when they are written into another one first. */
export interface Reserved {
  sheets: readonly string[];
  tables: readonly string[];
}

export interface SummarySheets {
  summarySheet: string;
  laggingSheet: string;
}

/**
 * Writes the summary sheet (units table, totals, data bars) and the lagging list on a second
 * sheet: the list's long text columns would otherwise widen the units table's columns.
 */
export function writeSummary(wb: ExcelJS.Workbook, summary: SummaryPlan, marker: string, lang: "zh" | "en", reserved: Reserved = { sheets: [], tables: [] }): SummarySheets {
  const { units, lagging } = summary;
  const taken = existingTableNames(wb);
  for (const t of reserved.tables) taken.add(t.toLowerCase());

  const ws = newSheet(wb, summary.sheetName, summary, units.widths, marker, reserved.sheets);
  writeTitles(ws, summary.titleLines, units.header.length);
  const unitsHeader = summary.titleLines.length + 2;
  writeTable(ws, units, unitsHeader, units.tableName === undefined ? undefined : uniqueName(units.tableName, taken), units.widths);
  const unitsLast = unitsHeader + units.rows.length;
  if (units.rows.length > 0) addDataBar(ws, `${address(unitsHeader + 1, 7)}:${address(unitsLast, 8)}`);
  let last = unitsLast;
  if (units.totals) {
    const r = unitsLast + 1;
    units.totals.forEach((v, c) => {
      ws.getCell(r, c + 1).value = v;
    });
    styleBlockRows(ws, units, r, [units.totals], units.widths);
    last = r;
  }
  frameBlock(ws, unitsHeader, last, units.header.length);
  if (units.totals) {
    for (let c = 1; c <= units.header.length; c++) {
      restyle(ws.getCell(last, c), {
        font: { bold: true },
        fill: solidFill("#D9E1F2"),
        border: { ...BORDER, top: { style: "thin" }, bottom: { style: "double" } },
      });
    }
  }
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: unitsHeader, topLeftCell: address(unitsHeader + 1, 1), activeCell: "A1" }];

  const lws = newSheet(wb, summary.laggingTitle, summary, lagging.widths, marker, reserved.sheets);
  writeTitles(lws, [summary.laggingTitle, ...summary.titleLines], lagging.header.length);
  const laggingHeader = summary.titleLines.length + 3;
  writeTable(lws, lagging, laggingHeader, lagging.tableName === undefined ? undefined : uniqueName(lagging.tableName, taken), lagging.widths);
  frameBlock(lws, laggingHeader, laggingHeader + lagging.rows.length, lagging.header.length);
  if (lagging.rows.length > 0) {
    addDataBar(lws, `${address(laggingHeader + 1, 5)}:${address(laggingHeader + lagging.rows.length, 5)}`);
  } else {
    lws.getCell(laggingHeader + 1, 1).value = LABELS[lang].noLagging;
  }
  lws.views = [{ state: "frozen", xSplit: 0, ySplit: laggingHeader, topLeftCell: address(laggingHeader + 1, 1), activeCell: "A1" }];

  // A link from the summary to the list, under the totals.
  const link = ws.getCell(last + 2, 1);
  link.value = { text: `${summary.laggingTitle}（${lagging.rows.length}）→`, hyperlink: `#'${lws.name}'!A1` };
  restyle(link, { font: { color: { argb: "FF0563C1" }, underline: true } });
  return { summarySheet: ws.name, laggingSheet: lws.name };
}

/** Applies the plan to `ws` (the analyzed sheet) and adds the summary sheet. */
export function applyPlan(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, grid: Grid, plan: WorkbookPlan, opts: ApplyOptions = {}): ApplyResult {
  const replaced: string[] = [];
  for (const sheet of [...wb.worksheets]) {
    if (sheet !== ws && isJinduSheet(sheet)) {
      if (sheet.state !== "veryHidden") replaced.push(sheet.name);
      wb.removeWorksheet(sheet.id);
    }
  }
  const extraColumn = freeColumnPair(grid, plan.extraColumns.firstColumn, imageColumns(ws));
  const state = snapshotColumns(ws, [extraColumn, extraColumn + 1]);
  writeExtraColumns(ws, plan, extraColumn);
  applyMarks(ws, grid, plan, opts.filled ?? DEFAULT_FILLED, extraColumn);
  const sheets = writeSummary(wb, plan.summary, plan.marker, plan.lang);
  writeState(wb, state);
  return { ...sheets, extraColumn, replaced };
}
