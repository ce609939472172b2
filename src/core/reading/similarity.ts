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
 * One index per row; profiles are cached, so scoring every pair stays cheap.
 */
export class IdfDice {
  private readonly profiles = new Map<string, { weights: Map<string, number>; sum: number }>();

  constructor(private readonly df: Map<string, number>) {}

  private profile(text: string): { weights: Map<string, number>; sum: number } {
    let p = this.profiles.get(text);
    if (!p) {
      const weights = new Map<string, number>();
      let sum = 0;
      for (const g of bigrams(text)) {
        const w = 1 / Math.max(1, this.df.get(g) ?? 1);
        weights.set(g, w);
        sum += w;
      }
      p = { weights, sum };
      this.profiles.set(text, p);
    }
    return p;
  }

  sim(a: string, b: string): number {
    const A = this.profile(a);
    const B = this.profile(b);
    if (A.sum === 0 || B.sum === 0) return 0;
    const [small, large] = A.weights.size <= B.weights.size ? [A, B] : [B, A];
    let shared = 0;
    for (const [g, w] of small.weights) if (large.weights.has(g)) shared += 2 * w;
    return shared / (A.sum + B.sum);
  }
}

/** How many of the texts use each bigram. */
export function documentFrequency(texts: string[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const t of texts) for (const g of bigrams(t)) df.set(g, (df.get(g) ?? 0) + 1);
  return df;
}
