// A1 addresses from 1-based coordinates, and back: one set of rules for the add-in and the
// workbook files, so the adapters never build ranges cell by cell.

export function columnLetters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column letters to a 1-based number: "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The column of every cell reference in a space-separated reference ("A5:E5 H5" → 1, 5, 8). */
export function columnsOfRef(ref: string): number[] {
  return [...ref.matchAll(/\$?([A-Z]{1,3})\$?\d*/g)].map((m) => columnNumber(m[1]!));
}

/** "B3" or "B3:F9" for 1-based inclusive coordinates. */
export function a1(top: number, left: number, bottom = top, right = left): string {
  const start = `${columnLetters(left)}${top}`;
  return top === bottom && left === right ? start : `${start}:${columnLetters(right)}${bottom}`;
}

/** Quotes a sheet name for use in a formula or a qualified address. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
