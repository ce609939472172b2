// Queues the summary sheet of a plan as operations: titles, the per-unit table with its
// totals and chart, then the lagging list. Nothing here syncs; the session batches the ops.
import type { PlanValue, SummaryPlan, TableBlock } from "../core/plan/types";
import { a1 } from "../core/plan/a1";
import { chunkRows, jsonBytes, type Op } from "./payload";

export interface SummaryOptions {
  /** Largest 2-D write in one operation. */
  chunkBytes: number;
  /** Written in row 1 of a hidden column, as the command line marks its sheets. */
  marker: string;
}

/** Points per character of column width, for Excel's default font. */
const POINTS_PER_CHAR = 6;

export interface SummaryLayout {
  unitsHeader: number;
  unitsLast: number;
  totalsRow: number | null;
  laggingTitle: number;
  laggingHeader: number;
  laggingLast: number;
  columns: number;
}

export function summaryLayout(plan: SummaryPlan): SummaryLayout {
  const unitsHeader = plan.titleLines.length + 2;
  const unitsLast = unitsHeader + plan.units.rows.length;
  const totalsRow = plan.units.totals ? unitsLast + 1 : null;
  const laggingTitle = (totalsRow ?? unitsLast) + 2;
  const laggingHeader = laggingTitle + 1;
  const laggingLast = laggingHeader + plan.lagging.rows.length;
  const columns = Math.max(plan.units.header.length, plan.lagging.header.length);
  return { unitsHeader, unitsLast, totalsRow, laggingTitle, laggingHeader, laggingLast, columns };
}

/** The hidden marker column: the ExcelJS adapter's rule, one blank column right of the block. */
export const markerColumn = (layout: SummaryLayout): number => layout.columns + 2;

const cell = (v: PlanValue): string | number => (v === null ? "" : v);

/** Writes a block's header and rows (chunked), number formats, wrap; returns nothing to sync. */
function queueBlock(ops: Op[], sheet: () => Excel.Worksheet, block: TableBlock, headerRow: number, chunkBytes: number): void {
  const width = block.header.length;
  if (width === 0) return;
  ops.push({
    bytes: jsonBytes(block.header) + 128,
    apply: () => {
      const r = sheet().getRange(a1(headerRow, 1, headerRow, width));
      r.values = [block.header];
      r.format.font.bold = true;
    },
  });
  const formats = block.header.map((_, i) => block.numberFormats[i] ?? "General");
  let top = headerRow + 1;
  for (const chunk of chunkRows(block.rows.map((row) => block.header.map((_, i) => cell(row[i] ?? null))), chunkBytes)) {
    const first = top;
    const address = a1(first, 1, first + chunk.length - 1, width);
    ops.push({
      bytes: jsonBytes(chunk) + jsonBytes(formats) * chunk.length + 128,
      apply: () => {
        const r = sheet().getRange(address);
        r.numberFormat = chunk.map(() => formats);
        r.values = chunk;
      },
    });
    top += chunk.length;
  }
  const last = headerRow + block.rows.length;
  if (block.rows.length > 0 && block.wrap.length > 0) {
    ops.push({
      bytes: 96 * block.wrap.length,
      apply: () => {
        for (const c of block.wrap) sheet().getRange(a1(headerRow + 1, c + 1, last, c + 1)).format.wrapText = true;
        sheet().getRange(a1(headerRow + 1, 1, last, width)).format.verticalAlignment = "Top";
      },
    });
  }
  if (block.tableName && block.rows.length > 0) {
    const name = block.tableName;
    ops.push({
      bytes: 160,
      apply: () => {
        const t = sheet().tables.add(a1(headerRow, 1, last, width), true);
        t.name = name;
        t.showBandedRows = true;
      },
    });
  }
}

export function writeSummarySheet(plan: SummaryPlan, sheet: () => Excel.Worksheet, ops: Op[], options: SummaryOptions): SummaryLayout {
  const layout = summaryLayout(plan);
  const { units, lagging } = plan;

  plan.titleLines.forEach((line, i) => {
    ops.push({
      bytes: jsonBytes(line) + 96,
      apply: () => {
        const r = sheet().getRange(a1(i + 1, 1));
        r.values = [[line]];
        r.format.font.bold = i === 0;
        r.format.font.size = i === 0 ? 14 : 11;
      },
    });
  });

  queueBlock(ops, sheet, units, layout.unitsHeader, options.chunkBytes);
  if (units.totals && layout.totalsRow !== null) {
    const totals = units.header.map((_, i) => cell(units.totals?.[i] ?? null));
    const row = layout.totalsRow;
    const formats = units.header.map((_, i) => units.numberFormats[i] ?? "General");
    ops.push({
      bytes: jsonBytes(totals) + 160,
      apply: () => {
        const r = sheet().getRange(a1(row, 1, row, units.header.length));
        r.numberFormat = [formats];
        r.values = [totals];
        r.format.font.bold = true;
        r.format.borders.getItem("EdgeTop").style = "Continuous";
      },
    });
  }

  ops.push({
    bytes: jsonBytes(plan.laggingTitle) + 96,
    apply: () => {
      const r = sheet().getRange(a1(layout.laggingTitle, 1));
      r.values = [[plan.laggingTitle]];
      r.format.font.bold = true;
      r.format.font.size = 12;
    },
  });
  queueBlock(ops, sheet, lagging, layout.laggingHeader, options.chunkBytes);

  // Column widths: the wider of the two blocks sharing each column.
  const widths = Array.from({ length: layout.columns }, (_, i) => Math.max(units.widths[i] ?? 0, lagging.widths[i] ?? 0));
  ops.push({
    bytes: 64 * widths.length,
    apply: () => {
      widths.forEach((w, i) => {
        if (w > 0) sheet().getRange(a1(1, i + 1)).getEntireColumn().format.columnWidth = w * POINTS_PER_CHAR;
      });
      if (lagging.rows.length > 0) sheet().getRange(a1(layout.laggingHeader + 1, 1, layout.laggingLast, layout.columns)).format.autofitRows();
      sheet().freezePanes.freezeRows(layout.unitsHeader);
    },
  });

  // Marker cell as text, so Excel never reads it as anything else.
  const markerAt = a1(1, markerColumn(layout));
  ops.push({
    bytes: jsonBytes(options.marker) + 160,
    apply: () => {
      const r = sheet().getRange(markerAt);
      r.numberFormat = [["@"]];
      r.values = [[options.marker]];
      r.getEntireColumn().columnHidden = true;
    },
  });

  // One bar per unit, its projects split by status.
  if (units.rows.length > 0 && plan.chart.seriesColumns.length > 0) {
    const first = Math.min(...plan.chart.seriesColumns) + 1;
    const last = Math.max(...plan.chart.seriesColumns) + 1;
    const category = plan.chart.categoryColumn + 1;
    // Past the hidden marker column, so the chart keeps its width on screen.
    const chartLeft = markerColumn(layout) + 1;
    ops.push({
      bytes: 512,
      apply: () => {
        const ws = sheet();
        const source = ws.getRange(a1(layout.unitsHeader, first, layout.unitsLast, last));
        const chart = ws.charts.add("BarStacked", source, "Columns");
        chart.title.text = plan.chart.title;
        const categories = ws.getRange(a1(layout.unitsHeader + 1, category, layout.unitsLast, category));
        for (let s = 0; s <= last - first; s++) chart.series.getItemAt(s).setXAxisValues(categories);
        const height = Math.max(14, units.rows.length + 4);
        chart.setPosition(a1(layout.unitsHeader, chartLeft), a1(layout.unitsHeader + height, chartLeft + 7));
      },
    });
  }

  ops.push({
    bytes: 128,
    apply: () => {
      const pl = sheet().pageLayout;
      pl.orientation = "Landscape";
      // One page wide, as many tall as it takes: the height is left unset (0 pages is not a value Excel takes).
      pl.zoom = { horizontalFitToPages: 1 };
      pl.printGridlines = false;
    },
  });
  return layout;
}
