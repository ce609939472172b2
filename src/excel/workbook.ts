// The Office.js adapter: one Excel.run per user action, a fixed number of syncs.
//   sync 1  probe: sheet name, used-range size, protection, ids and types of the sheet's rules, Jindu's sheets
//   sync 2  the first block of values, merged areas, the custom rules' formulas, marker checks
//           (skipped when nothing is left to load); one more per further block of values, each
//           response under Excel on the web's 5 MB
//   sync 3  every write, queued (more only when the writes pass the budget)
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
import { MAX_READ_CELLS } from "../core/limits";
import {
  batchOps,
  DEFAULT_BATCH_BUDGET,
  DEFAULT_READ_BUDGET,
  FIRST_READ_CELLS,
  jsonBytes,
  RANGES_ADDRESS_CHARS,
  RULE_ADD_BYTES,
  RULE_DELETE_BYTES,
  type Op,
} from "./payload";
import { writeSummarySheet } from "./summary";

/** What the adapter needs: RangeAreas (Worksheet.getRanges) and page layout came in 1.9. */
export const REQUIRED_API = "1.9";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelEnv {
  run: ExcelRun;
  isSetSupported(name: string, version: string): boolean;
  /** Bytes of writes per sync; lowered in tests to exercise splitting. */
  batchBudget?: number;
  /** Cells of the first block of values (the next blocks are sized from it). */
  readCells?: number;
  /** Bytes of values answered per sync; lowered in tests to exercise the sizing. */
  readBudget?: number;
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

/** An Office error's code ("ItemNotFound"), or "". */
const errorCode = (e: unknown): string => (typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "");

/** Office errors to typed errors; `params.host` keeps Excel's own words for a 详情 toggle. */
export function toJinduError(e: unknown, sheet?: string): JinduError {
  if (isJinduError(e)) return e;
  const code = errorCode(e);
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

/** One rule to add: a status and colour over comma-joined areas short enough for one getRanges call. */
export interface RuleChunk {
  status: string;
  color: string;
  address: string;
}

/** The runs of each status and colour, as few address lists as the length limit allows. */
export function ruleChunks(fills: RowFill[], maxChars = RANGES_ADDRESS_CHARS): RuleChunk[] {
  const groups = new Map<string, { status: string; color: string; areas: string[] }>();
  for (const run of fillRuns(fills)) {
    const key = `${run.status}\u0000${run.color}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { status: run.status, color: run.color, areas: [] }));
    g.areas.push(a1(run.top, run.left, run.bottom, run.right));
  }
  const chunks: RuleChunk[] = [];
  for (const g of groups.values()) {
    let address = "";
    for (const area of g.areas) {
      if (address && address.length + 1 + area.length > maxChars) {
        chunks.push({ status: g.status, color: g.color, address });
        address = "";
      }
      address = address ? `${address},${area}` : area;
    }
    if (address) chunks.push({ status: g.status, color: g.color, address });
  }
  return chunks;
}

const SIZE_ERROR = /PayloadSizeLimitExceeded/i;

class OfficeSession implements WorkbookSession {
  private sheet: Excel.Worksheet | null = null;
  private sheetName = "";
  private protectedSheet = false;
  private workbookProtected = false;
  private formats: Excel.ConditionalFormatCollection | null = null;
  /** Ids of Jindu's rules: deleted by id, as indexes shift while rules go (office-js#5222). */
  private marks: string[] = [];
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
      // Only ids and types: reading some rules' details fails (office-js#6835, #6827).
      formats.load("items/id,items/type");
      this.formats = formats;
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
    const customIds = (formats?.items ?? []).filter((cf) => cf.type === "Custom").map((cf) => cf.id);
    const hasValues = request.values && !used.isNullObject;
    let values: ValueReader | null = null;
    if (hasValues) {
      if (used.rowCount * used.columnCount > MAX_READ_CELLS) throw new JinduError("sheet_too_large", `${used.rowCount} × ${used.columnCount}`);
      values = new ValueReader(context, ws, used, env.readBudget ?? DEFAULT_READ_BUDGET);
    }
    const mergesSupported = hasValues && env.isSetSupported("ExcelApi", "1.13");
    // Objects of a sync that failed cannot be used again (the host forgets them): each attempt makes its own.
    const second = (withRules: boolean, firstBlock: boolean) => {
      const rules = withRules ? customIds.map((id) => formats!.getItem(id).custom.rule) : [];
      for (const rule of rules) rule.load("formula");
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
      }
      // A call fails past 512 merged areas; a merge covers ≥ 2 cells, so ≤ 1,024 cells a call is safe.
      const merges = mergesSupported ? rowAddresses(used, 1024).map((a) => ws.getRange(a).getMergedAreasOrNullObject()) : [];
      for (const m of merges) m.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
      const block = firstBlock && values !== null && values.queueFirst(env.readCells ?? FIRST_READ_CELLS);
      return { rules, markers, merges, pending: rules.length > 0 || markers.length > 0 || merges.length > 0 || block };
    };
    let loaded = second(true, true);
    let formulas: (string | null)[] = [];
    if (loaded.pending) {
      try {
        await context.sync(); // 2: values, rule formulas, markers
        formulas = loaded.rules.map((r) => r.formula);
      } catch (e) {
        // Once more without what may have failed: a user's rule that cannot be read, or a
        // first block of values over the response limit (long cells).
        const size = SIZE_ERROR.test(errorCode(e));
        if (!size && customIds.length === 0) throw e;
        if (size) values?.refused();
        loaded = second(size, !size);
        if (loaded.pending) await context.sync();
        formulas = size ? loaded.rules.map((r) => r.formula) : await this.readOneByOne(customIds);
      }
    }
    const { markers, merges: mergeBlocks } = loaded;
    // Each further block of values is its own response, sized from what the first weighed.
    const rows = values ? await values.readRest() : [];

    this.marks = customIds.filter((_, i) => isMarkFormula(formulas[i]));
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
      grid = { sheet: this.sheetName, top: used.rowIndex + 1, left: used.columnIndex + 1, values: rows, merges };
    }
    return { sheet: this.sheetName, grid, marks: this.marks.length };
  }

  /** Rule formulas one sync each: a rule that cannot be read is skipped (it is not one of Jindu's). */
  private async readOneByOne(ids: string[]): Promise<(string | null)[]> {
    const out: (string | null)[] = [];
    for (const id of ids) {
      const rule = this.formats!.getItem(id).custom.rule;
      rule.load("formula");
      try {
        await this.context.sync();
        out.push(rule.formula);
      } catch {
        out.push(null);
      }
    }
    return out;
  }

  private requireSheet(): Excel.Worksheet {
    if (!this.sheet) throw new JinduError("internal", "read() must come first");
    return this.sheet;
  }

  clearMarks(): void {
    if (this.protectedSheet) throw new JinduError("protected_sheet", this.sheetName, { sheet: this.sheetName });
    const formats = this.formats;
    const ids = this.marks;
    this.marks = [];
    if (!formats) return;
    for (const id of ids) this.ops.push({ bytes: RULE_DELETE_BYTES + id.length, apply: () => formats.getItem(id).delete() });
  }

  /** One rule per status and colour over all its rows (RangeAreas), cut only where addresses grow long. */
  mark(fills: RowFill[]): void {
    const ws = this.requireSheet();
    this.clearMarks();
    for (const chunk of ruleChunks(fills)) {
      this.ops.push({
        bytes: RULE_ADD_BYTES + chunk.address.length,
        apply: () => {
          const cf = ws.getRanges(chunk.address).conditionalFormats.add("Custom");
          cf.custom.rule.formula = markFormula(chunk.status);
          cf.custom.format.fill.color = chunk.color;
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

/** Addresses of row blocks of the used range holding at most `cells` cells each. */
function rowAddresses(used: Excel.Range, cells: number): string[] {
  const rows = Math.max(1, Math.floor(cells / Math.max(1, used.columnCount)));
  const out: string[] = [];
  for (let r = 0; r < used.rowCount; r += rows) {
    const top = used.rowIndex + 1 + r;
    const bottom = used.rowIndex + Math.min(used.rowCount, r + rows);
    out.push(a1(top, used.columnIndex + 1, bottom, used.columnIndex + used.columnCount));
  }
  return out;
}

/**
 * Reads the used range's values in row blocks, each one response under the budget: the first
 * block is a fixed number of cells, the next ones are sized from the bytes per row seen so far
 * (bulletin cells are long, and their length varies), and a block refused as too large is halved.
 */
class ValueReader {
  private readonly rows: CellValue[][] = [];
  private first: { range: Excel.Range; count: number } | null = null;
  private next: number;
  private readonly last: number;
  private readonly left: number;
  private readonly right: number;
  /** Largest bytes per row of any block read; 0 before the first. */
  private rowBytes = 0;
  private blockRows = 0;
  /**
   * Halved at each refusal: the host may count bytes otherwise than UTF-8 JSON (escaped
   * characters, an envelope), so what it refused once stays smaller after.
   */
  private scale = 0.8;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly ws: Excel.Worksheet,
    used: Excel.Range,
    private readonly budget: number,
  ) {
    this.next = used.rowIndex + 1;
    this.last = used.rowIndex + used.rowCount;
    this.left = used.columnIndex + 1;
    this.right = used.columnIndex + used.columnCount;
  }

  private get width(): number {
    return this.right - this.left + 1;
  }

  private range(top: number, count: number): Excel.Range {
    const r = this.ws.getRange(a1(top, this.left, top + count - 1, this.right));
    r.load("values");
    return r;
  }

  /** Queues the first block into the caller's sync. */
  queueFirst(cells: number): boolean {
    const count = Math.min(this.last - this.next + 1, Math.max(1, Math.floor(cells / this.width)));
    this.first = { range: this.range(this.next, count), count };
    this.blockRows = count;
    return true;
  }

  /** The caller's sync was refused as too large: the first block is read again, smaller, with the rest. */
  refused(): void {
    if (this.first) this.blockRows = Math.max(1, Math.floor(this.first.count / 4));
    this.first = null;
    this.scale /= 2;
  }

  private take(values: unknown[][]): void {
    let bytes = 0;
    for (const row of values) {
      bytes += jsonBytes(row);
      this.rows.push(row.map(toCell));
    }
    this.next += values.length;
    this.rowBytes = Math.max(this.rowBytes, bytes / Math.max(1, values.length));
    // Four fifths of the budget by the longest rows seen: a later, longer stretch still fits
    // (and a block refused all the same is halved).
    this.blockRows = Math.max(1, Math.floor((this.budget * this.scale) / Math.max(1, this.rowBytes)));
  }

  async readRest(): Promise<CellValue[][]> {
    if (this.first) {
      this.take(this.first.range.values as unknown[][]);
      this.first = null;
    }
    while (this.next <= this.last) {
      const count = Math.min(this.blockRows, this.last - this.next + 1);
      const range = this.range(this.next, count);
      try {
        await this.context.sync(); // one response per block
      } catch (e) {
        if (!SIZE_ERROR.test(errorCode(e))) throw e;
        if (count === 1) throw new JinduError("sheet_too_large", `row ${this.next}`);
        this.blockRows = Math.max(1, Math.floor(count / 2));
        this.scale /= 2;
        continue;
      }
      this.take(range.values as unknown[][]);
    }
    return this.rows;
  }
}

export function createExcelPort(env: ExcelEnv): WorkbookPort {
  const requireApi = (): void => {
    if (!env.isSetSupported("ExcelApi", REQUIRED_API)) throw new JinduError("api_unsupported", `ExcelApi ${REQUIRED_API}`);
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
      if (!env.isSetSupported("ExcelApi", REQUIRED_API)) return;
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

