// Writes a workbook so that a failure leaves no partial file: a temporary file beside the
// output, then a rename (or a hard link when the output must not be overwritten).
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import type ExcelJS from "exceljs";
import { JinduError } from "../core/errors";

export interface WriteOptions {
  /** Replace an existing output. */
  force?: boolean;
}

function errCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;
}

export async function pathExists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch (e) {
    if (errCode(e) === "ENOENT") return false;
    throw e;
  }
}

export async function writeWorkbookAtomic(wb: ExcelJS.Workbook, out: string, opts: WriteOptions = {}): Promise<void> {
  // A light compression level: about a third faster on large sheets, slightly larger files.
  await writeBytesAtomic(() => wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 3 } } }), out, opts);
}

/** Writes the bytes made by `make` (called once the temporary file's place is known). */
export async function writeBytesAtomic(make: () => Promise<ArrayBuffer | Uint8Array>, out: string, opts: WriteOptions = {}): Promise<void> {
  const dir = path.dirname(path.resolve(out));
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const bytes = await make();
    await fs.writeFile(tmp, bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), { flag: "wx" });
    if (opts.force) {
      await fs.rename(tmp, out);
      return;
    }
    try {
      // link() fails with EEXIST instead of replacing: no race with a file created meanwhile.
      await fs.link(tmp, out);
    } catch (e) {
      const code = errCode(e);
      if (code === "EEXIST") throw new JinduError("output_exists", out);
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw e;
      // File systems without hard links: check, then rename.
      if (await pathExists(out)) throw new JinduError("output_exists", out);
      await fs.rename(tmp, out);
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
