import { execFileSync } from "child_process";
import type { PaneError } from "../../src/taskpane/messages";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { OfficeMockObject } from "office-addin-mock";
import { COMMAND_NAMES, createHandlers, registerHandlers, type CommandEvent } from "../../src/commands/handlers";
import { DEFAULT_SETTINGS } from "../../src/app/addin";
import { memorySettingsStore } from "../../src/excel/settings";
import { createExcelPort, REQUIRED_API } from "../../src/excel/workbook";
import { FakeWorkbook } from "../support/fake-excel";
import { bulletinGrid, fixtureEngine } from "../support/addin-fixtures";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteManifest } = require("../../scripts/manifest-url.js") as { rewriteManifest: (xml: string, base: string) => string };

const ROOT = resolve(__dirname, "../..");
const MANIFEST = join(ROOT, "manifest.xml");
const SCHEMA = resolve(ROOT, "../shared/office-schemas/OfficeAppManifestV1_1.xsd");
const xml = readFileSync(MANIFEST, "utf8");

function hasXmllint(): boolean {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const canValidate = existsSync(SCHEMA) && hasXmllint();
if (!canValidate) {
  console.warn(`Manifest schema validation skipped: ${existsSync(SCHEMA) ? "xmllint is not installed (apt-get install libxml2-utils)" : `no schemas at ${SCHEMA}`}`);
}

function xmllint(file: string): string {
  return execFileSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

describe("manifest.xml against the Office schemas", () => {
  (canValidate ? test : test.skip)("validates with xmllint", () => {
    expect(() => xmllint(MANIFEST)).not.toThrow();
  });

  (canValidate ? test : test.skip)("still validates with a production ADDIN_URL", () => {
    const dir = mkdtempSync(join(tmpdir(), "jindu-manifest-"));
    const file = join(dir, "manifest.xml");
    writeFileSync(file, rewriteManifest(xml, "https://addins.example.gov.cn/jindu"));
    expect(() => xmllint(file)).not.toThrow();
    expect(readFileSync(file, "utf8")).not.toContain("localhost");
  });
});

describe("manifest.xml, our own checks", () => {
  const resids = [...xml.matchAll(/\bresid="([^"]+)"/g)].map((m) => m[1]!);
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]!));
  const ids = [...xml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  const functionNames = [...xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]!);

  test("every resid resolves to a resource", () => {
    expect(resids.length).toBeGreaterThan(10);
    expect(resids.filter((r) => !defined.has(r))).toEqual([]);
  });

  test("every resource is used", () => {
    const used = new Set(resids);
    expect([...defined].filter((d) => !used.has(d))).toEqual([]);
  });

  test("ids and resids are at most 32 characters", () => {
    expect([...ids, ...resids].filter((i) => i.length > 32)).toEqual([]);
  });

  test("every URL is https", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"|<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1] ?? m[2]!);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  test("ExcelApi 1.9 is required (what the adapter checks at run time), ReadWriteDocument asked, Workbook the host", () => {
    expect(REQUIRED_API).toBe("1.9");
    expect(xml).toContain(`<Sets DefaultMinVersion="${REQUIRED_API}">`);
    expect([...xml.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\/>/g)].map((m) => [m[1], m[2]])).toEqual([["ExcelApi", REQUIRED_API]]);
    expect(xml).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(xml).toContain('<Host Name="Workbook"/>');
  });

  test("display name, description and every string have zh-CN defaults and en-US overrides", () => {
    expect(xml).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    const strings = [...xml.matchAll(/<bt:String id="([^"]+)" DefaultValue="([^"]*)">\s*<bt:Override Locale="en-US" Value="([^"]+)"\/>/g)];
    const all = [...xml.matchAll(/<bt:String id=/g)];
    expect(strings).toHaveLength(all.length);
    for (const m of strings) expect(m[2]).toMatch(/[\u4e00-\u9fff]/);
    expect(xml).toMatch(/<DisplayName DefaultValue="进度助手">\s*<Override Locale="en-US"/);
    expect(xml).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
  });

  test("the ribbon group on the Home tab has the four buttons", () => {
    expect(xml).toContain('<OfficeTab id="TabHome">');
    expect(xml).toMatch(/<bt:String id="Group.Label" DefaultValue="进度助手">/);
    for (const label of ["打开面板", "标出滞后", "清除标记", "生成汇总表"]) expect(xml).toContain(`DefaultValue="${label}"`);
    expect(xml.match(/xsi:type="ShowTaskpane"/g)).toHaveLength(1);
    expect(functionNames.sort()).toEqual(["clearMarks", "markLagging", "writeSummary"]);
  });

  test("every icon is a real PNG of the size it claims", () => {
    const images = [...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="https:\/\/localhost:3000\/([^"]+)"\/>/g)];
    expect(images.length).toBe(16);
    for (const [, id, rel] of images) {
      const png = readFileSync(join(ROOT, rel!));
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      const size = Number(id!.split(".")[1]);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      expect(png.length).toBeGreaterThan(150); // drawn, not a blank placeholder
    }
  });

  test("every ExecuteFunction name is registered with Office.actions.associate", () => {
    const associated: string[] = [];
    const office = new OfficeMockObject({ actions: { associate: (name: string) => void associated.push(name) } }) as unknown as { actions: { associate: (n: string, f: (e: CommandEvent) => void) => void } };
    const handlers = createHandlers({ deps: () => { throw new Error("not called"); }, settings: () => memorySettingsStore(), lang: () => "zh" });
    registerHandlers(office.actions, handlers);
    expect(associated.sort()).toEqual([...functionNames].sort());
    expect([...COMMAND_NAMES].sort()).toEqual([...functionNames].sort());
  });
});

describe("ribbon handlers", () => {
  function setup() {
    const wb = FakeWorkbook.fromGrid(bulletinGrid(9));
    const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) });
    const reports: string[] = [];
    const notices: PaneError[] = [];
    const handlers = createHandlers({
      deps: () => ({ port, engine: fixtureEngine }),
      settings: () => memorySettingsStore(DEFAULT_SETTINGS),
      lang: () => "zh",
      report: (m) => void reports.push(m),
      notify: (m) => void notices.push(m),
    });
    return { wb, handlers, reports, notices };
  }

  test.each(COMMAND_NAMES)("%s ends with event.completed(), in one Excel.run", async (name) => {
    const { wb, handlers, reports } = setup();
    const event = new OfficeMockObject({ completed: jest.fn() }) as unknown as CommandEvent & { completed: jest.Mock };
    await handlers[name](event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(wb.runs).toHaveLength(1);
    expect(reports).toEqual([]);
  });

  test("a failure is logged in both languages, shown to the user in theirs, and the event still completes", async () => {
    const { wb, handlers, reports, notices } = setup();
    wb.activeSheet().protected = true;
    const completed = jest.fn();
    await handlers.markLagging({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(reports[0]).toMatch(/保护.*\/.*protected/);
    // The same words the pane would show for this failure and this button.
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain("无法标出滞后行");
    await handlers.clearMarks({ completed });
    expect(notices[1]!.text).toContain("无法清除标记");
  });

  test("a notice that cannot be shown still lets the button finish", async () => {
    const wb = FakeWorkbook.fromGrid(bulletinGrid(9));
    wb.activeSheet().protected = true;
    const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) });
    const handlers = createHandlers({
      deps: () => ({ port, engine: fixtureEngine }),
      settings: () => memorySettingsStore(DEFAULT_SETTINGS),
      lang: () => "en",
      report: () => undefined,
      notify: () => Promise.reject(new Error("no dialog")),
    });
    const completed = jest.fn();
    await handlers.markLagging({ completed });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  test("settings the pane saved meanwhile are taken in before a button reads them", async () => {
    const wb = FakeWorkbook.fromGrid(bulletinGrid(9));
    const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) });
    const order: string[] = [];
    const store = {
      load: () => {
        order.push("load");
        return DEFAULT_SETTINGS;
      },
      save: async () => undefined,
      refresh: async () => void order.push("refresh"),
    };
    const handlers = createHandlers({ deps: () => ({ port, engine: fixtureEngine }), settings: () => store, lang: () => "zh", report: () => undefined });
    await handlers.markLagging({ completed: () => undefined });
    await handlers.writeSummary({ completed: () => undefined });
    expect(order).toEqual(["refresh", "load", "refresh", "load"]);
  });
});
