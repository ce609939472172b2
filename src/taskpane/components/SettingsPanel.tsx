import { Checkbox, Field, makeStyles, Radio, RadioGroup, SpinButton, Subtitle2, Text, tokens } from "@fluentui/react-components";
import type { AddinSettings } from "../../app/addin";
import type { Strings } from "../i18n";
import { spinValue } from "../spin";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  bands: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS, paddingLeft: tokens.spacingHorizontalXL },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface SettingsPanelProps {
  t: Strings;
  settings: AddinSettings;
  disabled: boolean;
  onChange: (settings: AddinSettings) => void;
}

/** The lagging rule and what 标出滞后 marks besides lagging rows; saved in the workbook. */
export function SettingsPanel({ t, settings, disabled, onChange }: SettingsPanelProps) {
  const s = useStyles();
  const bands = settings.thresholds.mode === "bands" ? settings.thresholds : { mode: "bands" as const, yellow: 5, red: 15 };
  return (
    <div className={s.panel}>
      <Subtitle2 as="h2">{t.settings}</Subtitle2>
      <Field label={t.thresholds}>
        <RadioGroup
          value={settings.thresholds.mode}
          disabled={disabled}
          onChange={(_, data) => onChange({ ...settings, thresholds: data.value === "bands" ? bands : { mode: "strict" } })}
        >
          <Radio value="strict" label={t.strict} />
          <Radio value="bands" label={t.bands} />
        </RadioGroup>
      </Field>
      {settings.thresholds.mode === "bands" && (
        <div className={s.bands}>
          <Field label={t.yellow}>
            <SpinButton
              min={0}
              max={100}
              value={bands.yellow}
              disabled={disabled}
              onChange={(_, data) => onChange({ ...settings, thresholds: { ...bands, yellow: spinValue(data) ?? bands.yellow } })}
            />
          </Field>
          <Field label={t.red}>
            <SpinButton
              min={0}
              max={100}
              value={bands.red}
              disabled={disabled}
              onChange={(_, data) => onChange({ ...settings, thresholds: { ...bands, red: spinValue(data) ?? bands.red } })}
            />
          </Field>
        </div>
      )}
      <div role="group" aria-labelledby="jindu-also-mark">
        <Text id="jindu-also-mark" weight="semibold" size={300}>
          {t.alsoMark}
        </Text>
        <div className={s.row}>
          <Checkbox
            label={t.markCompleted}
            checked={settings.highlight.completed}
            disabled={disabled}
            onChange={(_, data) => onChange({ ...settings, highlight: { ...settings.highlight, completed: data.checked === true } })}
          />
          <Checkbox
            label={t.markUnquantified}
            checked={settings.highlight.unquantified}
            disabled={disabled}
            onChange={(_, data) => onChange({ ...settings, highlight: { ...settings.highlight, unquantified: data.checked === true } })}
          />
        </div>
      </div>
      <Text size={200} className={s.muted}>
        {t.settingsSaved}
      </Text>
    </div>
  );
}
