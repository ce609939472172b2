import * as fs from "fs";
import * as path from "path";
import { expectedProgressFromMonths, findPeriod, findPeriodRule, parseNumeral, RULES } from "../../src/core/period";

describe("findPeriod: positive cases", () => {
  test.each<[string, string, number]>([
    // [text, label, months]
    ["2020年1-6月份民生工程项目进展情况", "2020年1-6月", 6],
    ["现将1-6月份项目进展情况通报如下", "1-6月", 6],
    ["1-6月", "1-6月", 6],
    ["１－６月", "1-6月", 6],
    ["1 - 6 月", "1-6月", 6],
    ["2021年1-9月民生工程进展情况", "2021年1-9月", 9],
    ["1—9月", "1-9月", 9],
    ["1——9月", "1-9月", 9],
    ["1~9月", "1-9月", 9],
    ["1～9月", "1-9月", 9],
    ["1至9月", "1至9月", 9],
    ["1到9月", "1到9月", 9],
    ["1月-9月", "1月-9月", 9],
    ["1月份至9月份", "1月份至9月", 9],
    ["一至九月", "一至九月", 9],
    ["一—六月", "一-六月", 6],
    ["二〇二〇年一至六月民生工程", "二〇二〇年一至六月", 6],
    ["一至十一月", "一至十一月", 11],
    ["１－１２月", "1-12月", 12],
    ["2020年1-12月民生工程完成情况", "2020年1-12月", 12],
    ["4-6月", "4-6月", 6],
    ["今年前10个月", "前10个月", 10],
    ["上半年", "上半年", 6],
    ["2020年上半年民生工程进展情况", "2020年上半年", 6],
    ["下半年", "下半年", 12],
    ["前三季度", "前三季度", 9],
    ["2021年前三季度民生工程实施情况", "2021年前三季度", 9],
    ["1-3季度", "1-3季度", 9],
    ["一至三季度", "一至三季度", 9],
    ["一季度", "一季度", 3],
    ["第一季度", "第一季度", 3],
    ["二季度", "二季度", 6],
    ["第二季度", "第二季度", 6],
    ["第三季度民生工程进展", "第三季度", 9],
    ["四季度", "四季度", 12],
    ["截至10月31日", "截至10月31日", 10],
    ["截至10月15日", "截至10月15日", 9.5],
    ["截至9月27日", "截至9月27日", 8.9],
    ["截止到9月27日", "截止到9月27日", 8.9],
    ["至9月27日", "至9月27日", 8.9],
    ["截至２０２１年１０月底", "截至2021年10月底", 10],
    ["截至2021年10月底", "截至2021年10月底", 10],
    ["截止9月底", "截止9月底", 9],
    ["截至6月底,拨付民生工程资金37.05亿元,占全年计划筹资额的80%。", "截至6月底", 6],
    ["截至2020年底", "截至2020年底", 12],
    ["截至 6 月 30 日", "截至6月30日", 6],
    ["截至二〇二〇年六月三十日", "截至二〇二〇年六月三十日", 6],
    ["9月底", "9月底", 9],
    ["9月末", "9月末", 9],
    ["2021年10月份民生工程进展情况", "2021年10月", 10],
    ["10月份", "10月", 10],
    ["十二月份", "十二月", 12],
    ["2021年10月民生工程进展", "2021年10月", 10],
    ["年底", "年底", 12],
    ["年末", "年末", 12],
    ["2020年度民生工程完成情况", "2020年度", 12],
    ["2020年全年民生工程实施情况", "2020年全年", 12],
    ["全年完成情况通报", "全年", 12],
  ])("%s → %s (%s)", (text, label, months) => {
    const found = findPeriod(text);
    expect(found).not.toBeNull();
    expect(found?.label).toBe(label);
    expect(found?.months).toBe(months);
  });
});

describe("findPeriod: not a period", () => {
  test.each([
    "年度目标任务",
    "全年目标",
    "年度计划",
    "2020年度目标任务",
    "占全年计划筹资额的80%",
    "参加3-12个月的就业见习",
    "其他16-24岁失业青年",
    "3-12月龄婴幼儿",
    "第十四届",
    "2020年",
    "2020年民生工程",
    "9月27日召开会议",
    "三区",
    "6个月内完成",
    "从2020年7月起,我市最低生活保障标准提高",
    "每人每月60元",
    "计划于2020年9月底完工",
    "6月底前完成",
    "到2020年底前全部完工",
    "2020年12月31日前完成",
    "2020年度民生工程进展情况",
    "上年度完成情况",
    "",
  ])("%s → null", (text) => {
    expect(findPeriod(text)).toBeNull();
  });
});

describe("findPeriod: choice and offsets", () => {
  test.each<[string, string]>([
    ["2020年1-6月份民生工程项目进展情况", "2020年1-6"],
    ["关于２０２１年１－９月份民生工程的通报", "２０２１年１－９"],
    ["9月27日召开会议,截至9月27日完成投资", "截至9月27"],
    ["  标题：1 - 6 月 进展", "1 - 6"],
  ])("%s: slice holds %s", (text, words) => {
    const found = findPeriod(text);
    expect(found).not.toBeNull();
    if (found === null) return;
    expect(text.slice(found.start, found.end)).toContain(words);
    expect(found.start).toBe(text.indexOf(words));
  });

  test("a cumulative span beats an event date and a start date", () => {
    const text = "从2020年7月起提标。9月27日召开会议。1-9月完成投资";
    expect(findPeriod(text)).toMatchObject({ label: "1-9月", months: 9 });
  });

  test("the trap of the seed bulletin: 3-12个月 does not hide the real period", () => {
    const text = "对其他16-24岁失业青年,参加3-12个月的就业见习。截至6月底,发放补贴";
    expect(findPeriod(text)).toMatchObject({ label: "截至6月底", months: 6 });
  });

  test("seed bulletin: title and intro", () => {
    const raw = fs.readFileSync(path.join(__dirname, "..", "fixtures", "bulletin-2020-h1.txt"), "utf8");
    const lines = raw.split(/\r?\n/);
    const title = lines.find((l) => l.includes("进展情况")) ?? "";
    expect(findPeriod(title)).toMatchObject({ label: "2020年1-6月", months: 6 });
    const intro = lines.find((l) => l.startsWith("今年以来")) ?? "";
    expect(findPeriod(intro)).toMatchObject({ months: 6 });
    // The whole text: the title comes first.
    expect(findPeriod(raw)).toMatchObject({ label: "2020年1-6月", months: 6 });
    // The header row names the annual target, not a period.
    const header = lines.find((l) => l.startsWith("序号")) ?? "";
    expect(findPeriod(header)).toBeNull();
  });

  test("deterministic", () => {
    const text = "上半年,截至6月底,1-6月份";
    expect(findPeriod(text)).toEqual(findPeriod(text));
  });
});

describe("RULES table", () => {
  // [text, id of the entry that wins]: phrasings from the cases above, at least one per entry.
  const winners: [string, string][] = [
    ["2020年1-6月份民生工程项目进展情况", "month-range"],
    ["一至九月", "month-range"],
    ["4-6月", "month-range"],
    ["今年前10个月", "first-months"],
    ["上半年", "half-year"],
    ["下半年", "half-year"],
    ["前三季度", "quarter"],
    ["1-3季度", "quarter"],
    ["第三季度民生工程进展", "quarter"],
    ["截至10月15日", "until"],
    ["截止日期:2008.8.4", "until-numeric-date"],
    ["截至2021-09-30", "until-numeric-date"],
    ["截至2020年底", "until"],
    ["截至2021年10月底", "until"],
    ["9月27日召开会议,截至9月27日完成投资", "until"],
    ["9月底", "month-end"],
    ["年末", "year-end"],
    ["10月份", "month"],
    ["2021年10月民生工程进展", "month"],
    ["2020年度民生工程完成情况", "full-year"],
    ["全年完成情况通报", "full-year"],
  ];

  test("ids are unique", () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("every regex is global (matchAll throws otherwise)", () => {
    expect(RULES.filter((r) => !r.re.global).map((r) => r.id)).toEqual([]);
  });

  test("every entry wins for at least one phrasing", () => {
    expect([...new Set(winners.map(([, id]) => id))].sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  test.each(winners)("%s → %s", (text, id) => {
    expect(findPeriodRule(text)).toBe(id);
  });

  // A later match of a higher tier beats an earlier one (tiers 5 > 4 > 3 > 2 of the header).
  test.each<[string, string]>([
    ["第三季度，截至9月底", "until"],
    ["10月份，4-6月", "month-range"],
    ["9月底，第三季度", "quarter"],
    ["2021年10月，年底", "year-end"],
  ])("%s → %s", (text, id) => {
    expect(findPeriodRule(text)).toBe(id);
  });

  test.each(["2020年度民生工程进展情况", "6月底前完成", "9月27日召开会议", ""])("%s → no entry", (text) => {
    expect(findPeriodRule(text)).toBeNull();
  });
});

describe("parseNumeral", () => {
  test.each<[string, number | null]>([
    ["6", 6],
    ["06", 6],
    ["六", 6],
    ["两", 2],
    ["○", 0],
    ["〇", 0],
    ["十", 10],
    ["十二", 12],
    ["二十七", 27],
    ["三十一", 31],
    // Not plain numerals: parseNumber would read these, the period patterns must not.
    ["一二", null],
    ["二〇", null],
    ["〇十", null],
    ["十〇", null],
    ["一百", null],
    ["十十", null],
    ["1.5", null],
    ["", null],
  ])("%s → %s", (text, expected) => {
    expect(parseNumeral(text)).toBe(expected);
  });
});

describe("findPeriod: linear time", () => {
  const LEN = 32767;
  const pieces = ["1-", "1-1", "年", "月", "2020年", "1-1-1-1月", "截至", "一十", "〇〇〇〇年", "-1月-", "全年", "年度", "季度", " ", "日至", "截至2020年", "前一", "第1", "上半", "份"];
  test.each(pieces.map((p) => [p]))("repeated %j", (piece) => {
    const text = piece.repeat(Math.ceil(LEN / piece.length)).slice(0, LEN);
    const t0 = Date.now();
    findPeriod(text);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test("mixed digits, 月, -, 年", () => {
    let text = "";
    let seed = 7;
    const alphabet = "0123456789月-年 一十至日截前第季度份全";
    while (text.length < LEN) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      text += alphabet.charAt(seed % alphabet.length);
    }
    const t0 = Date.now();
    findPeriod(text);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe("expectedProgressFromMonths", () => {
  test.each<[number, number]>([
    [6, 50],
    [9, 75],
    [3, 25],
    [12, 100],
    [9.5, 79.2],
    [8.9, 74.2],
    [0, 0],
    [13, 100],
    [-1, 0],
    [Number.NaN, 0],
  ])("%s months → %s%%", (months, expected) => {
    expect(expectedProgressFromMonths(months)).toBe(expected);
  });
});

describe("dates in figures and parts of a month", () => {
  test.each<[string, number | null]>([
    ["截止日期:2008.8.4", 7.1],
    ["截至2021-09-30", 9],
    ["截止时间 2021/6/15", 5.5],
    ["1至8月上半月,全市完成投资", 7.5],
    ["1-8月上旬", 7.3],
    ["1-9月中旬", 8.7],
    ["1-8月", 8],
    // Not a cut-off date: a publication date alone, or a date without 截至.
    ["发布日期:2023-02-10", null],
    ["2008.8.4", null],
  ])("%s → %p months", (text, months) => {
    const f = findPeriod(text);
    expect(f === null ? null : f.months).toBe(months);
  });
});
