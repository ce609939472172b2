// Excel on the web refuses a request or response above 5 MB. Writes are measured and cut
// into batches under a budget; anything a bulletin holds fits one batch.

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Below the limit, leaving room for the request envelope. */
export const DEFAULT_BATCH_BUDGET = 4 * 1024 * 1024;
/** Values read in one sync: about 12,000 rows of 5 bulletin columns stays under 5 MB. */
export const DEFAULT_READ_CELLS = 60_000;
/** Above this, the sheet is refused outright. */
export const MAX_READ_CELLS = 1_000_000;

/** UTF-8 length of a value as JSON, without allocating an encoder. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export interface Op {
  bytes: number;
  apply: () => void;
}

/** Groups operations, in order, into batches of at most `budget` bytes (an oversized op alone). */
export function batchOps(ops: Op[], budget: number): Op[][] {
  const batches: Op[][] = [];
  let current: Op[] = [];
  let size = 0;
  for (const op of ops) {
    if (current.length > 0 && size + op.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(op);
    size += op.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Splits rows into consecutive chunks of at most `budget` bytes each. */
export function chunkRows<T>(rows: T[][], budget: number): T[][][] {
  const chunks: T[][][] = [];
  let current: T[][] = [];
  let size = 0;
  for (const row of rows) {
    const b = jsonBytes(row);
    if (current.length > 0 && size + b > budget) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += b;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
