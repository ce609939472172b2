// The annotated copy written into the user's own package: only the parts Jindu changes are
// rewritten (the analysed sheet, styles, the workbook's sheet list); everything else — charts,
// pivot tables, drawings, parts ExcelJS does not know — is copied as it was. The summary
// sheets are written by ExcelJS into a workbook of their own and grafted in. Memory stays near
// the size of the package's XML, not of an object per cell.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { COMPLETION_BAR_COLOR, DEFAULT_FILLED, displayWidth, markFormula, type WorkbookPlan } from "../core/plan";
import type { Grid, RowStatus } from "../core/types";
import { columnLetters, columnNumber } from "../core/plan/a1";
import { freeColumnPair, imageColumns, markRules, usedColumns, writeSummary, type MarkRule } from "./apply";
import { snapshotColumns, writeState, type MarksState } from "./marks";
import {
  attrs,
  children,
  escapeXml,
  relationships,
  relativeTarget,
  relsOf,
  removeAttr,
  resolvePart,
  setAttr,
} from "./xml";

/** A package this writer does not handle; the caller falls back to the ExcelJS copy. */
export class CannotPatch extends Error {}

const MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const COMPLETION_FORMAT = '0.0"%"';
const TEXT_FORMAT_ID = 49;

export interface PatchRequest {
  bytes: Uint8Array;
  /** The analysed sheet's name. */
  sheet: string;
  plan: WorkbookPlan;
  /** 1-based column of 完成率 (状态 is the next one). */
  extraColumn: number;
  rules: MarkRule[];
  /** What the added columns looked like before, for `clear`. */
  state: MarksState;
}

export interface PatchResult {
  bytes: Uint8Array;
  summarySheet: string;
  laggingSheet: string;
}

export async function partText(zip: JSZip, name: string): Promise<string | null> {
  const f = zip.file(name);
  return f ? f.async("string") : null;
}

export async function needPart(zip: JSZip, name: string): Promise<string> {
  const t = await partText(zip, name);
  if (t === null) throw new CannotPatch(`missing part ${name}`);
  return t;
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

/** The style sheet as text, with appends that keep each list's count right. */
class Styles {
  private cache = new Map<string, number>();
  constructor(public xml: string) {
    if (!/<cellXfs[\s>]/.test(xml)) throw new CannotPatch("styles without cellXfs");
  }

  list(parent: string, child: string): string[] {
    return children(this.xml, parent, child)?.list ?? [];
  }

  /** Appends elements to a list, creating the list where the schema puts it; returns the first new index. */
  append(parent: string, child: string, items: string[]): number {
    let found = children(this.xml, parent, child);
    if (!found) {
      const order = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
      const after = order.slice(order.indexOf(parent) + 1);
      let at = this.xml.lastIndexOf("</styleSheet>");
      for (const name of after) {
        const m = new RegExp(`<${name}(?=[\\s>/])`).exec(this.xml);
        if (m && m.index < at) at = m.index;
      }
      this.xml = `${this.xml.slice(0, at)}<${parent} count="0"></${parent}>${this.xml.slice(at)}`;
      found = children(this.xml, parent, child)!;
    } else if (found.start === found.end && new RegExp(`<${parent}(?=[\\s/])[^>]*/>`).test(this.xml)) {
      this.xml = this.xml.replace(new RegExp(`<${parent}(?=[\\s/])([^>]*?)\\s*/>`), `<${parent}$1></${parent}>`);
      found = children(this.xml, parent, child)!;
    }
    const offset = found.list.length;
    if (items.length === 0) return offset;
    this.xml = this.xml.slice(0, found.end) + items.join("") + this.xml.slice(found.end);
    this.xml = this.xml.replace(new RegExp(`<${parent}(?=[\\s>])[^>]*>`), (tag) => setAttr(tag, "count", String(offset + items.length)));
    return offset;
  }

  /** The id of a number format, adding a custom one when the code is new. */
  numFmtId(code: string): number {
    let max = 163;
    for (const tag of this.list("numFmts", "numFmt")) {
      const a = attrs(tag);
      const id = Number(a.get("numFmtId"));
      if (a.get("formatCode") === code) return id;
      if (id > max) max = id;
    }
    this.append("numFmts", "numFmt", [`<numFmt numFmtId="${max + 1}" formatCode="${escapeXml(code)}"/>`]);
    return max + 1;
  }

  /** A copy of cell style `s` with a number format and alignment of Jindu's columns. */
  derived(s: number, kind: "completion" | "status"): number {
    const key = `${s}:${kind}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const fmt = kind === "completion" ? this.numFmtId(COMPLETION_FORMAT) : TEXT_FORMAT_ID;
    const xfs = this.list("cellXfs", "xf");
    const base = xfs[s] ?? xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const open = /^<xf\b[^>]*?\/?>/.exec(base)![0];
    let inner = open.endsWith("/>") ? "" : base.slice(open.length, base.length - "</xf>".length);
    let tag = open.endsWith("/>") ? `${open.slice(0, -2).trimEnd()}>` : open;
    tag = setAttr(setAttr(setAttr(tag, "numFmtId", String(fmt)), "applyNumberFormat", "1"), "applyAlignment", "1");
    const old = /<alignment\b[^>]*\/>|<alignment\b[^>]*>[\s\S]*?<\/alignment>/.exec(inner);
    let align = old ? `${/^<alignment\b[^>]*?(?=\/?>)/.exec(old[0])![0]}/>` : "<alignment/>";
    align = removeAttr(align, "wrapText");
    align = setAttr(setAttr(align, "horizontal", kind === "completion" ? "right" : "center"), "vertical", "center");
    if (old) inner = inner.replace(old[0], "");
    const index = this.append("cellXfs", "xf", [`${tag}${align}${inner}</xf>`]);
    this.cache.set(key, index);
    return index;
  }
}

interface Cell {
  col: number;
  xml: string;
}

const ROW_RE = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL_RE = /<c(?=[\s>/])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g;

function cellsOf(content: string): Cell[] {
  if (content.includes("<extLst")) throw new CannotPatch("row with an extension list");
  const out: Cell[] = [];
  let implicit = 0;
  for (const m of content.matchAll(CELL_RE)) {
    const ref = /^<c\b[^>]*?\sr="([A-Za-z]+)/.exec(m[0]);
    const col = ref ? columnNumber(ref[1]!) : implicit + 1;
    implicit = col;
    out.push({ col, xml: m[0] });
  }
  return out;
}

const styleOf = (cell: string) => /^<c\b[^>]*?\ss="(\d+)"/.exec(cell)?.[1];

/** Characters past ASCII as character references: the sheet's text stays one byte per character in memory. */
const asciiXml = (s: string) =>
  escapeXml(s).replace(/[^ -~\t\n\r]/gu, (ch) => {
    const code = ch.codePointAt(0)!;
    // Control characters and lone surrogates have no place in XML 1.0: dropped.
    return code < 0x20 || (code >= 0xd800 && code <= 0xdfff) ? "" : `&#${code};`;
  });

const inlineString = (ref: string, s: number, text: string) =>
  `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${asciiXml(text)}</t></is></c>`;

/** The sheet's own style for a column: `<col style>`. */
function columnStyles(xml: string): (col: number) => number | undefined {
  const cols = (children(xml, "cols", "col")?.list ?? []).map((t) => attrs(t));
  return (col) => {
    for (const a of cols) {
      if (Number(a.get("min")) <= col && col <= Number(a.get("max")) && a.has("style")) return Number(a.get("style"));
    }
    return undefined;
  };
}

/** Sets the width of one column, splitting a `<col>` range that covers it and keeping its other settings. */
function setColumnWidth(xml: string, col: number, width: number): string {
  const found = children(xml, "cols", "col");
  const ours = (from: string) => setAttr(setAttr(setAttr(setAttr(from, "min", String(col)), "max", String(col)), "width", String(width)), "customWidth", "1");
  if (!found) {
    const at = xml.search(/<sheetData(?=[\s>/])/);
    return `${xml.slice(0, at)}<cols>${ours("<col/>")}</cols>${xml.slice(at)}`;
  }
  const out: string[] = [];
  let placed = false;
  for (const tag of found.list) {
    const a = attrs(tag);
    const min = Number(a.get("min"));
    const max = Number(a.get("max"));
    if (min <= col && col <= max) {
      if (min < col) out.push(setAttr(tag, "max", String(col - 1)));
      out.push(ours(tag));
      if (col < max) out.push(setAttr(tag, "min", String(col + 1)));
      placed = true;
    } else {
      if (!placed && min > col) {
        out.push(ours("<col/>"));
        placed = true;
      }
      out.push(tag);
    }
  }
  if (!placed) out.push(ours("<col/>"));
  return xml.slice(0, found.start) + out.join("") + xml.slice(found.end);
}

/** Where a new `<conditionalFormatting>` goes: before the first element the schema puts after it. */
function conditionalFormattingAt(xml: string, from: number): number {
  const after = /<(dataValidations|hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)(?=[\s>/])/g;
  after.lastIndex = from;
  const m = after.exec(xml);
  return m ? m.index : xml.lastIndexOf("</worksheet>");
}

/** A stable id for the data bar's 2010 extension (Excel wants a GUID; any unique one does). */
function barGuid(n: number): string {
  return `{4A494E44-5500-4000-8000-${n.toString(16).toUpperCase().padStart(12, "0")}}`;
}

const GRAFT_RE = /<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>|<(?:c|row|col|cfRule)\b[^>]*?(?=\/?>)|\stabSelected="(?:1|true)"/g;
const utf8 = (s: string) => new TextEncoder().encode(s);

const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";

/** The analysed sheet: the two columns, their widths, the tagged highlights and the data bar. */
export function patchSheet(xml: string, styles: Styles, req: Pick<PatchRequest, "plan" | "extraColumn" | "rules">): string {
  const { plan, extraColumn: col, rules } = req;
  const extra = plan.extraColumns;
  const source = Math.max(1, extra.firstColumn - 1);
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open || open[1] === "/") throw new CannotPatch("no sheetData");
  const bodyStart = open.index + open[0].length;
  const bodyEnd = xml.indexOf("</sheetData>", bodyStart);
  if (bodyEnd < 0) throw new CannotPatch("unclosed sheetData");
  const colStyle = columnStyles(xml);

  const wanted = new Map<number, { completion: number | null; status: string } | "header">();
  wanted.set(extra.headerRow, "header");
  for (const v of extra.values) wanted.set(v.row, { completion: v.completion, status: v.status });
  const rowsWanted = [...wanted.keys()].sort((a, b) => a - b);

  const newCells = (r: number, sourceStyle: number): Cell[] => {
    const w = wanted.get(r)!;
    const [a, b] = [`${columnLetters(col)}${r}`, `${columnLetters(col + 1)}${r}`];
    if (w === "header") return [{ col, xml: inlineString(a, sourceStyle, extra.header[0]) }, { col: col + 1, xml: inlineString(b, sourceStyle, extra.header[1]) }];
    const c = styles.derived(sourceStyle, "completion");
    const value = w.completion !== null && Number.isFinite(w.completion) ? `<c r="${a}" s="${c}"><v>${w.completion}</v></c>` : `<c r="${a}" s="${c}"/>`;
    return [{ col, xml: value }, { col: col + 1, xml: inlineString(b, styles.derived(sourceStyle, "status"), w.status) }];
  };

  const body = xml.slice(bodyStart, bodyEnd);
  const out: string[] = [];
  let last = 0;
  let next = 0;
  let implicitRow = 0;
  const fromColumn = colStyle(source) ?? 0;
  const srcLetters = columnLetters(source);
  for (const m of body.matchAll(ROW_RE)) {
    const tag = /^<row\b[^>]*?(?=\/?>)/.exec(m[0])![0];
    const rAttr = /\sr="(\d+)"/.exec(tag);
    const r = rAttr ? Number(rAttr[1]) : implicitRow + 1;
    implicitRow = r;
    while (next < rowsWanted.length && rowsWanted[next]! < r) {
      const rr = rowsWanted[next++]!;
      out.push(body.slice(last, m.index), `<row r="${rr}">${newCells(rr, fromColumn).map((c) => c.xml).join("")}</row>`);
      last = m.index;
    }
    if (rowsWanted[next] !== r) continue;
    next++;
    const content = m[2] ?? "";
    const rowStyle = /\scustomFormat="(1|true)"/.test(tag) ? /\ss="(\d+)"/.exec(tag)?.[1] : undefined;
    // Most rows: every cell left of Jindu's columns, each with its reference; the new cells go at the end.
    const lastCell = content.lastIndexOf("<c ");
    const lastRef = lastCell >= 0 ? /^<c\b[^>]*?\sr="([A-Za-z]+)/.exec(content.slice(lastCell, lastCell + 200)) : null;
    const at = content.indexOf(`<c r="${srcLetters}${r}"`);
    if (!content.includes("<extLst") && (lastCell < 0 || (lastRef && columnNumber(lastRef[1]!) < col)) && (at >= 0 || (!content.includes(`"${srcLetters}${r}"`) && !/<c\s(?![^>]*\sr=")/.test(content)))) {
      const style = Number((at >= 0 ? styleOf(content.slice(at, content.indexOf(">", at) + 1)) : undefined) ?? rowStyle ?? fromColumn);
      out.push(body.slice(last, m.index), `${removeAttr(tag, "spans")}>`, content, newCells(r, style).map((c) => c.xml).join(""), "</row>");
    } else {
      const cells = cellsOf(content);
      const src = cells.find((c) => c.col === source);
      const style = Number((src ? styleOf(src.xml) : undefined) ?? rowStyle ?? fromColumn);
      const merged = [...cells.filter((c) => c.col !== col && c.col !== col + 1), ...newCells(r, style)].sort((x, y) => x.col - y.col);
      out.push(body.slice(last, m.index), `${removeAttr(tag, "spans")}>${merged.map((c) => c.xml).join("")}</row>`);
    }
    last = m.index + m[0].length;
  }
  out.push(body.slice(last));
  while (next < rowsWanted.length) {
    const rr = rowsWanted[next++]!;
    out.push(`<row r="${rr}">${newCells(rr, colStyle(source) ?? 0).map((c) => c.xml).join("")}</row>`);
  }
  let head = xml.slice(0, bodyStart);
  let tail = xml.slice(bodyEnd);
  // Widths first (the <cols> element sits before sheetData), then the rules after it.
  head = setColumnWidth(head, col, Math.max(9, displayWidth(extra.header[0]) + 3));
  head = setColumnWidth(head, col + 1, Math.max(10, displayWidth(extra.header[1]) + 3));
  head = head.replace(/<dimension\b[^>]*>/, (d) => {
    const ref = attrs(d).get("ref") ?? "";
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(ref);
    if (!m) return d;
    const right = Math.max(columnNumber(m[3] ?? m[1]!), col + 1);
    const bottom = Math.max(Number(m[4] ?? m[2]), ...rowsWanted);
    return setAttr(d, "ref", `${m[1]}${m[2]}:${columnLetters(right)}${bottom}`);
  });

  let priority = 0;
  for (const p of tail.matchAll(/\spriority="(\d+)"/g)) priority = Math.max(priority, Number(p[1]));
  const blocks: string[] = [];
  const dxfs = rules.map((r) => `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb(r.color)}"/></patternFill></fill></dxf>`);
  const dxf0 = styles.append("dxfs", "dxf", dxfs);
  rules.forEach((r, i) => {
    blocks.push(
      `<conditionalFormatting sqref="${r.ref}"><cfRule type="expression" dxfId="${dxf0 + i}" priority="${++priority}"><formula>${escapeXml(markFormula(r.status))}</formula></cfRule></conditionalFormatting>`,
    );
  });
  const valueRows = extra.values.map((v) => v.row);
  let ext = "";
  if (valueRows.length > 0) {
    const ref = `${columnLetters(col)}${Math.min(...valueRows)}:${columnLetters(col)}${Math.max(...valueRows)}`;
    // Solid bars need Excel 2010's extension; it is added only where the sheet has no extension list of its own.
    const solid = !/<extLst[\s>]/.test(tail);
    const guid = barGuid(priority + 1);
    const link = solid ? `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14}"><x14:id>${guid}</x14:id></ext></extLst>` : "";
    blocks.push(
      `<conditionalFormatting sqref="${ref}"><cfRule type="dataBar" priority="${++priority}"><dataBar><cfvo type="num" val="0"/><cfvo type="num" val="100"/><color rgb="${argb(COMPLETION_BAR_COLOR)}"/></dataBar>${link}</cfRule></conditionalFormatting>`,
    );
    if (solid) {
      ext = `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14}"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="${XM}"><x14:cfRule type="dataBar" id="${guid}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="num"><xm:f>0</xm:f></x14:cfvo><x14:cfvo type="num"><xm:f>100</xm:f></x14:cfvo></x14:dataBar></x14:cfRule><xm:sqref>${ref}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
    }
  }
  const at = conditionalFormattingAt(tail, 0);
  tail = tail.slice(0, at) + blocks.join("") + tail.slice(at);
  if (ext) {
    const end = tail.lastIndexOf("</worksheet>");
    tail = tail.slice(0, end) + ext + tail.slice(end);
  }
  return head + out.join("") + tail;
}

const overrideOf = (types: string, part: string): string | undefined => {
  for (const m of types.matchAll(/<Override\b[^>]*>/g)) {
    const a = attrs(m[0]);
    if (a.get("PartName") === `/${part}`) return a.get("ContentType");
  }
  return undefined;
};

function freeName(zip: JSZip, taken: Set<string>, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) {
    const name = pattern(n);
    if (!zip.file(name) && !taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

interface Located {
  wbPart: string;
  wbXml: string;
  wbRels: ReturnType<typeof relationships>;
  sheets: { name: string; sheetId: number; idAttr: string | undefined; rid: string | undefined }[];
  target: { name: string; sheetId: number; idAttr: string; rid: string | undefined };
  sheetPart: string;
}

/** The workbook part, its sheets, and the part of the sheet named (case as Excel: ignored). */
export async function locateSheet(zip: JSZip, name: string): Promise<Located> {
  const root = relationships(await partText(zip, "_rels/.rels"));
  const doc = root.find((r) => r.type.endsWith("/officeDocument"));
  if (!doc) throw new CannotPatch("no workbook part");
  const wbPart = resolvePart("", doc.target);
  const wbXml = await needPart(zip, wbPart);
  const wbRels = relationships(await needPart(zip, relsOf(wbPart)));
  const sheetTags = children(wbXml, "sheets", "sheet");
  if (!sheetTags || sheetTags.list.length === 0) throw new CannotPatch("no sheet list");
  const sheets = sheetTags.list.map((tag) => {
    const a = attrs(tag);
    const idAttr = [...a.keys()].find((k) => k.endsWith(":id"));
    return { name: a.get("name") ?? "", sheetId: Number(a.get("sheetId")), idAttr, rid: idAttr ? a.get(idAttr) : undefined };
  });
  const target = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const rel = target && wbRels.find((r) => r.id === target.rid && r.type.endsWith("/worksheet"));
  if (!target || !rel || !target.idAttr) throw new CannotPatch("sheet not found");
  return { wbPart, wbXml, wbRels, sheets, target: { ...target, idAttr: target.idAttr }, sheetPart: resolvePart(wbPart, rel.target) };
}

/** Columns covered by anything drawn over the sheet (pictures, charts, shapes), 1-based. */
async function drawnColumns(zip: JSZip, sheetPart: string): Promise<number[]> {
  const out: number[] = [];
  for (const r of relationships(await partText(zip, relsOf(sheetPart)))) {
    if (!r.type.endsWith("/drawing") || r.external) continue;
    const xml = (await partText(zip, resolvePart(sheetPart, r.target))) ?? "";
    for (const m of xml.matchAll(/<(?:\w+:)?(twoCellAnchor|oneCellAnchor)\b[\s\S]*?<\/(?:\w+:)?\1>/g)) {
      const col = (tag: string) => {
        const found = new RegExp(`<(?:\\w+:)?${tag}>[\\s\\S]*?<(?:\\w+:)?col>(\\d+)<`).exec(m[0]);
        return found ? Number(found[1]) + 1 : undefined;
      };
      const from = col("from");
      if (from === undefined) continue;
      // A one-cell anchor has an offset and a size instead of an end: counted in default-width columns (64 px).
      const cx = Number(/<(?:\w+:)?ext\b[^>]*\bcx="(\d+)"/.exec(m[0])?.[1] ?? 0);
      const off = Number(/<(?:\w+:)?colOff>(\d+)</.exec(m[0])?.[1] ?? 0);
      const to = col("to") ?? from + Math.max(0, Math.ceil((off + cx) / (64 * 9525)) - 1);
      for (let c = from; c <= to; c++) out.push(c);
    }
  }
  return out;
}

/** What the patch needs from the parsed workbook, taken while it is at hand. */
export interface PreparedPatch {
  /** The request for a plan: where the two columns go and the rules over the grid's rows (`filled`: which statuses get a fill). */
  request(plan: WorkbookPlan, filled?: Readonly<Record<RowStatus, boolean>>): PatchRequest;
}

/**
 * Takes from the parsed workbook what the patch needs — the columns drawn over, and what each
 * column that could take Jindu's two looked like — so that the workbook can be let go before
 * the reading: a large sheet's cell objects are most of the memory.
 */
export async function preparePatch(bytes: Uint8Array, ws: ExcelJS.Worksheet, grid: Grid): Promise<PreparedPatch> {
  let drawn: number[];
  try {
    const zip = await JSZip.loadAsync(bytes);
    drawn = await drawnColumns(zip, (await locateSheet(zip, ws.name)).sheetPart);
  } catch (e) {
    throw e instanceof CannotPatch ? e : new CannotPatch(String(e));
  }
  const taken = [...imageColumns(ws), ...drawn];
  const used = usedColumns(grid, taken);
  // Every column that could be chosen: each free pair up to the one past the last used column.
  const candidates = new Set<number>();
  for (let c = 1; c <= Math.max(0, ...used) + 1; c++) {
    if (!used.has(c) && !used.has(c + 1)) candidates.add(c).add(c + 1);
  }
  const snapshot = snapshotColumns(ws, [...candidates]);
  const sheet = ws.name;
  return {
    request(plan, filled = DEFAULT_FILLED) {
      const extraColumn = freeColumnPair(grid, plan.extraColumns.firstColumn, taken, used);
      const state: MarksState = { ...snapshot, columns: snapshot.columns.filter((c) => c.column === extraColumn || c.column === extraColumn + 1) };
      return { bytes, sheet, plan, extraColumn, rules: markRules(grid, plan, filled, extraColumn), state };
    },
  };
}

/** Writes the annotated copy into the package of the original. */
export async function patchPackage(req: PatchRequest, collect: () => void = () => {}): Promise<PatchResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(req.bytes);
  } catch {
    throw new CannotPatch("not a zip");
  }
  const { wbPart, wbXml: wb0, wbRels, sheets, target, sheetPart } = await locateSheet(zip, req.sheet);
  let wbXml = wb0;
  let types = await needPart(zip, "[Content_Types].xml");
  // Macro-enabled workbooks and templates cannot be saved as .xlsx as they are.
  if (overrideOf(types, wbPart) !== MAIN_TYPE || zip.file(/vbaProject\.bin$/).length > 0) throw new CannotPatch("not a plain workbook");
  const wbRelsPart = relsOf(wbPart);
  let wbRelsXml = await needPart(zip, wbRelsPart);
  const stylesRel = wbRels.find((r) => r.type.endsWith("/styles"));
  if (!stylesRel) throw new CannotPatch("no styles part");
  const stylesPart = resolvePart(wbPart, stylesRel.target);
  const styles = new Styles(await needPart(zip, stylesPart));

  // The summary, the lagging list and the state, written by the same code as the ExcelJS copy.
  const tableFiles = zip.file(/^xl\/tables\/[^/]+\.xml$/);
  const tableXml = await Promise.all(tableFiles.map((f) => f.async("string")));
  const tableNames = tableXml.map((t) => attrs(/<table\b[^>]*>/.exec(t)?.[0] ?? "").get("name") ?? "").filter((n) => n !== "");
  let tableId = Math.max(0, ...tableXml.map((t) => Number(attrs(/<table\b[^>]*>/.exec(t)?.[0] ?? "").get("id") ?? 0)));
  collect();
  const g = new ExcelJS.Workbook();
  const names = writeSummary(g, req.plan.summary, req.plan.marker, req.plan.lang, { sheets: sheets.map((s) => s.name), tables: tableNames });
  writeState(g, req.state);
  const gzip = await JSZip.loadAsync(await g.xlsx.writeBuffer());
  collect();

  const gWb = await needPart(gzip, "xl/workbook.xml");
  if (/<definedName[\s>]/.test(gWb)) throw new CannotPatch("summary with defined names");
  const gRels = relationships(await needPart(gzip, "xl/_rels/workbook.xml.rels"));
  const gStyles = new Styles(await needPart(gzip, "xl/styles.xml"));
  const gStrings = (children((await partText(gzip, "xl/sharedStrings.xml")) ?? "<sst></sst>", "sst", "si")?.list ?? []).map((si) =>
    si.replace(/^<si\b[^>]*>|<\/si>$/g, ""),
  );
  const fmtMap = new Map<string, string>();
  for (const tag of gStyles.list("numFmts", "numFmt")) {
    const a = attrs(tag);
    fmtMap.set(a.get("numFmtId")!, String(styles.numFmtId(a.get("formatCode") ?? "General")));
  }
  const fontOff = styles.append("fonts", "font", gStyles.list("fonts", "font"));
  const fillOff = styles.append("fills", "fill", gStyles.list("fills", "fill"));
  const borderOff = styles.append("borders", "border", gStyles.list("borders", "border"));
  const shift = (tag: string, name: string, by: number) => {
    const v = attrs(tag).get(name);
    return v === undefined ? tag : setAttr(tag, name, String(Number(v) + by));
  };
  const xfs = gStyles.list("cellXfs", "xf").map((xf) =>
    xf.replace(/^<xf\b[^>]*?(?=\/?>)/, (tag) => {
      let t = shift(shift(shift(tag, "fontId", fontOff), "fillId", fillOff), "borderId", borderOff);
      const fmt = attrs(t).get("numFmtId");
      if (fmt !== undefined && fmtMap.has(fmt)) t = setAttr(t, "numFmtId", fmtMap.get(fmt)!);
      return setAttr(t, "xfId", "0");
    }),
  );
  const xfOff = styles.append("cellXfs", "xf", xfs);
  const dxfOff = styles.append("dxfs", "dxf", gStyles.list("dxfs", "dxf"));
  const restyle = (part: string) =>
    part
      .replace(/<(c|row)\b[^>]*?(?=\/?>)/g, (tag) => shift(tag, "s", xfOff))
      .replace(/<col\b[^>]*?(?=\/?>)/g, (tag) => shift(tag, "style", xfOff))
      .replace(/\b([dD]xfId)="(\d+)"/g, (_, n: string, v: string) => `${n}="${Number(v) + dxfOff}"`);

  const partsTaken = new Set<string>();
  let sheetId = Math.max(0, ...sheets.map((s) => s.sheetId));
  const ridTaken = new Set(wbRels.map((r) => r.id));
  const newSheetTags: string[] = [];
  const newRels: string[] = [];
  const newTypes: string[] = [];
  const prefix = target.idAttr.slice(0, -3);
  for (const tag of children(gWb, "sheets", "sheet")!.list) {
    const a = attrs(tag);
    const gRid = [...a.entries()].find(([k]) => k.endsWith(":id"))?.[1];
    const gRel = gRels.find((r) => r.id === gRid)!;
    const gPart = resolvePart("xl/workbook.xml", gRel.target);
    // One pass: styles and rules shifted, strings inline (the original's shared-string table
    // stays as it was), and one selected tab, the user's.
    let xml = (await needPart(gzip, gPart)).replace(GRAFT_RE, (m: string, x?: string, y?: string, i?: string) => {
      if (i !== undefined) return `${shift(`<c${x}${y}`, "s", xfOff)} t="inlineStr"><is>${gStrings[Number(i)] ?? "<t></t>"}</is></c>`;
      if (m.startsWith("<col")) return shift(m, "style", xfOff);
      if (m.startsWith("<cfRule")) return shift(m, "dxfId", dxfOff);
      if (m.startsWith("<")) return shift(m, "s", xfOff);
      return "";
    });
    const part = freeName(zip, partsTaken, (n) => `xl/worksheets/sheet${n}.xml`);
    const gSheetRels = relationships(await partText(gzip, relsOf(gPart)));
    if (gSheetRels.length > 0) {
      const rels: string[] = [];
      for (const r of gSheetRels) {
        let targetRef = r.target;
        if (r.type.endsWith("/table")) {
          const tPart = freeName(zip, partsTaken, (n) => `xl/tables/table${n}.xml`);
          const tXml = restyle(await needPart(gzip, resolvePart(gPart, r.target))).replace(/<table\b[^>]*>/, (t) => setAttr(t, "id", String(++tableId)));
          zip.file(tPart, tXml);
          newTypes.push(`<Override PartName="/${tPart}" ContentType="${TABLE_TYPE}"/>`);
          targetRef = relativeTarget(part, tPart);
        } else if (!r.external) {
          throw new CannotPatch(`summary part ${r.type}`);
        }
        rels.push(`<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(targetRef)}"${r.external ? ' TargetMode="External"' : ""}/>`);
      }
      zip.file(relsOf(part), `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
    }
    zip.file(part, utf8(xml));
    xml = "";
    newTypes.push(`<Override PartName="/${part}" ContentType="${SHEET_TYPE}"/>`);
    let rid = "";
    for (let n = ridTaken.size + 1; ; n++) {
      rid = `rId${n}`;
      if (!ridTaken.has(rid)) break;
    }
    ridTaken.add(rid);
    newRels.push(`<Relationship Id="${rid}" Type="${REL}/worksheet" Target="${relativeTarget(wbPart, part)}"/>`);
    const state = a.get("state");
    newSheetTags.push(
      `<sheet name="${escapeXml(a.get("name") ?? "")}" sheetId="${++sheetId}"${state && state !== "visible" ? ` state="${state}"` : ""} ${prefix}:id="${rid}"/>`,
    );
  }
  const sheetsEnd = wbXml.indexOf("</sheets>");
  wbXml = wbXml.slice(0, sheetsEnd) + newSheetTags.join("") + wbXml.slice(sheetsEnd);
  if (!new RegExp(`xmlns:${prefix}="${REL}"`).test(wbXml)) throw new CannotPatch("relationship prefix");
  wbRelsXml = wbRelsXml.replace(/<\/Relationships>\s*$/, `${newRels.join("")}</Relationships>`);
  types = types.replace(/<\/Types>\s*$/, `${newTypes.join("")}</Types>`);
  zip.file(wbPart, wbXml);
  zip.file(wbRelsPart, wbRelsXml);
  zip.file("[Content_Types].xml", types);
  // The large part last, once the summary's parts are written: their working memory is gone by then.
  collect();
  zip.file(sheetPart, utf8(patchSheet(await needPart(zip, sheetPart), styles, req)));
  collect();
  zip.file(stylesPart, styles.xml);
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 3 } });
  return { bytes, ...names };
}

