// Finding the table in a sheet: the header row under titles and intros, the columns' roles by
// their synonyms in any order, merged and blank cells filled down, headings and notes skipped.
import { detectTable, cellText, fillMerges } from "../../src/core/table/detect";
import { roleOf } from "../../src/core/table/headers";
import { analyzeGrid } from "../../src/core/analyze";
import { JinduError } from "../../src/core/errors";
import type { CellValue, ColumnRole, Grid, MergedArea } from "../../src/core/types";
import { normalize } from "../../src/core/text/normalize";

const grid = (values: CellValue[][], merges: MergedArea[] = [], top = 1, left = 1): Grid => ({ sheet: "Sheet1", top, left, values, merges });
const errorCode = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof JinduError ? e.code : `not a JinduError: ${String(e)}`;
  }
  return undefined;
};

describe("roleOf: header synonyms", () => {
  test.each<[string, ColumnRole | null]>([
    ["序号", "seq"],
    ["序 号", "seq"],
    ["实施单位", "unit"],
    ["责任单位", "unit"],
    ["牵头单位", "unit"],
    ["牵头责任单位", "unit"],
    ["项目名称", "project"],
    ["项 目 名 称", "project"],
    ["工作任务", "project"],
    ["重点工作任务", "project"],
    ["实事项目名称", "project"],
    ["年度目标任务", "target"],
    ["目标任务", "target"],
    ["季度目标", "target"],
    ["全年目标", "target"],
    ["年度目标任务(万元)", "target"],
    ["进展情况", "progress"],
    ["完成情况", "progress"],
    ["完  成  情  况", "progress"],
    ["当前进度", "progress"],
    ["落实情况", "progress"],
    ["截至6月底进展情况", "progress"],
    ["2020年1-6月完成情况", "progress"],
    ["截至2021年9月30日进展情况", "progress"],
    ["完成率", "completion"],
    ["完成率(%)", "completion"],
    ["1-9月完成率", "completion"],
    ["完成状况", "status"],
    ["目标完成情况", "status"],
    ["备注", "remarks"],
    ["", null],
    ["今年以来全市上下认真贯彻落实民生工程各项决策部署切实保障民生", null],
    ["合计", null],
  ])("%p → %p", (text, role) => {
    expect(roleOf(normalize(text))).toBe(role);
  });
});

describe("the header row", () => {
  test("found under a title, a GONGGAO line and an intro paragraph, in any column order", () => {
    const t = detectTable(
      grid([
        ["2021年1-9月民生实事进展情况", "", "", "", ""],
        ["GONGGAO"],
        ["今年以来，全市上下扎实推进民生实事。截至9月底，累计完成投资5亿元。"],
        [],
        ["完成情况", "牵头单位", "序号", "实事项目名称", "目标任务"],
        ["已改造100户", "市住建局", "1", "危房改造", "改造危房200户"],
      ]),
    );
    expect(t.header.row).toBe(5);
    expect(t.header.columns).toEqual({ progress: 1, unit: 2, seq: 3, project: 4, target: 5 });
    expect(t.title).toBe("2021年1-9月民生实事进展情况");
    expect(t.preamble).toHaveLength(3);
    expect(t.rows).toEqual([
      {
        row: 6,
        cells: { seq: "1", unit: "市住建局", project: "危房改造", target: "改造危房200户", progress: "已改造100户" },
        values: ["已改造100户", "市住建局", "1", "危房改造", "改造危房200户"],
      },
    ]);
  });

  test("spaced header text keeps its label as written", () => {
    const t = detectTable(grid([["序  号", "项 目 名 称", "目  标  任  务", "完  成  情  况"], ["1", "a", "b", "c"]]));
    expect(t.header.columns).toEqual({ seq: 1, project: 2, target: 3, progress: 4 });
    expect(t.header.labels.progress).toBe("完  成  情  况");
  });

  test.each<[string[], Partial<Record<ColumnRole, number>>]>([
    [["序号", "责任单位", "工作任务", "季度目标", "当前进度"], { seq: 1, unit: 2, project: 3, target: 4, progress: 5 }],
    [["编号", "牵头单位", "重点工作任务", "目标任务", "落实情况", "备注"], { seq: 1, unit: 2, project: 3, target: 4, progress: 5, remarks: 6 }],
    [["实事项目名称", "责任单位", "年度目标", "完成情况", "完成率", "完成状况"], { project: 1, unit: 2, target: 3, progress: 4, completion: 5, status: 6 }],
    [["项目名称", "进展情况"], { project: 1, progress: 2 }],
  ])("synonyms %p", (header, columns) => {
    const t = detectTable(grid([header, header.map((_, i) => `x${i}`)]));
    expect(t.header.columns).toEqual(columns);
  });

  test("the grid's offset is added to rows and columns", () => {
    const t = detectTable(grid([["标题：2020年民生工程进展情况表"], ["项目名称", "年度目标任务", "进展情况"], ["a", "b", "c"]], [], 3, 2));
    expect(t.header.row).toBe(4);
    expect(t.header.columns).toEqual({ project: 2, target: 3, progress: 4 });
    expect(t.rows[0]!.row).toBe(5);
  });

  test("no header → JinduError no_header", () => {
    expect(errorCode(() => detectTable(grid([["张三", "李四"], ["1", "2"]])))).toBe("no_header");
    // A project column alone is not a table of progress.
    expect(errorCode(() => detectTable(grid([["序号", "项目名称", "实施单位"], ["1", "a", "b"]])))).toBe("no_header");
  });

  test.each<[string, CellValue[][]]>([
    ["no rows", []],
    ["blank cells", [[null, ""], ["", "  "]]],
    ["empty rows", [[], []]],
  ])("empty grid (%s) → JinduError empty_sheet", (_, values) => {
    expect(errorCode(() => detectTable(grid(values)))).toBe("empty_sheet");
    expect(errorCode(() => analyzeGrid(grid(values)))).toBe("empty_sheet");
  });
});

describe("merged and blank 序号/实施单位", () => {
  const header = ["序号", "实施单位", "项目名称", "年度目标", "进展情况"];

  test("merged cells (Grid.merges) take the top-left value", () => {
    const t = detectTable(
      grid(
        [header, ["1", "市民政局", "A", "a", "b"], [null, null, "B", "c", "d"], ["2", "市卫健委", "C", "e", "f"]],
        [
          { top: 2, left: 1, bottom: 3, right: 1 },
          { top: 2, left: 2, bottom: 3, right: 2 },
        ],
      ),
    );
    expect(t.rows.map((r) => [r.cells.seq, r.cells.unit, r.cells.project])).toEqual([
      ["1", "市民政局", "A"],
      ["1", "市民政局", "B"],
      ["2", "市卫健委", "C"],
    ]);
  });

  test("fillMerges copies into every cell of the area and leaves the input alone", () => {
    const g = grid([["a", null], [null, null]], [{ top: 1, left: 1, bottom: 2, right: 2 }]);
    expect(fillMerges(g)).toEqual([
      ["a", "a"],
      ["a", "a"],
    ]);
    expect(g.values[1]).toEqual([null, null]);
  });

  test("blank continuation rows belong to the unit above", () => {
    const t = detectTable(
      grid([header, ["1", "市人社局", "技能培训", "培训3000人", "已培训2000人"], ["", "", "就业见习", "见习800人", "已见习500人"], ["", "", "公益岗位", "开发岗位2100个", "已开发1500个"]]),
    );
    expect(t.rows.map((r) => [r.row, r.cells.seq, r.cells.unit])).toEqual([
      [2, "1", "市人社局"],
      [3, "1", "市人社局"],
      [4, "1", "市人社局"],
    ]);
  });
});

describe("rows that are not projects", () => {
  test("section headings and notes are skipped", () => {
    const t = detectTable(
      grid([
        ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"],
        ["一、教育类"],
        ["1", "市教育局", "新建幼儿园", "新建幼儿园5所", "已建成3所"],
        ["(二)卫生健康类", ""],
        ["2", "市卫健委", "两癌筛查", "筛查1万人", "已筛查6000人"],
        ["第三部分 就业", ""],
        ["合计"],
        ["注：数据截至9月30日"],
        ["备注：以上数据由各单位报送"],
        [],
      ]),
    );
    expect(t.rows.map((r) => r.cells.project)).toEqual(["新建幼儿园", "两癌筛查"]);
  });

  test("a header repeated on a new page is not a project", () => {
    const h = ["序号", "实施单位", "项目名称", "年度目标任务", "进展情况"];
    const t = detectTable(grid([h, ["1", "a", "b", "c", "d"], h, ["2", "e", "f", "g", "h"]]));
    expect(t.rows.map((r) => r.cells.seq)).toEqual(["1", "2"]);
  });
});

describe("without a target column the target is read from the project text", () => {
  test("新增4000张养老床位 in the project column", () => {
    const doc = analyzeGrid(
      grid([
        ["2020年1-6月民生工程进展情况"],
        ["序号", "实施单位", "项目名称", "进展情况"],
        ["1", "市民政局", "新增4000张养老床位", "已新增养老床位3000张"],
      ]),
    );
    const row = doc.rows[0]!;
    expect(row.target).toBe("新增4000张养老床位");
    expect(row.indicators).toHaveLength(1);
    expect(row.indicators[0]!.target).toMatchObject({ text: "4000张", field: "project" });
    expect(row.indicators[0]!.completion).toBe(75);
    expect(row.status).toBe("on_track");
  });
});

describe("cells of every type", () => {
  test("numbers stay numbers, error cells read as empty, nothing crashes", () => {
    const t = detectTable(
      grid([
        ["序号", "责任单位", "重点工作任务", "季度目标", "当前进度", "完成率", "完成状况", "备注"],
        [1, "市民政局", "养老服务", { error: "#N/A" }, "新增床位100张", 0.716, "正常", null],
        [2, { error: "#REF!" }, true, "培训100人", "培训80人", "71.6%", "滞后", 5],
      ]),
    );
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0]!.cells).toMatchObject({ seq: "1", target: "", progress: "新增床位100张", completion: "0.716", status: "正常" });
    expect(t.rows[0]!.completionValue).toBe(0.716);
    expect(t.rows[1]!.cells).toMatchObject({ seq: "2", unit: "市民政局", project: "是", remarks: "5" });
    expect(t.rows[1]!.completionValue).toBe("71.6%");
  });

  test.each<[CellValue, string]>([
    [null, ""],
    ["文字", "文字"],
    [12.5, "12.5"],
    [Number.NaN, ""],
    [Number.POSITIVE_INFINITY, ""],
    [true, "是"],
    [false, "否"],
    [{ error: "#DIV/0!" }, ""],
  ])("cellText(%p) → %p", (v, text) => {
    expect(cellText(v)).toBe(text);
  });

  test("analyzeGrid reads a sheet full of error cells without throwing", () => {
    const doc = analyzeGrid(
      grid([
        ["项目名称", "年度目标任务", "进展情况"],
        [{ error: "#N/A" }, { error: "#VALUE!" }, "已完成"],
        ["b", 123, 45.6],
      ]),
    );
    expect(doc.rows).toHaveLength(2);
    expect(doc.rows[1]!.target).toBe("123");
  });
});
