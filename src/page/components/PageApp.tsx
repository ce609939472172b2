import {
  Button,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
  Textarea,
  Title3,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { PeriodPanel } from "../../taskpane/components/PeriodPanel";
import { Results } from "../../taskpane/components/Results";
import { SettingsPanel } from "../../taskpane/components/SettingsPanel";
import { paneStrings } from "../strings";
import { usePage, type PageDeps } from "../usePage";
import { UnitTable } from "./UnitTable";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    minHeight: "100vh",
    maxWidth: "1200px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    "@media (max-width: 640px)": { padding: tokens.spacingHorizontalS },
  },
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  input: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalL, "@media (max-width: 800px)": { gridTemplateColumns: "minmax(0, 1fr)" } },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    justifyContent: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    minWidth: 0,
  },
  dragging: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  paste: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  hiddenInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  file: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
  fileName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minHeight: "28px" },
  columns: { display: "grid", gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalXXL, "@media (max-width: 900px)": { gridTemplateColumns: "minmax(0, 1fr)" } },
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL, minWidth: 0 },
  summary: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  line: { display: "block", overflowWrap: "anywhere" },
});

export function PageApp(deps: PageDeps) {
  const s = useStyles();
  const { p, lang, settings, loaded, busy, stage, message, openFile, openPaste, pickSheet, updateSettings, download, dismiss } = usePage(deps);
  const t = useMemo(() => paneStrings(lang), [lang]);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [pasted, setPasted] = useState("");
  const [selectedUnit, setSelectedUnit] = useState<string | null>(null);
  const doc = loaded?.doc ?? null;

  const onFiles = useCallback(
    (files: FileList | null) => {
      const file = files?.[0];
      if (file) void openFile(file);
    },
    [openFile],
  );
  // A file dropped anywhere on the page is read, rather than the browser leaving the page to show it.
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      if (e.defaultPrevented) return;
      e.preventDefault();
      onFiles(e.dataTransfer?.files ?? null);
    };
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, [onFiles]);
  // Opening a row of the lists marks its unit in the summary above, without moving the page.
  const onSelect = useCallback(
    (row: number) => {
      const r = doc?.rows.find((x) => x.row === row);
      if (r) setSelectedUnit(r.unit);
    },
    [doc],
  );

  return (
    <main className={s.root} lang={lang === "zh" ? "zh-CN" : "en-US"}>
      <header className={s.header} data-print="hide">
        <Title3 as="h1">{p.title}</Title3>
        <Text size={200} className={s.muted}>
          {p.subtitle}
        </Text>
      </header>

      <section className={s.input} data-print="hide" aria-label={p.choose}>
        <div
          className={mergeClasses(s.drop, dragging && s.dragging)}
          data-testid="drop"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            onFiles(e.dataTransfer.files);
          }}
        >
          <Button appearance="primary" disabled={busy !== null} onClick={() => fileInput.current?.click()}>
            {p.choose}
          </Button>
          <input
            ref={fileInput}
            className={s.hiddenInput}
            type="file"
            accept=".xlsx,.xlsm,.csv,.txt,.tsv"
            data-testid="file"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              onFiles(e.currentTarget.files);
              // The same file chosen again is read again.
              e.currentTarget.value = "";
            }}
          />
          <Text size={200} className={s.muted}>
            {p.dropHint}
          </Text>
        </div>
        <div className={s.paste}>
          <Field label={p.pasteLabel}>
            <Textarea resize="vertical" rows={3} value={pasted} placeholder={p.pastePlaceholder} data-testid="paste" onChange={(_, d) => setPasted(d.value)} />
          </Field>
          <div>
            <Button disabled={busy !== null || pasted.trim() === ""} onClick={() => void openPaste(pasted)} data-testid="read-paste">
              {p.readPaste}
            </Button>
          </div>
        </div>
      </section>

      <div className={s.progress} aria-live="polite" data-print="hide">
        {busy !== null && (
          <>
            <ProgressBar thickness="medium" />
            <Text size={200} data-testid="stage">
              {t.stage[stage ?? "reading"]}
            </Text>
          </>
        )}
      </div>

      {message && (
        <MessageBar intent={message.intent} data-testid="message" data-intent={message.intent} data-print="hide">
          <MessageBarBody>
            <MessageBarTitle>{message.intent === "error" ? p.errorTitle : t.doneTitle}</MessageBarTitle>
            <span data-testid="message-text">
              {message.lines.map((line, i) => (
                <span key={i} className={s.line}>
                  {line}
                </span>
              ))}
            </span>
            {message.offerForce && (
              <Button size="small" appearance="primary" data-testid="download-force" onClick={() => void download(true)}>
                {p.downloadForce}
              </Button>
            )}
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button appearance="transparent" size="small" onClick={dismiss}>
                {t.dismiss}
              </Button>
            }
          />
        </MessageBar>
      )}

      {loaded && (
        <div className={s.file} data-print="hide" data-testid="loaded">
          <Field label={p.file}>
            <Text className={s.fileName} data-testid="file-name">
              {loaded.name}
            </Text>
          </Field>
          {loaded.sheets.length > 1 && (
            <Field label={p.sheet}>
              <Select value={loaded.sheet} disabled={busy !== null} data-testid="sheet" onChange={(_, d) => void pickSheet(d.value)}>
                {loaded.sheets.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      )}

      <div className={s.columns} data-print="flow">
        <div className={s.column}>
          {loaded && (
            <section className={s.summary} data-testid="summary" data-print="area" aria-label={p.summary}>
              {loaded.summary.titleLines.map((line, i) =>
                i === 0 ? (
                  <Subtitle2 as="h2" key={i}>
                    {line}
                  </Subtitle2>
                ) : (
                  <Text key={i} size={200} className={s.muted}>
                    {line}
                  </Text>
                ),
              )}
              <UnitTable block={loaded.summary.units} selected={selectedUnit} />
              <div className={s.actions} data-print="hide">
                <Button appearance="primary" disabled={busy !== null} onClick={() => void download(false)} data-testid="download">
                  {p.download}
                </Button>
                <Button disabled={busy !== null} onClick={() => window.print()} data-testid="print">
                  {p.print}
                </Button>
              </div>
            </section>
          )}
          <div data-print="hide">{doc && <Results t={t} lang={lang} doc={doc} onSelect={onSelect} />}</div>
        </div>
        <div className={s.column} data-print="hide">
          <PeriodPanel t={t} settings={settings} doc={doc} disabled={busy === "open" || busy === "download"} onChange={updateSettings} />
          <SettingsPanel t={t} settings={settings} disabled={busy === "open" || busy === "download"} onChange={updateSettings} />
          <Text size={200} className={s.muted}>
            {p.offline}
          </Text>
        </div>
      </div>
    </main>
  );
}
