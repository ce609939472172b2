// The reading rules one by one: stated completions, what a target asks for, which progress
// figures report an achievement, and the qualitative cues.
import { scan, type Fig } from "../../src/core/reading/figures";
import { reportedRate } from "../../src/core/reading/rules/reportedRate";
import { targetKind } from "../../src/core/reading/rules/targetKind";
import { actualVerdict, targetIsStart } from "../../src/core/reading/rules/actualFilter";
import { findCues } from "../../src/core/reading/cues";
import { normalize } from "../../src/core/text/normalize";
import { clauseIndexAt } from "../../src/core/reading/structure";

const lastPercent = (text: string): Fig => {
  const f = scan(text).figures.filter((g) => g.kind === "percent").at(-1);
  if (!f) throw new Error(`no percent in ${text}`);
  return f;
};
const figure = (text: string, which: string): Fig => {
  const f = scan(text).figures.find((g) => g.text === which);
  if (!f) throw new Error(`no ${which} in ${text}`);
  return f;
};
/** Is the figure's sentence about preparations, as readRow decides it? */
const preparing = (text: string, f: Fig): boolean => {
  const sc = scan(text);
  return findCues(sc.structure.norm, "progress").some(
    (c) => (c.kind === "preparing" || c.kind === "not_started") && sc.structure.clauses[clauseIndexAt(sc.structure, c.start)]?.segment === f.segment,
  );
};

describe("reportedRate: the progress text states the completion", () => {
  test.each<[string, string, "done" | "started"]>([
    // [text, stated words, stage]
    ["农村公路完工率71.6%", "完工率71.6%", "done"],
    ["培训4200人,完成任务77.8%", "完成任务77.8%", "done"],
    ["完成目标任务的98%", "完成目标任务的98%", "done"],
    ["已改造1200户,完成任务的73.1%", "完成任务的73.1%", "done"],
    ["完成投资2.3亿元,占年度计划的60%", "占年度计划的60%", "done"],
    ["完成率160%", "完成率160%", "done"],
    ["项目投资完成率71%", "投资完成率71%", "done"],
    ["已完成全年任务的45.5%", "完成全年任务的45.5%", "done"],
    ["累计完成年度计划的52%", "完成年度计划的52%", "done"],
    ["占全年目标任务数的61.2%", "占全年目标任务数的61.2%", "done"],
    ["任务完成率为55%", "任务完成率为55%", "done"],
    ["完成比例达到80%", "完成比例达到80%", "done"],
    ["为年度任务的91.3%", "为年度任务的91.3%", "done"],
    ["已完成总任务量的70%", "已完成总任务量的70%", "done"],
    ["主体工程形象进度达65%", "工程形象进度达65%", "done"],
    ["项目开工率100%", "项目开工率100%", "started"],
  ])("%s → %s (%s)", (text, words, stage) => {
    const f = lastPercent(text);
    const r = reportedRate(f);
    expect(r).not.toBeNull();
    expect(r!.stage).toBe(stage);
    expect(text.slice(r!.wordsStart, f.end)).toBe(words);
    expect(r!.fig.value).toBe(f.value);
  });

  test.each([
    "城乡居民医保参保率96.4%",
    "同比增长12%",
    "卫生厕所普及率达到84%",
    "培训合格率达90%以上",
    "住院费用按80%予以报销",
  ])("%s is a level or a standard, not a stated completion", (text) => {
    expect(reportedRate(lastPercent(text))).toBeNull();
  });
});

describe("targetKind: what a target figure asks for", () => {
  test.each<[string, string, ReturnType<typeof targetKind>]>([
    ["城乡居民医保参保率达到95%以上", "95%", "rate"],
    ["卫生厕所普及率达85%", "85%", "rate"],
    ["报销比例稳定在75%左右", "75%", "rate"],
    ["城镇登记失业率控制在4.5%以内", "4.5%", "ceiling"],
    ["城镇调查失业率低于5.5%", "5.5%", "ceiling"],
    ["孕产妇死亡率不高于10%", "10%", "ceiling"],
    ["农民人均可支配收入增长8%以上", "8%", "growth"],
    ["财政民生支出同比增长10%左右", "10%", "growth"],
    ["居民收入增幅不低于6%", "6%", "growth"],
    ["年底前完成项目建设的70%", "70%", null],
    ["补助不低于人均消费支出的60%", "60%", null],
    ["个人自付费用不超过1万元", "1万元", null],
    ["每户补助不超过3000元", "3000元", null],
    ["高龄津贴每人每月60元", "60元", null],
    ["培训农村劳动力1500人", "1500人", "quantity"],
    ["新建农村公路80公里以上", "80公里", "quantity"],
  ])("%s (%s) → %p", (text, which, kind) => {
    expect(targetKind(figure(text, which))).toBe(kind);
  });

  test("a breakdown is nothing to complete", () => {
    expect(targetKind(figure("资助参保8.6万人(其中:脱贫人口3.59万人)", "3.59万人"))).toBeNull();
  });

  test.each<[string, string, boolean]>([
    ["新开工棚户区改造2187套", "2187套", true],
    ["开工建设4个项目", "4个", true],
    ["建成农村公路120公里", "120公里", false],
  ])("targetIsStart: %s → %p", (text, which, start) => {
    expect(targetIsStart(figure(text, which))).toBe(start);
  });
});

describe("actualVerdict: which progress figures report an achievement", () => {
  test.each<[string, string, string]>([
    // [progress text, figure, why it is not an achievement]
    ["计划年底前完成200公里", "200公里", "future"],
    ["预计年内新增就业岗位300个", "300个", "future"],
    ["拟于三季度招募志愿者50人", "50人", "future"],
    ["力争9月底前再完成80户", "80户", "future"],
    ["17个中心村建设规划全部编制完成", "17个", "plan-object"],
    ["6个乡镇实施方案已批复", "6个", "plan-object"],
    ["3个项目设计方案已通过专家评审", "3个", "plan-object"],
    ["资助参保2.1万人(其中:低保对象1.3万人)", "1.3万人", "breakdown-or-standard"],
    ["每人每月发放60元", "60元", "breakdown-or-standard"],
  ])("%s: %s rejected as %s", (text, which, why) => {
    const f = figure(text, which);
    expect(actualVerdict(f, false)).toEqual({ ok: false, why });
  });

  test.each<[string, string]>([
    ["5个农村污水处理项目,目前正在招标", "5个"],
    ["12个老旧小区,施工图设计已完成,正在进行招投标", "12个"],
  ])("a bare figure in a sentence about preparations: %s", (text, which) => {
    const f = figure(text, which);
    expect(preparing(text, f)).toBe(true);
    expect(actualVerdict(f, true)).toEqual({ ok: false, why: "bare-in-preparation" });
  });

  test("a figure with a verb of achievement stands even in a preparing sentence", () => {
    const text = "已完成8个,其余正在招标";
    expect(actualVerdict(figure(text, "8个"), true)).toEqual({ ok: true });
  });

  test.each<[string, string]>([
    ["已开工7个小区", "7个"],
    ["新开工保障性住房320套", "320套"],
    ["启动改造老旧小区9个", "9个"],
  ])("%s: %s counts works begun (stage started)", (text, which) => {
    expect(actualVerdict(figure(text, which), false)).toEqual({ ok: true, stage: "started" });
  });

  test.each<[string, string]>([
    ["已建成农村公路86公里", "86公里"],
    ["累计培训1500人次", "1500人次"],
    ["已完工12个小区", "12个"],
  ])("%s: %s is an achievement", (text, which) => {
    expect(actualVerdict(figure(text, which), false)).toEqual({ ok: true });
  });

  test("开工12个,完工8个: the finished count is not a start", () => {
    const text = "开工12个,完工8个";
    expect(actualVerdict(figure(text, "12个"), false)).toEqual({ ok: true, stage: "started" });
    expect(actualVerdict(figure(text, "8个"), false)).toEqual({ ok: true });
  });

  test.each<[string, string]>([
    ["另外150人正在等待考试", "150人"],
    ["另有42户已提交申请", "42户"],
  ])("%s: %s is an aside", (text, which) => {
    expect(actualVerdict(figure(text, which), false)).toEqual({ ok: true, aside: true });
  });
});

describe("cues: qualitative statements in the progress text", () => {
  const cues = (text: string) => findCues(normalize(text), "progress").map((c) => `${c.kind}:${c.text}`);

  test.each<[string, string[]]>([
    ["项目已全部完成", ["done:已全部完成"]],
    ["资金已全部拨付到位", ["done:全部拨付到位"]],
    ["超额完成年度任务", ["exceeded:超额完成"]],
    ["截至目前已超额完成", ["exceeded:超额完成"]],
    ["已提前完成全年目标任务", ["done:完成全年目标任务"]],
    ["12个安置点已全部完工", ["done:已全部完工"]],
    ["已完成", ["done:已完成"]],
    ["项目尚未开展", ["not_started:尚未开展"]],
    ["目前尚未开工建设", ["not_started:尚未开工"]],
    ["暂未启动", ["not_started:未启动"]],
    ["项目正在招标", ["preparing:正在招标"]],
    ["正在进行前期工作", ["preparing:前期工作"]],
    ["工程进度滞后", ["behind:进度滞后"]],
  ])("%s → %p", (text, expected) => {
    expect(cues(text)).toEqual(expected);
  });

  test.each([
    "秋季招生后可完成全年任务",
    "下半年将全面完成",
    "预计年底前全部完成",
    "力争10月底前全面完成",
    "有望提前完成",
    "目前未全部完成",
    "已完成年度任务的80%",
    "无进度滞后情况",
  ])("%s → no done/behind cue (a wish, a negation or a share)", (text) => {
    expect(cues(text).filter((c) => /^(done|exceeded|behind)/.test(c))).toEqual([]);
  });

  test("cue offsets point at the words", () => {
    const text = "前期设计已完成，目前正在招标。";
    const found = findCues(normalize(text), "progress");
    expect(found).toHaveLength(1);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe("正在招标");
    expect(found[0]!.rule).toBe("cue-preparing");
  });
});
