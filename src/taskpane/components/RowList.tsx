import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  Text,
  tokens,
  type AccordionToggleEventHandler,
} from "@fluentui/react-components";
import type { AnalyzedRow, AnalysisDocument } from "../../core/types";
import type { Lang } from "../../core/plan/types";
import { noteText } from "../../core/notes";
import { formatPercent, type Strings } from "../i18n";
import { heldToSchedule, rowExpected, rowFigure } from "../model";
import { EvidenceText } from "./EvidenceText";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column", alignItems: "start", textAlign: "start", gap: tokens.spacingVerticalXXS },
  unit: { color: tokens.colorNeutralForeground3 },
  figure: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  label: { color: tokens.colorNeutralForeground3, display: "block" },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  empty: { color: tokens.colorNeutralForeground3 },
});

export interface RowListProps {
  t: Strings;
  lang: Lang;
  doc: AnalysisDocument;
  rows: AnalyzedRow[];
  empty: string;
  /** Show completion against 序时 and the gap (lagging rows). */
  showGap: boolean;
  onSelect: (row: number) => void;
}

export function RowList({ t, lang, doc, rows, empty, showGap, onSelect }: RowListProps) {
  const s = useStyles();
  if (rows.length === 0) return <Text className={s.empty}>{empty}</Text>;
  const onToggle: AccordionToggleEventHandler<number> = (_, data) => {
    if (data.openItems.includes(data.value)) onSelect(data.value);
  };
  return (
    <Accordion multiple collapsible onToggle={onToggle}>
      {rows.map((r) => (
        <AccordionItem key={r.row} value={r.row} data-row={r.row}>
          <AccordionHeader size="small">
            <span className={s.header}>
              <Text size={200} className={s.unit}>
                {r.unit || "—"}
              </Text>
              <Text weight="semibold">{r.project || `#${r.row}`}</Text>
              {showGap && (
                <Text size={200}>
                  <span className={s.figure}>
                    {(heldToSchedule(r, doc) ? t.vsExpected : t.vsTarget)(formatPercent(rowFigure(r), lang), formatPercent(rowExpected(r, doc), lang))}
                  </span>
                  {r.gap !== null && ` · ${t.gap(Math.abs(r.gap).toFixed(1))}`}
                </Text>
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <div className={s.panel}>
              <div>
                <Text size={200} className={s.label}>
                  {t.target}
                </Text>
                <EvidenceText row={r} field={r.target === r.project ? "project" : "target"} text={r.target} />
              </div>
              <div>
                <Text size={200} className={s.label}>
                  {t.progress}
                </Text>
                <EvidenceText row={r} field="progress" text={r.progress} />
              </div>
              {r.previous && (
                <div>
                  <Text size={200} className={s.label}>
                    {t.previous(r.previous.label)}
                  </Text>
                  <Text size={200}>{r.previous.text}</Text>
                </div>
              )}
              {r.indicators.length > 0 && (
                <div>
                  <Text size={200} className={s.label}>
                    {t.evidence}
                  </Text>
                  <ul className={s.list}>
                    {r.indicators.map((ind, i) => (
                      <li key={i}>
                        <Text size={200}>
                          {ind.subject ? `${ind.subject}：` : ""}
                          {ind.evidence}
                          {ind.completion !== null && ` → ${formatPercent(ind.completion, lang)}`}
                        </Text>
                      </li>
                    ))}
                  </ul>
                </div>
              )}
              {r.notes.length > 0 && (
                <div>
                  <Text size={200} className={s.label}>
                    {t.notes}
                  </Text>
                  <Text size={200}>{r.notes.map((n) => noteText(n, lang)).join(lang === "zh" ? "；" : "; ")}</Text>
                </div>
              )}
              <Button size="small" appearance="subtle" onClick={() => onSelect(r.row)}>
                {t.selectInSheet}
              </Button>
            </div>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
