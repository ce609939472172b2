// Entry of commands.html: registers the ribbon handlers once Office is ready.
import { engine } from "../app/engine";
import { officeLang, officePort, officeSettings } from "../excel/office";
import { createHandlers, registerHandlers } from "./handlers";

void Office.onReady(() => {
  const handlers = createHandlers({
    deps: () => ({ port: officePort(), engine }),
    settings: officeSettings,
    lang: officeLang,
  });
  registerHandlers(Office.actions, handlers);
});
