import {
  Badge,
  Button,
  Divider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
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
  detail: { display: "block", color: tokens.colorNeutralForeground3, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  sheet: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalXS },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground2 },
  messageActions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", marginTop: tokens.spacingVerticalXS },
});

export function App({ services }: { services: PaneServices }) {
  const s = useStyles();
  const { t, lang, settings, doc, running, stage, message, target, active, stale, run, updateSettings, select, dismiss } = useJindu(services);
  const [showDetail, setShowDetail] = useState(false);
  useEffect(() => setShowDetail(false), [message]);
  return (
    <main className={s.root} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <header className={s.header}>
        <Title3 as="h1">{t.title}</Title3>
        <Text size={200} className={s.subtitle}>
          {t.subtitle}
        </Text>
      </header>
      <div className={s.sheet} data-testid="bulletin">
        <Text size={200}>{t.bulletin}：</Text>
        {target ? (
          <Text size={200} className={s.sheetName} data-testid="target-sheet">
            {target}
          </Text>
        ) : (
          <Text size={200} className={s.hint}>
            {t.noBulletin}
          </Text>
        )}
        {stale && (
          <Badge appearance="tint" color="warning" data-testid="stale">
            {t.stale}
          </Badge>
        )}
      </div>
      {active?.jindu && (
        <Text size={200} className={s.hint} data-testid="on-jindu-sheet">
          {t.onJinduSheet(active.sheet)}
        </Text>
      )}
      {!doc && !message && (
        <Text size={300} data-testid="first-run">
          {t.firstRun}
        </Text>
      )}
      <PeriodPanel t={t} settings={settings} doc={doc} disabled={running !== null} onChange={updateSettings} />
      <ActionBar t={t} running={running} stage={stage} onRun={(a) => void run(a)} />
      {message && (
        <MessageBar intent={message.intent} data-testid="message" data-intent={message.intent}>
          <MessageBarBody>
            {message.intent === "error" && <MessageBarTitle>{t.errorTitle}</MessageBarTitle>}
            <span data-testid="message-text">{message.text}</span>
            {(message.detail || message.offer) && (
              <span className={s.messageActions}>
                {message.offer && (
                  <Button size="small" appearance="primary" data-testid="use-sheet" onClick={() => void run(message.offer!.action, message.offer!.sheet)}>
                    {t.useSheet(message.offer.sheet)}
                  </Button>
                )}
                {message.detail && (
                  <Button size="small" appearance="subtle" aria-expanded={showDetail} data-testid="toggle-detail" onClick={() => setShowDetail((v) => !v)}>
                    {showDetail ? t.hideDetails : t.details}
                  </Button>
                )}
              </span>
            )}
            {message.detail && showDetail && (
              <Text size={200} className={s.detail} data-testid="message-detail" lang="en">
                {message.detail}
              </Text>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" aria-label={t.dismiss} title={t.dismiss} data-testid="dismiss" onClick={dismiss}>
                ×
              </Button>
            }
          />
        </MessageBar>
      )}
      {doc && <Results t={t} lang={lang} doc={doc} onSelect={select} />}
      <Divider />
      <SettingsPanel t={t} settings={settings} disabled={running !== null} onChange={updateSettings} />
    </main>
  );
}
