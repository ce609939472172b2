import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo } from "react";
import type { PlanValue, TableBlock } from "../../core/plan/types";

// A native table: it prints as a table (A4 landscape, the width of the page) and, on a narrow
// screen, turns into one card per unit so the page never scrolls sideways.
const useStyles = makeStyles({
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    "@media (max-width: 640px)": { display: "block" },
  },
  head: { "@media (max-width: 640px)": { display: "none" } },
  body: { "@media (max-width: 640px)": { display: "block" } },
  row: {
    "@media (max-width: 640px)": {
      display: "block",
      padding: `${tokens.spacingVerticalXS} 0`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
  },
  th: {
    textAlign: "start",
    verticalAlign: "bottom",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: "top",
    overflowWrap: "anywhere",
    "@media (max-width: 640px)": {
      display: "flex",
      gap: tokens.spacingHorizontalS,
      border: "none",
      padding: `1px 0`,
      "::before": { content: "attr(data-label)", flex: "0 0 7em", color: tokens.colorNeutralForeground3 },
    },
  },
  number: { textAlign: "end", whiteSpace: "nowrap", "@media (max-width: 640px)": { textAlign: "start" } },
  // Unit names break between words, not inside a short name.
  unit: { minWidth: "7em", "@media (max-width: 640px)": { minWidth: 0 } },
  totals: { fontWeight: tokens.fontWeightSemibold },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
});

function text(v: PlanValue | undefined, format: string | null | undefined): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "number") return format?.includes("%") ? `${v.toFixed(1)}%` : String(v);
  return v;
}

export interface UnitTableProps {
  block: TableBlock;
  /** The unit highlighted (a row of the lists was opened). */
  selected?: string | null;
}

function UnitTableView({ block, selected }: UnitTableProps) {
  const s = useStyles();
  const numeric = (c: number) => block.numberFormats[c] !== "@" && block.rows.some((r) => typeof r[c] === "number");
  const row = (r: PlanValue[], key: string, totals: boolean) => (
    <tr key={key} className={mergeClasses(s.row, totals && s.totals, !totals && selected != null && r[0] === selected && s.selected)} data-unit={totals ? undefined : String(r[0] ?? "")}>
      {block.header.map((h, c) => (
        <td key={c} data-label={h} className={mergeClasses(s.cell, numeric(c) && s.number, c === 0 && s.unit)}>
          {text(r[c], block.numberFormats[c])}
        </td>
      ))}
    </tr>
  );
  return (
    <table className={s.table} data-testid="unit-table">
      <thead className={s.head}>
        <tr>
          {block.header.map((h, c) => (
            <th key={c} scope="col" className={mergeClasses(s.th, numeric(c) && s.number)}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className={s.body}>
        {block.rows.map((r, i) => row(r, String(i), false))}
        {block.totals && row(block.totals, "totals", true)}
      </tbody>
    </table>
  );
}

export const UnitTable = memo(UnitTableView);
