// Ranks (前3名, 居全省前三位) are not counts; round numbers after a word of approximation
// (近千人, 逾百家) are, with that word as their qualifier; a bare 千人 or 万人 is a name.
import { scan } from "../../src/core/reading/figures";

const quantities = (cell: string) => scan(cell).figures.filter((f) => f.kind === "quantity");
const texts = (cell: string) => scan(cell).figures.map((f) => f.text);

describe("ranks are not quantities", () => {
  test.each<[string, string[]]>([
    // [cell, every figure read]
    ["前3名", []],
    ["前三名", []],
    ["前 10 名", []],
    ["居全省前三位", []],
    ["全省第2位", []],
    ["第3名", []],
    ["排名第5", []],
    ["排名前十", []],
    ["排名前十位", []],
    ["综合排名前10位", []],
    ["排名全省12位", []],
    ["位列全市3名", []],
    ["前10强", []],
    ["进入全国前10强", []],
    ["位列全市第一", []],
    ["考核位居全市前5名", []],
    ["获全市技能大赛前3名", []],
    ["全省排名较上年上升3位", []],
    ["名次前进5名", []],
    ["居全省第6位,比去年同期提升5位", []],
    ["开工率均达100%,居全省前三位", ["100%"]],
    ["培训300名学员,考核成绩居全市前3名", ["300名"]],
    ["前5名获奖学员共奖励2000元", ["2000元"]],
  ])("%s → %p", (cell, figures) => {
    expect(texts(cell)).toEqual(figures);
  });
});

describe("counts with 名 or 位 are still read", () => {
  test.each<[string, string, number]>([
    // [cell, figure, value]
    ["培训300名", "300名", 300],
    ["新增教师120名", "120名", 120],
    ["招募志愿者50名", "50名", 50],
    ["新招录教师二十名", "二十名", 20],
    ["走访慰问80位老人", "80位", 80],
    ["截至目前120名教师已到岗", "120名", 120],
    ["截至目前,已培训300名", "300名", 300],
    ["此前50名学员已结业", "50名", 50],
    ["春节前200名农民工返岗", "200名", 200],
    ["前期招募志愿者50名", "50名", 50],
    ["学历提升300名", "300名", 300],
  ])("%s → %s", (cell, text, value) => {
    const figs = quantities(cell);
    expect(figs.map((f) => [f.text, f.value])).toEqual([[text, value]]);
    expect(cell.slice(figs[0]!.start, figs[0]!.end)).toBe(text);
  });
});

describe("approximate round numbers are quantities with a qualifier", () => {
  test.each<[string, string, number, number, string, string]>([
    // [cell, figure, value, base, unit, qualifier]
    ["近千人", "千人", 1000, 1000, "人", "近"],
    ["惠及近千人", "千人", 1000, 1000, "人", "近"],
    ["覆盖约万户农户", "万户", 10000, 10000, "户", "约"],
    ["培育逾百家合作社", "百家", 100, 100, "家", "逾"],
    ["受益群众超千人", "千人", 1000, 1000, "人", "超"],
    ["带动上千人就业", "千人", 1000, 1000, "人", "上"],
    ["吸纳近万名劳动力", "万名", 10000, 10000, "名", "近"],
    ["开展义诊上百场", "百场", 100, 100, "场", "上"],
    ["服务群众超过千人", "千人", 1000, 1000, "人", "超过"],
    ["接待将近万人次", "万人次", 10000, 10000, "人次", "近"],
    ["投入资金近千万元", "千万元", 1e7, 1e7, "元", "近"],
    ["拉动消费上百万元", "百万元", 1e6, 1e6, "元", "上"],
    ["大约千人参加", "千人", 1000, 1000, "人", "约"],
    ["全年参训不超过千人", "千人", 1000, 1000, "人", "不超过"],
  ])("%s → %s", (cell, text, value, base, unit, qualifier) => {
    const figs = quantities(cell);
    expect(figs).toHaveLength(1);
    const f = figs[0]!;
    expect(f.text).toBe(text);
    expect(f.value).toBe(value);
    expect(f.base).toBeCloseTo(base, 6);
    expect(f.unit).toBe(unit);
    expect(f.qualBefore).toBe(qualifier);
    expect(cell.slice(f.start, f.end)).toBe(text);
  });

  test("full-width text keeps its offsets", () => {
    const cell = "截至６月底，惠及近千人，其中约百户为脱贫户。";
    expect(quantities(cell).map((f) => [cell.slice(f.start, f.end), f.base, f.qualBefore])).toEqual([
      ["千人", 1000, "近"],
      ["百户", 100, "约"],
    ]);
  });
});

describe("a round number without a word of approximation is not a quantity", () => {
  test.each([
    "千人计划",
    "万人次",
    "万人",
    "入选省千人计划专家3名",
    "百家讲坛",
    "万人空巷",
    "数千人",
    "成千上万人",
    "成千上万名群众",
    "线上千人培训",
    "家庭医生签约万户行动",
    "附近千米范围",
  ])("%s", (cell) => {
    const found = quantities(cell).map((f) => f.text);
    expect(found.filter((t) => /^[百千万亿]/.test(t))).toEqual([]);
  });

  test("a count beside a name is still read", () => {
    expect(texts("入选省千人计划专家3名")).toEqual(["3名"]);
  });
});
