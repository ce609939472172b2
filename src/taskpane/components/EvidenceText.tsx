import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { AnalyzedRow, Field } from "../../core/types";
import { segments, spansFor, type MarkKind } from "../evidence";

const useStyles = makeStyles({
  text: { whiteSpace: "pre-wrap", wordBreak: "break-word", lineHeight: tokens.lineHeightBase300 },
  mark: { borderRadius: tokens.borderRadiusSmall, paddingInline: "1px", color: tokens.colorNeutralForeground1 },
  target: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  actual: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  stated: { backgroundColor: tokens.colorPaletteMarigoldBackground2, fontWeight: tokens.fontWeightSemibold },
  cue: { backgroundColor: tokens.colorNeutralBackground5, textDecorationLine: "underline" },
});

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
