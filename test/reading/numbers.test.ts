// Numbers as bulletins write them: Arabic with separators and decimals, full-width digits,
// Chinese numerals, 万/亿 multipliers, and a boundary that never reads part of a number.
import { isThousandsComma, parseArabic, parseChinese, parseNumber, round1, round2 } from "../../src/core/reading/numbers";
import { normalize } from "../../src/core/text/normalize";
import { scan } from "../../src/core/reading/figures";

describe("parseArabic", () => {
  test.each<[string, number]>([
    ["280", 280],
    ["280.993", 280.993],
    ["1,234", 1234],
    ["12,345,678", 12345678],
    ["1,234.56", 1234.56],
    ["0.5", 0.5],
    ["007", 7],
  ])("%s → %d", (text, value) => {
    expect(parseArabic(text)).toBe(value);
  });
});

describe("parseChinese", () => {
  test.each<[string, number]>([
    ["二百八十", 280],
    ["两千", 2000],
    ["三万五千", 35000],
    ["十二", 12],
    ["十", 10],
    ["二十", 20],
    ["一百零五", 105],
    ["一千零一", 1001],
    ["三千零五十", 3050],
    ["两万", 20000],
    ["十万", 100000],
    ["一亿二千万", 120000000],
    ["两百", 200],
    ["〇", 0],
    ["零", 0],
    ["二〇二〇", 2020],
    ["一九八", 198],
    ["一〇五", 105],
    ["九", 9],
  ])("%s → %d", (text, value) => {
    expect(parseChinese(text)).toBe(value);
  });

  test.each(["", "人", "三人", "abc", "百分"])("%p is not a numeral (NaN)", (text) => {
    expect(parseChinese(text)).toBeNaN();
  });
});

describe("parseNumber picks the script", () => {
  test.each<[string, number]>([
    ["1,200", 1200],
    ["39.39", 39.39],
    ["一千二百", 1200],
    ["五", 5],
  ])("%s → %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});

describe("full-width digits through normalize", () => {
  test.each<[string, string]>([
    ["２８０．９９３", "280.993"],
    ["１２３４５", "12345"],
    ["７１．６％", "71.6%"],
    ["１－６月", "1-6月"],
  ])("%s → %s, same length", (text, ascii) => {
    const n = normalize(text);
    expect(n).toBe(ascii);
    expect(n.length).toBe(text.length);
  });

  test("a full-width figure parses after normalisation", () => {
    expect(parseNumber(normalize("２８０．９９３"))).toBe(280.993);
  });
});

describe("isThousandsComma: ASCII between digits, then exactly three digits", () => {
  test.each<[string, number, boolean]>([
    ["1,234人", 1, true],
    ["12,345,678元", 2, true],
    ["12,345,678元", 6, true],
    ["1，234人", 1, false], // a Chinese comma never is
    ["1,23人", 1, false],
    ["1,2345人", 1, false],
    ["共3,完成", 2, false],
    ["人,234", 1, false],
  ])("%s at %d → %p", (text, index, expected) => {
    expect(isThousandsComma(text, index)).toBe(expected);
  });
});

describe("thousands separators vs commas in scanned text", () => {
  test("an ASCII thousands comma joins the number", () => {
    const figs = scan("累计发放补贴12,345户").figures;
    expect(figs.map((f) => [f.text, f.base])).toEqual([["12,345户", 12345]]);
  });
  test("a Chinese comma separates two figures (1，234人 is not 1234人)", () => {
    const figs = scan("新增1个，234人受益").figures;
    expect(figs.map((f) => [f.text, f.value])).toEqual([
      ["1个", 1],
      ["234人", 234],
    ]);
  });
  test("a Chinese comma between bare digits does not make a thousands number", () => {
    expect(scan("分别为1，234人").figures.map((f) => f.value)).toEqual([234]);
  });
});

describe("number-aware boundary", () => {
  test("nothing matches 0.993 inside 280.993", () => {
    const figs = scan("实施农村公路扩面延伸工程280.993公里").figures;
    expect(figs).toHaveLength(1);
    expect(figs[0]!.value).toBe(280.993);
    expect(figs[0]!.text).toBe("280.993公里");
  });
  test("nothing matches 345 inside 12,345", () => {
    expect(scan("12,345人").figures.map((f) => f.value)).toEqual([12345]);
  });
  test("a Chinese numeral is not read from inside another (三 in 二十三)", () => {
    expect(scan("建成二十三所").figures.map((f) => f.value)).toEqual([23]);
  });
});

describe("万/亿 multipliers give the canonical base", () => {
  test.each<[string, number, number, string]>([
    // [text, value as written, base, unit as written]
    ["58万元", 58, 580000, "万元"],
    ["1.2亿元", 1.2, 120000000, "亿元"],
    ["39.39万人", 39.39, 393900, "万人"],
    ["14.31万平方米", 14.31, 143100, "万平方米"],
    ["3.5万人次", 3.5, 35000, "万人次"],
    ["2万户", 2, 20000, "万户"],
    ["1,610万元", 1610, 16100000, "万元"],
    ["三万五千人", 35000, 35000, "人"],
    ["两千元", 2000, 2000, "元"],
    ["12公里", 12, 12000, "公里"],
    ["1.2万余人", 1.2, 12000, "万人"],
  ])("%s → value %d, base %d, unit %s", (text, value, base, unit) => {
    const figs = scan(text).figures;
    expect(figs).toHaveLength(1);
    expect(figs[0]!.value).toBe(value);
    expect(figs[0]!.base).toBeCloseTo(base, 6);
    expect(figs[0]!.unit).toBe(unit);
  });
});

describe("rounding", () => {
  test.each<[number, number, number]>([
    [99.954, 99.95, 100],
    [71.649, 71.65, 71.6],
    [104.5, 104.5, 104.5],
  ])("%d → round2 %d, round1 %d", (n, r2, r1) => {
    expect(round2(n)).toBe(r2);
    expect(round1(n)).toBe(r1);
  });
});
