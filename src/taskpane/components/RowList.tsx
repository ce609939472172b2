import { memo, useState } from "react";
import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import type { AnalyzedRow, AnalysisDocument } from "../../core/types";
import type { Lang } from "../../core/plan/types";
import { noteText } from "../../core/notes";
import { formatPercent, type Strings } from "../i18n";
import { heldToSchedule, PAGE_SIZE, rowExpected, rowFigure } from "../model";
import { EvidenceText } from "./EvidenceText";

const useStyles = makeStyles({
  header: { display: "inline-flex", flexDirection: "column", alignItems: "start", textAlign: "start", gap: tokens.spacingVerticalXXS, verticalAlign: "top" },
  // A native disclosure: light on a long list, keyboard and screen readers handled by the browser.
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  summary: {
    cursor: "pointer",
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    // An underline, not a background, on hover: the red figures keep their contrast in both themes.
    ":hover": { textDecorationLine: "underline" },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  unitHeading: {
    margin: 0,
    marginTop: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  figure: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  // A figure and its unit never part across lines ("差 21.7 个百分点").
  nowrap: { whiteSpace: "nowrap" },
  figures: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  reason: { color: tokens.colorNeutralForeground2 },
  more: { alignSelf: "start" },
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


/** Units in the order of their first row in `rows` (most behind first, for the lagging list). */
function byUnit(rows: AnalyzedRow[]): [string, AnalyzedRow[]][] {
  const groups = new Map<string, AnalyzedRow[]>();
  for (const r of rows) {
    const unit = r.unit.trim();
    const list = groups.get(unit) ?? [];
    list.push(r);
    groups.set(unit, list);
  }
  return [...groups];
}

/** Why a row without a figure is where it is, in one line: its bulletin words, else its first note. */
function reasonOf(r: AnalyzedRow, lang: Lang): string {
  const cue = r.cues.find((c) => c.kind === "behind" || c.kind === "not_started" || c.kind === "preparing");
  if (cue) return `“${cue.text}”`;
  return r.notes[0] ? noteText(r.notes[0], lang) : "";
}

function RowListView({ t, lang, doc, rows, empty, showGap, onSelect }: RowListProps) {
  const s = useStyles();
  const [shown, setShown] = useState(PAGE_SIZE);
  if (rows.length === 0) return <Text className={s.empty}>{empty}</Text>;
  const visible = rows.slice(0, shown);
  return (
    <>
      {byUnit(visible).map(([unit, group]) => (
        <section key={unit} data-unit={unit}>
          <h4 className={s.unitHeading}>{unit || t.noUnit}</h4>
          {group.map((r) => (
            <Item key={r.row} t={t} lang={lang} doc={doc} r={r} showGap={showGap} onSelect={onSelect} />
          ))}
        </section>
      ))}
      {rows.length > shown && (
        <Button className={s.more} size="small" appearance="secondary" data-testid="show-more" onClick={() => setShown((n) => n + PAGE_SIZE)}>
          {t.showMore(rows.length - shown)}
        </Button>
      )}
    </>
  );
}

interface ItemProps {
  t: Strings;
  lang: Lang;
  doc: AnalysisDocument;
  r: AnalyzedRow;
  showGap: boolean;
  onSelect: (row: number) => void;
}

function Item({ t, lang, doc, r, showGap, onSelect }: ItemProps) {
  const s = useStyles();
  const figure = rowFigure(r);
  // The text and evidence are drawn only once opened: a closed row costs one line of DOM.
  const [open, setOpen] = useState(false);
  return (
    <details
      className={s.item}
      data-row={r.row}
      onToggle={(e) => {
        const now = (e.currentTarget as HTMLDetailsElement).open;
        setOpen(now);
        if (now) onSelect(r.row);
      }}
    >
      <summary className={s.summary}>
        <span className={s.header}>
          <Text weight="semibold">{r.project || `#${r.row}`}</Text>
          {showGap &&
            (figure === null ? (
              <Text size={200} className={s.reason} data-testid="reason">
                {reasonOf(r, lang)}
              </Text>
            ) : (
              <Text size={200} className={s.figures}>
                <span className={mergeClasses(s.figure, s.nowrap)}>
                  {(heldToSchedule(r, doc) ? t.vsExpected : t.vsTarget)(formatPercent(figure, lang), formatPercent(rowExpected(r, doc), lang))}
                </span>
                {r.gap !== null && <span className={s.nowrap}>{t.gap(Math.abs(r.gap).toFixed(1))}</span>}
              </Text>
            ))}
        </span>
      </summary>
      {open && (
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
                      {ind.subject ? `${ind.subject}${lang === "zh" ? "：" : ": "}` : ""}
                      {ind.evidence}
                      {ind.completion !== null && <span className={s.nowrap}>{` → ${formatPercent(ind.completion, lang)}`}</span>}
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
      )}
    </details>
  );
}

/** Re-rendered only when its own inputs change (a setting change does not redraw the lists). */
export const RowList = memo(RowListView);
