// Normalisation that keeps offsets: every character maps to exactly one character, so a
// match in the normalised text is a match at the same offsets in the cell's own text.

const MAP: Record<string, string> = {
  "，": ",", "、": "、", "；": ";", "：": ":", "（": "(", "）": ")", "％": "%", "．": ".",
  "－": "-", "—": "-", "–": "-", "～": "~", "〜": "~", "＋": "+", "／": "/", "　": " ",
  "“": "“", "”": "”", "｜": "|", "［": "[", "］": "]", "【": "[", "】": "]", "！": "!",
  "？": "?", "﹪": "%", "‰": "‰", "\u00A0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " ",
  "\t": " ", "\r": " ", "\n": " ",
};

const TO_MAP = new RegExp(`[\uff01-\uff5e${Object.keys(MAP).join("").replace(/[\]\\^-]/g, "\\$&")}]`, "g");

function mapChar(ch: string): string {
  const mapped = MAP[ch];
  if (mapped !== undefined) return mapped;
  const code = ch.charCodeAt(0);
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
}

/** Full-width digits and letters to ASCII, Chinese punctuation to ASCII; same length. */
export function normalize(text: string): string {
  return text.replace(TO_MAP, mapChar);
}

/** Removes every kind of white space (header cells are often spaced out: 完  成  情  况). */
export function squeeze(text: string): string {
  return normalize(text).replace(/\s+/g, "");
}

/** Chinese characters (and ASCII letters) only: the words that carry meaning for similarity. */
export function hanOnly(text: string): string {
  return text.replace(/[^\u3400-\u9fffA-Za-z]/g, "");
}
