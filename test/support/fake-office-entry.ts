// Browser entry of the fake: reads its configuration from `window.__JINDU_FAKE_CONFIG__`
// (set by the test before the page loads) and exposes the workbook as `window.__jinduFake`.
import { installFakeOffice, type FakeOfficeConfig } from "./fake-office";

const w = window as unknown as Record<string, unknown>;
const config = w.__JINDU_FAKE_CONFIG__ as FakeOfficeConfig | undefined;
if (config) {
  const fake = installFakeOffice(w, config);
  w.__jinduFake = {
    ...fake,
    /** Rows shown with Jindu's marks on the active table sheet, with their colours. */
    marks: (sheet: string) =>
      (fake.workbook.sheet(sheet)?.conditionalFormats ?? []).flatMap((cf) =>
        cf.boxes.flatMap((box) => Array.from({ length: box.bottom - box.top + 1 }, (_, i) => ({ row: box.top + i, color: cf.fill, formula: cf.formula }))),
      ),
    snapshot: (sheet: string) => fake.workbook.sheet(sheet)?.snapshot() ?? null,
    sheetNames: () => fake.workbook.sheets.map((s) => s.name),
    selection: () => fake.workbook.selection,
    activate: (sheet: string) => fake.workbook.userActivate(sheet),
    edit: (sheet: string, row: number, col: number, value: string) => fake.workbook.userEdit(sheet, row, col, value),
    failNext: (code: string, message: string) => void (fake.workbook.failNext = { code, message }),
    protect: (sheet: string, on: boolean) => void (fake.workbook.sheet(sheet)!.protected = on),
    protectWorkbook: (on: boolean) => void (fake.workbook.protected = on),
    rename: (from: string, to: string) => fake.workbook.userRename(from, to),
    deleteSheet: (name: string) => void (fake.workbook.sheets = fake.workbook.sheets.filter((s) => s.name !== name)),
  };
}
