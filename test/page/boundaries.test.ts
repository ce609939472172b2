// The use cases are shared by hosts that have no file system (the offline page): src/app takes
// its hosts through ports only (no Node module, no adapter), and the workbook and text readers
// the page bundles take no Node module.
import { readdirSync, readFileSync } from "fs";
import { join, resolve } from "path";

const SRC = resolve(__dirname, "../../src");
const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/^import[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!);
const files = (dir: string) => readdirSync(join(SRC, dir)).filter((f) => /\.tsx?$/.test(f)).map((f) => join(SRC, dir, f));

describe("what the browser bundles is free of Node and of other hosts", () => {
  test.each(files("app"))("%s imports no node module and no adapter: only core and its own ports", (file) => {
    for (const spec of importsOf(file)) {
      expect(spec).not.toMatch(/^node:|^(fs|path|os|crypto|child_process|exceljs|jszip)$/);
      expect(spec).toMatch(/^\.\/|^\.\.\/core\//);
    }
  });

  // xlsx/write.ts is the command line's atomic file writer; text/decode.ts is swapped for the page's.
  test.each([...files("xlsx").filter((f) => !f.endsWith("write.ts")), ...files("text").filter((f) => !f.endsWith("decode.ts"))])("%s imports no node module", (file) => {
    for (const spec of importsOf(file)) expect(spec).not.toMatch(/^node:|^(fs|path|os|crypto|iconv-lite)$/);
  });

  test("the task pane takes its settings through the port in src/app", () => {
    expect(importsOf(join(SRC, "taskpane", "services.ts")).filter((s) => s.includes("/excel/"))).toEqual([]);
  });
});
