// The offline page's work as its worker does it, in Node: the same reading as the command line,
// the copy the report use case makes, a paste, another sheet, and errors that keep their words.
import { readFileSync } from "fs";
import { join, resolve } from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PAGE_DEFAULT_SETTINGS } from "../../src/app/settings";
import { annotate } from "../../src/app/report";
import { bulletinFiles } from "../../src/xlsx/bulletin";
import { pastedSource } from "../../src/app/paste";
import { copyName, filledBy } from "../../src/app/page";
import { DEFAULT_FILLED } from "../../src/core/plan";
import { analyzeGrid } from "../../src/core/analyze";
import { isJinduError } from "../../src/core/errors";
import { createPageHost, toWire } from "../../src/page/host";
import { fromWire, workerEngine, type Port } from "../../src/page/client";
import type { Copy, Opened, Reply } from "../../src/page/protocol";
import type { Reading } from "../../src/app/page";

const ROOT = resolve(__dirname, "../..");
const SAMPLE = join(ROOT, "assets", "sample", "bulletin-2020-h1.xlsx");
const sample = new Uint8Array(readFileSync(SAMPLE));
const TEXT = readFileSync(join(ROOT, "test/fixtures/bulletin-2020-h1.txt"), "utf8");
const ask = { settings: PAGE_DEFAULT_SETTINGS, lang: "zh" as const, date: "2020-07-15" };

async function values(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, unknown> = { "!name": ws.name };
    ws.eachRow((row) => row.eachCell((cell) => void (cells[cell.address] = JSON.parse(JSON.stringify(cell.value)))));
    return cells;
  });
}

describe("the page's host", () => {
  test("its first settings fill what jindu report fills", () => {
    expect(filledBy(PAGE_DEFAULT_SETTINGS)).toEqual(DEFAULT_FILLED);
  });

  test("opens the sample as the command line reads it, and its copy is the report's", async () => {
    const host = createPageHost();
    const stages: string[] = [];
    const opened = (await host.handle({ type: "open", bytes: sample, name: "bulletin-2020-h1.xlsx", ...ask }, (s) => stages.push(s))) as Opened;
    const reference = analyzeGrid((await bulletinFiles.read({ bytes: sample, name: SAMPLE })).grid, {});
    expect(opened.doc).toEqual(reference);
    expect(opened.sheet).toBe(reference.sheet);
    expect(stages).toEqual(["reading", "analyzing"]);
    const copy = (await host.handle({ type: "annotate", force: false, ...ask }, () => undefined)) as Copy;
    expect(copy.fileName).toBe("bulletin-2020-h1.jindu.xlsx");
    const report = await annotate(bulletinFiles, { bytes: sample, name: SAMPLE }, { date: ask.date, lang: "zh" });
    expect(await values(copy.bytes)).toEqual(await values(report.bytes));
  });

  test("the statuses to mark beside lagging ones are the page's choice in the copy", async () => {
    const host = createPageHost();
    await host.handle({ type: "open", bytes: sample, name: "b.xlsx", ...ask }, () => undefined);
    const tags = async (settings: typeof ask.settings) => {
      const copy = (await host.handle({ type: "annotate", force: false, ...ask, settings }, () => undefined)) as Copy;
      const zip = await JSZip.loadAsync(copy.bytes);
      const sheets = await Promise.all(zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((f) => f.async("string")));
      return new Set(sheets.flatMap((x) => [...x.matchAll(/jindu:(\w+)/g)].map((m) => m[1])));
    };
    const all = await tags(ask.settings);
    expect(all.has("completed")).toBe(true);
    const fewer = await tags({ ...ask.settings, highlight: { completed: false, unquantified: false, onTrack: false } });
    expect(fewer.has("lagging")).toBe(true);
    expect(fewer.has("completed")).toBe(false);
    expect(fewer.has("unquantified")).toBe(false);
  });

  test("a setting changed reads the same bulletin again with it", async () => {
    const host = createPageHost();
    await host.handle({ type: "open", bytes: sample, name: "b.xlsx", ...ask }, () => undefined);
    const r = (await host.handle({ type: "analyze", ...ask, settings: { ...ask.settings, expectedProgress: 90 } }, () => undefined)) as Reading;
    expect(r.doc.expectedProgress).toBe(90);
    expect(r.summary.titleLines[1]).toContain("90%");
  });

  test("pasted cells (tabs, a quoted cell across lines) read as a text file", async () => {
    const lines = TEXT.split(/\r?\n/);
    const at = lines.findIndex((l) => /^\d+\t/.test(l) && l.split("\t").length >= 5);
    const cells = lines[at]!.split("\t");
    cells[4] = `"${cells[4]}\n（续）"`;
    lines[at] = cells.join("\t");
    const source = pastedSource(lines.join("\n"), "粘贴的表格");
    expect(source.name).toBe("粘贴的表格.txt");
    const host = createPageHost();
    const opened = (await host.handle({ type: "open", ...source, ...ask }, () => undefined)) as Opened;
    expect(opened.kind).toBe("text");
    expect(opened.sheets).toEqual(["粘贴的表格"]);
    const row = opened.doc.rows.find((r) => r.row === at + 1);
    expect(row?.progress).toContain("\n（续）");
    // The copy of a paste is a workbook of its own.
    const copy = (await host.handle({ type: "annotate", force: false, ...ask }, () => undefined)) as Copy;
    expect((await values(copy.bytes))[0]!["!name"]).toBe("粘贴的表格");
  });

  test("a workbook with several sheets lists them, and another can be read", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("说明").addRow(["本工作簿第二张表是通报"]);
    const ws = wb.addWorksheet("通报");
    for (const line of TEXT.split(/\r?\n/)) ws.addRow(line.split("\t").map((c) => (c === "" ? null : c)));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const host = createPageHost();
    const opened = (await host.handle({ type: "open", bytes, name: "two.xlsx", ...ask }, () => undefined)) as Opened;
    expect(opened.sheets).toEqual(["说明", "通报"]);
    expect(opened.sheet).toBe("通报");
    const other = host.handle({ type: "sheet", sheet: "说明", ...ask }, () => undefined);
    await expect(other).rejects.toMatchObject({ code: "no_header" });
    // The bulletin is still there to read after a sheet without a table.
    const back = (await host.handle({ type: "sheet", sheet: "通报", ...ask }, () => undefined)) as Opened;
    expect(back.doc.rows.length).toBe(opened.doc.rows.length);
  });

  test("a bad file's error crosses to the page with the command line's words", async () => {
    const host = createPageHost();
    const failed = await host.handle({ type: "open", bytes: new TextEncoder().encode("PK\u0003\u0004 not really"), name: "坏.xlsx", ...ask }, () => undefined).catch((e: unknown) => e);
    if (!isJinduError(failed)) throw new Error("expected a typed error");
    const again = fromWire(structuredClone(toWire(failed)));
    expect(isJinduError(again) && [again.code, again.zh, again.en]).toEqual([failed.code, failed.zh, failed.en]);
    // Nothing was read, so nothing is there to analyse or copy yet.
    await expect(host.handle({ type: "analyze", ...ask }, () => undefined)).rejects.toThrow();
  });

  test("a file that cannot be read leaves the bulletin read before in place", async () => {
    const host = createPageHost();
    await host.handle({ type: "open", bytes: sample, name: "bulletin-2020-h1.xlsx", ...ask }, () => undefined);
    await expect(host.handle({ type: "open", bytes: new Uint8Array([0, 1, 2]), name: "坏.xlsx", ...ask }, () => undefined)).rejects.toMatchObject({ code: "not_a_workbook" });
    const copy = (await host.handle({ type: "annotate", force: false, ...ask }, () => undefined)) as Copy;
    expect(copy.fileName).toBe("bulletin-2020-h1.jindu.xlsx");
  });

  test("the worker client matches replies to requests and passes stages on", async () => {
    const host = createPageHost();
    const port: Port = {
      onmessage: null,
      onerror: null,
      postMessage: ({ id, request }) => {
        const reply = (m: Reply) => port.onmessage?.({ data: structuredClone(m) } as MessageEvent<Reply>);
        void host.handle(request, (stage) => reply({ id, kind: "stage", stage })).then(
          (value) => reply({ id, kind: "done", value }),
          (e: unknown) => reply({ id, kind: "failed", error: toWire(e) }),
        );
      },
    };
    const engine = workerEngine(port);
    const stages: string[] = [];
    const bad = engine.call({ type: "open", bytes: new Uint8Array([1, 2, 3]), name: "x.xlsx", ...ask }).catch((e: unknown) => e);
    const good = engine.call({ type: "open", bytes: sample, name: "b.xlsx", ...ask }, (s) => stages.push(s));
    expect(await bad).toMatchObject({ code: "not_a_workbook" });
    expect((await good).doc.counts.lagging).toBeGreaterThan(0);
    expect(stages).toEqual(["reading", "analyzing"]);
  });

  test("the copy is named as the command line names it", () => {
    expect(copyName("C:\\通报\\6月.xlsx")).toBe("6月.jindu.xlsx");
    expect(copyName("粘贴的表格.txt")).toBe("粘贴的表格.jindu.xlsx");
  });
});
