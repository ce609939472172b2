import { Button, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import type { Stage } from "../../app/addin";
import type { Strings } from "../i18n";
import type { Action } from "../useJindu";

const useStyles = makeStyles({
  bar: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minHeight: "28px" },
});

export interface ActionBarProps {
  t: Strings;
  running: Action | null;
  stage: Stage | null;
  onRun: (action: Action) => void;
}

export function ActionBar({ t, running, stage, onRun }: ActionBarProps) {
  const s = useStyles();
  const busy = running !== null;
  const button = (action: Action, label: string, appearance: "primary" | "secondary") => (
    <Button appearance={appearance} disabled={busy} onClick={() => onRun(action)} data-action={action}>
      {label}
    </Button>
  );
  return (
    <>
      <div className={s.bar} role="toolbar" aria-label={t.title}>
        {button("analyze", t.analyze, "primary")}
        {button("mark", t.mark, "secondary")}
        {button("clear", t.clear, "secondary")}
        {button("summary", t.summary, "secondary")}
      </div>
      <div className={s.progress} aria-live="polite">
        {busy && (
          <>
            <ProgressBar thickness="medium" />
            <Text size={200}>{stage ? t.stage[stage] : t.stage.reading}</Text>
          </>
        )}
      </div>
    </>
  );
}
