// Wordings of other bulletins, row by row through the whole pipeline (序时 75%: 1-9月).
import { analyzeGrid } from "../../src/core/analyze";
import type { RowStatus } from "../../src/core/types";

function row(target: string, progress: string) {
  const d = analyzeGrid({
    sheet: "s",
    top: 1,
    left: 1,
    merges: [],
    values: [["2022年1-9月重点项目推进情况"], ["序号", "责任单位", "项目名称", "年度目标任务", "进展情况"], [1, "某局", "某项目", target, progress]],
  });
  return d.rows[0]!;
}

test.each<[string, string, RowStatus, number | null]>([
  // stated physical progress / share of the works
  ["建设县人民医院门诊楼1栋", "主体结构已封顶，工程形象进度达80%", "on_track", 80],
  ["实施污水管网改造工程", "已完成总工程量的60%，正在加快推进", "lagging", 60],
  ["建设综合文化中心", "项目进度达90%", "on_track", 90],
  ["完成投资2.5亿元", "已完成投资2亿元，占年度计划的80%", "on_track", 80],
  // the text's own admission wins over figures
  ["新建公厕30座", "已建成24座，但受雨季影响进度滞后", "lagging", 80],
  ["改造提升农贸市场5个", "2个已开工，推进缓慢", "lagging", null],
  // negatives: the same words in other senses
  ["新建公厕30座", "已建成24座，无进度滞后情况", "on_track", 80],
  ["新建公厕30座", "已建成24座，未出现推进缓慢问题", "on_track", 80],
])("%s | %s → %s", (target, progress, status, completion) => {
  const r = row(target, progress);
  expect(r.status).toBe(status);
  if (completion !== null) expect(r.completion).toBeCloseTo(completion, 1);
});

test("a start-only figure is an upper bound: never completed", () => {
  const r = row("新建改扩建幼儿园6所", "6所幼儿园已全部开工");
  expect(r.status).toBe("on_track");
  expect(r.indicators.some((i) => i.stage === "started")).toBe(true);
});

test("a figure that counts plans is not an achievement", () => {
  const r = row("完成20个美丽乡村中心村建设", "20个中心村建设规划已编制完成，正在进行施工招标");
  expect(r.status).toBe("lagging");
  expect(r.indicators.every((i) => i.rule !== "pair-exact")).toBe(true);
});

test.each<[string, string, RowStatus]>([
  // a statement about the whole task answers every target
  ["新建改建农村公路50公里", "已完成年度任务", "completed"],
  ["新建公厕30座，改造公厕20座", "新建公厕32座，已全部完成全年目标任务", "completed"],
  // …but not a share of it, a wish, or a part of the task
  ["新建改建农村公路50公里", "已完成年度任务的60%", "lagging"],
  ["新建改建农村公路50公里", "预计年底前可完成年度任务", "unquantified"],
  ["新建公厕30座，改造公厕20座", "新建公厕32座", "on_track"],
])("whole task: %s | %s → %s", (target, progress, status) => {
  expect(row(target, progress).status).toBe(status);
});

test.each<[string, string, RowStatus]>([
  ["建成区域性养老服务中心", "该项目已完工并投入使用", "completed"],
  ["建设全民健身中心", "项目已竣工验收", "completed"],
  ["新建公厕30座", "全年目标任务已完成", "completed"],
  ["新建公厕30座", "已完成年度目标", "completed"],
  // partial or future: not done
  ["新建改扩建幼儿园8所", "8所幼儿园全部开工，已完工3个", "on_track"],
  ["建设全民健身中心", "主体已完工，正在进行内部装修", "unquantified"],
  ["建设全民健身中心", "一期已建成投用，二期正在施工", "unquantified"],
  ["建设全民健身中心", "预计10月底完工", "unquantified"],
])("done wordings: %s | %s → %s", (target, progress, status) => {
  expect(row(target, progress).status).toBe(status);
});

test.each<[string, string, RowStatus, number | null]>([
  // a concentration ceiling is a level, judged in full whatever the month
  ["PM2.5平均浓度控制在40微克/立方米以内", "PM2.5平均浓度43微克/立方米，同比下降6.5%", "lagging", 93],
  ["细颗粒物平均浓度不超过35微克/立方米", "细颗粒物平均浓度为32.4微克/立方米", "completed", 108],
  // a money cap stays a policy limit
  ["个人自付费用不超过1万元", "累计救助支出5万元", "unquantified", null],
  // stated completions listed together, each for its own figure
  ["筛查宫颈癌100万人、乳腺癌40万人", "完成宫颈癌筛查96.3万人、乳腺癌筛查37.9万人，分别占全年任务的96.3%和94.8%", "on_track", 94.8],
  // 高标准农田 is a kind of farmland, not a standard of support
  ["新建高标准农田2.5万亩", "已建成高标准农田2万亩", "on_track", 80],
  ["新建高标准农田2.5万亩", "高标准农田项目正在办理前期手续，预计5月开工", "lagging", null],
  // works finished win over works started
  ["实施农村公路危桥改造500座", "危桥改造开工420座、完工310座", "lagging", 62],
  ["新开工棚户区改造2000套", "新开工1850套，基本建成600套", "on_track", 92.5],
])("levels, lists and kinds: %s | %s → %s", (target, progress, status, completion) => {
  const r = row(target, progress);
  expect(r.status).toBe(status);
  if (completion !== null) expect(r.completion).toBeCloseTo(completion, 0);
});
