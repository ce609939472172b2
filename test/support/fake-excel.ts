// A fake of the Office.js Excel calls the adapter makes, with the same batching rules:
// proxies queue their work, nothing is read before a sync loads it, every sync is counted,
// and a request or response above 5 MB fails as it does in Excel on the web.
// Runs in Node (adapter tests) and in the browser (the task pane test); no Node APIs here.
import type { CellValue, Grid, MergedArea } from "../../src/core/types";

type Value = string | number | boolean;
type Box = { top: number; left: number; bottom: number; right: number };

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
const MAX_ROW = 1048576;
const MAX_COL = 16384;

const encoder = new TextEncoder();

/** Bytes of a value as JSON on the wire (the encoder is native: the fake's own accounting stays cheap). */
function utf8Bytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

function parseColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function parseA1(address: string): Box {
  const bare = address.replace(/^.*!/, "").replace(/\$/g, "");
  // Whole rows ("1:1") and whole columns ("K:K"), as Excel accepts them.
  const rows = /^(\d+):(\d+)$/.exec(bare);
  if (rows) return { top: Number(rows[1]), left: 1, bottom: Number(rows[2]), right: MAX_COL };
  const cols = /^([A-Z]+):([A-Z]+)$/i.exec(bare);
  if (cols) return { top: 1, left: parseColumn(cols[1]!), bottom: MAX_ROW, right: parseColumn(cols[2]!) };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(bare);
  if (!m) throw fakeError("InvalidArgument", `bad address ${address}`);
  const left = parseColumn(m[1]!);
  const top = Number(m[2]);
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? parseColumn(m[3]) : left };
}

function itemAt<T>(items: T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw fakeError("ItemNotFound", `no item ${index} among those loaded`);
  return item;
}

function fakeError(code: string, message: string): Error & { code: string } {
  const e = new Error(message) as Error & { code: string };
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

export interface FakeConditionalFormat {
  /** Excel's ids are strings, stable while rules come and go (indexes are not). */
  id: string;
  /** The areas the rule applies to (several for a rule added to a RangeAreas). */
  boxes: Box[];
  type: string;
  formula: string;
  fill: string | null;
  /** Some rules' properties cannot be read (office-js#6835, #6827): loading them fails the sync. */
  unreadable?: boolean;
}

/** Excel on the web fails getRanges past about 8,200 characters of address (office-js#5198). */
export const RANGES_ADDRESS_LIMIT = 8_192;

function intersects(a: Box, b: Box): boolean {
  return a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;
}

export interface FakeChart {
  type: string;
  source: Box;
  seriesBy: string;
  title: string;
  categories: Box[];
  position: [string, string?] | null;
}

export class FakeSheet {
  visibility = "Visible";
  protected = false;
  readonly values = new Map<string, Value>();
  /** The user's own fills ("#RRGGBB"); the adapter must never change them. */
  readonly fills = new Map<string, string>();
  readonly numberFormats = new Map<string, string>();
  readonly bold = new Set<string>();
  readonly wrapped = new Set<string>();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  merges: MergedArea[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];
  readonly names = new Map<string, { reference: string; comment: string }>();
  tables: { name: string; box: Box }[] = [];
  charts: FakeChart[] = [];
  frozenRows = 0;
  pageLayout: { orientation: string; zoom: unknown; printGridlines: boolean } = { orientation: "Portrait", zoom: null, printGridlines: false };

  constructor(public name: string) {}

  static key(row: number, col: number): string {
    return `${row},${col}`;
  }

  get(row: number, col: number): Value | "" {
    return this.values.get(FakeSheet.key(row, col)) ?? "";
  }

  set(row: number, col: number, v: unknown): void {
    const k = FakeSheet.key(row, col);
    if (v === "" || v === null || v === undefined) this.values.delete(k);
    else this.values.set(k, v as Value);
    this.coords = null;
  }

  /** Row and column of every value, kept between changes: the fake's own bookkeeping stays cheap. */
  private coords: { rows: Int32Array; cols: Int32Array; all: Box | null } | null = null;

  private coordinates(): { rows: Int32Array; cols: Int32Array; all: Box | null } {
    if (this.coords) return this.coords;
    const rows = new Int32Array(this.values.size);
    const cols = new Int32Array(this.values.size);
    let i = 0;
    let [top, left, bottom, right] = [Infinity, Infinity, 0, 0];
    for (const k of this.values.keys()) {
      const comma = k.indexOf(",");
      const r = Number(k.slice(0, comma));
      const c = Number(k.slice(comma + 1));
      rows[i] = r;
      cols[i++] = c;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    this.coords = { rows, cols, all: bottom === 0 ? null : { top, left, bottom, right } };
    return this.coords;
  }

  /** The smallest box holding every value (inside `within`, if given); null when there is none. */
  usedBox(within?: Box): Box | null {
    const { rows, cols, all } = this.coordinates();
    if (!within) return all && { ...all };
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const c = cols[i]!;
      if (r < within.top || r > within.bottom || c < within.left || c > within.right) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** The conditional-format fill shown on a cell, if any (first matching rule wins). */
  markAt(row: number, col: number): FakeConditionalFormat | undefined {
    return this.conditionalFormats.find((cf) => cf.boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right));
  }

  /** A copy of values, fills and formats: what "the user's table" is. */
  snapshot(): string {
    const sort = (m: Map<string, unknown>): [string, unknown][] => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    return JSON.stringify({ v: sort(this.values), f: sort(this.fills), n: sort(this.numberFormats), b: [...this.bold].sort() });
  }
}

export interface FakeWorkbookOptions {
  /** Requirement sets the fake claims: ExcelApi minor versions up to this one. */
  excelApi?: number;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  active = "";
  protected = false;
  selection: { sheet: string; address: string } | null = null;
  /** The next sync fails with this Excel error (cell-edit mode, a busy host…), as Excel would. */
  failNext: { code: string; message: string } | null = null;
  /** Syncs per Excel.run, in order. */
  runs: number[] = [];
  syncs = 0;
  /** Request and response bytes of each sync; `refused`: a response over the limit, not sent. */
  payloads: { request: number; response: number; refused?: boolean }[] = [];
  private nextId = 1;
  readonly excelApi: number;

  constructor(options: FakeWorkbookOptions = {}) {
    this.excelApi = options.excelApi ?? 17;
  }

  static fromGrid(grid: Grid, options: FakeWorkbookOptions = {}): FakeWorkbook {
    const wb = new FakeWorkbook(options);
    const s = wb.addSheet(grid.sheet);
    grid.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        s.set(grid.top + r, grid.left + c, typeof v === "object" ? v.error : v);
      }),
    );
    s.merges = grid.merges.map((m) => ({ ...m }));
    wb.active = s.name;
    return wb;
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw fakeError("ItemAlreadyExists", `sheet ${name} exists`);
    const s = new FakeSheet(name);
    this.sheets.push(s);
    if (!this.active) this.active = name;
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  activeSheet(): FakeSheet {
    const s = this.sheet(this.active);
    if (!s) throw fakeError("ItemNotFound", "no active sheet");
    return s;
  }

  isSetSupported(name: string, version: string): boolean {
    if (name !== "ExcelApi") return false;
    const minor = Number(version.split(".")[1] ?? "0");
    return minor <= this.excelApi;
  }

  newId(): number {
    return this.nextId++;
  }

  private readonly listeners: Record<"activated" | "changed", SheetHandler[]> = { activated: [], changed: [] };

  listen(type: "activated" | "changed", handler: SheetHandler): { remove: () => void } {
    this.listeners[type].push(handler);
    return { remove: () => void (this.listeners[type] = this.listeners[type].filter((h) => h !== handler)) };
  }

  /** The user clicks another sheet's tab. */
  userActivate(name: string): void {
    const s = this.sheet(name);
    if (!s) throw fakeError("ItemNotFound", `no sheet ${name}`);
    if (this.active === s.name) return;
    this.active = s.name;
    // After the current round trip, as Excel delivers events.
    setTimeout(() => {
      for (const h of this.listeners.activated) void h({ worksheetId: s.name, type: "WorksheetActivated" });
    }, 0);
  }

  /** The user types into a cell. */
  userEdit(name: string, row: number, col: number, value: string | number): void {
    const s = this.sheet(name);
    if (!s) throw fakeError("ItemNotFound", `no sheet ${name}`);
    s.set(row, col, value);
    for (const h of this.listeners.changed) void h({ worksheetId: s.name, type: "WorksheetChanged" });
  }

  /** The user renames a sheet; names that refer to it follow, as in Excel. */
  userRename(from: string, to: string): void {
    const s = this.sheet(from);
    if (!s) throw fakeError("ItemNotFound", `no sheet ${from}`);
    s.name = to;
    if (this.active === from) this.active = to;
    for (const other of this.sheets) {
      for (const [k, v] of other.names) other.names.set(k, { ...v, reference: v.reference.split(`'${from.replace(/'/g, "''")}'!`).join(`'${to.replace(/'/g, "''")}'!`) });
    }
  }

  /** Excel.run: one context, its syncs counted. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeContext(this);
    this.runs.push(0);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    await ctx.sync(true); // Excel.run flushes what is left queued
    return result;
  };
}

type Task = () => void;
type SheetHandler = (event: { worksheetId: string; type: string }) => Promise<unknown> | void;

class FakeContext {
  readonly workbook: WorkbookProxy;
  private queue: Task[] = [];
  request = 0;
  response = 0;

  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(task: Task, requestBytes = 40): void {
    this.queue.push(task);
    this.request += requestBytes;
  }

  async sync(final = false): Promise<void> {
    const tasks = this.queue;
    this.queue = [];
    // Excel.run's closing flush is a round trip only when something is left queued.
    if (final && tasks.length === 0) return;
    this.wb.syncs++;
    this.wb.runs[this.wb.runs.length - 1]! += 1;
    this.response = 0;
    const request = this.request;
    this.request = 0;
    if (request > PAYLOAD_LIMIT) throw fakeError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    const failure = this.wb.failNext;
    if (failure) {
      this.wb.failNext = null;
      throw fakeError(failure.code, failure.message);
    }
    for (const t of tasks) t();
    const refused = this.response > PAYLOAD_LIMIT;
    this.wb.payloads.push({ request, response: this.response, ...(refused ? { refused } : {}) });
    if (refused) throw fakeError("ResponsePayloadSizeLimitExceeded", `response of ${this.response} bytes`);
    await Promise.resolve();
  }
}

/** Base of every proxy: load queues a read; a property is readable only once loaded. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;

  constructor(protected readonly ctx: FakeContext) {}

  protected value<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw fakeError("PropertyNotLoaded", `${prop} was not loaded (call load() and sync())`);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw fakeError("PropertyNotLoaded", "isNullObject is known only after a sync");
    return this.nullObject;
  }

  /** Resolves the model object at sync time; null for a null object. */
  protected exists(): boolean {
    return true;
  }

  protected read(_prop: string): unknown {
    throw fakeError("InvalidArgument", `cannot load ${_prop}`);
  }

  load(spec?: string | string[]): this {
    const props = (Array.isArray(spec) ? spec : (spec ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(() => {
      const exists = this.exists();
      this.nullObject = !exists;
      if (!exists) return;
      for (const p of props) {
        const v = this.read(p);
        this.loaded.set(p, v);
        this.ctx.response += utf8Bytes(v) + p.length;
      }
    });
    return this;
  }

  protected markLoaded(exists: boolean): void {
    this.nullObject = !exists;
  }
}

class WorkbookTablesProxy {
  private itemList: { name: string; worksheet: { name: string } }[] | null = null;
  constructor(private readonly ctx: FakeContext) {}
  load(_spec?: string): this {
    this.ctx.enqueue(() => {
      this.itemList = this.ctx.wb.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, worksheet: { name: s.name } })));
      this.ctx.response += utf8Bytes(this.itemList);
    });
    return this;
  }
  get items(): { name: string; worksheet: { name: string } }[] {
    if (!this.itemList) throw fakeError("PropertyNotLoaded", "items");
    return this.itemList;
  }
  getItemAt(index: number): { name: string; worksheet: { name: string } } {
    return itemAt(this.items, index);
  }
}

class WorkbookProxy extends Proxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly protection: ProtectionProxy;
  readonly tables: WorkbookTablesProxy;
  constructor(ctx: FakeContext) {
    super(ctx);
    this.tables = new WorkbookTablesProxy(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.protection = new ProtectionProxy(ctx, () => ctx.wb.protected);
  }
}

class ProtectionProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly get: () => boolean,
  ) {
    super(ctx);
  }
  protected override read(prop: string): unknown {
    if (prop === "protected") return this.get();
    return super.read(prop);
  }
  get protected(): boolean {
    return this.value("protected");
  }
}

class WorksheetCollectionProxy extends Proxy {
  private itemList: WorksheetProxy[] | null = null;

  readonly onActivated = { add: (handler: SheetHandler) => this.ctx.wb.listen("activated", handler) };
  readonly onChanged = { add: (handler: SheetHandler) => this.ctx.wb.listen("changed", handler) };

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.activeSheet());
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.wb.sheet(name);
      if (!s) throw fakeError("ItemNotFound", `no sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(name) ?? null);
  }
  add(name: string): WorksheetProxy {
    this.ctx.enqueue(() => void this.ctx.wb.addSheet(name));
    return this.getItem(name);
  }
  override load(spec?: string | string[]): this {
    const props = (Array.isArray(spec) ? spec.join(",") : (spec ?? "")).split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      this.itemList = this.ctx.wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => this.ctx.wb.sheet(s.name) ?? null);
        p.fill(props);
        return p;
      });
      this.ctx.response += utf8Bytes(this.ctx.wb.sheets.map((s) => s.name));
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    if (!this.itemList) throw fakeError("PropertyNotLoaded", "items");
    return this.itemList;
  }
  /** An item of the last load, by index (the runtime names loaded items this way when they have no id). */
  getItemAt(index: number): WorksheetProxy {
    return itemAt(this.items, index);
  }
}

class WorksheetProxy extends Proxy {
  readonly protection: ProtectionProxy;
  readonly names: NamesProxy;
  readonly tables: TablesProxy;
  readonly charts: ChartsProxy;
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly pageLayout: Record<string, unknown>;

  constructor(
    ctx: FakeContext,
    readonly resolve: () => FakeSheet | null,
  ) {
    super(ctx);
    const sheet = (): FakeSheet => {
      const s = resolve();
      if (!s) throw fakeError("ItemNotFound", "sheet");
      return s;
    };
    this.protection = new ProtectionProxy(ctx, () => sheet().protected);
    this.names = new NamesProxy(ctx, sheet);
    this.tables = new TablesProxy(ctx, sheet);
    this.charts = new ChartsProxy(ctx, sheet);
    this.freezePanes = { freezeRows: (n: number) => ctx.enqueue(() => void (sheet().frozenRows = n)) };
    const pl: Record<string, unknown> = {};
    for (const prop of ["orientation", "zoom", "printGridlines"] as const) {
      Object.defineProperty(pl, prop, {
        set: (v: unknown) =>
          ctx.enqueue(() => {
            const s = sheet();
            if (ctx.wb.excelApi < 9) throw fakeError("ApiNotFound", "pageLayout needs ExcelApi 1.9");
            (s.pageLayout as Record<string, unknown>)[prop] = v;
          }),
      });
    }
    this.pageLayout = pl;
  }

  fill(props: string[]): void {
    const s = this.resolve();
    this.markLoaded(s !== null);
    if (s) for (const p of props) if (p === "name") this.loaded.set("name", s.name);
  }

  protected override exists(): boolean {
    return this.resolve() !== null;
  }
  protected override read(prop: string): unknown {
    const s = this.resolve()!;
    if (prop === "name") return s.name;
    if (prop === "visibility") return s.visibility;
    return super.read(prop);
  }
  get name(): string {
    return this.value("name");
  }

  private sheetOrThrow(): FakeSheet {
    const s = this.resolve();
    if (!s) throw fakeError("ItemNotFound", "sheet");
    return s;
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => ({
      sheet: this.sheetOrThrow(),
      box: address === undefined ? { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COL } : parseA1(address),
    }));
  }
  /** ExcelApi 1.9: "A1:E1,A3:E4" as one object. */
  getRanges(address: string): RangesProxy {
    if (this.ctx.wb.excelApi < 9) throw fakeError("ApiNotFound", "Worksheet.getRanges needs ExcelApi 1.9");
    return new RangesProxy(this.ctx, () => {
      if (address.length > RANGES_ADDRESS_LIMIT) throw fakeError("InvalidArgument", `address of ${address.length} characters`);
      return { sheet: this.sheetOrThrow(), boxes: address.split(",").map((a) => parseA1(a.trim())) };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.ctx, () => {
      const sheet = this.sheetOrThrow();
      const box = sheet.usedBox();
      return box ? { sheet, box } : null;
    });
  }
  activate(): void {
    // Excel raises onActivated for a sheet activated by code too.
    this.ctx.enqueue(() => this.ctx.wb.userActivate(this.sheetOrThrow().name));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOrThrow();
      this.ctx.wb.sheets = this.ctx.wb.sheets.filter((x) => x !== s);
      if (this.ctx.wb.active === s.name) this.ctx.wb.active = this.ctx.wb.sheets[0]?.name ?? "";
    });
  }
}

class NamesProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(name: string, reference: string, comment?: string): void {
    this.ctx.enqueue(() => void this.sheet().names.set(name, { reference, comment: comment ?? "" }));
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => (this.sheet().names.has(name) ? name : null), () => this.sheet().names.get(name)?.reference ?? null);
  }
}

class NamedItemProxy extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => string | null,
    private readonly reference: () => string | null = () => null,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.resolve() !== null;
  }
  protected override read(prop: string): unknown {
    if (prop === "name") return this.resolve();
    if (prop === "formula") return this.reference();
    return super.read(prop);
  }
  get name(): string {
    return this.value("name");
  }
  get formula(): string {
    return this.value("formula");
  }
}

class TablesProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(address: string, hasHeaders: boolean): Record<string, unknown> {
    void hasHeaders;
    const entry = { name: "", box: parseA1(address) };
    this.ctx.enqueue(() => {
      const s = this.sheet();
      entry.name = `Table${this.ctx.wb.newId()}`;
      s.tables.push(entry);
    });
    const ctx = this.ctx;
    return {
      set name(v: string) {
        ctx.enqueue(() => {
          const clash = ctx.wb.sheets.some((s) => s.tables.some((t) => t !== entry && t.name.toLowerCase() === v.toLowerCase()));
          if (clash) throw fakeError("InvalidArgument", `table name ${v} in use`);
          entry.name = v;
        });
      },
      set showBandedRows(_v: boolean) {
        ctx.enqueue(() => undefined);
      },
    };
  }
}

class ChartsProxy {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(type: string, source: RangeProxy, seriesBy: string): Record<string, unknown> {
    const chart: FakeChart = { type, source: { top: 0, left: 0, bottom: 0, right: 0 }, seriesBy, title: "", categories: [], position: null };
    const ctx = this.ctx;
    ctx.enqueue(() => {
      chart.source = source.box();
      this.sheet().charts.push(chart);
    });
    return {
      title: {
        set text(v: string) {
          ctx.enqueue(() => void (chart.title = v));
        },
      },
      series: {
        getItemAt: (i: number) => ({
          setXAxisValues: (r: RangeProxy) =>
            ctx.enqueue(() => {
              if (i > chart.source.right - chart.source.left) throw fakeError("ItemNotFound", `series ${i}`);
              chart.categories[i] = r.box();
            }),
        }),
      },
      setPosition: (a: string, b?: string) => ctx.enqueue(() => void (chart.position = [a, b])),
    };
  }
}

interface Resolved {
  sheet: FakeSheet;
  box: Box;
}

class RangeProxy extends Proxy {
  readonly format: Record<string, unknown>;
  readonly conditionalFormats: ConditionalFormatsProxy;

  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Resolved | null,
  ) {
    super(ctx);
    const forEach = (fn: (s: FakeSheet, r: number, c: number) => void): void => {
      const { sheet, box } = this.resolved();
      for (let r = box.top; r <= box.bottom; r++) for (let c = box.left; c <= box.right; c++) fn(sheet, r, c);
    };
    const font: Record<string, unknown> = {};
    Object.defineProperty(font, "bold", {
      set: (v: boolean) => ctx.enqueue(() => forEach((s, r, c) => (v ? s.bold.add(FakeSheet.key(r, c)) : s.bold.delete(FakeSheet.key(r, c))))),
    });
    Object.defineProperty(font, "size", { set: () => ctx.enqueue(() => undefined) });
    const fill: Record<string, unknown> = {};
    Object.defineProperty(fill, "color", {
      set: (v: string) => ctx.enqueue(() => forEach((s, r, c) => s.fills.set(FakeSheet.key(r, c), v))),
    });
    fill.clear = () => ctx.enqueue(() => forEach((s, r, c) => s.fills.delete(FakeSheet.key(r, c))));
    const format: Record<string, unknown> = {
      font,
      fill,
      borders: { getItem: () => ({ set style(_v: string) { ctx.enqueue(() => undefined); } }) },
      autofitRows: () => ctx.enqueue(() => undefined),
      autofitColumns: () => ctx.enqueue(() => undefined),
    };
    Object.defineProperty(format, "wrapText", {
      set: (v: boolean) => ctx.enqueue(() => forEach((s, r, c) => (v ? s.wrapped.add(FakeSheet.key(r, c)) : s.wrapped.delete(FakeSheet.key(r, c))))),
    });
    Object.defineProperty(format, "verticalAlignment", { set: () => ctx.enqueue(() => undefined) });
    Object.defineProperty(format, "columnWidth", {
      set: (v: number) =>
        ctx.enqueue(() => {
          const { sheet, box } = this.resolved();
          for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, v);
        }),
    });
    this.format = format;
    this.conditionalFormats = new ConditionalFormatsProxy(ctx, () => {
      const { sheet, box } = this.resolved();
      return { sheet, boxes: [box] };
    });
  }

  resolved(): Resolved {
    const r = this.resolve();
    if (!r) throw fakeError("InvalidObjectPath", "range is a null object");
    return r;
  }
  box(): Box {
    return this.resolved().box;
  }

  protected override exists(): boolean {
    return this.resolve() !== null;
  }
  protected override read(prop: string): unknown {
    const { sheet, box } = this.resolved();
    switch (prop) {
      case "rowIndex":
        return box.top - 1;
      case "columnIndex":
        return box.left - 1;
      case "rowCount":
        return box.bottom - box.top + 1;
      case "columnCount":
        return box.right - box.left + 1;
      case "values": {
        const out: (Value | "")[][] = [];
        for (let r = box.top; r <= box.bottom; r++) {
          const row: (Value | "")[] = [];
          for (let c = box.left; c <= box.right; c++) row.push(sheet.get(r, c));
          out.push(row);
        }
        return out;
      }
      default:
        return super.read(prop);
    }
  }
  get rowIndex(): number {
    return this.value("rowIndex");
  }
  get columnIndex(): number {
    return this.value("columnIndex");
  }
  get rowCount(): number {
    return this.value("rowCount");
  }
  get columnCount(): number {
    return this.value("columnCount");
  }
  get values(): unknown[][] {
    return this.value("values");
  }
  set values(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolved();
      if (v.length !== box.bottom - box.top + 1 || v.some((row) => row.length !== box.right - box.left + 1)) {
        throw fakeError("InvalidArgument", "values do not match the range's size");
      }
      v.forEach((row, i) => row.forEach((x, j) => sheet.set(box.top + i, box.left + j, x)));
    }, utf8Bytes(v));
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolved();
      v.forEach((row, i) => row.forEach((x, j) => sheet.numberFormats.set(FakeSheet.key(box.top + i, box.left + j), String(x))));
    }, utf8Bytes(v));
  }

  set columnHidden(v: boolean) {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolved();
      for (let c = box.left; c <= box.right; c++) {
        if (v) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  /** ExcelApi 1.4: the used cells inside this range (values only, as the fake holds no formatting). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    if (this.ctx.wb.excelApi < 4) throw fakeError("ApiNotFound", "Range.getUsedRangeOrNullObject needs ExcelApi 1.4");
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.resolved();
      const used = sheet.usedBox(box);
      return used ? { sheet, box: used } : null;
    });
  }

  /** One row of this range, by index from its top (the runtime cuts large writes this way). */
  getRow(index: number): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.resolved();
      return { sheet, box: { ...box, top: box.top + index, bottom: box.top + index } };
    });
  }

  /** The smallest range holding this one and `other`. */
  getBoundingRect(other: RangeProxy): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.resolved();
      const b = other.box();
      return { sheet, box: { top: Math.min(box.top, b.top), left: Math.min(box.left, b.left), bottom: Math.max(box.bottom, b.bottom), right: Math.max(box.right, b.right) } };
    });
  }

  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const { sheet, box } = this.resolved();
      return { sheet, box: { top: 1, bottom: MAX_ROW, left: box.left, right: box.right } };
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    if (this.ctx.wb.excelApi < 13) throw fakeError("ApiNotFound", "getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new RangeAreasProxy(this.ctx, () => {
      const { sheet, box } = this.resolved();
      const hits = sheet.merges.filter((m) => m.top <= box.bottom && m.bottom >= box.top && m.left <= box.right && m.right >= box.left);
      if (hits.length > 512) throw fakeError("GeneralException", "more than 512 merged areas");
      return hits.length > 0 ? hits : null;
    });
  }

  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolved();
      this.ctx.wb.selection = { sheet: sheet.name, address: `${box.top},${box.left}:${box.bottom},${box.right}` };
    });
  }
}

class RangeAreasProxy extends Proxy {
  readonly areas: { load: (spec: string) => void; items: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[] };
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => MergedArea[] | null,
  ) {
    super(ctx);
    const areas = { items: [] as { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }[], load: (_spec: string) => {} };
    areas.load = () =>
      ctx.enqueue(() => {
        const hits = this.resolve();
        this.markLoaded(hits !== null);
        areas.items = (hits ?? []).map((m) => ({
          rowIndex: m.top - 1,
          columnIndex: m.left - 1,
          rowCount: m.bottom - m.top + 1,
          columnCount: m.right - m.left + 1,
        }));
        ctx.response += utf8Bytes(areas.items);
      });
    this.areas = areas;
  }
  protected override exists(): boolean {
    return this.resolve() !== null;
  }
}

interface ResolvedAreas {
  sheet: FakeSheet;
  boxes: Box[];
}

/** Worksheet.getRanges (ExcelApi 1.9): several areas of one sheet, as one object. */
class RangesProxy extends Proxy {
  readonly conditionalFormats: ConditionalFormatsProxy;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => ResolvedAreas,
  ) {
    super(ctx);
    this.conditionalFormats = new ConditionalFormatsProxy(ctx, resolve);
  }
  protected override read(prop: string): unknown {
    const { boxes } = this.resolve();
    if (prop === "areaCount") return boxes.length;
    return super.read(prop);
  }
  get areaCount(): number {
    return this.value("areaCount");
  }
}

class ConditionalFormatsProxy extends Proxy {
  private itemList: ConditionalFormatProxy[] | null = null;
  constructor(
    ctx: FakeContext,
    private readonly range: () => ResolvedAreas,
  ) {
    super(ctx);
  }
  add(type: string): ConditionalFormatProxy {
    const holder: { cf: FakeConditionalFormat | null } = { cf: null };
    // What Excel sends for an added rule, its type and its reference bookkeeping.
    this.ctx.enqueue(() => {
      const { sheet, boxes } = this.range();
      if (sheet.protected) throw fakeError("AccessDenied", "the sheet is protected");
      holder.cf = { id: `{${this.ctx.wb.newId()}}`, boxes: boxes.map((b) => ({ ...b })), type, formula: "", fill: null };
      sheet.conditionalFormats.unshift(holder.cf); // a new rule takes the top priority
    }, 1_100);
    return new ConditionalFormatProxy(this.ctx, () => holder.cf, () => this.range().sheet);
  }
  private hits(): { sheet: FakeSheet; hits: FakeConditionalFormat[] } {
    const { sheet, boxes } = this.range();
    return { sheet, hits: sheet.conditionalFormats.filter((cf) => cf.boxes.some((a) => boxes.some((b) => intersects(a, b)))) };
  }
  /** By id: ids stay put while other rules go, unlike indexes (office-js#5222). */
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, () => this.hits().hits.find((cf) => cf.id === id) ?? null, () => this.range().sheet, true);
  }
  getItemOrNullObject(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, () => this.hits().hits.find((cf) => cf.id === id) ?? null, () => this.range().sheet);
  }
  override load(spec?: string | string[]): this {
    const props = (Array.isArray(spec) ? spec.join(",") : (spec ?? "")).split(",").map((p) => p.trim().replace(/^items\//, ""));
    this.ctx.enqueue(() => {
      const { sheet, hits } = this.hits();
      // Loading a rule's details fails the whole sync when one of them cannot be read.
      if (props.some((p) => p.includes("/")) && hits.some((cf) => cf.unreadable)) throw fakeError("GeneralException", "a conditional format could not be read");
      this.itemList = hits.map((cf) => {
        const p = new ConditionalFormatProxy(this.ctx, () => cf, () => sheet);
        p.preload("type", cf.type);
        p.preload("id", cf.id);
        return p;
      });
      this.ctx.response += 60 * hits.length;
    });
    return this;
  }
  get items(): ConditionalFormatProxy[] {
    if (!this.itemList) throw fakeError("PropertyNotLoaded", "items");
    return this.itemList;
  }
  getItemAt(index: number): ConditionalFormatProxy {
    return itemAt(this.items, index);
  }
}

class ConditionalFormatProxy extends Proxy {
  readonly custom: { rule: Record<string, unknown> & { load: (p: string) => void }; format: { fill: Record<string, unknown> } };
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakeConditionalFormat | null,
    private readonly sheet: () => FakeSheet,
    private readonly required = false,
  ) {
    super(ctx);
    const cf = (): FakeConditionalFormat => {
      const x = resolve();
      if (!x) throw fakeError("ItemNotFound", "conditional format");
      if (x.type !== "Custom") throw fakeError("InvalidArgument", "not a custom conditional format");
      return x;
    };
    let formula: string | undefined;
    const rule = {
      load: (_p: string) => {
        ctx.enqueue(() => {
          const x = cf();
          if (x.unreadable) throw fakeError("GeneralException", "this conditional format could not be read");
          formula = x.formula;
          ctx.response += utf8Bytes(formula);
        });
      },
    } as Record<string, unknown> & { load: (p: string) => void };
    Object.defineProperty(rule, "formula", {
      get: () => {
        if (formula === undefined) throw fakeError("PropertyNotLoaded", "formula");
        return formula;
      },
      set: (v: string) => ctx.enqueue(() => void (cf().formula = v), 80 + v.length),
    });
    const fill: Record<string, unknown> = {};
    Object.defineProperty(fill, "color", { set: (v: string) => ctx.enqueue(() => void (cf().fill = v), 80) });
    this.custom = { rule, format: { fill } };
  }
  protected override exists(): boolean {
    const x = this.resolve();
    if (!x && this.required) throw fakeError("ItemNotFound", "conditional format");
    return x !== null;
  }
  protected override read(prop: string): unknown {
    const x = this.resolve()!;
    if (prop === "id") return x.id;
    if (prop === "type") return x.type;
    return super.read(prop);
  }
  preload(prop: string, v: unknown): void {
    this.loaded.set(prop, v);
    this.markLoaded(true);
  }
  get id(): string {
    return this.value("id");
  }
  get type(): string {
    return this.value("type");
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const x = this.resolve();
      if (!x) throw fakeError("ItemNotFound", "conditional format");
      const s = this.sheet();
      if (s.protected) throw fakeError("AccessDenied", "the sheet is protected");
      s.conditionalFormats = s.conditionalFormats.filter((c) => c !== x);
    }, 120);
  }
}

/** A row-major copy of a grid's cell values, for the fake. */
export function cellText(v: CellValue): string {
  return v === null ? "" : typeof v === "object" ? v.error : String(v);
}
