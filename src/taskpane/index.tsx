// Entry of taskpane.html: waits for Office, then renders the pane with the real use cases,
// in Office's theme (light or dark).
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { officeLang, officePort, officeSettings } from "../excel/office";
import { App } from "./components/App";
import { createServices } from "./services";
import { workerEngine } from "./workerEngine";
import { isDark, officeBackground, paneTheme } from "./theme";

void Office.onReady(() => {
  const lang = officeLang();
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en-US";
  const services = createServices(officePort(), workerEngine(), officeSettings(), lang);
  const root = document.getElementById("root");
  if (!root) return;
  const prefersDark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
  const background = officeBackground();
  // The page behind the pane too, so no light band shows past its end.
  document.documentElement.style.colorScheme = isDark(background, prefersDark) ? "dark" : "light";
  createRoot(root).render(
    <FluentProvider theme={paneTheme(background, prefersDark)}>
      <App services={services} />
    </FluentProvider>,
  );
});
