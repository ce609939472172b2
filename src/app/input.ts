// The bulletin-file port: how a host's bytes (a file on disk, a file the user chose, a paste)
// become a grid, and a grid's plan becomes the annotated copy. The use cases take it as an
// argument; src/xlsx/bulletin.ts implements it (ExcelJS and the package patch, the text reader)
// for the command line and the offline page alike.
import type { WorkbookPlan } from "../core/plan/types";
import type { Grid, RowStatus } from "../core/types";

/** A bulletin as a host hands it over: its bytes and its file name (a path is fine). */
export interface BulletinSource {
  bytes: Uint8Array;
  name: string;
}

export interface LoadOptions {
  sheet?: string;
}

/** Parts of an input a rewritten copy cannot keep, said in both languages. */
export interface LostParts {
  zh: string[];
  en: string[];
}

export interface ReadBulletin {
  kind: "workbook" | "text";
  grid: Grid;
  /** The sheet read (a text file is one sheet, named after the file). */
  sheet: string;
  /** The sheets a bulletin may be on: visible, with content, not Jindu's. */
  sheets: string[];
  /** How many cells were longer than Excel's 32,767 characters and were cut to it. */
  cut: number;
}

export interface WrittenCopy {
  /** The annotated copy, an .xlsx package. */
  bytes: Uint8Array;
  summarySheet: string;
  laggingSheet: string;
  /** 1-based column of the added 完成率 column. */
  extraColumn: number;
  /** Parts of the input the copy does not keep (accepted with force). */
  lost?: LostParts;
}

export interface WriteOptions {
  /** Which statuses get a fill; by default every status but on_track. */
  filled?: Readonly<Record<RowStatus, boolean>>;
  /** Accept the loss of parts a rewritten copy cannot keep (the command line's --force). */
  force?: boolean;
}

/** A bulletin read to be annotated: its grid, and how to write the plan into a copy of it. */
export interface PreparedBulletin {
  bulletin: ReadBulletin;
  write(plan: WorkbookPlan, options: WriteOptions): Promise<WrittenCopy>;
}

export interface Cleared {
  bytes: Uint8Array;
  /** Sheets removed (Jindu's summary and list, and its state). */
  removedSheets: string[];
  /** Conditional formats removed. */
  removedRules: number;
  /** The sheet whose added columns were restored, when the state was found. */
  restored?: string;
  lost?: LostParts;
}

export interface BulletinFiles {
  read(source: BulletinSource, options?: LoadOptions): Promise<ReadBulletin>;
  /** Reads for annotating; `collect` is called when the parsed workbook's memory can go, before the reading. */
  prepare(source: BulletinSource, options?: LoadOptions, collect?: () => void): Promise<PreparedBulletin>;
  /** An annotated copy as it was before the report. */
  clear(source: BulletinSource, options?: { force?: boolean }): Promise<Cleared>;
}
