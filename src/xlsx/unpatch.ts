// `clear` on the package itself: Jindu's sheets, rules, columns and state taken out of the
// annotated copy's own parts, so whatever else it holds (charts, pivot tables, drawings) stays
// as it was. Used when the state says the columns Jindu took were plain empty ones — the
// common case; otherwise `clear` goes through ExcelJS, which restores their styles.
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { isMarkFormula } from "../core/plan";
import type { MarksState } from "./marks";
import { CannotPatch, locateSheet, needPart, partText } from "./patch";
import { columnNumber, columnsOfRef } from "../core/plan/a1";
import { attrs, children, relationships, relsOf, resolvePart, setAttr } from "./xml";

export interface UnpatchRequest {
  bytes: Uint8Array;
  /** Sheets to take out (Jindu's summary, list and state), by name. */
  remove: string[];
  state: MarksState;
}

/** Whether the columns Jindu took can be given back without ExcelJS: nothing of their own but a width. */
export function plainColumns(state: MarksState | null): state is MarksState {
  return state !== null && state.columns.every((c) => c.style === undefined && c.cells.length === 0);
}

/** Sheets to take out and the state, read from the parsed workbook. */
export function unpatchRequest(bytes: Uint8Array, wb: ExcelJS.Workbook, state: MarksState, isJindu: (ws: ExcelJS.Worksheet) => boolean): UnpatchRequest {
  return { bytes, state, remove: wb.worksheets.filter((ws) => isJindu(ws)).map((ws) => ws.name) };
}

const CF_BLOCK = /<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g;

/** Takes Jindu's rules out of a sheet: tagged ones everywhere, and data bars over its own columns. */
function stripRules(xml: string, ours: Set<number>): string {
  const ids: string[] = [];
  let out = xml.replace(CF_BLOCK, (block) => {
    const formulas = [...block.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));
    const types = [...block.matchAll(/<cfRule\b[^>]*\stype="([^"]+)"/g)].map((m) => m[1]);
    const ref = attrs(/<conditionalFormatting\b[^>]*>/.exec(block)![0]).get("sqref") ?? "";
    const bar = ours.size > 0 && types.length > 0 && types.every((t) => t === "dataBar") && columnsOfRef(ref).every((c) => ours.has(c));
    if (!formulas.some((f) => isMarkFormula(f)) && !bar) return block;
    for (const m of block.matchAll(/<(?:\w+:)?id>(\{[^}]+\})<\/(?:\w+:)?id>/g)) ids.push(m[1]!);
    return "";
  });
  // Their Excel 2010 halves, and the lists left empty.
  for (const id of ids) {
    out = out.replace(new RegExp(`<(\\w+):conditionalFormatting\\b(?:(?!</\\1:conditionalFormatting>)[\\s\\S])*?id="${id.replace(/[{}]/g, "\\$&")}"[\\s\\S]*?</\\1:conditionalFormatting>`), "");
  }
  out = out.replace(/<ext\b[^>]*>\s*<(\w+):conditionalFormattings>\s*<\/\1:conditionalFormattings>\s*<\/ext>/g, "");
  return out.replace(/<extLst>\s*<\/extLst>/g, "");
}

/** Takes Jindu's cells and column widths out of the annotated sheet, giving back the widths it had. */
function stripColumns(xml: string, state: MarksState): string {
  const ours = new Set(state.columns.map((c) => c.column));
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new CannotPatch("no sheetData");
  let out = xml;
  if (open[1] !== "/") {
    const start = open.index + open[0].length;
    const end = xml.indexOf("</sheetData>", start);
    const body = xml
      .slice(start, end)
      .replace(/<c(?=[\s>/])[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (cell) => {
        const ref = /^<c\b[^>]*?\sr="([A-Za-z]+)/.exec(cell);
        if (!ref) throw new CannotPatch("cell without a reference");
        return ours.has(columnNumber(ref[1]!)) ? "" : cell;
      })
      // Rows Jindu made for its cells alone.
      .replace(/<row r="\d+"\s*>\s*<\/row>/g, "");
    out = xml.slice(0, start) + body + xml.slice(end);
  }
  const cols = children(out, "cols", "col");
  if (cols) {
    const kept = cols.list.filter((tag) => {
      const a = attrs(tag);
      return !(a.get("min") === a.get("max") && ours.has(Number(a.get("min"))));
    });
    for (const c of state.columns) {
      if (c.width === undefined && !c.hidden) continue;
      let tag = `<col min="${c.column}" max="${c.column}"/>`;
      if (c.width !== undefined) tag = setAttr(setAttr(tag, "width", String(c.width)), "customWidth", "1");
      if (c.hidden) tag = setAttr(tag, "hidden", "1");
      kept.push(tag);
    }
    kept.sort((x, y) => Number(attrs(x).get("min")) - Number(attrs(y).get("min")));
    out = kept.length > 0 ? out.slice(0, cols.start) + kept.join("") + out.slice(cols.end) : out.replace(/<cols>[\s\S]*?<\/cols>|<cols\s*\/>/, "");
  }
  return out;
}

export async function unpatchPackage(req: UnpatchRequest): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(req.bytes);
  } catch {
    throw new CannotPatch("not a zip");
  }
  const { wbPart, wbXml: wb0, sheets } = await locateSheet(zip, req.state.sheet);
  let wbXml = wb0;
  const wbRelsPart = relsOf(wbPart);
  let wbRelsXml = await needPart(zip, wbRelsPart);
  const wbRels = relationships(wbRelsXml);
  let types = await needPart(zip, "[Content_Types].xml");
  const remove = new Set(req.remove.map((n) => n.toLowerCase()));
  const removedIndexes: number[] = [];
  const dropPart = (part: string) => {
    zip.remove(part);
    types = types.replace(new RegExp(`<Override\\b[^>]*PartName="/${part.replace(/[.[\]]/g, "\\$&")}"[^>]*/>`), "");
  };
  for (const [i, s] of sheets.entries()) {
    const rel = wbRels.find((r) => r.id === s.rid);
    const part = rel ? resolvePart(wbPart, rel.target) : undefined;
    if (!part) throw new CannotPatch("sheet without a part");
    if (!remove.has(s.name.toLowerCase())) {
      // Tagged rules can sit on any sheet (the add-in's highlights); Jindu's columns only on the annotated one.
      const xml = await needPart(zip, part);
      const annotated = s.name.toLowerCase() === req.state.sheet.toLowerCase();
      if (annotated || xml.includes('"jindu:') || xml.includes("&quot;jindu:")) {
        const ours = new Set(annotated ? req.state.columns.map((c) => c.column) : []);
        let next = stripRules(xml, ours);
        if (annotated) next = stripColumns(next, req.state);
        if (next !== xml) zip.file(part, next);
      }
      continue;
    }
    removedIndexes.push(i);
    for (const r of relationships(await partText(zip, relsOf(part)))) {
      if (r.external) continue;
      if (!r.type.endsWith("/table")) throw new CannotPatch(`Jindu sheet with ${r.type}`);
      dropPart(resolvePart(part, r.target));
    }
    zip.remove(relsOf(part));
    dropPart(part);
    wbRelsXml = wbRelsXml.replace(new RegExp(`<Relationship\\b[^>]*\\sId="${escapeRe(s.rid ?? "")}"[^>]*/>`), "");
  }
  const tags = children(wbXml, "sheets", "sheet")!;
  const kept = tags.list.filter((t) => !remove.has((attrs(t).get("name") ?? "").toLowerCase()));
  wbXml = wbXml.slice(0, tags.start) + kept.join("") + wbXml.slice(tags.end);
  // Sheet positions after those taken out: names local to a sheet, the active and first tab.
  const shift = (i: number) => i - removedIndexes.filter((r) => r < i).length;
  wbXml = wbXml.replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (d) => {
    const local = attrs(/<definedName\b[^>]*>/.exec(d)![0]).get("localSheetId");
    if (local === undefined) return d;
    if (removedIndexes.includes(Number(local))) return "";
    return d.replace(/\slocalSheetId="\d+"/, ` localSheetId="${shift(Number(local))}"`);
  });
  wbXml = wbXml.replace(/<definedNames>\s*<\/definedNames>/, "");
  wbXml = wbXml.replace(/<workbookView\b[^>]*>/g, (v) => {
    let tag = v;
    for (const name of ["activeTab", "firstSheet"]) {
      const at = attrs(v).get(name);
      if (at !== undefined) tag = setAttr(tag, name, String(removedIndexes.includes(Number(at)) ? 0 : shift(Number(at))));
    }
    return tag;
  });
  zip.file(wbPart, wbXml);
  zip.file(wbRelsPart, wbRelsXml);
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 3 } });
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
