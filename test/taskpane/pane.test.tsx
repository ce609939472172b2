import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { isDark, paneTheme } from "../../src/taskpane/theme";
import { readFileSync } from "fs";
import { join } from "path";
import { DEFAULT_SETTINGS } from "../../src/app/addin";
import { analyzeGrid } from "../../src/core/analyze";
import type { AnalyzedRow } from "../../src/core/types";
import { readTextGrid } from "../../src/text/readText";
import { pickLang } from "../../src/excel/office";
import { parseSettings, memorySettingsStore } from "../../src/excel/settings";
import { segments, spansFor } from "../../src/taskpane/evidence";
import { heldToSchedule, laggingRows, PAGE_SIZE, rowExpected, rowFigure, unquantifiedRows } from "../../src/taskpane/model";
import { STRINGS } from "../../src/taskpane/i18n";
import { NOTE_CODES, noteText } from "../../src/core/notes";
import { App } from "../../src/taskpane/components/App";
import { Results } from "../../src/taskpane/components/Results";
import type { PaneServices } from "../../src/taskpane/services";

const grid = readTextGrid(readFileSync(join(__dirname, "../fixtures/bulletin-2020-h1.txt"), "utf8"), "bulletin-2020-h1.txt");
const doc = analyzeGrid(grid, {});

describe("evidence marking", () => {
  test.each([
    ["no spans", "完工率71.6%", [], [{ text: "完工率71.6%" }]],
    ["one span", "完工率71.6%", [{ start: 3, end: 8, kind: "stated" as const }], [{ text: "完工率" }, { text: "71.6%", kind: "stated" }]],
    [
      "overlap keeps the first, clamps to the text",
      "201.2公里",
      [
        { start: 0, end: 7, kind: "actual" as const },
        { start: 3, end: 99, kind: "target" as const },
      ],
      [{ text: "201.2公里", kind: "actual" }],
    ],
    ["empty span dropped", "abc", [{ start: 1, end: 1, kind: "cue" as const }], [{ text: "abc" }]],
  ])("%s", (_, text, spans, expected) => {
    expect(segments(text, spans)).toEqual(expected);
  });

  test("the seed's marks join back to the cell text, and point at the figures used", () => {
    for (const r of doc.rows) {
      for (const [field, text] of [["target", r.target], ["progress", r.progress]] as const) {
        const segs = segments(text, spansFor(r, field));
        expect(segs.map((s) => s.text).join("")).toBe(text);
      }
    }
    const withActual = doc.rows.find((r) => r.indicators.some((i) => i.actual?.field === "progress"))!;
    const ind = withActual.indicators.find((i) => i.actual?.field === "progress")!;
    const marked = segments(withActual.progress, spansFor(withActual, "progress")).filter((s) => s.kind);
    expect(marked.map((s) => s.text)).toContain(withActual.progress.slice(ind.actual!.start, ind.actual!.end));
  });
});

describe("results model", () => {
  test("lagging rows sorted by gap, most behind first", () => {
    const rows = laggingRows(doc);
    expect(rows).toHaveLength(doc.counts.lagging);
    const gaps = rows.map((r) => r.gap).filter((g): g is number => g !== null);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
    expect(unquantifiedRows(doc)).toHaveLength(doc.counts.unquantified);
  });

  test("a row is shown by the indicator that decides it, against what that one is held to", () => {
    // Lowest completion 78.1% (a quantity, fine against 序时 50%), but a rate at 98.8% of its 85% target.
    const rateRow = { completion: 78.1, gap: -1.2, basis: { completion: 98.8, expected: 100 } } as AnalyzedRow;
    expect(rowFigure(rateRow)).toBe(98.8);
    expect(rowExpected(rateRow, doc)).toBe(100);
    expect(heldToSchedule(rateRow, doc)).toBe(false);
    const qtyRow = { completion: 30, gap: -20, basis: { completion: 30, expected: doc.expectedProgress } } as AnalyzedRow;
    expect(rowFigure(qtyRow)).toBe(30);
    expect(rowExpected(qtyRow, doc)).toBe(doc.expectedProgress);
    expect(heldToSchedule(qtyRow, doc)).toBe(true);
    const none = { completion: null, gap: null, basis: null } as AnalyzedRow;
    expect(rowExpected(none, doc)).toBe(doc.expectedProgress);
    expect(rowFigure(none)).toBeNull();
  });
});

describe("language and settings", () => {
  test.each([
    ["zh-CN", undefined, "zh"],
    ["zh-TW", undefined, "zh"],
    ["en-US", undefined, "en"],
    ["en-GB", "zh-CN", "en"],
    [undefined, "en-US", "en"],
    [undefined, undefined, "zh"],
    ["", "fr-FR", "zh"],
  ])("displayLanguage %s, browser %s → %s", (display, browser, lang) => {
    expect(pickLang(display, browser)).toBe(lang);
  });

  test("settings read back from the workbook, odd values falling back to defaults", () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ expectedProgress: 75, thresholds: { mode: "bands", yellow: 5, red: 15 }, highlight: { completed: true } })).toEqual({
      expectedProgress: 75,
      thresholds: { mode: "bands", yellow: 5, red: 15 },
      highlight: { completed: true, unquantified: false, onTrack: false },
    });
    expect(parseSettings({ expectedProgress: 250, thresholds: { mode: "bands" } })).toEqual(DEFAULT_SETTINGS);
  });

  test("every Chinese string has an English one", () => {
    const keys = (o: object): string[] => Object.keys(o).sort();
    expect(keys(STRINGS.en)).toEqual(keys(STRINGS.zh));
    expect(STRINGS.zh.mark).toBe("标出滞后");
  });
});

describe("rendering (server-side, no Office)", () => {
  const services: PaneServices = {
    lang: "zh",
    loadSettings: () => memorySettingsStore().load(),
    saveSettings: async () => undefined,
    analyze: async () => doc,
    highlight: async () => ({ doc, marked: 0, replaced: 0 }),
    clear: async () => ({ removed: 0, sheet: doc.sheet }),
    summarise: async () => ({ doc, sheetName: "进度汇总" }),
    select: async () => undefined,
    active: async () => ({ sheet: doc.sheet, jindu: false }),
    watch: async () => undefined,
  };

  test("the pane renders its four buttons in Chinese, without touching Excel", () => {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <App services={services} />
      </FluentProvider>,
    );
    for (const label of ["分析", "标出滞后", "清除标记", "生成汇总表", "序时进度"]) expect(html).toContain(label);
    expect(new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])).size).toBe([...html.matchAll(/\sid="/g)].length);
  });

  test("the pane's sources use theme tokens, no literal colours", () => {
    const dir = join(__dirname, "../../src/taskpane");
    const files = ["components/App.tsx", "components/ActionBar.tsx", "components/PeriodPanel.tsx", "components/SettingsPanel.tsx", "components/Results.tsx", "components/RowList.tsx", "components/EvidenceText.tsx"];
    for (const f of files) {
      const src = readFileSync(join(dir, f), "utf8");
      expect(src).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i);
      expect(src.match(/makeStyles\(/g) ?? []).toHaveLength(1);
    }
  });

  test("results show a badge per status and every lagging project", () => {
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <Results t={STRINGS.en} lang="en" doc={doc} onSelect={() => undefined} />
      </FluentProvider>,
    );
    expect(html).toContain(`data-count="${doc.counts.lagging}"`);
    // The first page of the lagging list, under unit headings; the rest behind "Show more".
    const lagging = laggingRows(doc);
    const [shown, later] = [lagging.slice(0, PAGE_SIZE), lagging.slice(PAGE_SIZE)];
    for (const r of shown) expect(html).toContain(`data-row="${r.row}"`);
    for (const r of shown) expect(html).toContain(`data-unit="${r.unit.trim()}"`);
    for (const r of later) if (r.status === "lagging" && !unquantifiedRows(doc).some((u) => u.row === r.row)) expect(html).not.toContain(`data-row="${r.row}"`);
    if (later.length > 0) expect(html).toContain(`Show ${Math.min(later.length, PAGE_SIZE)} more (${later.length} left)`);
    expect(html).toContain("Lagging");
    // Figures and their units never part across lines.
    expect(html).toMatch(/points behind<\/span>/);
  });
});

describe("row notes in the display language", () => {
  test("every note code reads in both languages; English has no Chinese but the bulletin's own words", () => {
    for (const code of NOTE_CODES) {
      const quoted = "滞后于计划";
      const note = { code, text: quoted, points: 12.345, count: 400 };
      expect(noteText(note, "zh")).toMatch(/[\u4e00-\u9fff]/);
      expect(noteText(note, "en").split(quoted).join("")).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(noteText({ code: "behind_by", points: 12.345 }, "en")).toContain("12.3 points");
  });

  test("the seed's notes render in English with no Chinese of Jindu's own", () => {
    for (const r of doc.rows) {
      for (const n of r.notes) {
        const en = noteText(n, "en");
        expect(en.split(n.text ?? "\u0000").join("")).not.toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});

describe("theme", () => {
  test.each([
    ["#262626", false, true],
    ["#1f1f1f", false, true],
    ["#000000", false, true],
    ["#ffffff", true, false],
    ["#f3f3f3", true, false],
    [undefined, true, true],
    [undefined, false, false],
    ["not a colour", true, true],
  ])("Office background %s (system dark: %s) → dark: %s", (bg, prefersDark, dark) => {
    expect(isDark(bg, prefersDark)).toBe(dark);
    expect(paneTheme(bg, prefersDark)).toBe(dark ? webDarkTheme : webLightTheme);
  });
});
