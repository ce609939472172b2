import { analyze, clearMarks, DEFAULT_SETTINGS, highlight, selectRow, summarise, type AddinDeps, type AddinSettings } from "../../src/app/addin";
import { JinduError } from "../../src/core/errors";
import { JINDU_MARKER } from "../../src/core/plan";
import { createExcelPort, isMarkFormula, markFormula, ruleChunks, SHEET_MARKER, type ExcelEnv } from "../../src/excel/workbook";
import type { RowFill } from "../../src/core/plan/types";
import { FakeWorkbook, PAYLOAD_LIMIT, RANGES_ADDRESS_LIMIT, type FakeConditionalFormat, type FakeSheet } from "../support/fake-excel";
import { bulletinGrid, FIXTURE_COLORS, fixtureAnalyze, fixtureEngine } from "../support/addin-fixtures";

const NOW = new Date("2020-07-10T08:00:00Z");

function setup(rows: number, options: { excelApi?: number; env?: Partial<ExcelEnv> } = {}) {
  const wb = FakeWorkbook.fromGrid(bulletinGrid(rows), { excelApi: options.excelApi });
  const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v), ...options.env });
  const deps: AddinDeps = { port, engine: fixtureEngine, now: () => NOW };
  return { wb, deps, sheet: wb.activeSheet() };
}

/** Row → colour shown by Jindu's marks, for the table's first column. */
function markedRows(sheet: FakeSheet): Map<number, string> {
  const out = new Map<number, string>();
  for (const cf of sheet.conditionalFormats) {
    if (!isMarkFormula(cf.formula)) continue;
    for (const box of cf.boxes) for (let r = box.top; r <= box.bottom; r++) out.set(r, cf.fill ?? "");
  }
  return out;
}

const WITH_ALL: AddinSettings = { ...DEFAULT_SETTINGS, highlight: { completed: true, unquantified: true, onTrack: false } };

describe("reading the active sheet", () => {
  test("values and merged areas in one Excel.run and two syncs", async () => {
    const { wb, deps } = setup(9);
    const doc = await analyze(deps, DEFAULT_SETTINGS);
    expect(wb.runs).toEqual([2]);
    expect(doc.rows).toHaveLength(9);
    expect(doc.rows[0]).toMatchObject({ row: 4, unit: "单位1", project: "项目1" });
  });

  test("merged areas come from getMergedAreasOrNullObject on ExcelApi 1.13", async () => {
    const wb = FakeWorkbook.fromGrid(bulletinGrid(9));
    const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) });
    let seen: unknown = null;
    await analyze({ port, engine: { ...fixtureEngine, analyze: (g) => ((seen = g), fixtureAnalyze(g)) } }, DEFAULT_SETTINGS);
    expect(seen).toMatchObject({ sheet: "Sheet1", top: 1, left: 1, merges: [{ top: 4, left: 2, bottom: 6, right: 2 }, { top: 7, left: 2, bottom: 9, right: 2 }, { top: 10, left: 2, bottom: 12, right: 2 }] });
  });

  test("before ExcelApi 1.13 no merges are read (the core fills blanks down)", async () => {
    const wb = FakeWorkbook.fromGrid(bulletinGrid(9), { excelApi: 9 });
    const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) });
    let merges: unknown = null;
    await analyze({ port, engine: { ...fixtureEngine, analyze: (g) => ((merges = g.merges), fixtureAnalyze(g)) } }, DEFAULT_SETTINGS);
    expect(merges).toEqual([]);
    expect(wb.runs).toEqual([2]);
  });

  test("an empty sheet is a typed error", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Empty");
    const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) });
    await expect(analyze({ port, engine: fixtureEngine }, DEFAULT_SETTINGS)).rejects.toMatchObject({ code: "empty_sheet" });
  });

  test("ExcelApi below 1.9 (no RangeAreas) is refused with api_unsupported before any call", async () => {
    const { wb, deps } = setup(3, { excelApi: 8 });
    const err = await analyze(deps, DEFAULT_SETTINGS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JinduError);
    expect(err).toMatchObject({ code: "api_unsupported" });
    expect((err as JinduError).zh).toContain("不支持");
    expect(wb.runs).toEqual([]);
  });

  test("a sheet past the cell limit is sheet_too_large, without loading its values", async () => {
    const { wb, deps, sheet } = setup(3);
    sheet.set(250_000, 5, "x");
    await expect(analyze(deps, DEFAULT_SETTINGS)).rejects.toMatchObject({ code: "sheet_too_large" });
    expect(wb.payloads.every((p) => p.response < 10_000)).toBe(true);
  });

  test("engine errors (no header) pass through as they are", async () => {
    const { deps } = setup(3);
    const engine = { ...fixtureEngine, analyze: () => { throw new JinduError("no_header"); } };
    await expect(analyze({ ...deps, engine }, DEFAULT_SETTINGS)).rejects.toMatchObject({ code: "no_header", en: expect.stringContaining("header") });
  });
});

// 10,000 rows answer more than one response can hold: their values come in two blocks, one more sync.
describe.each([
  [10, 0],
  [10_000, 1],
])("batching with %i rows", (rows, moreReads) => {
  test("标出滞后: one Excel.run, three syncs (and a block of values), every payload under 5 MB", async () => {
    const { wb, deps } = setup(rows);
    const result = await highlight(deps, WITH_ALL, "zh");
    expect(wb.runs).toEqual([3 + moreReads]);
    expect(result.marked).toBe(result.doc.rows.filter((r) => r.status !== "on_track").length);
    for (const p of wb.payloads) {
      expect(p.request).toBeLessThan(PAYLOAD_LIMIT);
      expect(p.response).toBeLessThan(PAYLOAD_LIMIT);
    }
  });

  test("清除标记: one Excel.run, three syncs (probe, rule formulas, delete)", async () => {
    const { wb, deps } = setup(rows);
    await highlight(deps, DEFAULT_SETTINGS, "zh");
    await clearMarks(deps);
    // Clearing reads no values.
    expect(wb.runs).toEqual([3 + moreReads, 3]);
  });

  test("生成汇总表: one Excel.run, three syncs", async () => {
    const { wb, deps } = setup(rows);
    await summarise(deps, DEFAULT_SETTINGS, "zh");
    expect(wb.runs).toEqual([3 + moreReads]);
    for (const p of wb.payloads) expect(p.request).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("生成汇总表 beside earlier summaries (name mark, cell mark, none): still three syncs", async () => {
    const { wb, deps } = setup(rows);
    await summarise(deps, DEFAULT_SETTINGS, "zh");
    wb.addSheet("进度汇总 (2)").set(1, 11, JINDU_MARKER);
    wb.addSheet("进度汇总 (3)").set(1, 1, "我的");
    wb.active = "Sheet1";
    await summarise(deps, DEFAULT_SETTINGS, "zh");
    expect(wb.runs).toEqual([3 + moreReads, 3 + moreReads]);
  });
});

/** The user's own rules of several kinds, one of them unreadable through the API (office-js#6835). */
function userRules(rows: number): FakeConditionalFormat[] {
  const col = (c: number) => [{ top: 4, left: c, bottom: rows + 3, right: c }];
  return [
    { id: "{u-bar}", boxes: col(3), type: "DataBar", formula: "", fill: null },
    { id: "{u-icons}", boxes: col(4), type: "IconSet", formula: "", fill: null },
    { id: "{u-scale}", boxes: [...col(3), { top: 2, left: 1, bottom: 2, right: 1 }], type: "ColorScale", formula: "", fill: null },
    { id: "{u-formula}", boxes: col(5), type: "Custom", formula: "=LEN($E4)>40", fill: "#FF0000" },
    { id: "{u-duplicated}", boxes: col(2), type: "Custom", formula: '=ISNUMBER(SEARCH("滞后",$B4))', fill: "#FFC7CE", unreadable: true },
    { id: "{u-cell}", boxes: col(1), type: "CellValue", formula: "", fill: "#00FF00" },
  ];
}

describe("highlight rules: few, over RangeAreas, deleted by id", () => {
  const fill = (row: number, status: RowFill["status"], color = FIXTURE_COLORS[status]): RowFill => ({ row, firstColumn: 1, lastColumn: 5, status, color });

  test("rows of a status and colour become one address list; runs of consecutive rows one area", () => {
    const chunks = ruleChunks([fill(4, "lagging"), fill(5, "lagging"), fill(9, "lagging"), fill(6, "completed"), fill(7, "completed")]);
    expect(chunks).toEqual([
      { status: "lagging", color: FIXTURE_COLORS.lagging, address: "A4:E5,A9:E9" },
      { status: "completed", color: FIXTURE_COLORS.completed, address: "A6:E7" },
    ]);
  });

  test("a status in two colours (a band) gets two rules; other columns make other areas", () => {
    const chunks = ruleChunks([fill(4, "lagging", "#FF0000"), fill(5, "lagging", "#FFAAAA"), { ...fill(6, "lagging", "#FF0000"), lastColumn: 7 }]);
    expect(chunks.map((c) => [c.color, c.address])).toEqual([
      ["#FF0000", "A4:E4,A6:G6"],
      ["#FFAAAA", "A5:E5"],
    ]);
  });

  test("long address lists are cut under the length limit, every row in exactly one chunk", () => {
    // Every other row lagging: no two consecutive, the worst case for areas.
    const fills = Array.from({ length: 5_000 }, (_, i) => fill(4 + 2 * i, "lagging"));
    for (const max of [2_000, 255]) {
      const chunks = ruleChunks(fills, max);
      expect(chunks.length).toBeGreaterThan(1);
      for (const c of chunks) expect(c.address.length).toBeLessThanOrEqual(max);
      const rows = chunks.flatMap((c) => c.address.split(",").map((a) => Number(/^A(\d+):E\1$/.exec(a)![1])));
      expect(rows).toEqual(fills.map((f) => f.row));
    }
    expect(ruleChunks([])).toEqual([]);
  });

  test("10,000 rows: a handful of rules, not one per row; every getRanges address under Excel's limit", async () => {
    const { wb, deps, sheet } = setup(10_000);
    const { marked, doc } = await highlight(deps, WITH_ALL, "zh");
    expect(marked).toBe(doc.rows.filter((r) => r.status !== "on_track").length);
    const ours = sheet.conditionalFormats.filter((c) => isMarkFormula(c.formula));
    expect(ours.length).toBeLessThan(marked / 20);
    const rows = new Set(ours.flatMap((c) => c.boxes.flatMap((b) => Array.from({ length: b.bottom - b.top + 1 }, (_, i) => b.top + i))));
    expect(rows.size).toBe(marked);
    for (const p of wb.payloads) expect(p.request).toBeLessThan(PAYLOAD_LIMIT);
    expect(RANGES_ADDRESS_LIMIT).toBeGreaterThan(2_000);
  });

  test("highlight, highlight again, clear on 10,000 rows: the user's rules of every kind stay exactly as they were", async () => {
    const { wb, deps, sheet } = setup(10_000);
    sheet.conditionalFormats.push(...userRules(10_000));
    const before = JSON.stringify(sheet.conditionalFormats);
    await highlight(deps, WITH_ALL, "zh");
    const again = await highlight(deps, WITH_ALL, "zh");
    expect(again.replaced).toBeGreaterThan(0);
    const ours = sheet.conditionalFormats.filter((c) => isMarkFormula(c.formula)).length;
    const { removed } = await clearMarks(deps);
    expect(removed).toBe(ours);
    // Ids, order, areas, formulas and fills: as they were.
    expect(JSON.stringify(sheet.conditionalFormats)).toBe(before);
    // The unreadable rule costs one retry and one read per custom rule, never a failure.
    for (const p of wb.payloads.filter((p) => !p.refused)) {
      expect(p.request).toBeLessThan(PAYLOAD_LIMIT);
      expect(p.response).toBeLessThan(PAYLOAD_LIMIT);
    }
  });

  test("an unreadable user rule beside Jindu's marks: the marks are still found and cleared", async () => {
    const { wb, deps, sheet } = setup(12);
    await highlight(deps, WITH_ALL, "zh");
    sheet.conditionalFormats.push(...userRules(12));
    const syncsBefore = wb.syncs;
    const { removed } = await clearMarks(deps);
    expect(removed).toBeGreaterThan(0);
    expect(sheet.conditionalFormats.map((c) => c.id)).toEqual(userRules(12).map((c) => c.id));
    // Probe, the failed formula read, one read per custom rule (Jindu's and the user's two), the deletes.
    const customs = removed + 2;
    expect(wb.syncs - syncsBefore).toBe(2 + customs + 1);
  });

  test("rules are deleted by id: another rule going first does not shift which one is deleted", async () => {
    const { deps, sheet } = setup(12);
    await highlight(deps, WITH_ALL, "zh");
    // The user's rules sit between Jindu's: deleting by position would hit them.
    const ours = sheet.conditionalFormats.filter((c) => isMarkFormula(c.formula));
    const mixed: FakeConditionalFormat[] = [];
    const theirs = userRules(12).filter((c) => !c.unreadable);
    ours.forEach((c, i) => mixed.push(c, ...(theirs[i] ? [theirs[i]] : [])));
    sheet.conditionalFormats = [...mixed, ...theirs.slice(ours.length)];
    await clearMarks(deps);
    expect(sheet.conditionalFormats.map((c) => c.id)).toEqual(theirs.map((c) => c.id));
  });
});

describe("标出滞后 / 清除标记", () => {
  test("marks lagging rows across the table's columns with the plan's colours, values untouched", async () => {
    const { deps, sheet } = setup(12);
    const before = sheet.snapshot();
    const { doc } = await highlight(deps, DEFAULT_SETTINGS, "zh");
    const marked = markedRows(sheet);
    const lagging = doc.rows.filter((r) => r.status === "lagging").map((r) => r.row);
    expect([...marked.keys()].sort((a, b) => a - b)).toEqual(lagging);
    for (const c of marked.values()) expect(c).toBe(FIXTURE_COLORS.lagging);
    for (const cf of sheet.conditionalFormats) for (const box of cf.boxes) expect(box).toMatchObject({ left: 1, right: 5 });
    expect(sheet.snapshot()).toBe(before);
  });

  test("by setting, completed and unquantified rows get their own colours", async () => {
    const { deps, sheet } = setup(12);
    const { doc } = await highlight(deps, WITH_ALL, "zh");
    const marked = markedRows(sheet);
    for (const r of doc.rows) {
      if (r.status === "on_track") expect(marked.has(r.row)).toBe(false);
      else expect(marked.get(r.row)).toBe(FIXTURE_COLORS[r.status]);
    }
  });

  test("consecutive rows of one status share one conditional format", async () => {
    const { deps, sheet } = setup(12);
    const { doc } = await highlight(deps, WITH_ALL, "zh");
    expect(sheet.conditionalFormats.length).toBeLessThan(doc.rows.filter((r) => r.status !== "on_track").length);
  });

  test("highlight, highlight again, clear: every original fill and the user's own rule stay as they were", async () => {
    const { wb, deps, sheet } = setup(12);
    sheet.fills.set("4,1", "#00B0F0");
    sheet.fills.set("9,3", "#FFFF00");
    sheet.conditionalFormats.push({ id: "{999}", boxes: [{ top: 4, left: 5, bottom: 15, right: 5 }], type: "Custom", formula: '=LEN(E4)>100', fill: "#FF0000" });
    const before = sheet.snapshot();
    await highlight(deps, WITH_ALL, "zh");
    const first = markedRows(sheet).size;
    const again = await highlight(deps, WITH_ALL, "zh");
    expect(again.replaced).toBeGreaterThan(0);
    expect(markedRows(sheet).size).toBe(first);
    expect(sheet.snapshot()).toBe(before);
    const ours = sheet.conditionalFormats.filter((c) => isMarkFormula(c.formula)).length;
    expect(ours).toBeGreaterThan(0);
    const { removed } = await clearMarks(deps);
    expect(removed).toBe(ours);
    expect(sheet.conditionalFormats.map((c) => c.id)).toEqual(["{999}"]);
    expect(sheet.snapshot()).toBe(before);
    expect(wb.runs).toEqual([3, 3, 3]);
  });

  test("clearing works from the workbook alone, as after saving and reopening", async () => {
    // Marks written by an earlier session: nothing in memory knows of them.
    const { deps, sheet } = setup(6);
    sheet.conditionalFormats.push({ id: "{1}", boxes: [{ top: 4, left: 1, bottom: 5, right: 5 }], type: "Custom", formula: markFormula("lagging"), fill: "#F8CBAD" });
    sheet.conditionalFormats.push({ id: "{2}", boxes: [{ top: 4, left: 1, bottom: 9, right: 5 }], type: "ColorScale", formula: "", fill: null });
    const { removed } = await clearMarks(deps);
    expect(removed).toBe(1);
    expect(sheet.conditionalFormats.map((c) => c.id)).toEqual(["{2}"]);
  });

  test("a protected sheet gives protected_sheet and changes nothing", async () => {
    const { deps, sheet } = setup(6);
    sheet.protected = true;
    await expect(highlight(deps, DEFAULT_SETTINGS, "zh")).rejects.toMatchObject({ code: "protected_sheet", zh: expect.stringContaining("保护") });
    expect(sheet.conditionalFormats).toEqual([]);
  });

  test("clicking a row selects it across the table's columns", async () => {
    const { wb, deps } = setup(6);
    const doc = await analyze(deps, DEFAULT_SETTINGS);
    await selectRow(deps, doc, 7);
    expect(wb.selection).toEqual({ sheet: "Sheet1", address: "7,1:7,5" });
    expect(wb.runs).toEqual([2, 1]);
  });
});

describe("生成汇总表", () => {
  test("writes the summary sheet: titles, per-unit table with totals, chart, lagging list, frozen header, landscape", async () => {
    const { wb, deps } = setup(12);
    const { sheetName, doc } = await summarise(deps, DEFAULT_SETTINGS, "zh");
    expect(sheetName).toBe("进度汇总");
    const s = wb.sheet("进度汇总")!;
    expect(wb.active).toBe("进度汇总");
    expect(s.names.get(SHEET_MARKER)?.comment).toBe("jindu-summary-v1");
    expect(s.get(1, 1)).toBe("2020年1-6月份民生工程项目进展情况");
    expect(String(s.get(2, 1))).toContain("序时进度 50%");
    expect(s.get(4, 1)).toBe("实施单位");
    expect(s.get(5, 1)).toBe("单位1");
    expect(s.get(9, 1)).toBe("合计"); // 4 units, then totals
    expect(s.get(9, 5)).toBe(doc.counts.lagging);
    expect(s.bold.has("9,1")).toBe(true);
    expect(s.tables.map((t) => t.name)).toEqual(["JinduUnits", "JinduLagging"]);
    expect(s.tables[0]!.box).toEqual({ top: 4, left: 1, bottom: 8, right: 9 });
    expect(s.get(11, 1)).toBe("滞后项目清单");
    expect(s.get(12, 6)).toBe("与序时差（个百分点）");
    const gaps = [13, 14, 15, 16].map((r) => s.get(r, 6)).filter((v) => v !== "");
    expect(gaps).toEqual([...gaps].sort((a, b) => Number(a) - Number(b)));
    expect(s.numberFormats.get("13,5")).toBe('0.0"%"');
    expect(s.wrapped.has("13,4")).toBe(true);
    expect(s.frozenRows).toBe(4);
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]).toMatchObject({ type: "BarStacked", title: "各单位项目进展", source: { top: 4, left: 3, bottom: 8, right: 6 } });
    expect(s.charts[0]!.categories).toHaveLength(4);
    expect(s.pageLayout).toMatchObject({ orientation: "Landscape", zoom: { horizontalFitToPages: 1 } });
    // Fit-to-page counts Excel takes: whole pages, never zero.
    const zoom = (s.pageLayout as { zoom: Record<string, unknown> }).zoom;
    for (const v of Object.values(zoom)) expect(Number.isInteger(v) && (v as number) >= 1).toBe(true);
    expect(s.columnWidths.get(9)).toBeGreaterThan(s.columnWidths.get(2)!);
  });

  test("a sheet named 进度汇总 that Jindu did not make survives; re-running replaces only Jindu's", async () => {
    const { wb, deps } = setup(12);
    const mine = wb.addSheet("进度汇总");
    mine.set(1, 1, "我自己的汇总");
    mine.fills.set("1,1", "#FFFF00");
    const before = mine.snapshot();
    const first = await summarise(deps, DEFAULT_SETTINGS, "zh");
    expect(first.sheetName).toBe("进度汇总 (2)");
    wb.active = "Sheet1";
    const second = await summarise(deps, DEFAULT_SETTINGS, "zh");
    expect(second.sheetName).toBe("进度汇总 (2)");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "进度汇总", "进度汇总 (2)"]);
    expect(wb.sheet("进度汇总")!.snapshot()).toBe(before);
    expect(wb.sheet("进度汇总 (2)")!.tables.map((t) => t.name)).toEqual(["JinduUnits", "JinduLagging"]);
  });

  test("the summary sheet carries the command line's mark too: the marker in row 1 of a hidden column", async () => {
    const { wb, deps } = setup(12);
    await summarise(deps, DEFAULT_SETTINGS, "zh");
    const s = wb.sheet("进度汇总")!;
    // Nine columns written, as the command line counts them (widths.length + 2).
    expect(s.get(1, 11)).toBe("jindu-summary-v1");
    expect(s.numberFormats.get("1,11")).toBe("@");
    expect([...s.hiddenColumns]).toEqual([11]);
    expect([...s.values.keys()].filter((k) => k.startsWith("1,"))).toEqual(["1,1", "1,11"]);
    expect(s.charts[0]!.position?.[0]).toBe("L4");
  });

  test("a 进度汇总 the command line made (marker in row 1 of a hidden column, no name) is replaced, not duplicated", async () => {
    const { wb, deps } = setup(12);
    const cli = wb.addSheet("进度汇总");
    cli.set(1, 1, "旧的汇总");
    cli.set(1, 11, JINDU_MARKER);
    cli.hiddenColumns.add(11);
    cli.tables.push({ name: "JinduUnits", box: { top: 4, left: 1, bottom: 8, right: 9 } });
    const { sheetName } = await summarise(deps, DEFAULT_SETTINGS, "zh");
    expect(sheetName).toBe("进度汇总");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "进度汇总"]);
    const s = wb.sheet("进度汇总")!;
    expect(s).not.toBe(cli);
    expect(s.get(1, 1)).toBe("2020年1-6月份民生工程项目进展情况");
    expect(s.names.has(SHEET_MARKER)).toBe(true);
    expect(s.tables.map((t) => t.name)).toEqual(["JinduUnits", "JinduLagging"]);
    expect(wb.runs).toEqual([3]);
  });

  test("a user's 进度汇总 without the marker in row 1 survives untouched, and only its row 1 is read", async () => {
    const base = setup(12);
    await summarise(base.deps, DEFAULT_SETTINGS, "zh");
    const baseline = base.wb.payloads[1]!.response;

    const { wb, deps } = setup(12);
    const mine = wb.addSheet("进度汇总");
    mine.set(1, 1, "我自己的汇总");
    mine.set(1, 11, "备注");
    mine.hiddenColumns.add(11);
    // The marker text below row 1 is not a mark.
    mine.set(2, 11, JINDU_MARKER);
    for (let r = 3; r < 2_000; r++) mine.set(r, 2, "进".repeat(100));
    const before = mine.snapshot();
    const { sheetName } = await summarise(deps, DEFAULT_SETTINGS, "zh");
    expect(sheetName).toBe("进度汇总 (2)");
    expect(wb.sheet("进度汇总")).toBe(mine);
    expect(mine.snapshot()).toBe(before);
    expect([...mine.hiddenColumns]).toEqual([11]);
    expect(wb.runs).toEqual([3]);
    expect(wb.payloads[1]!.response - baseline).toBeLessThan(200);
  });

  test("English summary sheet name", async () => {
    const { deps } = setup(6);
    expect((await summarise(deps, DEFAULT_SETTINGS, "en")).sheetName).toBe("Progress summary");
  });

  test("a protected workbook structure is a typed error", async () => {
    const { wb, deps } = setup(6);
    wb.protected = true;
    await expect(summarise(deps, DEFAULT_SETTINGS, "zh")).rejects.toMatchObject({ code: "workbook_protected" });
    expect(wb.sheets).toHaveLength(1);
  });

  test("the source table is never changed", async () => {
    const { deps, sheet } = setup(30);
    const before = sheet.snapshot();
    await summarise(deps, DEFAULT_SETTINGS, "zh");
    // The summary is active now: the pane names the bulletin it works on.
    await highlight({ ...deps, sheet: sheet.name }, WITH_ALL, "zh");
    expect(sheet.snapshot()).toBe(before);
  });
});

describe("payload splitting", () => {
  test("writes past the budget are cut into batches, each under it", async () => {
    const budget = 64 * 1024;
    const { wb, deps } = setup(2_000, { env: { batchBudget: budget } });
    await summarise(deps, DEFAULT_SETTINGS, "zh");
    const runSyncs = wb.runs[0]!;
    expect(runSyncs).toBeGreaterThan(3);
    const writes = wb.payloads.slice(2);
    for (const p of writes) expect(p.request).toBeLessThan(budget * 1.1);
    const s = wb.sheet("进度汇总")!;
    expect(s.tables.map((t) => t.name)).toEqual(["JinduUnits", "JinduLagging"]);
  });

  test("values come in row blocks sized from the first one's bytes, each response under the budget", async () => {
    const readBudget = 40_000;
    const { wb, deps } = setup(500, { env: { readCells: 1_000, readBudget } });
    const doc = await analyze(deps, DEFAULT_SETTINGS);
    expect(doc.rows).toHaveLength(500);
    expect(doc.rows.map((r) => r.row)).toEqual(Array.from({ length: 500 }, (_, i) => i + 4));
    // After the probe and the first block (a fixed 1,000 cells), every block is sized to the budget.
    const sized = wb.payloads.slice(2);
    expect(sized.length).toBeGreaterThan(1);
    for (const p of sized) expect(p.response).toBeLessThan(readBudget);
  });

  test("long cells: the blocks shrink and every response stays under 5 MB (nothing refused)", async () => {
    const { wb, deps, sheet } = setup(3);
    const big = "进".repeat(30_000);
    for (let r = 4; r < 200; r++) sheet.set(r, 5, big);
    const doc = await analyze(deps, DEFAULT_SETTINGS);
    expect(doc.rows.length).toBeGreaterThan(100);
    // The first block, 20,000 cells, is refused once; every block after it is answered.
    expect(wb.payloads.filter((p) => p.refused)).toHaveLength(1);
    for (const p of wb.payloads.filter((p) => !p.refused)) expect(p.response).toBeLessThan(PAYLOAD_LIMIT);
  });

  test("a first block over the limit is read again in smaller blocks; the rule formulas are still read", async () => {
    const { wb, deps, sheet } = setup(3);
    const big = "进".repeat(32_000);
    for (let r = 4; r < 80; r++) for (let c = 3; c <= 5; c++) sheet.set(r, c, big);
    await highlight(deps, DEFAULT_SETTINGS, "zh");
    const ours = sheet.conditionalFormats.length;
    const before = wb.payloads.length;
    const { removed } = await clearMarks(deps);
    expect(removed).toBe(ours);
    expect(sheet.conditionalFormats).toEqual([]);
    expect(wb.payloads.slice(before).filter((p) => !p.refused).every((p) => p.response < PAYLOAD_LIMIT)).toBe(true);
  });

  test("a single row over the limit is sheet_too_large, a clear refusal", async () => {
    const { deps, sheet } = setup(3);
    const big = "进".repeat(32_000);
    for (let c = 1; c <= 60; c++) sheet.set(5, c, big);
    await expect(analyze(deps, DEFAULT_SETTINGS)).rejects.toMatchObject({ code: "sheet_too_large" });
  });
});
