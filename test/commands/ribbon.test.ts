// The ribbon's buttons on the sheet the user is looking at: on Jindu's own summary they work on
// the bulletin it came from, as the pane does; on a sheet of the user's they work on that sheet.
import { DEFAULT_SETTINGS } from "../../src/app/addin";
import { createHandlers } from "../../src/commands/handlers";
import { isMarkFormula } from "../../src/core/plan";
import { createExcelPort } from "../../src/excel/workbook";
import type { PaneError } from "../../src/taskpane/messages";
import { FakeWorkbook } from "../support/fake-excel";
import { engine } from "../../src/app/engine";
import type { Engine } from "../../src/app/addin";
import { bulletinGrid, fixtureEngine } from "../support/addin-fixtures";

function ribbon(wb: FakeWorkbook, reader: Engine = fixtureEngine) {
  const port = createExcelPort({ run: wb.run, isSetSupported: (n, v) => wb.isSetSupported(n, v) });
  const shown: PaneError[] = [];
  const store = { load: () => DEFAULT_SETTINGS, save: async () => undefined, refresh: async () => undefined };
  const handlers = createHandlers({
    deps: () => ({ port, engine: reader }),
    settings: () => store,
    lang: () => "zh",
    report: () => undefined,
    notify: (m) => void shown.push(m),
  });
  let completed = 0;
  const click = (name: keyof typeof handlers) => handlers[name]({ completed: () => void completed++ });
  return { click, shown, completed: () => completed };
}

const marks = (wb: FakeWorkbook, sheet: string) => wb.sheet(sheet)!.conditionalFormats.filter((cf) => isMarkFormula(cf.formula)).length;

describe("ribbon buttons on Jindu's summary sheet", () => {
  test("标出滞后 → 生成汇总表 (the summary is now active) → 清除标记 clears the bulletin's marks", async () => {
    const wb = FakeWorkbook.fromGrid(bulletinGrid(12, "通报"));
    const { click, shown, completed } = ribbon(wb);
    await click("markLagging");
    expect(marks(wb, "通报")).toBeGreaterThan(0);
    await click("writeSummary");
    expect(wb.active).toBe("进度汇总");
    await click("clearMarks");
    expect(shown).toEqual([]);
    expect(marks(wb, "通报")).toBe(0);
    expect(completed()).toBe(3);
  });

  test("生成汇总表 again from the summary replaces it rather than summarising the summary", async () => {
    const wb = FakeWorkbook.fromGrid(bulletinGrid(12, "通报"));
    const { click, shown } = ribbon(wb);
    await click("writeSummary");
    await click("writeSummary");
    expect(shown).toEqual([]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["通报", "进度汇总"]);
  });

  test("on a sheet of the user's that is not a bulletin, the message is shown and nothing else is read", async () => {
    const wb = FakeWorkbook.fromGrid(bulletinGrid(12, "通报"));
    wb.addSheet("备忘").set(1, 1, "下周开会");
    wb.active = "备忘";
    const { click, shown, completed } = ribbon(wb, engine);
    await click("markLagging");
    expect(shown).toHaveLength(1);
    expect(shown[0]!.code).toBe("no_header");
    expect(marks(wb, "通报")).toBe(0);
    expect(completed()).toBe(1);
  });

  test("a summary whose bulletin is gone says so (it is Jindu's sheet), and completes", async () => {
    const wb = FakeWorkbook.fromGrid(bulletinGrid(12, "通报"));
    const { click, shown, completed } = ribbon(wb);
    await click("writeSummary");
    wb.sheets = wb.sheets.filter((s) => s.name !== "通报");
    wb.active = "进度汇总";
    await click("markLagging");
    expect(shown).toHaveLength(1);
    expect(completed()).toBe(2);
  });
});
