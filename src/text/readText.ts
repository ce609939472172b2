// Pasted bulletins: tab-, comma- or semicolon-separated text, UTF-8 or GB18030.
import * as iconv from "iconv-lite";
import type { CellValue, Grid } from "../core/types";

/** Decode bytes as UTF-8 when they are valid UTF-8, otherwise as GB18030 (which covers GBK/GB2312). */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes), "gb18030");
  }
  return text.replace(/^\uFEFF/, "");
}

function splitCsvLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur === "") quoted = true;
    else if (ch === sep) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
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
 * the analysis is the line number. Quoted CSV fields may not span lines here: bulletins pasted
 * from Excel put one row on one line.
 */
export function readTextGrid(text: string, fileName = "text"): Grid {
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const sep = separatorFor(lines, fileName);
  const values: CellValue[][] = lines.map((line) => {
    const cells = sep === null ? [line] : sep === "\t" ? line.split("\t") : splitCsvLine(line, sep);
    return cells.map((c) => (c.trim() === "" ? null : c));
  });
  const sheet = fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "") || "text";
  return { sheet, top: 1, left: 1, values, merges: [] };
}
