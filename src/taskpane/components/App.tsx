import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title3,
  ToggleButton,
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
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  subtitle: { color: tokens.colorNeutralForeground3 },
  detail: { display: "block", color: tokens.colorNeutralForeground3, whiteSpace: "pre-wrap", overflowWrap: "anywhere" },
  sheet: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalXS },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  hint: { color: tokens.colorNeutralForeground2 },
  firstRun: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  views: { display: "flex", gap: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalXS },
  messageActions: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", marginTop: tokens.spacingVerticalXS },
});

export function App({ services }: { services: PaneServices }) {
  const s = useStyles();
  const { t, lang, settings, doc, running, stage, message, target, active, stale, preview, run, updateSettings, select, dismiss } = useJindu(services);
  const [showDetail, setShowDetail] = useState(false);
  const [tab, setTab] = useState<"results" | "settings">("results");
  useEffect(() => setShowDetail(false), [message]);
  return (
    <main className={s.root} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <header className={s.header}>
        <span className={s.brand}>
          <img src="assets/icons/logo-32.png" srcSet="assets/icons/logo-32.png 1x, assets/icons/logo-64.png 2x" width={24} height={24} alt="" data-testid="brand" />
          <Title3 as="h1">{t.title}</Title3>
        </span>
        <Text size={200} className={s.subtitle}>
          {t.subtitle}
        </Text>
      </header>
      <div className={s.sheet} data-testid="bulletin">
        <Text size={200}>{t.bulletin}</Text>
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
      {!doc && (
        <div className={s.firstRun} data-testid="first-run">
          <Text size={300}>{t.firstRun}</Text>
          {preview && preview.sheet === target && (
            <Text size={300} weight="semibold" data-testid="preview" data-ok={"error" in preview ? "false" : "true"}>
              {"error" in preview ? preview.error : t.found(preview.sheet, preview.headerRow, preview.period, preview.projects)}
            </Text>
          )}
        </div>
      )}
      <PeriodPanel t={t} settings={settings} doc={doc} disabled={running !== null} onChange={updateSettings} />
      <ActionBar t={t} running={running} stage={stage} onRun={(a) => void run(a)} />
      {message && (
        <MessageBar intent={message.intent} data-testid="message" data-intent={message.intent}>
          <MessageBarBody>
            <MessageBarTitle>{message.intent === "error" ? t.errorTitle : t.doneTitle}</MessageBarTitle>
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
              <Button appearance="transparent" size="small" data-testid="dismiss" onClick={dismiss}>
                {t.dismiss}
              </Button>
            }
          />
        </MessageBar>
      )}
      {/* Two pressed/unpressed buttons rather than a tab list: no hidden focus traps for screen readers. */}
      <div role="group" aria-label={t.views} className={s.views} data-testid="tabs">
        <ToggleButton size="small" appearance="subtle" checked={tab === "results"} onClick={() => setTab("results")} data-testid="tab-results">
          {t.results}
        </ToggleButton>
        <ToggleButton size="small" appearance="subtle" checked={tab === "settings"} onClick={() => setTab("settings")} data-testid="tab-settings">
          {t.settings}
        </ToggleButton>
      </div>
      {tab === "results" && doc && <Results t={t} lang={lang} doc={doc} onSelect={select} />}
      {tab === "settings" && <SettingsPanel t={t} settings={settings} disabled={running !== null} onChange={updateSettings} />}
    </main>
  );
}
