/// <reference types="office-js" />
// The add-in's Office.js adapter on the real Excel API runtime: `excel-web-16.00.debug.js` from
// @microsoft/office-js runs in a Node vm sandbox, and the transport a host installs at start-up
// (OSF.DDA.RichApi.executeRichApiRequestAsync) is replaced by a stub that measures each request,
// executes it against the fake workbook of fake-excel.ts and answers as Excel's host does.
//
// The stub interprets the request generically, by the names on the wire (as the runtime's own
// RequestPrettyPrinter reads them back): a GlobalObject path is the fake's `context.workbook`, a
// Property path `parent[name]`, a Method path `parent[name](...args)`, an Indexer `parent.getItem(...)`;
// a Query action is `load()` on the fake and its values are read after the fake's sync, SetProperty
// an assignment, a Method action a call. Whatever the fake implements works through the runtime.
//
// What the host answers besides queries (the runtime needs these to work across syncs):
// - an object kept by `_KeepReference` (every Range and RangeAreas made inside Excel.run) gets a
//   `_ReferenceId` on its next Instantiate; later requests name it by that id, and the request the
//   runtime sends after Excel.run releases it with `_RemoveReference` (logged as `cleanup`);
// - an object from an `...OrNullObject` method is answered null on Instantiate when it is null;
// - an object created by `Add` gets an `Id`, which the runtime then uses to find it in its collection.
// An error the model raises (the fake's `{ code, message }`) is answered as Excel's Error with the
// failing action's index and the answers of the actions before it, which the runtime reads too.
// Payloads past the limit fail as Office reports them to the runtime (codes 5103 / 5104).
// Not modelled, and logged as faults: events, load() without a property list or with expand/top/skip.
import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import type { Grid } from "../../src/core/types";
import type { ExcelEnv } from "../../src/excel/workbook";
import { FakeWorkbook } from "./fake-excel";

/** One round trip through the stub. */
export interface RequestRecord {
  /** The Excel.run it belongs to (0, 1, …). */
  run: number;
  /** UTF-8 bytes of the request body the runtime hands over. */
  requestBytes: number;
  /** UTF-8 bytes of the JSON body the host answers (or would have answered, when refused). */
  responseBytes: number;
  actions: number;
  /** The release of kept references the runtime sends after Excel.run (not one of the adapter's syncs). */
  cleanup: boolean;
  /** The host refused the request or its response for its size. */
  refused?: "request" | "response";
  /** Error code in the answer, if any. */
  error?: string;
  /** The bodies themselves, with `keepBodies`. */
  request?: string;
  response?: string;
}

export interface RealExcelLog {
  requests: RequestRecord[];
  /** Requests the harness could not interpret: a gap in the model or in the harness, never Excel's doing. */
  faults: string[];
}

export interface RealExcel {
  env: ExcelEnv;
  /** The model the requests run against. */
  fake: FakeWorkbook;
  log: RealExcelLog;
  /** Forgets the log (the workbook is kept). */
  reset(): void;
}

export interface RealExcelOptions {
  /** The model; by default a workbook made from `grid`, or an empty one. */
  fake?: FakeWorkbook;
  grid?: Grid;
  /** ExcelApi minor version the fake claims (and the runtime sees). */
  excelApi?: number;
  /** Largest request or response body the host takes, in bytes (default WEB_LIMIT). */
  payloadLimit?: number;
  /** Keep each request and response body in the log, for reading what went over the wire. */
  keepBodies?: boolean;
}

// Wire constants, as the runtime writes them (ObjectPathFactory, ActionFactory, RichApiMessageUtility).
const PathType = { GlobalObject: 1, NewObject: 2, Method: 3, Property: 4, Indexer: 5, ReferenceId: 6, NullObject: 7 } as const;
const ActionType = { Instantiate: 1, Query: 2, Method: 3, SetProperty: 4, Trace: 5, RecursiveQuery: 6, QueryAsJson: 7, EnsureUnchanged: 8, Update: 9 } as const;
/**
 * Excel on the web refuses payloads over 5 MB; whether that is 5 MiB or 5,000,000 bytes is not
 * documented, so the host refuses past the smaller.
 */
export const WEB_LIMIT = 5_000_000;
const OFFICE_REQUEST_TOO_LARGE = 5103;
const OFFICE_RESPONSE_TOO_LARGE = 5104;
/** The request body's place in the message array (RichApiMessageUtility.buildRequestMessageSafeArray). */
const BODY_INDEX = 4;

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: unknown[];
}

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
  ObjectState?: Record<string, unknown>;
}

interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, PathInfo>;
}

interface ActionResult {
  ActionId: number;
  Value: unknown;
}

interface ResponseBody {
  Results: ActionResult[];
  Error?: { Code: string; Message: string; HttpStatusCode: number; Location: string; ActionIndex: number };
}

type OfficeCallback = (result: unknown) => void;

interface Sandbox {
  Excel: { run: <T>(batch: (context: unknown) => Promise<T>) => Promise<T> };
  OSF: { DDA: { RichApi: { executeRichApiRequestAsync?: (message: unknown[], callback: OfficeCallback) => void } }; _OfficeAppFactory?: unknown };
  OfficeExtension: { Utility: { _toCamelLowerCase(name: string): string } };
}

/** The part of the fake's context the host drives: its workbook proxy, its queue and its sync. */
interface ModelContext {
  workbook: unknown;
  enqueue(task: () => void, requestBytes?: number): void;
  sync(): Promise<void>;
}

type Model = Record<string, unknown>;

/** Marks a path that resolved to a null object (ObjectPathType 7, or under one). */
const NULL_OBJECT = Symbol("null object");
/** The root outside Excel.run: enough for releasing references, nothing else. */
const OUTSIDE_RUN: Model = Object.freeze({});

class HarnessFault extends Error {}

const fault = (message: string): HarnessFault => new HarnessFault(message);

/** An error the model raised as Excel would (it carries Excel's code). */
function excelCode(e: unknown): string | null {
  if (e instanceof HarnessFault) return null;
  if (typeof e !== "object" || e === null || !("code" in e)) return null;
  const code = String((e as { code: unknown }).code);
  // The fake's own bookkeeping, not something Excel answers.
  return code === "PropertyNotLoaded" ? null : code;
}

function httpStatus(code: string): number {
  if (/^(ItemNotFound|ApiNotFound)$/.test(code)) return 404;
  if (/^(AccessDenied)$/.test(code)) return 403;
  if (/^(ItemAlreadyExists|Conflict)$/.test(code)) return 409;
  if (/^(InvalidArgument|InvalidObjectPath|InvalidReference|InvalidOperation)/.test(code)) return 400;
  return 500;
}

const upperFirst = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const isObject = (v: unknown): v is Model => (typeof v === "object" || typeof v === "function") && v !== null;
const utf8 = (text: string): number => Buffer.byteLength(text, "utf8");

// ---------------------------------------------------------------------------------------------
// The runtime, compiled once.

const RUNTIME_FILE = "excel-web-16.00.debug.js";
const SCRIPT_KEY = Symbol.for("jindu.test.excelRuntimeScript");

/**
 * Jest gives every test file fresh globals but the same core modules, so the compiled script is
 * kept on `vm` itself: a worker reads and compiles the 3 MB runtime once.
 */
function runtimeScript(): vm.Script {
  const holder = vm as unknown as Record<symbol, vm.Script | undefined>;
  const cached = holder[SCRIPT_KEY];
  if (cached) return cached;
  const dir = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
  const script = new vm.Script(fs.readFileSync(path.join(dir, RUNTIME_FILE), "utf8"), { filename: RUNTIME_FILE });
  Object.defineProperty(holder, SCRIPT_KEY, { value: script });
  return script;
}

/** A window-like global for the runtime, with Office's requirement check bound to the model. */
function loadRuntime(isSetSupported: (name: string, version: string) => boolean): Sandbox {
  const noop = (): void => undefined;
  const doc = {
    readyState: "complete",
    URL: "https://localhost/taskpane.html",
    cookie: "",
    addEventListener: noop,
    removeEventListener: noop,
    getElementsByTagName: () => [],
    createElement: () => ({ style: {}, setAttribute: noop, appendChild: noop }),
    head: { appendChild: noop },
    body: { appendChild: noop },
  };
  const globals: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    // The host realm's Error: errors the runtime raises pass `instanceof Error` in the adapter, as
    // in a browser, where the runtime and the add-in share one realm.
    Error,
    document: doc,
    navigator: { userAgent: "Mozilla/5.0 (node) jindu-test", language: "zh-CN" },
    location: { href: doc.URL, protocol: "https:", host: "localhost", hostname: "localhost", search: "", hash: "" },
    addEventListener: noop,
    removeEventListener: noop,
  };
  globals.window = globals;
  globals.self = globals;
  const context = vm.createContext(globals);
  runtimeScript().runInContext(context);
  const sandbox = context as unknown as Sandbox;
  // What office.js sets up in a real host: Office.context, whose requirements gate the API.
  const officeContext = {
    platform: "OfficeOnline",
    displayLanguage: "zh-CN",
    requirements: { isSetSupported: (name: string, version?: string | number) => isSetSupported(name, String(version ?? "1.1")) },
  };
  sandbox.OSF._OfficeAppFactory = { getContext: () => officeContext };
  return sandbox;
}

// ---------------------------------------------------------------------------------------------
// The host: one request at a time against the model.

class Host {
  /** Objects kept by `_KeepReference`, by the reference id answered for them. */
  private readonly references = new Map<string, unknown>();
  /** Objects made by `Add`, by the id answered for them. */
  private readonly ids = new Map<string, unknown>();
  private counter = 0;
  model: ModelContext | null = null;

  constructor(
    readonly fake: FakeWorkbook,
    private readonly camel: (name: string) => string,
  ) {}

  newGuid(): string {
    const n = (++this.counter).toString(16).padStart(12, "0");
    return `{00000000-0000-4000-8000-${n}}`;
  }

  keep(object: unknown): string {
    const id = `${this.newGuid()}Range`;
    this.references.set(id, object);
    return id;
  }
  release(id: string): void {
    this.references.delete(id);
  }
  byReference(id: string): unknown {
    if (!this.references.has(id)) throw fault(`reference ${id} is unknown to the host (released, or never kept)`);
    return this.references.get(id);
  }

  identify(object: unknown): string {
    const id = this.newGuid();
    this.ids.set(id, object);
    return id;
  }
  byId(key: unknown): { found: boolean; object?: unknown } {
    return typeof key === "string" && this.ids.has(key) ? { found: true, object: this.ids.get(key) } : { found: false };
  }

  toCamel(name: string): string {
    return this.camel(name);
  }

  async execute(body: RequestBody): Promise<{ response: ResponseBody; cleanup: boolean }> {
    const request = new RequestExecution(this, body);
    const response = await request.run();
    return { response, cleanup: request.cleanupOnly };
  }
}

class RequestExecution {
  private readonly objects = new Map<number, unknown>();
  /** Paths whose nullness the host looked up (their method ends in OrNullObject). */
  private readonly probed = new Set<number>();
  /** Instantiate answers owed after `_KeepReference`, by path id. */
  private readonly kept = new Map<number, string>();
  private readonly answers: { index: number; answer: () => ActionResult | null }[] = [];
  /** Index of the action being executed. */
  private current = 0;
  private touched = false;
  cleanupOnly = true;

  constructor(
    private readonly host: Host,
    private readonly body: RequestBody,
  ) {}

  private get model(): ModelContext {
    if (!this.host.model) throw fault("a request touched the workbook outside Excel.run");
    return this.host.model;
  }

  private info(id: number): PathInfo {
    const p = this.body.ObjectPaths[String(id)];
    if (!p) throw fault(`the request names object path ${id} but does not carry it`);
    return p;
  }

  async run(): Promise<ResponseBody> {
    const actions = this.body.Actions;
    let failure: unknown = null;
    let failedAt = -1;
    // Index of the last action whose work the model has done: a zero-byte task after each one.
    let done = -1;
    for (let i = 0; i < actions.length; i++) {
      this.current = i;
      try {
        this.act(actions[i]!);
      } catch (e) {
        if (excelCode(e) === null) throw e;
        failure = e;
        failedAt = i;
        break;
      }
      if (this.touched) this.model.enqueue(() => void (done = i), 0);
    }
    const payloads = this.host.fake.payloads.length;
    try {
      // Even after a failed action: what came before it takes effect, as in Excel.
      if (this.touched) await this.model.sync();
      if (failure === null) done = actions.length - 1;
    } catch (e) {
      if (excelCode(e) === null) throw e;
      // The fake's estimate of the answer is not the host's: it measures the real one itself.
      const estimated = this.host.fake.payloads.length > payloads && this.host.fake.payloads[this.host.fake.payloads.length - 1]?.refused === true;
      if (estimated) done = actions.length - 1;
      else if (failure === null) {
        failure = e;
        failedAt = done + 1;
      }
    }
    // The answers of the actions that ran; the runtime reads them even alongside an error.
    const results: ActionResult[] = [];
    for (const { index, answer } of this.answers) {
      if (index > done) continue;
      const r = answer();
      if (r) results.push(r);
    }
    if (failure === null) return { Results: results };
    const code = excelCode(failure) ?? "GeneralException";
    const message = failure instanceof Error ? failure.message : String(failure);
    return { Results: results, Error: { Code: code, Message: message, HttpStatusCode: httpStatus(code), Location: "", ActionIndex: failedAt } };
  }

  private answer(fn: () => ActionResult | null): void {
    this.answers.push({ index: this.current, answer: fn });
  }

  // -- object paths ---------------------------------------------------------------------------

  private resolve(id: number): unknown {
    if (this.objects.has(id)) return this.objects.get(id);
    const p = this.info(id);
    let object: unknown;
    switch (p.ObjectPathType) {
      case PathType.GlobalObject:
        // The release request after Excel.run names the root and nothing of the workbook.
        object = this.host.model ? this.host.model.workbook : OUTSIDE_RUN;
        break;
      case PathType.ReferenceId:
        object = this.host.byReference(p.Name);
        break;
      case PathType.NullObject:
        object = NULL_OBJECT;
        break;
      case PathType.Property:
      case PathType.Method:
      case PathType.Indexer: {
        const parent = this.resolve(this.parentOf(p));
        if (parent === NULL_OBJECT) {
          object = NULL_OBJECT;
          break;
        }
        if (!isObject(parent)) throw fault(`${this.describe(p)}: its parent is not an object of the model (${String(parent)})`);
        if (p.ObjectPathType === PathType.Property) object = this.property(parent, p.Name);
        else if (p.ObjectPathType === PathType.Method) object = this.call(parent, p.Name, this.args(p.ArgumentInfo, true));
        else object = this.indexer(parent, this.args(p.ArgumentInfo, true));
        break;
      }
      default:
        throw fault(`object path type ${p.ObjectPathType} (${p.Name}) is not modelled`);
    }
    this.objects.set(id, object);
    return object;
  }

  private parentOf(p: PathInfo): number {
    if (p.ParentObjectPathId === undefined) throw fault(`${this.describe(p)} has no parent`);
    return p.ParentObjectPathId;
  }

  private describe(p: PathInfo): string {
    return `path ${p.Id} (type ${p.ObjectPathType} ${p.Name || "''"})`;
  }

  private property(parent: Model, wireName: string): unknown {
    const name = this.host.toCamel(wireName);
    if (!(name in parent)) throw fault(`the model has no property ${name} (${wireName}) on ${describeModel(parent)}`);
    this.touched = true;
    return parent[name];
  }

  private call(target: Model, wireName: string, args: unknown[]): unknown {
    const name = this.host.toCamel(wireName);
    const method = target[name];
    this.touched = true;
    if (typeof method === "function") return (method as (...a: unknown[]) => unknown).apply(target, args);
    throw fault(`the model has no method ${name}() (${wireName}) on ${describeModel(target)}`);
  }

  private indexer(collection: Model, args: unknown[]): unknown {
    // An id the host answered for an object it made: the runtime names the object by it from then on.
    const known = args.length === 1 ? this.host.byId(args[0]) : { found: false };
    if (known.found) return known.object;
    return this.call(collection, "GetItem", args);
  }

  /** Arguments with object paths replaced by model objects; JSON null stands for an omitted argument. */
  private args(info: ArgumentInfo | undefined, trimNulls: boolean): unknown[] {
    const raw = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds;
    const decode = (value: unknown, ref: unknown): unknown => {
      if (typeof ref === "number" && ref !== 0) {
        const o = this.resolve(ref);
        return o === NULL_OBJECT ? null : o;
      }
      if (Array.isArray(ref) && Array.isArray(value)) return value.map((v, i) => decode(v, ref[i]));
      return value;
    };
    const out = refs ? raw.map((v, i) => decode(v, refs[i])) : [...raw];
    if (trimNulls) while (out.length > 0 && out[out.length - 1] === null) out.pop();
    return out;
  }

  /** Null after the sync: the object, or a parent, came from an OrNullObject method and is null. */
  private isNullAfterSync(id: number): boolean {
    let current: number | undefined = id;
    while (current !== undefined) {
      const object = this.objects.get(current);
      if (object === NULL_OBJECT) return true;
      if (this.probed.has(current) && nullFlag(object)) return true;
      const p: PathInfo | undefined = this.body.ObjectPaths[String(current)];
      if (!p || p.ObjectPathType === PathType.ReferenceId || p.ObjectPathType === PathType.GlobalObject) return false;
      current = p.ParentObjectPathId;
    }
    return false;
  }

  // -- actions --------------------------------------------------------------------------------

  private act(action: ActionInfo): void {
    switch (action.ActionType) {
      case ActionType.Instantiate:
        return this.instantiate(action);
      case ActionType.Query:
        this.cleanupOnly = false;
        return this.query(action);
      case ActionType.Method:
        return this.method(action);
      case ActionType.SetProperty: {
        this.cleanupOnly = false;
        const target = this.target(action);
        const name = this.host.toCamel(action.Name);
        // Assigning what the model does not define would "succeed" without any effect.
        if (!(name in target)) throw fault(`the model has no property ${name} (${action.Name}) to set on ${describeModel(target)}`);
        const [value] = this.args(action.ArgumentInfo, false);
        this.touched = true;
        target[name] = value;
        return;
      }
      case ActionType.Update: {
        this.cleanupOnly = false;
        const target = this.target(action);
        this.touched = true;
        for (const [name, value] of Object.entries(action.ObjectState ?? {})) {
          if (!(name in target)) throw fault(`the model has no property ${name} to update on ${describeModel(target)}`);
          target[name] = value;
        }
        return;
      }
      case ActionType.Trace:
        return;
      default:
        throw fault(`action type ${action.ActionType} (${action.Name}) is not modelled`);
    }
  }

  private target(action: ActionInfo): Model {
    const object = this.resolve(action.ObjectPathId);
    if (object === NULL_OBJECT) throw Object.assign(new Error("The object is a null object"), { code: "InvalidObjectPath" });
    if (!isObject(object)) throw fault(`action ${action.Id} (${action.Name}) targets something that is not an object of the model`);
    return object;
  }

  private instantiate(action: ActionInfo): void {
    const id = action.ObjectPathId;
    const p = this.info(id);
    if (p.ObjectPathType !== PathType.GlobalObject) this.cleanupOnly = false;
    const object = this.resolve(id);
    const reference = this.kept.get(id);
    this.kept.delete(id);
    const nullable = p.ObjectPathType === PathType.Method && /OrNullObject$/.test(p.Name);
    if (nullable && !this.probed.has(id) && isObject(object) && typeof object.load === "function") {
      // Ask the model whether it exists, in order with the rest of the request.
      (object.load as (spec: string) => unknown).call(object, "");
      this.probed.add(id);
    }
    const created = p.ObjectPathType === PathType.Method && p.Name === "Add" && isObject(object) ? this.host.identify(object) : undefined;
    if (reference === undefined && !nullable && created === undefined) return;
    this.answer(() => {
      if (this.isNullAfterSync(id)) return { ActionId: action.Id, Value: null };
      const value: Record<string, unknown> = {};
      if (reference !== undefined) value._ReferenceId = reference;
      if (created !== undefined) value.Id = created;
      return { ActionId: action.Id, Value: value };
    });
  }

  private query(action: ActionInfo): void {
    const info = action.QueryInfo ?? {};
    if (info.Expand?.length || info.Top !== undefined || info.Skip !== undefined) throw fault(`load() with expand/top/skip is not modelled (action ${action.Id})`);
    const select = info.Select ?? [];
    if (select.length === 0 || select.includes("*")) throw fault(`load() without a property list is not modelled (action ${action.Id})`);
    const object = this.resolve(action.ObjectPathId);
    if (object !== NULL_OBJECT) {
      if (!isObject(object) || typeof object.load !== "function") throw fault(`load(${select.join(",")}) on something the model cannot load: ${describeModel(object)}`);
      this.touched = true;
      (object.load as (spec: string) => unknown).call(object, select.join(","));
    }
    this.answer(() => {
      if (object === NULL_OBJECT || this.isNullAfterSync(action.ObjectPathId)) return { ActionId: action.Id, Value: null };
      return { ActionId: action.Id, Value: shape(object, select) };
    });
  }

  private method(action: ActionInfo): void {
    const args = this.args(action.ArgumentInfo, true);
    // Methods named with an underscore belong to the protocol, not to the workbook.
    switch (action.Name) {
      case "_KeepReference": {
        this.cleanupOnly = false;
        const object = this.resolve(action.ObjectPathId);
        if (object !== NULL_OBJECT) this.kept.set(action.ObjectPathId, this.host.keep(object));
        return;
      }
      case "_RemoveReference":
        for (const id of args) this.host.release(String(id));
        return;
      case "_ValidateArraySize": {
        this.cleanupOnly = false;
        const range = this.target(action);
        const [rows, columns] = args as number[];
        this.touched = true;
        this.model.enqueue(() => {
          const box = boxOf(range);
          if (box.bottom - box.top + 1 !== rows || box.right - box.left + 1 !== columns) {
            throw Object.assign(new Error(`${rows} × ${columns} values for a range of another size`), { code: "InvalidArgument" });
          }
        });
        return;
      }
    }
    if (action.Name.startsWith("_")) throw fault(`protocol method ${action.Name} is not modelled`);
    this.cleanupOnly = false;
    const target = this.target(action);
    const returned = this.call(target, action.Name, args);
    // A scalar the model returns at once is the action's result; the fake's writes return nothing.
    if (returned !== undefined && !isObject(returned)) this.answer(() => ({ ActionId: action.Id, Value: returned }));
  }
}

function nullFlag(object: unknown): boolean {
  if (!isObject(object)) return false;
  try {
    return object.isNullObject === true;
  } catch {
    return false;
  }
}

function describeModel(object: unknown): string {
  if (!isObject(object)) return String(object);
  const name = (object as { constructor?: { name?: string } }).constructor?.name;
  return name && name !== "Object" ? name : `{${Object.keys(object).slice(0, 6).join(", ")}}`;
}

/** Reads a property the fake has loaded; the fake's "not loaded" means the harness asked for too little. */
function read(object: Model, name: string): unknown {
  if (!(name in object)) throw fault(`the model has no property ${name} on ${describeModel(object)}`);
  try {
    return object[name];
  } catch (e) {
    throw fault(`the model could not answer ${name} on ${describeModel(object)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const isCollection = (object: Model): boolean => "items" in object;

/** The Value of a Query: PascalCase keys as the runtime's `_handleResult` reads them, items under `_Items`. */
function shape(object: unknown, select: string[]): unknown {
  if (!isObject(object)) throw fault(`cannot read ${select.join(",")} from ${String(object)}`);
  if (isCollection(object)) {
    const items = read(object, "items");
    if (!Array.isArray(items)) throw fault(`items of ${describeModel(object)} is not a list`);
    return { _Items: items.map((item) => shapeOne(item, select)) };
  }
  return shapeOne(object, select);
}

function shapeOne(object: unknown, select: string[]): Record<string, unknown> {
  if (!isObject(object)) throw fault(`cannot read ${select.join(",")} from ${String(object)}`);
  const nested = new Map<string, string[]>();
  const out: Record<string, unknown> = {};
  for (const entry of select) {
    const [head, ...rest] = entry.split("/");
    if (!head) continue;
    if (rest.length > 0) nested.set(head, [...(nested.get(head) ?? []), rest.join("/")]);
    else out[upperFirst(head)] = scalar(read(object, head), head);
  }
  for (const [head, inner] of nested) out[upperFirst(head)] = shape(read(object, head), inner);
  return out;
}

function scalar(value: unknown, name: string): unknown {
  if (value === undefined) return null;
  if (isObject(value) && !Array.isArray(value)) throw fault(`${name} is an object in the model; load its properties instead`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// What the runtime asks of the model beyond the adapter's own calls.

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
interface RangeLike extends Model {
  resolved(): { sheet: unknown; box: Box };
}

function isRange(object: unknown): object is RangeLike {
  return isObject(object) && typeof object.resolved === "function" && typeof object.box === "function";
}

function boxOf(object: Model): Box {
  if (!isRange(object)) throw fault(`${describeModel(object)} is not a range of the model`);
  return object.resolved().box;
}

/** A range of the model derived from another, resolved when the model's queue runs. */
// ---------------------------------------------------------------------------------------------

/** The adapter's environment on the real runtime, with the fake workbook as the host's document. */
export function createRealExcel(options: RealExcelOptions = {}): RealExcel {
  const fake = options.fake ?? (options.grid ? FakeWorkbook.fromGrid(options.grid, { excelApi: options.excelApi }) : new FakeWorkbook({ excelApi: options.excelApi }));
  const limit = options.payloadLimit ?? WEB_LIMIT;
  const isSetSupported = (name: string, version: string): boolean => fake.isSetSupported(name, version);
  const sandbox = loadRuntime(isSetSupported);
  const log: RealExcelLog = { requests: [], faults: [] };
  // The runtime's own reading of wire names (GetUsedRangeOrNullObject → getUsedRangeOrNullObject).
  const host = new Host(fake, (name) => sandbox.OfficeExtension.Utility._toCamelLowerCase(name));
  let runs = 0;

  sandbox.OSF.DDA.RichApi.executeRichApiRequestAsync = (message, callback) => {
    const text = String(message[BODY_INDEX] ?? "");
    const record: RequestRecord = { run: runs - 1, requestBytes: utf8(text), responseBytes: 0, actions: 0, cleanup: false };
    if (options.keepBodies) record.request = text;
    log.requests.push(record);
    const answer = (result: unknown): void => void setImmediate(() => callback(result));
    const failed = (code: number, message: string): void => answer({ status: "failed", error: { code, message, name: "RichApi.Error" } });
    if (record.requestBytes > limit) {
      record.refused = "request";
      record.error = "RequestPayloadSizeLimitExceeded";
      failed(OFFICE_REQUEST_TOO_LARGE, `The request payload (${record.requestBytes} bytes) is over the limit.`);
      return;
    }
    const body = JSON.parse(text) as RequestBody;
    record.actions = body.Actions.length;
    host.execute(body).then(
      ({ response, cleanup }) => {
        record.cleanup = cleanup;
        const responseText = JSON.stringify(response);
        record.responseBytes = utf8(responseText);
        if (options.keepBodies) record.response = responseText;
        if (response.Error) record.error = response.Error.Code;
        if (record.responseBytes > limit) {
          record.refused = "response";
          record.error = "ResponsePayloadSizeLimitExceeded";
          failed(OFFICE_RESPONSE_TOO_LARGE, `The response payload (${record.responseBytes} bytes) is over the limit.`);
          return;
        }
        answer({ status: "succeeded", value: { data: [200, [], responseText] } });
      },
      (e: unknown) => {
        const text = e instanceof Error ? e.message : String(e);
        log.faults.push(text);
        record.error = "HarnessFault";
        // Loud, not an Excel error the adapter would explain away: the sync rejects with this message.
        answer({ status: "failed", error: { code: -1, message: `harness: ${text}`, name: "HarnessFault" } });
      },
    );
  };

  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    fake.run(async (modelContext) => {
      host.model = modelContext as unknown as ModelContext;
      runs++;
      try {
        return await sandbox.Excel.run((context) => batch(context as Excel.RequestContext));
      } finally {
        host.model = null;
      }
    });

  return {
    env: { run, isSetSupported },
    fake,
    log,
    reset() {
      log.requests.length = 0;
      log.faults.length = 0;
    },
  };
}
