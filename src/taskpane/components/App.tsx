import { Divider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, Title3, tokens } from "@fluentui/react-components";
import type { PaneServices } from "../services";
import { useJindu } from "../useJindu";
import { ActionBar } from "./ActionBar";
import { Results } from "./Results";
import { PeriodPanel } from "./PeriodPanel";
import { SettingsPanel } from "./SettingsPanel";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    minHeight: "100vh",
    boxSizing: "border-box",
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  subtitle: { color: tokens.colorNeutralForeground3 },
  detail: { display: "block", color: tokens.colorNeutralForeground3 },
});

export function App({ services }: { services: PaneServices }) {
  const s = useStyles();
  const { t, lang, settings, doc, running, stage, message, run, updateSettings, select } = useJindu(services);
  return (
    <main className={s.root} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <header className={s.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Text size={200} className={s.subtitle}>
          {t.subtitle}
        </Text>
      </header>
      <PeriodPanel t={t} settings={settings} doc={doc} disabled={running !== null} onChange={updateSettings} />
      <ActionBar t={t} running={running} stage={stage} onRun={(a) => void run(a)} />
      {message && (
        <MessageBar intent={message.intent} data-testid="message" data-intent={message.intent}>
          <MessageBarBody>
            {message.intent === "error" && <MessageBarTitle>{t.errorTitle}</MessageBarTitle>}
            {message.text}
            {message.detail && <Text size={200} className={s.detail}>{message.detail}</Text>}
          </MessageBarBody>
        </MessageBar>
      )}
      {doc && <Results t={t} lang={lang} doc={doc} onSelect={select} />}
      <Divider />
      <SettingsPanel t={t} settings={settings} disabled={running !== null} onChange={updateSettings} />
    </main>
  );
}
