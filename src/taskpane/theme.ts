// The pane follows Office's theme: a dark Office gets a dark pane. Office tells its body
// background colour; outside Office (or where it says nothing) the system's preference decides.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Relative luminance of a #RRGGBB colour (0 black … 1 white); null when it is not one. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{6})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(m[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function isDark(officeBackground: string | undefined, prefersDark: boolean): boolean {
  const l = luminance(officeBackground);
  return l === null ? prefersDark : l < 0.4;
}

export function paneTheme(officeBackground: string | undefined, prefersDark: boolean): Theme {
  return isDark(officeBackground, prefersDark) ? webDarkTheme : webLightTheme;
}

/** Office's body background, when the host tells it. */
export function officeBackground(): string | undefined {
  try {
    return Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
}
