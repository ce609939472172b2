// A new workbook holding a grid read from text, so a pasted bulletin gets the same annotated
// output as a workbook. Rows keep their numbers (a text row is its line number).
import ExcelJS from "exceljs";
import type { Grid } from "../core/types";
import { displayWidth } from "../core/plan";

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
export function safeSheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").slice(0, 31);
  if (clean.trim() === "") return "Sheet1";
  // Excel reserves "History" (the change history of a shared workbook).
  return clean.toLowerCase() === "history" ? `${clean}_` : clean;
}

export function workbookFromGrid(grid: Grid): { workbook: ExcelJS.Workbook; worksheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(safeSheetName(grid.sheet));
  const widths: number[] = [];
  grid.values.forEach((line, i) => {
    // Lines with one cell (title, intro paragraph) do not decide column widths.
    const counts = line.filter((v) => v !== null).length > 1;
    line.forEach((v, j) => {
      if (v === null) return;
      const cell = worksheet.getCell(grid.top + i, grid.left + j);
      // Excel holds 32,767 characters in a cell.
      cell.value = typeof v === "object" ? v.error : typeof v === "string" && v.length > 32767 ? v.slice(0, 32767) : v;
      if (counts) widths[j] = Math.max(widths[j] ?? 0, displayWidth(String(cell.value)));
    });
  });
  widths.forEach((w, j) => {
    const width = Math.min(50, Math.max(6, w + 2));
    const col = worksheet.getColumn(grid.left + j);
    col.width = width;
    if (w + 2 > 50) col.alignment = { wrapText: true, vertical: "top" };
  });
  return { workbook, worksheet };
}
