// Cells pasted from Excel or WPS (tab-separated, quoted cells across lines) as a bulletin
// source, read by the text reader as a .txt file would be.
import type { BulletinSource } from "./input";

export function pastedSource(text: string, name: string): BulletinSource {
  return { bytes: new TextEncoder().encode(text), name: /\.(txt|tsv|csv)$/i.test(name) ? name : `${name}.txt` };
}
