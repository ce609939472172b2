// The words shown beside a figure: whole word runs, never cut by a fixed window.
import { scan } from "../../src/core/reading/figures";
import { figureSubject } from "../../src/core/reading/subject";

const subjects = (text: string) => scan(text).figures.map((f) => [f.text, figureSubject(f)]);

describe("figureSubject", () => {
  test.each([
    ["扩大国家免疫规划常规疫苗接种约523128剂次", "523128剂次", "扩大国家免疫规划常规疫苗接种"],
    ["实施农村公路扩面延伸工程280.993公里", "280.993公里", "实施农村公路扩面延伸工程"],
    ["新增城镇就业5万人以上", "5万人", "新增城镇就业"],
    ["建卡率达到95%以上", "95%", "建卡率"],
    ["城乡居民医保参保率为96.4%", "96.4%", "城乡居民医保参保率"],
  ])("%s → %s is counted as %s", (text, figure, subject) => {
    expect(subjects(text)).toContainEqual([figure, subject]);
  });

  test("a figure after another in the same clause takes the words between them, not the earlier ones", () => {
    expect(subjects("新建100公里、改造50公里")).toEqual([
      ["100公里", "新建"],
      ["50公里", "改造"],
    ]);
  });

  test("a figure opening its clause is named by the words after it", () => {
    expect(subjects("96.4%参保")).toContainEqual(["96.4%", "参保"]);
  });

  test("a long run keeps its last 16 characters; no words at all give no subject", () => {
    const long = "在全市范围内持续深入推进城乡居民基本医疗保险扩面提质增效工作";
    const s = String(subjects(`${long}1200人`)[0]?.[1]);
    expect(s).toHaveLength(16);
    expect(long.endsWith(s)).toBe(true);
    expect(figureSubject({ before: "", after: "" })).toBeUndefined();
    expect(figureSubject({ before: "2020年", after: "。" })).toBeUndefined();
    expect(figureSubject({ before: "截至2020年6月底累计完成", after: "" })).toBe("累计完成");
  });
});
