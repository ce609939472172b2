import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { AnalyzedRow, Field } from "../../core/types";
import { segments, spansFor, type MarkKind } from "../evidence";

const useStyles = makeStyles({
  text: { whiteSpace: "pre-wrap", wordBreak: "break-word", lineHeight: tokens.lineHeightBase300 },
  mark: { borderRadius: tokens.borderRadiusSmall, paddingInline: "1px", color: tokens.colorNeutralForeground1 },
  // Colours for the eye, and a line of its own for each kind: under forced colours (Windows
  // high contrast) backgrounds are dropped and only the lines tell the four apart.
  target: {
    backgroundColor: tokens.colorPaletteBlueBackground2,
    "@media (forced-colors: active)": { outline: "1px dashed CanvasText" },
  },
  actual: {
    backgroundColor: tokens.colorPaletteGreenBackground2,
    "@media (forced-colors: active)": { outline: "1px solid CanvasText" },
  },
  stated: {
    backgroundColor: tokens.colorPaletteMarigoldBackground2,
    fontWeight: tokens.fontWeightSemibold,
    "@media (forced-colors: active)": { textDecorationLine: "underline", textDecorationStyle: "double" },
  },
  cue: { backgroundColor: tokens.colorNeutralBackground5, textDecorationLine: "underline", textDecorationStyle: "dotted" },
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
});

const LEGEND_ORDER: MarkKind[] = ["target", "actual", "stated", "cue"];

/** What the marks in the cell texts mean. */
export function EvidenceLegend({ labels }: { labels: Record<MarkKind, string> }) {
  const s = useStyles();
  const kinds: Record<MarkKind, string> = { target: s.target, actual: s.actual, stated: s.stated, cue: s.cue };
  return (
    <div className={s.legend} data-testid="legend">
      {LEGEND_ORDER.map((k) => (
        <span key={k}>
          <mark className={mergeClasses(s.mark, kinds[k])} data-kind={k}>
            {labels[k]}
          </mark>
        </span>
      ))}
    </div>
  );
}

export interface EvidenceTextProps {
  row: AnalyzedRow;
  field: Field;
  text: string;
}

/** A cell's text with the figures and words the reading used marked. */
export function EvidenceText({ row, field, text }: EvidenceTextProps) {
  const s = useStyles();
  const kinds: Record<MarkKind, string> = { target: s.target, actual: s.actual, stated: s.stated, cue: s.cue };
  return (
    <span className={s.text}>
      {segments(text, spansFor(row, field)).map((seg, i) =>
        seg.kind ? (
          <mark key={i} className={mergeClasses(s.mark, kinds[seg.kind])} data-kind={seg.kind}>
            {seg.text}
          </mark>
        ) : (
          <span key={i}>{seg.text}</span>
        ),
      )}
    </span>
  );
}
