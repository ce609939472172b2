// The Office.js adapter: one Excel.run per user action, a fixed number of syncs.
//   sync 1  probe: sheet name, used-range size, protection, Jindu's marks and sheets
//   sync 2  values, merged areas, marker checks: name and row-1 cell (skipped when nothing is left to load)
//   sync 3  every write, queued (more only when the writes pass the 5 MB budget)
//
// Marks are conditional formats (a custom rule whose formula carries a tag), not fills:
// the user's own fills are never written, so 清除标记 restores them exactly, and the marks
// live in the workbook, so clearing works after the file is saved and reopened.
import type { CellValue, Grid, MergedArea } from "../core/types";
import type { RowFill, SummaryPlan } from "../core/plan/types";
import { JINDU_MARKER, MARK_TAG, isMarkFormula, markFormula as planMarkFormula } from "../core/plan";
import { JinduError, isJinduError } from "../core/errors";
import type { ReadRequest, SheetSnapshot, WorkbookPort, WorkbookSession } from "../app/addin";
import { a1, quoteSheet } from "../core/plan/a1";
import { batchOps, DEFAULT_BATCH_BUDGET, DEFAULT_READ_CELLS, MAX_READ_CELLS, type Op } from "./payload";
import { writeSummarySheet } from "./summary";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelEnv {
  run: ExcelRun;
  isSetSupported(name: string, version: string): boolean;
  /** Bytes of writes per sync; lowered in tests to exercise splitting. */
  batchBudget?: number;
  /** Cells of values read per sync. */
  readCells?: number;
}

/** Office.js wants the leading "=" of a rule's formula. */
export const markFormula = (status: string): string => `=${planMarkFormula(status)}`;
export { MARK_TAG, isMarkFormula };

/** Sheet-scoped name that tells a sheet Jindu made from one the user made. */
export const SHEET_MARKER = "JinduSummary";
/** The other mark, shared with the command line: a row-1 cell holding the marker. */
export const isMarkerValue = (v: unknown): boolean => typeof v === "string" && v.startsWith(JINDU_MARKER);
/** Variants tried for the summary sheet name: 进度汇总, 进度汇总 (2) … */
export const NAME_VARIANTS = 9;

export function nameVariants(base: string): string[] {
  return Array.from({ length: NAME_VARIANTS }, (_, i) => (i === 0 ? base : `${base} (${i + 1})`));
}

/** A sheet-scoped name on Jindu's summary sheet that refers to the bulletin it was made from (Excel follows renames). */
export const SOURCE_NAME = "JinduSource";

/** Office errors to typed errors; `params.host` keeps Excel's own words for a 详情 toggle. */
export function toJinduError(e: unknown, sheet?: string): JinduError {
  if (isJinduError(e)) return e;
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const message = e instanceof Error ? e.message : String(e);
  const host = code ? `${code}: ${message}` : message;
  const params: Record<string, string> = { host, ...(sheet ? { sheet } : {}) };
  if (/PayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded/i.test(code)) return new JinduError("sheet_too_large", code, params);
  if (/CellEditMode/i.test(code) || /cell edit mode/i.test(message)) return new JinduError("cell_edit_mode", undefined, params);
  if (/AccessDenied|ProtectedSheet/i.test(code) || /protected/i.test(message)) return new JinduError("protected_sheet", sheet, params);
  if (/ItemNotFound/i.test(code)) return new JinduError("sheet_missing", sheet, params);
  if (/ApiNotFound|ApiNotAvailable|NotImplemented/i.test(code)) return new JinduError("api_unsupported", code, params);
  if (/GeneralException|ServiceNotAvailable|ActivityLimitReached|RequestAborted|Timeout|Conflict/i.test(code)) return new JinduError("host_busy", undefined, params);
  return new JinduError("internal", host, params);
}

/** The sheet a `='Name'!$A$1` formula refers to. */
export function sheetOfFormula(formula: unknown): string | undefined {
  if (typeof formula !== "string") return undefined;
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!#=][^'!]*))!/.exec(formula.trim());
  return m ? (m[1]?.replace(/''/g, "'") ?? m[2]) : undefined;
}

const ERROR_VALUE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

function toCell(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERROR_VALUE.test(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

interface Run {
  top: number;
  bottom: number;
  left: number;
  right: number;
  status: string;
  color: string;
}

/** Consecutive rows with the same status, colour and columns become one range. */
export function fillRuns(fills: RowFill[]): Run[] {
  const sorted = [...fills].sort((a, b) => a.row - b.row);
  const runs: Run[] = [];
  for (const f of sorted) {
    const last = runs[runs.length - 1];
    if (
      last &&
      last.bottom + 1 === f.row &&
      last.status === f.status &&
      last.color === f.color &&
      last.left === f.firstColumn &&
      last.right === f.lastColumn
    ) {
      last.bottom = f.row;
    } else {
      runs.push({ top: f.row, bottom: f.row, left: f.firstColumn, right: f.lastColumn, status: f.status, color: f.color });
    }
  }
  return runs;
}

class OfficeSession implements WorkbookSession {
  private sheet: Excel.Worksheet | null = null;
  private sheetName = "";
  private protectedSheet = false;
  private workbookProtected = false;
  private marks: Excel.ConditionalFormat[] = [];
  private summary: { base: string; existing: string[]; jindu: string[]; tables: { name: string; sheet: string }[] } | null = null;
  private readonly ops: Op[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly env: ExcelEnv,
  ) {}

  async read(request: ReadRequest): Promise<SheetSnapshot> {
    const { context, env } = this;
    const wb = context.workbook;
    // The bulletin the pane works on, by name; the active sheet when none is known yet.
    const ws = request.sheet !== undefined ? wb.worksheets.getItem(request.sheet) : wb.worksheets.getActiveWorksheet();
    this.sheet = ws;
    ws.load("name");
    const own = loadOwnership(ws);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    let formats: Excel.ConditionalFormatCollection | null = null;
    if (request.marks) {
      ws.protection.load("protected");
      formats = ws.getRange().conditionalFormats;
      formats.load("items/type");
    }
    let sheets: Excel.WorksheetCollection | null = null;
    let tables: Excel.TableCollection | null = null;
    if (request.summarySheet !== undefined) {
      sheets = wb.worksheets;
      sheets.load("items/name");
      tables = wb.tables;
      tables.load("items/name,items/worksheet/name");
      wb.protection.load("protected");
    }
    await context.sync(); // 1: probe

    this.sheetName = ws.name;
    const ownership = own();
    if (ownership.jindu) throw new JinduError("jindu_sheet", ws.name, { sheet: ws.name, ...(ownership.source ? { source: ownership.source } : {}) });
    if (request.marks) this.protectedSheet = ws.protection.protected;
    if (sheets) this.workbookProtected = wb.protection.protected;

    // Second sync: whatever depends on what the probe found.
    let pending = false;
    const customs = (formats?.items ?? []).filter((cf) => cf.type === "Custom");
    for (const cf of customs) cf.custom.rule.load("formula");
    pending ||= customs.length > 0;

    const markers: { name: string; item: Excel.NamedItem; row1: Excel.Range }[] = [];
    if (sheets && request.summarySheet !== undefined) {
      // Excel's sheet names ignore case: "progress summary" is taken when "Progress summary" is.
      const variants = new Set(nameVariants(request.summarySheet).map((v) => v.toLowerCase()));
      for (const s of sheets.items) {
        if (!variants.has(s.name.toLowerCase())) continue;
        const item = s.names.getItemOrNullObject(SHEET_MARKER);
        item.load("name");
        // Only row 1's used cells: the command line's sheets carry no name, only the cell.
        const row1 = s.getRange("1:1").getUsedRangeOrNullObject(true);
        row1.load("values");
        markers.push({ name: s.name, item, row1 });
      }
      pending ||= markers.length > 0;
    }

    let blocks: Excel.Range[] = [];
    let mergeBlocks: Excel.RangeAreas[] = [];
    const hasValues = request.values && !used.isNullObject;
    if (hasValues) {
      const cells = used.rowCount * used.columnCount;
      if (cells > MAX_READ_CELLS) throw new JinduError("sheet_too_large", `${used.rowCount} × ${used.columnCount}`);
      blocks = rowBlocks(ws, used, env.readCells ?? DEFAULT_READ_CELLS);
      blocks[0]?.load("values");
      if (env.isSetSupported("ExcelApi", "1.13")) {
        // A call fails past 512 merged areas; a merge covers ≥ 2 cells, so ≤ 1,024 cells a call is safe.
        mergeBlocks = rowBlocks(ws, used, 1024).map((b) => b.getMergedAreasOrNullObject());
        for (const m of mergeBlocks) m.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
      }
      pending = true;
    }
    if (pending) await context.sync(); // 2: values
    // Only sheets past ~60,000 cells get here: each further block of values is its own
    // response, kept under the 5 MB limit of Excel on the web.
    for (const b of blocks.slice(1)) {
      b.load("values");
      await context.sync();
    }

    this.marks = customs.filter((cf) => isMarkFormula(cf.custom.rule.formula));
    if (request.summarySheet !== undefined && sheets) {
      this.summary = {
        base: request.summarySheet,
        existing: sheets.items.map((s) => s.name),
        jindu: markers.filter((m) => !m.item.isNullObject || hasMarkerCell(m.row1)).map((m) => m.name),
        tables: (tables?.items ?? []).map((t) => ({ name: t.name, sheet: t.worksheet.name })),
      };
    }

    let grid: Grid | null = null;
    if (hasValues) {
      const values: CellValue[][] = [];
      for (const b of blocks) for (const row of b.values as unknown[][]) values.push(row.map(toCell));
      const merges: MergedArea[] = [];
      for (const m of mergeBlocks) {
        if (m.isNullObject) continue;
        for (const r of m.areas.items) {
          merges.push({
            top: r.rowIndex + 1,
            left: r.columnIndex + 1,
            bottom: r.rowIndex + r.rowCount,
            right: r.columnIndex + r.columnCount,
          });
        }
      }
      grid = { sheet: this.sheetName, top: used.rowIndex + 1, left: used.columnIndex + 1, values, merges };
    }
    return { sheet: this.sheetName, grid, marks: this.marks.length };
  }

  private requireSheet(): Excel.Worksheet {
    if (!this.sheet) throw new JinduError("internal", "read() must come first");
    return this.sheet;
  }

  clearMarks(): void {
    if (this.protectedSheet) throw new JinduError("protected_sheet", this.sheetName, { sheet: this.sheetName });
    const marks = this.marks;
    this.marks = [];
    for (const cf of marks) this.ops.push({ bytes: 64, apply: () => cf.delete() });
  }

  mark(fills: RowFill[]): void {
    const ws = this.requireSheet();
    this.clearMarks();
    for (const run of fillRuns(fills)) {
      const address = a1(run.top, run.left, run.bottom, run.right);
      this.ops.push({
        bytes: 320 + address.length,
        apply: () => {
          const cf = ws.getRange(address).conditionalFormats.add("Custom");
          cf.custom.rule.formula = markFormula(run.status);
          cf.custom.format.fill.color = run.color;
        },
      });
    }
  }

  writeSummary(summary: SummaryPlan, marker: string): string {
    if (!this.summary) throw new JinduError("internal", "read() with summarySheet must come first");
    if (this.workbookProtected) throw new JinduError("workbook_protected");
    const { base, existing, jindu, tables } = this.summary;
    const bulletin = this.sheetName;
    const variants = nameVariants(base);
    // Replace a sheet Jindu made; never touch one the user made under the same name.
    const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
    const replace = variants.map((v) => jindu.find((j) => same(j, v))).find((j): j is string => j !== undefined && !same(j, this.sheetName));
    const name = replace ?? variants.find((v) => !existing.some((e) => same(e, v)));
    if (!name) throw new JinduError("output_exists", base);
    const wb = this.context.workbook;
    if (replace) this.ops.push({ bytes: 64, apply: () => wb.worksheets.getItem(replace).delete() });
    let ws: Excel.Worksheet | null = null;
    const sheet = (): Excel.Worksheet => {
      if (!ws) throw new JinduError("internal", "summary sheet not added");
      return ws;
    };
    this.ops.push({
      bytes: 256 + marker.length,
      apply: () => {
        ws = wb.worksheets.add(name);
        ws.names.add(SHEET_MARKER, "=TRUE", marker.slice(0, 255));
        ws.names.add(SOURCE_NAME, `=${quoteSheet(bulletin)}!$A$1`);
      },
    });
    // Table names are unique in the workbook: those on the sheet being replaced are freed.
    const taken = new Set(tables.filter((t) => t.sheet !== replace).map((t) => t.name.toLowerCase()));
    const free = (wanted: string | undefined): string | undefined => {
      if (wanted === undefined) return undefined;
      for (let i = 1; ; i++) {
        const candidate = i === 1 ? wanted : `${wanted}_${i}`;
        if (!taken.has(candidate.toLowerCase())) {
          taken.add(candidate.toLowerCase());
          return candidate;
        }
      }
    };
    const plan: SummaryPlan = {
      ...summary,
      units: { ...summary.units, tableName: free(summary.units.tableName) },
      lagging: { ...summary.lagging, tableName: free(summary.lagging.tableName) },
    };
    const budget = Math.max(1024, Math.floor((this.env.batchBudget ?? DEFAULT_BATCH_BUDGET) / 2));
    writeSummarySheet(plan, sheet, this.ops, {
      pageLayout: this.env.isSetSupported("ExcelApi", "1.9"),
      chunkBytes: budget,
      marker,
    });
    this.ops.push({ bytes: 32, apply: () => sheet().activate() });
    return name;
  }

  async commit(): Promise<void> {
    const ops = this.ops.splice(0);
    for (const batch of batchOps(ops, this.env.batchBudget ?? DEFAULT_BATCH_BUDGET)) {
      for (const op of batch) op.apply();
      await this.context.sync(); // 3 (one per 4 MB of writes)
    }
  }
}

/**
 * Queues what tells a sheet Jindu wrote — its name marker, the marker in row 1 — and the bulletin
 * it came from; the returned function reads them after the next sync.
 */
function loadOwnership(ws: Excel.Worksheet): () => { jindu: boolean; source?: string } {
  const marker = ws.names.getItemOrNullObject(SHEET_MARKER);
  marker.load("name");
  const source = ws.names.getItemOrNullObject(SOURCE_NAME);
  source.load("formula");
  const row1 = ws.getRange("1:1").getUsedRangeOrNullObject(true);
  row1.load("values");
  return () => {
    const jindu = !marker.isNullObject || hasMarkerCell(row1);
    const from = jindu && !source.isNullObject ? sheetOfFormula(source.formula) : undefined;
    return { jindu, ...(from ? { source: from } : {}) };
  };
}

function hasMarkerCell(row1: Excel.Range): boolean {
  return !row1.isNullObject && (row1.values as unknown[][]).some((row) => row.some(isMarkerValue));
}

/** Row blocks of the used range holding at most `cells` cells each. */
function rowBlocks(ws: Excel.Worksheet, used: Excel.Range, cells: number): Excel.Range[] {
  const rows = Math.max(1, Math.floor(cells / Math.max(1, used.columnCount)));
  const out: Excel.Range[] = [];
  for (let r = 0; r < used.rowCount; r += rows) {
    const top = used.rowIndex + 1 + r;
    const bottom = used.rowIndex + Math.min(used.rowCount, r + rows);
    out.push(ws.getRange(a1(top, used.columnIndex + 1, bottom, used.columnIndex + used.columnCount)));
  }
  return out;
}

export function createExcelPort(env: ExcelEnv): WorkbookPort {
  const requireApi = (): void => {
    if (!env.isSetSupported("ExcelApi", "1.7")) throw new JinduError("api_unsupported", "ExcelApi 1.7");
  };
  return {
    async session<T>(work: (session: WorkbookSession) => Promise<T>, sheet?: string): Promise<T> {
      requireApi();
      try {
        return await env.run((context) => work(new OfficeSession(context, env)));
      } catch (e) {
        throw toJinduError(e, sheet);
      }
    },
    async active() {
      requireApi();
      try {
        return await env.run(async (context) => {
          const ws = context.workbook.worksheets.getActiveWorksheet();
          ws.load("name");
          const own = loadOwnership(ws);
          await context.sync();
          return { sheet: ws.name, ...own() };
        });
      } catch (e) {
        throw toJinduError(e);
      }
    },
    async watch(listener) {
      if (!env.isSetSupported("ExcelApi", "1.7")) return;
      await env.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.onActivated.add(async (event) => listener({ type: "activated", sheetId: event.worksheetId }));
        sheets.onChanged.add(async (event) => listener({ type: "changed", sheetId: event.worksheetId }));
        await context.sync();
      });
    },
    async select(sheet, row, firstColumn, lastColumn) {
      requireApi();
      try {
        await env.run(async (context) => {
          const ws = context.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(a1(row, firstColumn, row, lastColumn)).select();
          await context.sync();
        });
      } catch (e) {
        throw toJinduError(e);
      }
    },
  };
}

