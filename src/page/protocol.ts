// What the page and its worker say to each other. Errors cross as their code and parameters
// and become JinduErrors again on the page's side, so the page shows the command line's words.
import type { AddinSettings } from "../app/addin";
import type { Reading } from "../app/page";
import type { ErrorCode } from "../core/errors";
import type { Lang } from "../core/plan/types";

export type PageStage = "reading" | "analyzing" | "writing";

/** Each request carries what the reading needs; the worker keeps the last bulletin it read. */
export interface ReadingRequest {
  settings: AddinSettings;
  lang: Lang;
  /** YYYY-MM-DD for the summary's title, the page's today. */
  date: string;
}

export type Request =
  | ({ type: "open"; bytes: Uint8Array; name: string; sheet?: string } & ReadingRequest)
  | ({ type: "sheet"; sheet: string } & ReadingRequest)
  | ({ type: "analyze" } & ReadingRequest)
  | ({ type: "annotate"; force: boolean } & ReadingRequest);

export interface Opened extends Reading {
  name: string;
  kind: "workbook" | "text";
  sheets: string[];
  sheet: string;
  cut: number;
}

export interface Copy {
  bytes: Uint8Array;
  fileName: string;
  summarySheet: string;
  laggingSheet: string;
  /** Parts of the original the copy could not keep (accepted by the user), in the page's language. */
  lost?: string[];
}

export interface Responses {
  open: Opened;
  sheet: Opened;
  analyze: Reading;
  annotate: Copy;
}

export interface WireError {
  code?: ErrorCode;
  detail?: string;
  params?: Record<string, string>;
  message: string;
}

export type Envelope = { id: number; request: Request };

export type Reply =
  | { id: number; kind: "stage"; stage: PageStage }
  | { id: number; kind: "done"; value: Opened | Reading | Copy }
  | { id: number; kind: "failed"; error: WireError };
