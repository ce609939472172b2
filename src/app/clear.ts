// The clear use case: a workbook Jindu annotated, given back as it was before the report (cell
// values, styles, widths, sheets), as the bytes of a new package. The input is only ever read;
// the command line (src/cli/files.ts) reads and writes the files.
import type { BulletinFiles, BulletinSource, Cleared } from "./input";

export type { Cleared };

export function clearWorkbook(files: BulletinFiles, source: BulletinSource, opts: { force?: boolean } = {}): Promise<Cleared> {
  return files.clear(source, opts);
}
