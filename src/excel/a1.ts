// A1 addresses from 1-based coordinates, so the adapter never builds ranges cell by cell.

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

/** "B3" or "B3:F9" for 1-based inclusive coordinates. */
export function a1(top: number, left: number, bottom = top, right = left): string {
  const start = `${columnLetters(left)}${top}`;
  return top === bottom && left === right ? start : `${start}:${columnLetters(right)}${bottom}`;
}

/** Quotes a sheet name for use in a formula or a qualified address. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
