// Plain-text tables for the terminal, aligned for Chinese (full-width characters take two columns).

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6“”]/.test(ch) ? 2 : 1;
  return w;
}

export function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  for (const ch of s) {
    if (displayWidth(out + ch + "…") > width) break;
    out += ch;
  }
  return out + "…";
}

export function pad(s: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

export function table(header: string[], rows: string[][], rightAligned: number[] = []): string {
  const widths = header.map((h, c) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[c] ?? ""))));
  const line = (cells: string[]) => cells.map((s, c) => pad(s, widths[c]!, rightAligned.includes(c))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Cells past Excel's limit were cut when read. */
export const cutNote = (n: number): string =>
  `注意：${n} 个单元格超过 32,767 个字符，已截断后读取 / Note: ${n} cell(s) longer than 32,767 characters were cut`;
