// Entry of taskpane.html: waits for Office, then renders the pane with the real use cases.
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { engine } from "../app/engine";
import { officeLang, officePort, officeSettings } from "../excel/office";
import { App } from "./components/App";
import { createServices } from "./services";

void Office.onReady(() => {
  const lang = officeLang();
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  const services = createServices(officePort(), engine, officeSettings(), lang);
  const root = document.getElementById("root");
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App services={services} />
    </FluentProvider>,
  );
});
