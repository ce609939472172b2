import { Button, Field, makeStyles, SpinButton, Text, tokens } from "@fluentui/react-components";
import type { AddinSettings } from "../../app/addin";
import type { AnalysisDocument } from "../../core/types";
import type { Strings } from "../i18n";
import { spinValue } from "../spin";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", alignItems: "end", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface PeriodPanelProps {
  t: Strings;
  settings: AddinSettings;
  doc: AnalysisDocument | null;
  disabled: boolean;
  onChange: (settings: AddinSettings) => void;
}

/** The period and 序时进度 as detected, where they came from, and the override. */
export function PeriodPanel({ t, settings, doc, disabled, onChange }: PeriodPanelProps) {
  const s = useStyles();
  const period = doc?.period;
  const detected = doc?.expectedProgress ?? null;
  const expected = settings.expectedProgress ?? detected;
  return (
    <div className={s.panel}>
      <Field label={t.period}>
        <Text data-testid="period">
          {period ? t.periodWithSource(period.label, t.source[period.source]) : <span className={s.muted}>{t.periodUnknown}</span>}
        </Text>
      </Field>
      <div className={s.row}>
        <Field label={t.expected} hint={t.expectedHint}>
          <SpinButton
            min={0}
            max={100}
            step={5}
            value={expected}
            disabled={disabled}
            data-testid="expected"
            onChange={(_, data) => {
              const v = spinValue(data);
              onChange({ ...settings, expectedProgress: v === null ? null : Math.min(100, Math.max(0, v)) });
            }}
          />
        </Field>
        {settings.expectedProgress !== null && (
          <Button appearance="subtle" size="small" disabled={disabled} onClick={() => onChange({ ...settings, expectedProgress: null })}>
            {t.resetExpected}
          </Button>
        )}
      </div>
    </div>
  );
}
