// The small dialog a ribbon button opens when it fails: the pane's message for that failure, in
// the display language, with Excel's words behind 详情. The text comes in the address, and is
// shown as text, never as markup.
import type { Lang } from "../core/plan/types";

const WORDS: Record<Lang, { title: string; details: string; close: string }> = {
  zh: { title: "进度助手：操作没有完成", details: "详情", close: "关闭" },
  en: { title: "Jindu: the command did not finish", details: "Details", close: "Close" },
};

export function noticeUrl(base: string, text: string, lang: Lang, detail?: string): string {
  const url = new URL("notice.html", base);
  url.searchParams.set("lang", lang);
  url.searchParams.set("text", text);
  if (detail) url.searchParams.set("detail", detail);
  return url.toString();
}

export function renderNotice(doc: Document, params: URLSearchParams, close: () => void): void {
  const lang: Lang = params.get("lang") === "en" ? "en" : "zh";
  const w = WORDS[lang];
  doc.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  const main = doc.getElementById("notice") ?? doc.body;
  const h1 = doc.createElement("h1");
  h1.textContent = w.title;
  const p = doc.createElement("p");
  p.setAttribute("role", "alert");
  p.textContent = params.get("text") ?? "";
  main.append(h1, p);
  const detail = params.get("detail");
  if (detail) {
    const details = doc.createElement("details");
    const summary = doc.createElement("summary");
    summary.textContent = w.details;
    const text = doc.createElement("div");
    text.lang = "en";
    text.textContent = detail;
    details.append(summary, text);
    main.append(details);
  }
  const button = doc.createElement("button");
  button.type = "button";
  button.textContent = w.close;
  button.addEventListener("click", close);
  main.append(button);
  button.focus();
}

// On a webview too old for this bundle, or opened by a ribbon button of one, notice.html shows
// that message itself (window.jinduOldHost is set).
if (typeof document !== "undefined" && typeof Office !== "undefined" && !(window as { jinduOldHost?: unknown }).jinduOldHost) {
  void Office.onReady(() => renderNotice(document, new URLSearchParams(location.search), () => Office.context.ui.messageParent("close")));
}
