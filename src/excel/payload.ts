// Excel on the web refuses a request or response above 5 MB. Writes are measured and cut
// into batches under a budget; anything a bulletin holds fits one batch.

// The limit's exact definition is unknown (5 MiB or 5,000,000 bytes?): budgets stay under the smaller.
export const WEB_PAYLOAD_LIMIT = 5_000_000;
/** Below the limit, leaving room for the request envelope. */
export const DEFAULT_BATCH_BUDGET = 4_000_000;
/** Bytes of values answered per sync, the envelope aside. */
export const DEFAULT_READ_BUDGET = 4_500_000;
/** The first block of values: ≈ 2 MB of typical bulletin cells (~100 bytes each); the rest is sized from it. */
export const FIRST_READ_CELLS = 20_000;

// Request bytes of one write, measured through the Excel API runtime (see docs/office-payloads.md).
/** A highlight rule: conditional format added to a RangeAreas, its formula and fill. */
export const RULE_ADD_BYTES = 1_600;
/** Deleting one rule by id. */
export const RULE_DELETE_BYTES = 300;
/** Characters of addresses per getRanges call: Excel fails some past ~8,200 (office-js#5198). */
export const RANGES_ADDRESS_CHARS = 2_000;

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
