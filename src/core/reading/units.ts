// Units as a lexicon. Each unit has a canonical form and a class; pairing a target with an
// actual needs compatible units. Matched longest-first (个批次 before 个, 人次 before 人).

export type UnitClass =
  | "person" | "visit" | "household" | "case" | "count" | "event" | "batch" | "dose"
  | "length" | "area" | "volume" | "weight" | "money" | "set" | "bed" | "item" | "vehicle"
  | "sheet" | "copy" | "plant" | "animal" | "machine" | "energy" | "concentration" | "points";

export interface UnitInfo {
  canon: string;
  cls: UnitClass;
  /** Multiplier to the canonical unit (万元 → 元 × 1e4). */
  factor: number;
}

const U = (canon: string, cls: UnitClass, factor = 1): UnitInfo => ({ canon, cls, factor });

/** Words that look like units after a number but name durations, ranks or shares: not quantities. */
export const NOT_UNITS = [
  "个月", "个年度", "个工作日", "个小时", "个季度", "个批次以上", "周岁", "岁", "年", "月", "日", "号",
  "届", "级", "倍", "成", "档", "类", "星", "天", "小时", "分钟", "周", "季度",
];

export const UNITS: Record<string, UnitInfo> = {
  // A change of a rate in percentage points (提高2个百分点): a level target, never a count.
  个百分点: U("百分点", "points"), 百分点: U("百分点", "points"),
  人: U("人", "person"), 名: U("人", "person"), 位: U("人", "person"), 万人: U("人", "person", 1e4),
  人次: U("人次", "visit"), 万人次: U("人次", "visit", 1e4),
  户: U("户", "household"), 万户: U("户", "household", 1e4), 户次: U("人次", "visit"),
  例: U("例", "case"),
  个: U("个", "count"), 所: U("所", "count"), 家: U("家", "count"), 处: U("处", "count"),
  座: U("座", "count"), 项: U("项", "count"), 宗: U("宗", "count"), 栋: U("栋", "count"),
  幢: U("幢", "count"), 间: U("间", "count"), 支: U("支", "count"), 眼: U("眼", "count"),
  口: U("口", "count"), 孔: U("孔", "count"),
  场: U("场", "event"), 次: U("次", "event"), 场次: U("场", "event"), 期: U("期", "event"),
  班: U("期", "event"), 轮: U("次", "event"),
  批: U("批", "batch"), 批次: U("批", "batch"), 个批次: U("批", "batch"),
  剂次: U("剂次", "dose"), 剂: U("剂次", "dose"), 针次: U("剂次", "dose"), 万剂次: U("剂次", "dose", 1e4),
  公里: U("米", "length", 1000), 千米: U("米", "length", 1000), 米: U("米", "length"), 延米: U("米", "length"),
  万米: U("米", "length", 1e4),
  平方米: U("平方米", "area"), 平米: U("平方米", "area"), 万平方米: U("平方米", "area", 1e4),
  平方公里: U("平方米", "area", 1e6), 亩: U("亩", "area"), 万亩: U("亩", "area", 1e4),
  公顷: U("亩", "area", 15),
  立方米: U("立方米", "volume"), 万立方米: U("立方米", "volume", 1e4), 方: U("立方米", "volume"),
  吨: U("吨", "weight"), 万吨: U("吨", "weight", 1e4), 公斤: U("吨", "weight", 0.001), 千克: U("吨", "weight", 0.001),
  元: U("元", "money"), 万元: U("元", "money", 1e4), 亿元: U("元", "money", 1e8), 千元: U("元", "money", 1e3),
  套: U("套", "set"), 张: U("张", "sheet"), 床: U("张", "bed"), 张床位: U("张", "bed"),
  件: U("件", "item"), 条: U("条", "item"), 篇: U("篇", "item"), 份: U("份", "copy"), 本: U("册", "copy"),
  册: U("册", "copy"), 万册: U("册", "copy", 1e4),
  台: U("台", "machine"), 辆: U("辆", "vehicle"), 部: U("部", "machine"), 盏: U("盏", "machine"),
  套次: U("套", "set"),
  株: U("株", "plant"), 棵: U("株", "plant"), 万株: U("株", "plant", 1e4),
  头: U("头", "animal"), 只: U("只", "animal"), 羽: U("只", "animal"),
  千瓦: U("千瓦", "energy"), 兆瓦: U("千瓦", "energy", 1000), 万千瓦: U("千瓦", "energy", 1e4),
  // Concentrations (PM2.5 控制在35微克/立方米以内): levels, usually ceilings.
  "微克/立方米": U("微克/立方米", "concentration"), 微克每立方米: U("微克/立方米", "concentration"),
  "毫克/立方米": U("微克/立方米", "concentration", 1000), "毫克/升": U("毫克/升", "concentration"),
};

/** Every unit word, longest first, for building the alternation. */
export const UNIT_WORDS = [...Object.keys(UNITS), ...NOT_UNITS].sort((a, b) => b.length - a.length);

export type Compatibility = "exact" | "class" | "loose";

/**
 * How well an actual's unit can measure a target's. Asymmetric on purpose: persons are a lower
 * bound of person-times (a 人次 target read from 人 is fine), but person-times over-count persons
 * (a 人 target is not measured by 人次: 资助参保8.6万人 vs 救助32890人次 are different measures).
 */
export function compatibility(target: UnitInfo, actual: UnitInfo): Compatibility | null {
  if (target.canon === actual.canon) return "exact";
  if (target.cls === actual.cls) return "class";
  const t = target.cls;
  const a = actual.cls;
  if (t === "visit" && (a === "person" || a === "case")) return "loose";
  if ((t === "person" || t === "household") && (a === "person" || a === "case" || a === "household")) return "loose";
  if (t === "case" && a === "person") return "loose";
  if ((t === "event" && a === "batch") || (t === "batch" && a === "event")) return "loose";
  if ((t === "bed" && a === "sheet") || (t === "sheet" && a === "bed")) return "class";
  return null;
}
