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
