// Display width of text in character cells: CJK and full-width forms take two, as in Excel's
// column widths and in a terminal.

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Pads to a display width (left-aligned, or right-aligned for numbers). */
export function padDisplay(text: string, width: number, align: "left" | "right" = "left"): string {
  const pad = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + pad : pad + text;
}
