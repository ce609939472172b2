// readRow on target/progress pairs written the way bulletins write them: pairing by unit and
// subject, stated completions, levels, ceilings, growth, and what must not be paired.
import { readRow, type RowReading } from "../../src/core/reading/read";
import type { Indicator } from "../../src/core/types";

const read = (target: string, progress: string, expectedProgress = 50): RowReading =>
  readRow(target, progress, { targetField: "target", expectedProgress });
const pairs = (r: RowReading) => r.indicators.map((i) => [i.target?.text, i.actual?.text, i.completion]);
const one = (r: RowReading): Indicator => {
  expect(r.indicators).toHaveLength(1);
  return r.indicators[0]!;
};

describe("quantities pair by unit and subject, whatever the order", () => {
  test("three targets reported in another order", () => {
    const r = read(
      "新建村级综合文化服务中心30个,改造农村公路120公里,培训农民工2000人",
      "完成农民工培训1500人;农村公路改造完成80公里;文化服务中心建成24个",
    );
    expect(pairs(r)).toEqual([
      ["30个", "24个", 80],
      ["120公里", "80公里", 66.67],
      ["2000人", "1500人", 75],
    ]);
    expect(r.indicators.every((i) => i.kind === "quantity" && !i.reported && i.expected === 50)).toBe(true);
    expect(r.unpairedTargets).toBe(0);
  });

  test("two person counts told apart by their subjects", () => {
    const r = read("开发公益性岗位800个;组织高校毕业生就业见习600人;培训创业带头人200人", "创业培训150人,见习岗位安置高校毕业生420人,开发公益性岗位560个");
    expect(pairs(r)).toEqual([
      ["800个", "560个", 70],
      ["600人", "420人", 70],
      ["200人", "150人", 75],
    ]);
  });

  test("万 multipliers are compared in the base unit", () => {
    const r = read("城乡居民养老保险参保缴费39.5万人", "参保缴费人数达316000人");
    expect(one(r).completion).toBe(80);
  });

  test("a computed completion carries its evidence", () => {
    const i = one(read("新建农村公路120公里", "已建成农村公路90公里"));
    expect(i.evidence).toBe("90公里 ÷ 120公里");
    expect(i.rule).toBe("pair-exact");
    expect(i.target).toMatchObject({ value: 120, unit: "公里", start: 6, end: 11, field: "target" });
    expect(i.actual).toMatchObject({ value: 90, unit: "公里", field: "progress" });
  });
});

describe("a stated completion wins over recomputation", () => {
  test.each<[string, string, number, string, string]>([
    // [target, progress, completion, rule, evidence]
    ["改造农村危房500户", "已改造完成250户,完成任务的60%", 60, "reported-task-share", "完成任务的60%"],
    ["建设标准化考场20个", "已建成标准化考场12个,完成率55%", 55, "reported-rate", "完成率55%"],
    ["完成高标准农田建设5万亩", "已建成3.1万亩,占年度计划的62%", 62, "reported-share-of-plan", "占年度计划的62%"],
    ["新改建农村公路150公里", "已完工98公里,完工率65.3%", 65.3, "reported-rate", "完工率65.3%"],
  ])("%s ↔ %s → %d", (target, progress, completion, rule, evidence) => {
    const i = one(read(target, progress));
    expect(i.completion).toBe(completion);
    expect(i.reported).toBe(true);
    expect(i.rule).toBe(rule);
    expect(i.evidence).toBe(evidence);
    // The evidence span points at the stated words in the progress text.
    expect(i.evidenceSpan).toBeDefined();
    expect(progress.slice(i.evidenceSpan!.start, i.evidenceSpan!.end)).toBe(evidence);
    expect(i.evidenceSpan!.field).toBe("progress");
  });

  test("the stated rate attaches to the figure it follows, not to an earlier one", () => {
    const r = read("培训家政服务人员1000人;新建社区服务中心10个", "新建社区服务中心8个;培训家政服务人员400人,完成任务的40%");
    const byTarget = new Map(r.indicators.map((i) => [i.target?.text, i]));
    expect(byTarget.get("1000人")?.completion).toBe(40);
    expect(byTarget.get("1000人")?.reported).toBe(true);
    expect(byTarget.get("10个")?.completion).toBe(80);
    expect(byTarget.get("10个")?.reported).toBe(false);
  });

  test("a share of a task (已完成年度任务的80%) is not a claim of full completion", () => {
    const r = read("改造危房500户,新建村卫生室10个", "危房改造已完成年度任务的80%");
    expect(r.indicators.map((i) => i.completion)).toEqual([80]);
    expect(r.cues.filter((c) => c.kind === "done")).toEqual([]);
  });

  test("a wish to finish (预计年底前全部完成) accounts for nothing", () => {
    const r = read("新增养老床位1000张,改造敬老院20所", "敬老院改造预计年底前全部完成,已新增养老床位600张");
    expect(pairs(r)).toEqual([["1000张", "600张", 60]]);
    expect(r.unpairedTargets).toBe(1);
  });
});

describe("rates are levels, paired by subject", () => {
  test("three rates reported in another order", () => {
    const r = read(
      "城乡居民医保参保率达到95%以上,大病保险报销比例不低于60%,城镇登记失业率控制在4.5%以内",
      "大病保险报销比例62%,参保率96.5%,登记失业率3.8%",
    );
    expect(r.indicators.map((i) => [i.kind, i.target?.text, i.actual?.text, i.completion, i.expected])).toEqual([
      ["rate", "95%", "96.5%", 101.58, 100],
      ["rate", "60%", "62%", 103.33, 100],
      ["ceiling", "4.5%", "3.8%", 118.42, 100],
    ]);
  });

  test("a rate below its floor is below 100 whatever the month", () => {
    const i = one(read("农村卫生厕所普及率达到85%", "全市农村卫生厕所普及率达到80.75%", 25));
    expect(i.kind).toBe("rate");
    expect(i.completion).toBe(95);
    expect(i.expected).toBe(100);
  });

  test("a rate qualified 左右 allows a small shortfall", () => {
    const i = one(read("政策范围内住院费用报销比例稳定在75%左右", "政策范围内住院费用报销比例73.5%"));
    expect(i.completion).toBe(98);
    expect(i.expected).toBeLessThan(100);
    expect(i.expected).toBeLessThanOrEqual(98);
  });

  test.each<[string, string, number, boolean]>([
    // [target, progress, completion, met]
    ["城镇登记失业率控制在4.5%以内", "城镇登记失业率3.8%", 118.42, true],
    ["城镇调查失业率控制在5.5%以内", "城镇调查失业率5.5%", 100, true],
    ["城镇登记失业率控制在4%以内", "城镇登记失业率5%", 80, false],
  ])("ceiling: %s ↔ %s", (target, progress, completion, met) => {
    const i = one(read(target, progress));
    expect(i.kind).toBe("ceiling");
    expect(i.completion).toBe(completion);
    expect(i.completion! >= i.expected).toBe(met);
  });

  test.each<[string, string, number]>([
    ["农民人均可支配收入增长8%以上", "农民人均可支配收入同比增长5.8%", 72.5],
    ["城镇居民人均可支配收入增长7%", "前三季度城镇居民人均可支配收入增长7.7%", 110],
    ["社会消费品零售总额增幅不低于10%", "社会消费品零售总额同比增长8%", 80],
  ])("growth: %s ↔ %s → %d", (target, progress, completion) => {
    const i = one(read(target, progress));
    expect(i.kind).toBe("growth");
    expect(i.completion).toBe(completion);
    expect(i.expected).toBe(100);
  });

  test("a rate next to a quantity pairs with the rate, the count with the count", () => {
    const r = read("开展家庭医生签约服务,签约率达到60%以上;开展健康体检5万人次", "健康体检3.2万人次;家庭医生签约率65%");
    expect(r.indicators.map((i) => [i.kind, i.completion])).toEqual([
      ["rate", 108.33],
      ["quantity", 64],
    ]);
  });
});

describe("units: compatible, and asymmetric on purpose", () => {
  test("a 人次 target accepts persons (a lower bound)", () => {
    const i = one(read("开展职业技能培训3000人次", "开展职业技能培训2100人"));
    expect(i.completion).toBe(70);
    expect(i.rule).toBe("pair-loose");
  });

  test("a 人 target is not measured by 人次", () => {
    const r = read("资助困难群众参保5000人", "医疗救助困难群众6000人次");
    expect(r.indicators).toEqual([]);
    expect(r.unpairedTargets).toBe(1);
  });

  test("money is not paired with people", () => {
    const r = read("发放创业担保贷款5000万元", "扶持创业1200人");
    expect(r.indicators).toEqual([]);
  });

  test("公里 and 米 are one class", () => {
    expect(one(read("铺设污水管网12公里", "已铺设污水管网9000米")).completion).toBe(75);
  });
});

describe("breakdowns and standards are not indicators", () => {
  test("a bracketed breakdown in the progress text is not paired", () => {
    const i = one(read("培训新型职业农民800人", "培训新型职业农民600人(其中:种植业400人、养殖业200人)"));
    expect(i.actual?.text).toBe("600人");
    expect(i.completion).toBe(75);
  });

  test("breakdowns on both sides: only the totals pair", () => {
    const r = read("培训新型职业农民800人(其中:种植业500人、养殖业300人)", "已培训650人(种植业:400人、养殖业:250人)");
    expect(pairs(r)).toEqual([["800人", "650人", 81.25]]);
  });

  test("a 其中 breakdown ends at a rate clause; the rate is still read", () => {
    const r = read(
      "组织新型职业农民培训970人,其中专业生产型290人、技能服务型680人,培训合格率达90%以上",
      "组织新型职业农民培训485人,其中专业生产型145人、技能服务型340人,培训合格率95%",
    );
    expect(r.indicators.map((i) => [i.kind, i.target?.text, i.actual?.text, i.completion])).toEqual([
      ["quantity", "970人", "485人", 50],
      ["rate", "90%", "95%", 105.56],
    ]);
  });

  test("standards of support alike on both sides are not paired", () => {
    const r = read("发放高龄津贴,标准为每人每月60元", "已为1.2万名老人发放高龄津贴,每人每月60元");
    expect(r.indicators).toEqual([]);
  });

  test("a money standard next to a count: only the count", () => {
    const r = read("资助1500名困难学生,补助标准为每生每年2500元", "已资助困难学生900名,补助标准为每生每年2500元");
    expect(pairs(r)).toEqual([["1500名", "900名", 60]]);
  });
});

describe("works begun are an upper bound", () => {
  test("a 开工-only figure is marked stage started", () => {
    const i = one(read("新建公租房300套", "已开工300套"));
    expect(i.completion).toBe(100);
    expect(i.stage).toBe("started");
  });

  test("a finished count wins over a started count", () => {
    const i = one(read("新建公租房300套", "已开工300套,竣工120套"));
    expect(i.actual?.text).toBe("120套");
    expect(i.completion).toBe(40);
    expect(i.stage).toBeUndefined();
  });

  test("a target about starting works is met by starts", () => {
    const i = one(read("棚户区改造新开工2000套", "棚户区改造已开工1500套"));
    expect(i.completion).toBe(75);
    expect(i.stage).toBeUndefined();
  });
});

describe("progress figures that are not achievements", () => {
  test("a planned figure is not paired", () => {
    const r = read("新建农村公路200公里", "计划年底前完成200公里,目前正在招标");
    expect(r.indicators.filter((i) => i.kind === "quantity" && i.actual)).toEqual([]);
  });

  test("a count of plans is not a count of the target's objects", () => {
    const r = read("完成12个美丽乡村中心村建设", "12个中心村建设规划全部编制完成并通过评审");
    expect(r.indicators.filter((i) => i.actual)).toEqual([]);
  });

  test("an extra not yet counted loses to the counted figure", () => {
    const i = one(read("为农村困难群众免费体检2万人", "已体检1.5万人,另外3000人正在预约"));
    expect(i.actual?.text).toBe("1.5万人");
  });
});

describe("cues account for targets without figures", () => {
  test("尚未开展 gives the named target 0", () => {
    const r = read("开展农村妇女两癌筛查1.2万人", "农村妇女两癌筛查工作尚未开展");
    const i = one(r);
    expect(i.kind).toBe("milestone");
    expect(i.completion).toBe(0);
    expect(i.evidence).toBe("尚未开展");
  });

  test("已全部完成 gives the named target 100", () => {
    const progress = "农村学校旱厕改造已全部完成";
    const i = one(read("改造农村学校旱厕60所", progress));
    expect(i.kind).toBe("milestone");
    expect(i.completion).toBe(100);
    expect(i.evidenceSpan).toEqual({ start: 8, end: 13, field: "progress" });
    expect(progress.slice(8, 13)).toBe("已全部完成");
  });
});
