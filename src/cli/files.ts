// The command line's host: files on disk around the use cases of src/app, which work on bytes.
// Reading refuses anything but a regular file; writing goes through a temporary file and a
// rename, so a failure leaves no partial output; the output is never the input.
import { constants as fsConstants, promises as fs } from "node:fs";
import * as path from "node:path";
import { JinduError, fromFsError } from "../core/errors";
import type { Grid } from "../core/types";
import type { ClearResult } from "../xlsx/marks";
import { pathExists, writeBytesAtomic } from "../xlsx/write";
import type { LoadOptions, LostParts, ReadBulletin } from "../app/input";
import { annotate, type Annotated, type AnnotateOptions, type ReportDeps } from "../app/report";
import { clearWorkbook } from "../app/clear";
import { bulletinFiles } from "../xlsx/bulletin";

export { localDate } from "../app/report";

/** A file-system error as a typed error naming the file. */
export function fileError(e: unknown, file: string): JinduError {
  const code = typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;
  return fromFsError(e, file) ?? new JinduError("io_error", code ? `${file} (${code})` : file);
}

function refuseNonFile(st: { isFile(): boolean; isDirectory(): boolean }, file: string): void {
  if (st.isDirectory()) throw new JinduError("is_a_directory", file);
  // A FIFO, socket or device (/dev/zero) would block or never end.
  if (!st.isFile()) throw new JinduError("not_a_file", file);
}

/** Reads a regular file; anything else, and every file-system error, is a typed error. */
export async function readBytes(file: string): Promise<Uint8Array> {
  try {
    refuseNonFile(await fs.stat(file), file);
    // Non-blocking (the flag is undefined on Windows), and checked again on the open handle:
    // the path may have changed since.
    const handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
    try {
      refuseNonFile(await handle.stat(), file);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (e) {
    throw fileError(e, file);
  }
}

/** Reads a bulletin file once: its grid, the sheet it is on and the others it could be on. */
export async function loadInput(file: string, opts: LoadOptions = {}): Promise<ReadBulletin> {
  return bulletinFiles.read({ bytes: await readBytes(file), name: file }, opts);
}

export async function loadGrid(file: string, opts: LoadOptions = {}): Promise<Grid> {
  return (await loadInput(file, opts)).grid;
}

/**
 * The output may never be the input, nor a link to it: compared by device and inode (symbolic
 * and hard links alike), and by real path where the output does not exist yet.
 */
export async function assertNotInput(input: string, output: string): Promise<void> {
  const [a, b] = await Promise.all([fs.stat(input).catch(() => null), fs.stat(output).catch(() => null)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino) throw new JinduError("output_is_input", output);
  const real = async (p: string) => {
    // The directory's real path and the file's name: the file itself may not exist yet.
    const dir = await fs.realpath(path.dirname(path.resolve(p))).catch(() => path.dirname(path.resolve(p)));
    return path.join(dir, path.basename(p));
  };
  if ((await real(input)) === (await real(output))) throw new JinduError("output_is_input", output);
}

/** Runs a file-system step, turning its errors into typed ones that name the file. */
export async function onFile<T>(name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw fromFsError(e, name) ?? e;
  }
}

/** The checks every writing command makes before the work: an .xlsx output, not the input, not there yet unless forced. */
async function checkOutput(input: string, output: string, force: boolean): Promise<void> {
  if (!/\.xlsx$/i.test(output)) throw new JinduError("bad_argument", `-o ${output} (.xlsx)`);
  await assertNotInput(input, output);
  // Fail before the work when the answer is already known; the write checks again.
  if (!force && (await onFile(output, () => pathExists(output)))) throw new JinduError("output_exists", output);
}

/** `annotate`'s options (the command line fills every status but on-track, as the default), with the files. */
export interface ReportRequest extends Omit<AnnotateOptions, "filled"> {
  input: string;
  /** Default: `<name>.jindu.xlsx` next to the input. */
  output?: string;
}

/** What `annotate` gives, the copy's bytes written to `output`. */
export interface ReportResult extends Omit<Annotated, "bytes"> {
  input: string;
  output: string;
}

export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.[^.]*$/, "");
  return path.join(dir, `${base}.jindu.xlsx`);
}

/** `jindu report`: the annotated copy of a bulletin file, written beside it or to `output`. */
export async function report(req: ReportRequest, deps: ReportDeps = {}): Promise<ReportResult> {
  const output = req.output ?? defaultOutputPath(req.input);
  const force = req.force ?? false;
  await checkOutput(req.input, output, force);
  const { input, output: _output, ...options } = req;
  const made = await annotate(bulletinFiles, { bytes: await readBytes(input), name: input }, { ...options, force }, deps);
  const { bytes, ...rest } = made;
  await onFile(output, () => writeBytesAtomic(async () => bytes, output, { force }));
  return { ...rest, input: req.input, output };
}

export interface ClearRequest {
  input: string;
  /** Default: `<name>.clean.xlsx` next to the input. */
  output?: string;
  force?: boolean;
}

export interface ClearOutcome extends ClearResult {
  input: string;
  output: string;
  /** Parts of the input the copy does not keep (accepted with --force). */
  lost?: LostParts;
}

export function defaultClearPath(input: string): string {
  const base = path.basename(input).replace(/\.[^.]*$/, "").replace(/\.jindu$/i, "");
  return path.join(path.dirname(input), `${base}.clean.xlsx`);
}

/** `jindu clear`: the workbook as it was before `jindu report`, written as a new file. */
export async function clear(req: ClearRequest): Promise<ClearOutcome> {
  const output = req.output ?? defaultClearPath(req.input);
  const force = req.force ?? false;
  await checkOutput(req.input, output, force);
  const bytes = await onFile(req.input, () => readBytes(req.input));
  const { bytes: out, ...result } = await clearWorkbook(bulletinFiles, { bytes, name: req.input }, { force });
  await onFile(output, () => writeBytesAtomic(async () => out, output, { force }));
  return { ...result, input: req.input, output };
}
