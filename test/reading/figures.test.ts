// scan(): quantities with units, percentages, qualifiers, standards and breakdowns, each with
// offsets into the cell's own text.
import { scan, type Fig } from "../../src/core/reading/figures";

const only = (text: string): Fig => {
  const figs = scan(text).figures;
  expect(figs).toHaveLength(1);
  return figs[0]!;
};
const brief = (f: Fig) => ({ text: f.text, value: f.value, base: f.base, unit: f.unit });

describe("quantities with units from the lexicon", () => {
  test.each<[string, string, number, number, string]>([
    // [cell, figure text, value, base, unit class]
    ["招募特岗教师120人", "120人", 120, 120, "person"],
    ["培训退役军人85名", "85名", 85, 85, "person"],
    ["开展技能培训3600人次", "3600人次", 3600, 3600, "visit"],
    ["帮扶低收入家庭420户", "420户", 420, 420, "household"],
    ["建成村级服务站36个", "36个", 36, 36, "count"],
    ["新建公办幼儿园4所", "4所", 4, 4, "count"],
    ["认定示范合作社15家", "15家", 15, 15, "count"],
    ["整治黑臭水体6处", "6处", 6, 6, "count"],
    ["新建农村水厂2座", "2座", 2, 2, "count"],
    ["新开工保障性住房860套", "860套", 860, 860, "set"],
    ["化解信访积案35件", "35件", 35, 35, "item"],
    ["送戏下乡240场", "240场", 240, 240, "event"],
    ["开展巡回义诊18次", "18次", 18, 18, "event"],
    ["接种新冠疫苗52,000剂次", "52,000剂次", 52000, 52000, "dose"],
    ["新建改建农村道路14条", "14条", 14, 14, "item"],
    ["发放消费券3批", "3批", 3, 3, "batch"],
    ["抽检食品1500批次", "1500批次", 1500, 1500, "batch"],
    ["抽检农产品200个批次", "200个批次", 200, 200, "batch"],
    ["免费筛查宫颈癌1200例", "1200例", 1200, 1200, "case"],
    ["改造提升县乡公路35.6公里", "35.6公里", 35.6, 35600, "length"],
    ["铺设供水管网12千米", "12千米", 12, 12000, "length"],
    ["改造老旧小区屋面8600平方米", "8600平方米", 8600, 8600, "area"],
    ["改造老旧小区14.31万平方米", "14.31万平方米", 14.31, 143100, "area"],
    ["发放救助金680元", "680元", 680, 680, "money"],
    ["落实奖补资金320万元", "320万元", 320, 3200000, "money"],
    ["完成投资1.5亿元", "1.5亿元", 1.5, 150000000, "money"],
    ["惠及群众12万人", "12万人", 12, 120000, "person"],
    ["新增养老床位二百八十张", "二百八十张", 280, 280, "sheet"],
    ["培训两千人", "两千人", 2000, 2000, "person"],
  ])("%s → %s", (cell, text, value, base, cls) => {
    const f = only(cell);
    expect(f.kind).toBe("quantity");
    expect(f.text).toBe(text);
    expect(f.value).toBe(value);
    expect(f.base).toBeCloseTo(base, 6);
    expect(f.info?.cls).toBe(cls);
    expect(cell.slice(f.start, f.end)).toBe(text);
  });

  test("人次 is read whole, not as 人 then 次", () => {
    expect(brief(only("救助困难群众960人次"))).toEqual({ text: "960人次", value: 960, base: 960, unit: "人次" });
  });
});

describe("percentages", () => {
  test.each<[string, string, number]>([
    ["参保率96.4%", "96.4%", 96.4],
    ["普及率达到85 %", "85 %", 85],
    ["完成任务百分之六十", "百分之六十", 60],
    ["覆盖率达百分之95", "百分之95", 95],
    ["完工率７１．６％", "７１．６％", 71.6],
  ])("%s → %s = %d", (cell, text, value) => {
    const f = only(cell);
    expect(f.kind).toBe("percent");
    expect(f.text).toBe(text);
    expect(f.value).toBe(value);
    expect(f.unit).toBe("%");
  });
});

describe("qualifiers before and after a figure", () => {
  test.each<[string, string | undefined, string | undefined]>([
    ["参保人数达5000人以上", "达", "以上"],
    ["合格率不低于90%", "不低于", undefined],
    ["培训不少于300人", "不少于", undefined],
    ["受益群众超过2万人", "超过", undefined],
    ["新增就业1200人左右", undefined, "左右"],
    ["惠及约3000户", "约", undefined],
    ["覆盖近500户", "近", undefined],
    ["失业率控制在4.5%以内", "控制在", "以内"],
    ["个人自付不超过5000元", "不超过", undefined],
    ["平均等候时间控制在30分钟,误差率3%以下", undefined, "以下"],
  ])("%s → before %p, after %p", (cell, before, after) => {
    const figs = scan(cell).figures;
    const f = figs[figs.length - 1]!;
    expect(f.qualBefore).toBe(before);
    expect(f.qualAfter).toBe(after);
  });
});

describe("standards of support are flagged", () => {
  test.each<[string, string[]]>([
    ["高龄津贴按每人每月60元发放", ["60元"]],
    ["补助标准分别为每人每年800元、400元", ["800元", "400元"]],
    ["住院合规费用按80%予以报销", ["80%"]],
    ["低保标准提高到7276元/年人", ["7276元"]],
    ["残疾人生活补贴标准为每人每月70元", ["70元"]],
  ])("%s → standards %p", (cell, standards) => {
    const figs = scan(cell).figures;
    expect(figs.filter((f) => f.standard).map((f) => f.text)).toEqual(standards);
  });

  test("a count in another clause is not a standard", () => {
    const figs = scan("为1.2万名老人发放高龄津贴,每人每月60元").figures;
    expect(figs.map((f) => [f.text, f.standard])).toEqual([
      ["1.2万名", false],
      ["60元", true],
    ]);
  });

  test("标准化 (standardised) is not a standard of support", () => {
    expect(only("建成标准化卫生室12个").standard).toBe(false);
  });
});

describe("breakdowns are flagged", () => {
  test.each<[string, string[], string[]]>([
    // [cell, totals, breakdown figures]
    ["资助参保6.2万人(其中:建档立卡贫困人口2.1万人)", ["6.2万人"], ["2.1万人"]],
    ["资助参保6.2万人（其中：建档立卡贫困人口2.1万人）", ["6.2万人"], ["2.1万人"]],
    ["招聘教师45人(教育:40人、人社:5人)", ["45人"], ["40人", "5人"]],
    ["完成危房改造212户(萧县180户、砀山县32户)", ["212户"], ["180户", "32户"]],
    ["发放补贴820人,其中城镇600人、农村220人", ["820人"], ["600人", "220人"]],
  ])("%s", (cell, totals, parts) => {
    const figs = scan(cell).figures;
    expect(figs.filter((f) => !f.breakdown).map((f) => f.text)).toEqual(totals);
    expect(figs.filter((f) => f.breakdown).map((f) => f.text)).toEqual(parts);
  });

  test("a rate clause after 其中 ends the breakdown", () => {
    const figs = scan("开展职业农民培训1500人,其中专业生产型900人、技能服务型600人,培训合格率达92%").figures;
    expect(figs.map((f) => [f.text, f.breakdown])).toEqual([
      ["1500人", false],
      ["900人", true],
      ["600人", true],
      ["92%", false],
    ]);
  });

  test("a single figure in brackets without a split is an aside, not a breakdown", () => {
    const figs = scan("新建公厕35座(含改建)").figures;
    expect(figs.map((f) => [f.text, f.breakdown, f.paren])).toEqual([["35座", false, false]]);
  });
});

describe("offsets point at the figure in the cell's own text", () => {
  test.each([
    "截至６月底，完成培训１２３４人（其中：女性５６７人），完成率６１．７％。",
    "累计发放资金１，６１０万元；惠及群众３．２万人次",
    "完成道路硬化２８０．９９３公里、新建桥梁５座",
    "新增养老床位二百八十张，百分之九十五的乡镇覆盖",
  ])("%s", (cell) => {
    const figs = scan(cell).figures;
    expect(figs.length).toBeGreaterThan(1);
    for (const f of figs) expect(cell.slice(f.start, f.end)).toBe(f.text);
  });

  test("full-width figures read their values", () => {
    const figs = scan("截至６月底，完成培训１２３４人（其中：女性５６７人），完成率６１．７％。").figures;
    expect(figs.map((f) => [f.value, f.breakdown])).toEqual([
      [1234, false],
      [567, true],
      [61.7, false],
    ]);
  });
});

describe("clauses and segments", () => {
  test("figures in different sentences have different segments", () => {
    const figs = scan("新建幼儿园3所;改造校舍12处。新增学位1500个").figures;
    expect(new Set(figs.map((f) => f.segment)).size).toBe(3);
  });
  test("figures listed with 、 are separate clauses", () => {
    const figs = scan("建成5个文化馆、21个综合文化站").figures;
    expect(figs).toHaveLength(2);
    expect(figs[0]!.clause).not.toBe(figs[1]!.clause);
  });
});
