// Subject similarity between two stretches of Chinese text: Dice over character bigrams.
// Bigrams capture words without a segmenter (参保率 ~ 参保, 报销比例 ~ 报销比例).

const cache = new Map<string, Set<string>>();

export function bigrams(text: string): Set<string> {
  const hit = cache.get(text);
  if (hit) return hit;
  const out = new Set<string>();
  const s = text.length > 80 ? text.slice(0, 40) + text.slice(-40) : text;
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  if (cache.size > 20000) cache.clear();
  cache.set(text, out);
  return out;
}

export function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.size === 0 || B.size === 0) return 0;
  let shared = 0;
  const [small, large] = A.size <= B.size ? [A, B] : [B, A];
  for (const g of small) if (large.has(g)) shared++;
  return (2 * shared) / (A.size + B.size);
}

/**
 * Dice where each bigram weighs 1 / (how many of the row's targets use it): words every target
 * shares (困难职工) say little about which target a figure answers; rare ones (医疗) say a lot.
 */
export function diceIdf(a: string, b: string, df: Map<string, number>): number {
  const A = bigrams(a);
  const B = bigrams(b);
  if (A.size === 0 || B.size === 0) return 0;
  const w = (g: string) => 1 / Math.max(1, df.get(g) ?? 1);
  let shared = 0;
  let sum = 0;
  for (const g of A) {
    sum += w(g);
    if (B.has(g)) shared += 2 * w(g);
  }
  for (const g of B) sum += w(g);
  return shared / sum;
}

/** How many of the texts use each bigram. */
export function documentFrequency(texts: string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const t of texts) for (const g of bigrams(t)) df.set(g, (df.get(g) ?? 0) + 1);
  return df;
}
