// matchesWhere and matchesAfter give what a look-behind at the start of the pattern would:
// checked against look-behind itself (Node has it) on many random strings.
import { matchesAfter, matchesWhere } from "../../src/core/text/preceding";

function randomTexts(alphabet: string[], count: number, seed = 7): string[] {
  let s = seed;
  const next = (n: number) => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: next(16) }, () => alphabet[next(alphabet.length)]).join(""));
}

const texts = [...randomTexts(["1", "2", ".", ",", "第", "人", "a", " ", "-", "3,000", "第1"], 20000), "", "1人", "第1人", "1.5人", "1,000人1人"];
const oracle = (re: RegExp, text: string) => [...text.matchAll(re)].map((m) => [m.index, m[0]]);

describe("matchesWhere", () => {
  test.each([
    ["a number not after a digit, point or comma", /(?<![\d.,])\d+人/g, /\d+人/g, (t: string, i: number) => !/[\d.,]/.test(t.charAt(i - 1))],
    ["a number after a space or the start", /(?<=^|\s)\d+(?:,\d{3})*/g, /\d+(?:,\d{3})*/g, (t: string, i: number) => i === 0 || /\s/.test(t.charAt(i - 1))],
    ["empty matches after a", /(?<=a)/g, /(?:)/g, (t: string, i: number) => t.charAt(i - 1) === "a"],
  ])("%s", (_, withLookBehind, without, accept) => {
    const differ = texts.filter((t) => JSON.stringify([...matchesWhere(without, t, (m) => accept(t, m.index))].map((m) => [m.index, m[0]])) !== JSON.stringify(oracle(withLookBehind, t)));
    expect(differ).toEqual([]);
  });
});

describe("matchesAfter", () => {
  test.each([
    // The figures' shape: the character before is consumed; an ordinal checked further back.
    ["a number with its unit, not after a digit, point, comma or 第…", /(?<![\d.,])(?<!第[\d,]{0,3})\d{1,3}(?:,\d{3})*人/g, /[^\d.,]\d{1,3}(?:,\d{3})*人/g, (t: string, i: number) => !/第[\d,]{0,3}$/.test(t.slice(Math.max(0, i - 4), i))],
    ["adjacent matches (1人2人)", /(?<![\d.,])\d人/g, /[^\d.,]\d人/g, () => true],
    ["empty matches after a", /(?<=a)/g, /a/g, () => true],
  ])("%s", (_, withLookBehind, without, accept) => {
    const got = (t: string) => [...matchesAfter(without, t, (start) => accept(t, start))].map(({ start, end }) => [start, t.slice(start, end)]);
    const differ = texts.filter((t) => JSON.stringify(got(t)) !== JSON.stringify(oracle(withLookBehind, t)));
    expect(differ).toEqual([]);
  });

  test("a long run of digits is linear (the engine skips it, no retry per digit)", () => {
    const text = "1".repeat(32767);
    const t0 = Date.now();
    expect([...matchesAfter(/[^\d.,]\d+(?:\.\d+)?人/g, text)]).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(200);
  });
});
