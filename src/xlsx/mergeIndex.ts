// ExcelJS 4.4 checks each new merge against every merge already on the sheet, which is
// quadratic: a 10,000-row bulletin with thousands of merged 序号/实施单位 cells spent seconds
// just loading. This swaps that scan for a look at the new range's own cells (a cell in an
// existing merge is `isMerged`), which finds the same overlaps; the merging itself is ExcelJS's.
import ExcelJS from "exceljs";

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface WorksheetInternals {
  _merges: Record<string, MergeRange>;
  _mergeCellsInternal(dimensions: MergeRange, ignoreStyle?: boolean): void;
  getCell(row: number, col: number): ExcelJS.Cell;
}

let installed = false;

export function installFastMerges(): void {
  if (installed) return;
  installed = true;
  const probe = new ExcelJS.Workbook().addWorksheet("probe");
  const proto = Object.getPrototypeOf(probe) as Partial<WorksheetInternals>;
  const original = proto._mergeCellsInternal;
  // Only where the internals look as expected; otherwise ExcelJS's own check stays.
  if (typeof original !== "function" || typeof (probe as unknown as Partial<WorksheetInternals>)._merges !== "object") return;
  proto._mergeCellsInternal = function (this: WorksheetInternals, dimensions: MergeRange, ignoreStyle?: boolean): void {
    for (let r = dimensions.top; r <= dimensions.bottom; r++) {
      for (let c = dimensions.left; c <= dimensions.right; c++) {
        if (this.getCell(r, c).isMerged) throw new Error("Cannot merge already merged cells");
      }
    }
    const merges = this._merges;
    this._merges = {};
    try {
      original.call(this, dimensions, ignoreStyle);
    } finally {
      const added = this._merges;
      this._merges = merges;
      Object.assign(merges, added);
    }
  };
}
