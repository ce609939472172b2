import { memo } from "react";
import { Badge, makeStyles, Subtitle2, tokens, type BadgeProps } from "@fluentui/react-components";
import type { AnalysisDocument, RowStatus } from "../../core/types";
import type { Lang } from "../../core/plan/types";
import type { Strings } from "../i18n";
import { laggingRows, unquantifiedRows } from "../model";
import { RowList } from "./RowList";
import { EvidenceLegend } from "./EvidenceText";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
});

const STATUS_ORDER: RowStatus[] = ["lagging", "on_track", "completed", "unquantified"];
const BADGE_COLOR: Record<RowStatus, BadgeProps["color"]> = {
  lagging: "danger",
  on_track: "brand",
  completed: "success",
  unquantified: "informative",
};

export interface ResultsProps {
  t: Strings;
  lang: Lang;
  doc: AnalysisDocument;
  onSelect: (row: number) => void;
}

function ResultsView({ t, lang, doc, onSelect }: ResultsProps) {
  const s = useStyles();
  return (
    <div className={s.section}>
      <Subtitle2 as="h2">{t.results}</Subtitle2>
      <div className={s.badges} data-testid="counts">
        {STATUS_ORDER.map((status) => (
          <Badge key={status} appearance="tint" color={BADGE_COLOR[status]} size="large" data-testid={`count-${status}`} data-count={doc.counts[status]}>
            {t.status[status]} {doc.counts[status]}
          </Badge>
        ))}
      </div>
      <EvidenceLegend labels={t.legend} />
      <Subtitle2 as="h3">{t.lagging}</Subtitle2>
      <div data-testid="lagging-list">
        <RowList t={t} lang={lang} doc={doc} rows={laggingRows(doc)} empty={t.noLagging} showGap onSelect={onSelect} />
      </div>
      <Subtitle2 as="h3">{t.unquantified}</Subtitle2>
      <div data-testid="unquantified-list">
        <RowList t={t} lang={lang} doc={doc} rows={unquantifiedRows(doc)} empty={t.noUnquantified} showGap={false} onSelect={onSelect} />
      </div>
    </div>
  );
}

/** Drawn again only for a new analysis, not for a setting change. */
export const Results = memo(ResultsView);
