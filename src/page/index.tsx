// Entry of dist/jindu.html, the offline page: the reading runs in a worker made from the code
// the page carries; settings are kept in the browser; the copy is offered as a download.
import { createRoot } from "react-dom/client";
import { createDOMRenderer, FluentProvider, RendererProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { startWorker, workerEngine } from "./client";
import { PageApp } from "./components/PageApp";
import { browserSettingsStore } from "./settings";
import { browserLang, PAGE_STRINGS } from "./strings";

/** Offers bytes as a file download: an <a download> on a blob: URL, no request made. */
function save(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Long enough for the browser to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const lang = browserLang(navigator.language);
document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
document.title = PAGE_STRINGS[lang].title;
const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
document.documentElement.style.colorScheme = dark ? "dark" : "light";
// Styles go into <style> elements carrying the page's nonce: the CSP allows no other inline style sheet.
const nonce = document.querySelector<HTMLMetaElement>('meta[name="jindu-style-nonce"]')?.content ?? "";
const renderer = createDOMRenderer(document, { styleElementAttributes: nonce ? { nonce } : {} });

const root = document.getElementById("root");
if (root) {
  let engine;
  try {
    engine = workerEngine(startWorker());
  } catch {
    engine = null;
  }
  createRoot(root).render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
        {engine ? (
          <PageApp engine={engine} store={browserSettingsStore(storage())} lang={lang} save={save} />
        ) : (
          <p role="alert">{PAGE_STRINGS[lang].workerFailed}</p>
        )}
      </FluentProvider>
    </RendererProvider>,
  );
}
