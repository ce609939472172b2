// Pasted bulletins: tab- or comma-separated text, UTF-8, GB18030 or UTF-16 with a BOM.
import { decodeAs } from "./decode";
import type { CellValue, Grid } from "../core/types";

/** The encoding a byte-order mark names: Excel's "Unicode text" is UTF-16 LE with a BOM. */
export function utf16Bom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * Decodes UTF-16 with a BOM; otherwise UTF-8 when the bytes are valid UTF-8, else GB18030
 * (which covers GBK/GB2312).
 */
export function decodeText(bytes: Uint8Array): string {
  const bom = utf16Bom(bytes);
  if (bom) return decodeAs(bytes, bom).replace(/^\uFEFF/, "");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = decodeAs(bytes, "gb18030");
  }
  return text.replace(/^\uFEFF/, "");
}

/** A record: its cells and the 0-based line it starts on; `next` is the line after it. */
interface ParsedRecord {
  cells: string[];
  next: number;
}

/** A CSV record being read: cells so far, the open field, whether it is quoted and has crossed a line. */
interface CsvState {
  cells: string[];
  cur: string;
  quoted: boolean;
  crossed: boolean;
}

/** Reads one line into the state; false when a field that crossed lines closes badly. */
function scanCsvLine(line: string, sep: string, st: CsvState): boolean {
  let { cur, quoted, crossed } = st;
  let i = 0;
  // Whole runs are sliced rather than added a character at a time: far less garbage.
  while (i < line.length) {
    if (quoted) {
      const q = line.indexOf('"', i);
      if (q < 0) {
        cur += line.slice(i);
        break;
      }
      cur += line.slice(i, q);
      if (line[q + 1] === '"') {
        cur += '"';
        i = q + 2;
        continue;
      }
      if (crossed && q + 1 < line.length && line[q + 1] !== sep) return false;
      quoted = false;
      crossed = false;
      i = q + 1;
    } else if (cur === "" && line[i] === '"') {
      quoted = true;
      i++;
    } else {
      const end = line.indexOf(sep, i);
      if (end < 0) {
        cur += line.slice(i);
        break;
      }
      cur += line.slice(i, end);
      st.cells.push(cur);
      cur = "";
      i = end + 1;
    }
  }
  st.cur = cur;
  st.quoted = quoted;
  st.crossed = crossed;
  return true;
}

/**
 * One CSV record from line `start`. Within a line this is the reader's old behaviour (a quote
 * opens only at a field's start, "" is a quote, text after a closing quote is kept). A quoted
 * field may continue over line breaks (RFC 4180, as Excel exports); such a field must be closed
 * and followed by the separator or the line's end, else null: the caller falls back to one
 * line, so a stray quote cannot swallow the rest of the file.
 */
function csvRecord(lines: string[], start: number, sep: string, multiline: boolean): ParsedRecord | null {
  const first = lines[start]!;
  // Most lines have no quote at all.
  if (!first.includes('"')) return { cells: first.split(sep), next: start + 1 };
  const st: CsvState = { cells: [], cur: "", quoted: false, crossed: false };
  let li = start;
  if (!scanCsvLine(first, sep, st)) return null;
  while (st.quoted && multiline && li + 1 < lines.length) {
    st.cur += "\n";
    st.crossed = true;
    if (!scanCsvLine(lines[++li]!, sep, st)) return null;
  }
  if (st.quoted && st.crossed) return null;
  st.cells.push(st.cur);
  return { cells: st.cells, next: li + 1 };
}

/**
 * A quoted tab-separated field starting at `lines[li][i]` (the quote) that spans lines, as
 * Excel and WPS copy a cell with a line break. "literal" when it closes on its own line (kept
 * as written, as before), "bad" when it spans lines but is never closed properly.
 */
function tsvQuoted(lines: string[], li: number, i: number): { value: string; li: number; i: number } | "literal" | "bad" {
  let line = lines[li]!;
  let value = "";
  let crossed = false;
  let j = i + 1;
  for (;;) {
    const q = line.indexOf('"', j);
    if (q < 0) {
      if (li + 1 >= lines.length) return crossed ? "bad" : "literal";
      value += `${line.slice(j)}\n`;
      line = lines[++li]!;
      j = 0;
      crossed = true;
      continue;
    }
    value += line.slice(j, q);
    if (line[q + 1] === '"') {
      value += '"';
      j = q + 2;
      continue;
    }
    if (!crossed) return "literal";
    if (q + 1 < line.length && line[q + 1] !== "\t") return "bad";
    return { value, li, i: q + 1 };
  }
}

/** One tab-separated record: fields split on tabs as written, except quoted multi-line cells. */
function tsvRecord(lines: string[], start: number, multiline: { on: boolean }): ParsedRecord {
  if (!lines[start]!.includes('"')) return { cells: lines[start]!.split("\t"), next: start + 1 };
  const cells: string[] = [];
  let li = start;
  let i = 0;
  for (;;) {
    const line = lines[li]!;
    if (multiline.on && line[i] === '"') {
      const q = tsvQuoted(lines, li, i);
      if (typeof q === "object") {
        cells.push(q.value);
        li = q.li;
        if (q.i >= lines[li]!.length) return { cells, next: li + 1 };
        i = q.i + 1;
        continue;
      }
      // Not a well-formed quoted cell: stop looking for them, so the scan stays linear.
      if (q === "bad") multiline.on = false;
    }
    const tab = line.indexOf("\t", i);
    if (tab < 0) {
      cells.push(line.slice(i));
      return { cells, next: li + 1 };
    }
    cells.push(line.slice(i, tab));
    i = tab + 1;
  }
}

/** Splits delimited text into records, each with the 0-based line it starts on. */
function parseRecords(lines: string[], sep: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  const multiline = { on: true };
  for (let li = 0; li < lines.length; ) {
    let rec: ParsedRecord;
    if (sep === "\t") rec = tsvRecord(lines, li, multiline);
    else {
      let r = multiline.on ? csvRecord(lines, li, sep, true) : null;
      if (r === null) {
        // A quote opened and never properly closed: read line by line from here on.
        multiline.on = false;
        r = csvRecord(lines, li, sep, false)!;
      }
      rec = r;
    }
    out.push({ line: li, cells: rec.cells });
    li = rec.next;
  }
  return out;
}

/** Picks the separator: tab when any line has one, else comma for .csv. */
function separatorFor(lines: string[], fileName: string): string | null {
  if (lines.some((l) => l.includes("\t"))) return "\t";
  if (/\.csv$/i.test(fileName)) return ",";
  return null;
}

/**
 * Reads text into a grid whose rows are the file's lines (row 1 = line 1), so a row number in
 * the analysis is the line number. A quoted cell spanning lines is one cell in the row of the
 * line where its record starts; the lines it continues on are blank rows.
 */
export function readTextGrid(text: string, fileName = "text"): Grid {
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const sep = separatorFor(lines, fileName);
  const cellsOf = (cells: string[]): CellValue[] => cells.map((c) => (c.trim() === "" ? null : c));
  let values: CellValue[][];
  if (sep === null) values = lines.map((line) => cellsOf([line]));
  else if (!text.includes('"')) values = lines.map((line) => cellsOf(line.split(sep)));
  else {
    values = [];
    for (const rec of parseRecords(lines, sep)) {
      while (values.length < rec.line) values.push([]);
      values.push(cellsOf(rec.cells));
    }
  }
  const sheet = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "") || "text";
  return { sheet, top: 1, left: 1, values, merges: [] };
}
