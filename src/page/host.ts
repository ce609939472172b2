// The page's work, run in its worker (page.worker.ts): reading the bulletin, the analysis and
// the annotated copy, each a use case of src/app. Kept free of worker globals so tests call it
// in Node as the worker does.
import { annotatedCopy, copyName, openBulletin, readingOf, type Reading } from "../app/page";
import type { BulletinFiles, BulletinSource } from "../app/input";
import { isJinduError } from "../core/errors";
import { bulletinFiles } from "../xlsx/bulletin";
import type { Grid } from "../core/types";
import type { Copy, Opened, PageStage, Request, WireError } from "./protocol";

export function toWire(e: unknown): WireError {
  if (isJinduError(e)) return { code: e.code, ...(e.detail === undefined ? {} : { detail: e.detail }), params: { ...e.params }, message: e.message };
  return { message: e instanceof Error ? e.message : String(e) };
}

export interface PageHost {
  handle(request: Request, onStage: (stage: PageStage) => void): Promise<Opened | Reading | Copy>;
}

export function createPageHost(files: BulletinFiles = bulletinFiles): PageHost {
  // The bulletin last read, and its sheet: later requests (another sheet, a setting changed,
  // the download) work on them.
  let source: BulletinSource | null = null;
  let read: { sheet: string; grid: Grid } | null = null;
  const need = () => {
    if (!source || !read) throw new Error("no bulletin read");
    return { source, ...read };
  };
  return {
    async handle(request, onStage) {
      switch (request.type) {
        case "open":
        case "sheet": {
          onStage("reading");
          const from = request.type === "open" ? { bytes: request.bytes, name: request.name } : source;
          if (!from) throw new Error("no bulletin chosen");
          // A file or sheet that cannot be read leaves the last one current, as the page still shows it.
          const opened = await openBulletin(files, from, request.sheet);
          source = from;
          read = { sheet: opened.sheet, grid: opened.grid };
          onStage("analyzing");
          const reading = readingOf(opened.grid, request.settings, request.lang, request.date);
          return { ...reading, name: from.name, kind: opened.kind, sheets: opened.sheets, sheet: opened.sheet, cut: opened.cut };
        }
        case "analyze": {
          const { grid } = need();
          onStage("analyzing");
          return readingOf(grid, request.settings, request.lang, request.date);
        }
        case "annotate": {
          const { source: from, sheet } = need();
          onStage("writing");
          const made = await annotatedCopy(files, from, request.settings, request.lang, request.date, sheet, request.force);
          return {
            bytes: made.bytes,
            fileName: copyName(from.name),
            summarySheet: made.summarySheet,
            laggingSheet: made.laggingSheet,
            ...(made.lost ? { lost: made.lost[request.lang] } : {}),
          };
        }
      }
    },
  };
}
