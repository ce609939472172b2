// Inputs that are not regular files are refused before reading; file-system errors become
// typed errors naming the file, never a raw stack trace.
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { fileError, loadInput } from "../../src/cli/files";
import { JinduError } from "../../src/core/errors";
import { smallBulletin, tempDir, toBuffer } from "../support/workbooks";

const posix = process.platform !== "win32";
const onPosix = posix ? test : test.skip;
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** The error's code and detail, or "ok". */
async function outcome(p: Promise<unknown>): Promise<{ code: string; detail?: string }> {
  try {
    await p;
    return { code: "ok" };
  } catch (e) {
    if (e instanceof JinduError) return { code: e.code, detail: e.detail };
    throw e;
  }
}

/** Fails instead of hanging when a read blocks (a FIFO, a device). */
function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still reading after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

describe("inputs that are not regular files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
  });

  test("a directory → is_a_directory, named", async () => {
    expect(await outcome(loadInput(dir))).toEqual({ code: "is_a_directory", detail: dir });
  });

  test("a directory named like a workbook → is_a_directory", async () => {
    const d = path.join(dir, "folder.xlsx");
    await fs.mkdir(d);
    expect((await outcome(loadInput(d))).code).toBe("is_a_directory");
  });

  onPosix("a FIFO → not_a_file, without waiting for a writer", async () => {
    const fifo = path.join(dir, "pipe.txt");
    execFileSync("mkfifo", [fifo]);
    expect(await within(5000, outcome(loadInput(fifo)))).toEqual({ code: "not_a_file", detail: fifo });
  });

  onPosix("/dev/zero → not_a_file, without reading forever", async () => {
    expect(await within(5000, outcome(loadInput("/dev/zero")))).toEqual({ code: "not_a_file", detail: "/dev/zero" });
  });

  onPosix("a socket → not_a_file", async () => {
    const sock = path.join(dir, "s.sock");
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      expect(await within(5000, outcome(loadInput(sock)))).toEqual({ code: "not_a_file", detail: sock });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  onPosix("a link to a workbook is read; a link to a FIFO is refused", async () => {
    await fs.writeFile(path.join(dir, "real.xlsx"), await toBuffer(smallBulletin()));
    await fs.symlink(path.join(dir, "real.xlsx"), path.join(dir, "link.xlsx"));
    expect((await loadInput(path.join(dir, "link.xlsx"))).kind).toBe("workbook");
    execFileSync("mkfifo", [path.join(dir, "pipe2")]);
    await fs.symlink(path.join(dir, "pipe2"), path.join(dir, "pipe-link.csv"));
    expect((await within(5000, outcome(loadInput(path.join(dir, "pipe-link.csv"))))).code).toBe("not_a_file");
  });

  test("a missing file → file_not_found, named", async () => {
    const f = path.join(dir, "nope", "x.xlsx");
    expect(await outcome(loadInput(f))).toEqual({ code: "file_not_found", detail: f });
  });

  (posix && !isRoot ? test : test.skip)(
    `a file without read permission → permission_denied${isRoot ? " (skipped: running as root, which may read any file)" : ""}`,
    async () => {
      const f = path.join(dir, "locked.xlsx");
      await fs.writeFile(f, await toBuffer(new ExcelJS.Workbook()));
      await fs.chmod(f, 0o000);
      try {
        expect(await outcome(loadInput(f))).toEqual({ code: "permission_denied", detail: f });
      } finally {
        await fs.chmod(f, 0o644);
      }
    },
  );
});

describe("fileError maps file-system errors to typed errors naming the file", () => {
  const sysError = (code: string) => Object.assign(new Error(`${code}: failed`), { code, syscall: "open" });

  test.each<[string, string, string]>([
    ["ENOENT", "file_not_found", "a.xlsx"],
    ["ENOTDIR", "file_not_found", "a.xlsx"],
    ["EACCES", "permission_denied", "a.xlsx"],
    ["EPERM", "permission_denied", "a.xlsx"],
    ["EISDIR", "is_a_directory", "a.xlsx"],
    ["ENXIO", "not_a_file", "a.xlsx"],
    ["EIO", "io_error", "a.xlsx (EIO)"],
    ["EMFILE", "io_error", "a.xlsx (EMFILE)"],
    ["ERR_FS_FILE_TOO_LARGE", "io_error", "a.xlsx (ERR_FS_FILE_TOO_LARGE)"],
  ])("%s → %s", (code, expected, detail) => {
    const e = fileError(sysError(code), "a.xlsx");
    expect(e).toBeInstanceOf(JinduError);
    expect({ code: e.code, detail: e.detail }).toEqual({ code: expected, detail });
    expect(e.zh).toContain("a.xlsx");
    expect(e.en).toContain("a.xlsx");
  });

  test("anything else is io_error; a typed error passes through", () => {
    expect(fileError("boom", "a.xlsx")).toMatchObject({ code: "io_error", detail: "a.xlsx" });
    const typed = new JinduError("not_a_file", "a.xlsx");
    expect(fileError(typed, "b.xlsx")).toBe(typed);
  });
});
