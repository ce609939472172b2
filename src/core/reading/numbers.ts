// Numbers as they are written in bulletins: Arabic with separators and decimals (after
// normalisation full-width digits are ASCII), Chinese numerals, 万/亿 multipliers, 百分之X.

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };

export const CN_DIGITS = "零〇一二两三四五六七八九";
export const CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿";

/** Arabic number: digits with optional thousands separators (ASCII comma) and decimals. */
export const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
/** Chinese numeral, at least one digit or 十. */
export const CHINESE = `[${CN_NUMERAL_CHARS}]+`;

/** Parses "1,234.5" or "280.993". */
export function parseArabic(text: string): number {
  return Number(text.replace(/,/g, ""));
}

/**
 * Parses Chinese numerals: 二百八十 → 280, 两千 → 2000, 三万五千 → 35000, 十二 → 12,
 * 一九八 (digit by digit) → 198. Returns NaN for text that is not a numeral.
 */
export function parseChinese(text: string): number {
  if (text.length === 0) return NaN;
  // Digit-by-digit form (二〇二〇, 一九八).
  if ([...text].every((c) => c in DIGIT) && text.length > 1) {
    return Number([...text].map((c) => DIGIT[c]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGIT) {
      digit = DIGIT[c]!;
    } else if (c in SMALL_UNIT) {
      section += (digit ?? 1) * SMALL_UNIT[c]!;
      digit = null;
    } else if (c in BIG_UNIT) {
      section += digit ?? 0;
      if (section === 0) section = 1;
      total += section * BIG_UNIT[c]!;
      section = 0;
      digit = null;
    } else {
      return NaN;
    }
  }
  return total + section + (digit ?? 0);
}

/** Parses an Arabic or Chinese number. */
export function parseNumber(text: string): number {
  return /^[\d,.]+$/.test(text) ? parseArabic(text) : parseChinese(text);
}

export const MULTIPLIER: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百万: 1e6, 千万: 1e7 };

/**
 * True when a comma at `index` of the original text is a thousands separator: ASCII, between
 * digits, followed by exactly three digits. A Chinese full-width comma never is.
 */
export function isThousandsComma(original: string, index: number): boolean {
  return (
    original[index] === "," &&
    /\d/.test(original[index - 1] ?? "") &&
    /^\d{3}(?!\d)/.test(original.slice(index + 1, index + 5))
  );
}

/** Rounds to two decimals: enough to keep 99.95 below 100. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Rounds to one decimal for display. */
export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
