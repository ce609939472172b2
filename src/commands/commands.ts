// Entry of commands.html: registers the ribbon handlers once Office is ready. A failing button
// opens a small dialog with the pane's message for that failure.
import { engine } from "../app/engine";
import type { Lang } from "../core/plan/types";
import { officeLang, officePort, officeSettings } from "../excel/office";
import type { PaneError } from "../taskpane/messages";
import { createHandlers, registerHandlers } from "./handlers";
import { noticeUrl } from "./notice";

function showNotice(m: PaneError, lang: Lang): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(noticeUrl(location.href, m.text, lang, m.detail), { height: 30, width: 35, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) {
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
      }
      resolve();
    });
  });
}

// On a webview too old for this bundle, should it run at all, commands.html has already set up
// buttons that say so; registering these would replace them.
const oldHost = (window as { jinduOldHost?: unknown }).jinduOldHost;

if (!oldHost) {
  void Office.onReady(() => {
    const handlers = createHandlers({
      deps: () => ({ port: officePort(), engine }),
      settings: officeSettings,
      lang: officeLang,
      notify: (m) => showNotice(m, officeLang()),
    });
    registerHandlers(Office.actions, handlers);
  });
}
