// The add-in works on the bulletin, not on whatever sheet is active: a named sheet is read even
// when the summary is active, Jindu's own sheets are refused with the bulletin they came from,
// Excel's errors become typed ones that keep Excel's words, and the pane's messages come from
// one table in one language.
import { analyze, clearMarks, DEFAULT_SETTINGS, highlight, summarise, SUMMARY_SHEET, type AddinDeps } from "../../src/app/addin";
import { LABELS } from "../../src/core/plan/labels";
import { STATE_SHEET } from "../../src/xlsx/marks";
import { JinduError, type ErrorCode } from "../../src/core/errors";
import { createExcelPort, isMarkFormula, nameVariants, sheetOfFormula, toJinduError } from "../../src/excel/workbook";
import { describeError, ERROR_MESSAGES } from "../../src/taskpane/messages";
import { FakeWorkbook } from "../support/fake-excel";
import { bulletinGrid, fixtureEngine } from "../support/addin-fixtures";

const NOW = new Date("2020-07-10T08:00:00Z");

function setup() {
  const wb = FakeWorkbook.fromGrid(bulletinGrid(9));
  const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) });
  const deps = (sheet?: string): AddinDeps => ({ port, engine: fixtureEngine, now: () => NOW, ...(sheet ? { sheet } : {}) });
  return { wb, port, deps, bulletin: wb.activeSheet().name };
}

describe("the bulletin, not the active sheet", () => {
  test("标出滞后 → 生成汇总表 → 清除标记 → 分析, with the summary left active, all work on the bulletin", async () => {
    const { wb, deps, bulletin } = setup();
    const marked = await highlight(deps(), DEFAULT_SETTINGS, "zh");
    expect(marked.marked).toBeGreaterThan(0);
    const summary = await summarise(deps(bulletin), DEFAULT_SETTINGS, "zh");
    expect(wb.active).toBe(summary.sheetName);
    const cleared = await clearMarks(deps(bulletin));
    expect(cleared.sheet).toBe(bulletin);
    expect(cleared.removed).toBeGreaterThan(0);
    expect(wb.sheet(bulletin)!.conditionalFormats.filter((cf) => isMarkFormula(cf.formula))).toEqual([]);
    const again = await analyze(deps(bulletin), DEFAULT_SETTINGS);
    expect(again.rows.map((r) => r.row)).toEqual(marked.doc.rows.map((r) => r.row));
    // A second summary replaces the first instead of summarising it.
    const second = await summarise(deps(bulletin), DEFAULT_SETTINGS, "zh");
    expect(second.sheetName).toBe(summary.sheetName);
    expect(wb.sheets.map((s) => s.name)).toEqual([bulletin, summary.sheetName]);
  });

  test.each([
    ["analyze", (d: AddinDeps) => analyze(d, DEFAULT_SETTINGS)],
    ["mark", (d: AddinDeps) => highlight(d, DEFAULT_SETTINGS, "zh")],
    ["clear", (d: AddinDeps) => clearMarks(d)],
    ["summary", (d: AddinDeps) => summarise(d, DEFAULT_SETTINGS, "zh")],
  ] as const)("%s on Jindu's summary with no bulletin named: refused, naming the bulletin it came from", async (_, command) => {
    const { wb, deps, bulletin } = setup();
    await summarise(deps(), DEFAULT_SETTINGS, "zh");
    const before = wb.sheets.map((s) => s.name);
    await expect(command(deps())).rejects.toMatchObject({ code: "jindu_sheet", params: { source: bulletin } });
    expect(wb.sheets.map((s) => s.name)).toEqual(before);
  });

  test("the summary remembers its bulletin through a rename (Excel follows the name's reference)", async () => {
    const { wb, port, deps } = setup();
    await summarise(deps(), DEFAULT_SETTINGS, "zh");
    wb.userRename(wb.sheets[0]!.name, "6月通报");
    await expect(port.active()).resolves.toEqual({ sheet: "进度汇总", jindu: true, source: "6月通报" });
    wb.userActivate("6月通报");
    await expect(port.active()).resolves.toEqual({ sheet: "6月通报", jindu: false });
  });

  test("a bulletin that was renamed or deleted: sheet_missing naming it", async () => {
    const { deps } = setup();
    await expect(analyze(deps("不存在"), DEFAULT_SETTINGS)).rejects.toMatchObject({ code: "sheet_missing", params: { sheet: "不存在" } });
  });

  test("sheet names are matched as Excel does, whatever their case", async () => {
    const { wb, deps } = setup();
    wb.userRename(wb.sheets[0]!.name, "Bulletin");
    await expect(analyze(deps("BULLETIN"), DEFAULT_SETTINGS)).resolves.toMatchObject({ sheet: "Bulletin" });
  });

  test("the pane hears the user switch sheets and edit cells", async () => {
    const { wb, port, deps } = setup();
    await summarise(deps(), DEFAULT_SETTINGS, "zh");
    await new Promise((ok) => setTimeout(ok, 0));
    const events: string[] = [];
    await port.watch((e) => events.push(`${e.type}:${e.sheetId}`));
    wb.userActivate(wb.sheets[0]!.name);
    await new Promise((ok) => setTimeout(ok, 0));
    wb.userEdit(wb.sheets[0]!.name, 5, 5, "完成 50%");
    expect(events).toEqual([`activated:${wb.sheets[0]!.name}`, `changed:${wb.sheets[0]!.name}`]);
  });
});

describe("sheet names as Excel compares them, ignoring case", () => {
  test("a user's 'progress summary' is left alone: the English summary goes to 'Progress summary (2)'", async () => {
    const { wb, deps, bulletin } = setup();
    wb.addSheet("progress summary").set(1, 1, "mine");
    const r = await summarise(deps(bulletin), DEFAULT_SETTINGS, "en");
    expect(r.sheetName).toBe("Progress summary (2)");
    expect(wb.sheet("progress summary")!.get(1, 1)).toBe("mine");
  });

  test("Jindu's own summary, renamed in another case, is still replaced, not duplicated", async () => {
    const { wb, deps, bulletin } = setup();
    const first = await summarise(deps(bulletin), DEFAULT_SETTINGS, "en");
    wb.userRename(first.sheetName, first.sheetName.toUpperCase());
    const again = await summarise(deps(bulletin), DEFAULT_SETTINGS, "en");
    expect(wb.sheets.map((s) => s.name.toLowerCase()).filter((n) => n.startsWith("progress summary"))).toHaveLength(1);
    expect(again.sheetName.toLowerCase()).toBe("progress summary");
  });
});

describe("Excel's errors become typed ones, Excel's words kept for 详情", () => {
  const hostError = (code: string, message: string) => Object.assign(new Error(message), { code });
  test.each([
    ["InvalidOperationInCellEditMode", "The operation cannot be performed because Excel is in cell-editing mode.", "cell_edit_mode"],
    ["GeneralException", "An internal error has occurred.", "host_busy"],
    ["AccessDenied", "The requested operation is not allowed because the sheet is protected.", "protected_sheet"],
    ["ItemNotFound", "The requested resource doesn't exist.", "sheet_missing"],
    ["ApiNotFound", "The API you are trying to use could not be found.", "api_unsupported"],
    ["RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.", "sheet_too_large"],
    ["SomethingNew", "Something Excel has never said before.", "internal"],
  ])("%s → %s", (code, message, expected) => {
    const e = toJinduError(hostError(code, message), "Sheet1");
    expect(e.code).toBe(expected);
    expect(e.params.host).toBe(`${code}: ${message}`);
  });

  test("a typed error passes through unchanged", () => {
    const e = new JinduError("no_header");
    expect(toJinduError(e)).toBe(e);
  });

  test.each([
    ["='Sheet 1'!$A$1", "Sheet 1"],
    ["=Sheet1!$A$1", "Sheet1"],
    ["='它''s 通报'!$A$1", "它's 通报"],
    ["=#REF!", undefined],
    [42, undefined],
  ])("the sheet of %s is %s", (formula, sheet) => {
    expect(sheetOfFormula(formula)).toBe(sheet);
  });
});

describe("the pane's messages: one table, one language, what to do", () => {
  const cases: [ErrorCode, "analyze" | "mark" | "clear" | "summary", Record<string, string>][] = [
    ["cell_edit_mode", "mark", { host: "InvalidOperationInCellEditMode: …" }],
    ["host_busy", "analyze", { host: "GeneralException: …" }],
    ["protected_sheet", "mark", { sheet: "通报" }],
    ["protected_sheet", "clear", { sheet: "通报" }],
    ["workbook_protected", "summary", {}],
    ["sheet_missing", "analyze", { sheet: "通报" }],
    ["jindu_sheet", "analyze", { sheet: "进度汇总", source: "通报" }],
    ["no_header", "analyze", { sheet: "说明" }],
    ["internal", "analyze", { host: "Weird: …" }],
  ];

  test.each(cases)("%s on %s: Chinese only in zh, no Chinese in en, the sheet named", (code, action, params) => {
    const e = new JinduError(code, undefined, params);
    const zh = describeError(e, action, "zh");
    const en = describeError(e, action, "en");
    expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.text).not.toMatch(/\b(the|and|sheet)\b/i);
    // English text carries no Chinese but the sheet names the user gave.
    const withoutNames = Object.values(params).filter((v) => !v.includes(":")).reduce((t, v) => t.split(v).join(""), en.text);
    expect(withoutNames).not.toMatch(/[\u4e00-\u9fff]/);
    if (params.sheet && code !== "workbook_protected") expect(zh.text).toContain(params.sheet);
    expect(zh.detail).toBe(params.host);
  });

  test("protection is worded by action: marking and clearing say which they could not do", () => {
    const e = new JinduError("protected_sheet", "通报", { sheet: "通报" });
    expect(describeError(e, "mark", "zh").text).toContain("标出");
    expect(describeError(e, "clear", "zh").text).toContain("清除");
    expect(describeError(e, "mark", "zh").text).not.toBe(describeError(e, "clear", "zh").text);
  });

  test("a Jindu sheet with a known bulletin offers it", () => {
    expect(describeError(new JinduError("jindu_sheet", "进度汇总", { sheet: "进度汇总", source: "通报" }), "analyze", "zh").source).toBe("通报");
  });

  test("every entry has both languages and says what to do (a verb of action)", () => {
    for (const entry of Object.values(ERROR_MESSAGES)) {
      for (const words of Object.values(entry ?? {})) {
        expect(words.zh).toMatch(/请|再试|改用/);
        expect(words.en).toMatch(/\b(try|Use|Open|Click|Check|Copy|Turn|Press|Wait)\b/);
      }
    }
  });

  test("an error that is not typed still gets the table's words, with its text as the detail", () => {
    const m = describeError(new Error("boom"), "analyze", "en");
    expect(m.text).toMatch(/unexpected/i);
    expect(m.detail).toBe("boom");
  });
});

describe("the sheet names Jindu writes are names Excel takes", () => {
  test.each(["zh", "en"] as const)("%s: at most 31 characters, none of []:*?/\\, no leading or trailing apostrophe", (lang) => {
    const names = [...nameVariants(SUMMARY_SHEET[lang]), ...nameVariants(LABELS[lang].laggingTitle), STATE_SHEET];
    for (const name of names) {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\]/);
      expect(name).not.toMatch(/^'|'$/);
    }
  });
});
