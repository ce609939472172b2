// Things that look like numbers but are not quantities (nor reporting periods): dates, ranks,
// place names and slogans with numerals, durations, ranges, list numbering.
import { scan } from "../../src/core/reading/figures";
import { readRow } from "../../src/core/reading/read";
import { findPeriod } from "../../src/core/period";
import { analyzeGrid } from "../../src/core/analyze";

const figures = (text: string) => scan(text).figures.map((f) => f.text);

describe("not quantities and not periods", () => {
  test.each([
    // Dates and years
    "2020年",
    "2021年度",
    "9月27日",
    "9月27日召开全市民生工程推进会",
    "自2020年10月15日起施行",
    // Ranks, editions, ordinals
    "第十四届运动会",
    "第3批",
    "第1、2批",
    "第二期",
    "一、二级医院",
    "三级甲等医院",
    // Place names and slogans with numerals
    "全市三区六县",
    "“四好农村路”建设",
    "四好农村路",
    "推行一村一辅警",
    "“三品一标”农产品",
    "落实两免一补政策",
    "落实“两个确保”",
    "实施“三个一批”工程",
    "打造“五个一”文化阵地",
    "建立1人1档",
    "“351”兜底保障",
    "“1+3”服务模式",
    "送戏进万村",
    "百村千户工程",
    "千村万户行动",
    "十四五规划",
    // Durations, ages, ranges and shares
    "参加3-12个月的就业见习",
    "16-24岁失业青年",
    "年满60周岁",
    "每3-5人配备一名",
    "以1个年度为周期",
    "5个工作日内办结",
    "3个月",
    // "Some", not a count
    "培育一批示范合作社",
    "建设一批标准化卫生室",
    "万人",
    // List numbering
    "1.农村电商服务体系建设",
    "2.农村公路养护",
    "(3)健康扶贫",
  ])("%s", (text) => {
    expect(figures(text)).toEqual([]);
    expect(findPeriod(text)).toBeNull();
  });
});

describe("the figure next to a non-quantity is still read", () => {
  test.each<[string, string[]]>([
    ["1.农村电商:建成服务站30个", ["30个"]],
    ["第一批3个项目已完工", ["3个"]],
    ["“四好农村路”建设完成120公里", ["120公里"]],
    ["为16-24岁失业青年提供见习岗位500个", ["500个"]],
    ["9月27日前完成培训300人", ["300人"]],
    ["参加3-12个月的就业见习809人", ["809人"]],
    ["全市三区六县新建公厕45座", ["45座"]],
  ])("%s → %p", (text, expected) => {
    expect(figures(text)).toEqual(expected);
  });
});

describe("non-quantities never pair", () => {
  test("a slogan in the target and the progress is not an indicator", () => {
    const r = readRow("推进“四好农村路”建设,落实“两个确保”", "“四好农村路”建设有序推进,“两个确保”全面落实", {
      targetField: "target",
      expectedProgress: 50,
    });
    expect(r.indicators).toEqual([]);
    expect(r.unpairedTargets).toBe(0);
  });

  test("percentage points are never paired with a count or a percentage", () => {
    const r = readRow("贫困发生率下降2个百分点", "已脱贫2个村，贫困发生率为1.5%", { targetField: "target", expectedProgress: 50 });
    expect(r.indicators).toEqual([]);
  });
});

describe("non-finite numbers are not quantities", () => {
  const ones = "1".repeat(32767);
  test.each([
    [ones, ones],
    [ones, "5"],
    ["5", ones],
    [`${ones}人`, `已完成${ones}人`],
  ])("target %#", (target, progress) => {
    const r = readRow(target, progress, { targetField: "target", expectedProgress: 50 });
    expect(r.indicators.filter((i) => i.completion !== null && !Number.isFinite(i.completion))).toEqual([]);
  });
  test("a row of them reads as unquantified, not on track", () => {
    const doc = analyzeGrid({
      sheet: "S",
      top: 1,
      left: 1,
      merges: [],
      values: [["2020年1-6月"], ["序号", "项目名称", "年度目标任务", "进展情况"], ["1", "a", ones, ones]],
    });
    expect(doc.rows[0]!.status).toBe("unquantified");
  });
});
