// The column model: header words (a weighted lexicon) and cell contents decide what a column
// holds; numeric columns group into indicators; stated statuses and numeric cells are read.
import { headerKind, columnModel, numericGroups, type ColumnKind } from "../../src/core/table/columns";
import { planMonths } from "../../src/core/reading/groups";
import { detectTable } from "../../src/core/table/detect";
import { analyzeGrid } from "../../src/core/analyze";
import { parseNumberCell, parseStatusCell, parseYesNo, doneRateCell } from "../../src/core/reading/cells";
import type { CellValue, Grid } from "../../src/core/types";

const grid = (values: CellValue[][]): Grid => ({ sheet: "S", top: 1, left: 1, values, merges: [] });

describe("headerKind: header words decide a kind", () => {
  test.each<[string, ColumnKind]>([
    ["序号", "seq"],
    ["目标任务", "target"],
    ["计划任务数", "target"],
    ["计划完成数", "target"],
    ["下达任务面积(亩)", "target"],
    ["年初预算安排数", "target"],
    ["计划投资额(万元)", "target"],
    ["已完成数", "actual"],
    ["累计开工数", "actual"],
    ["累计完成投资额(万元)", "actual"],
    ["1-8月实际完成", "actual"],
    ["当月完成面积(亩)", "monthly"],
    ["本月新增", "monthly"],
    ["完成比例(%)", "rate"],
    ["开工率", "rate"],
    ["占年任务之比", "rate"],
    ["任务完成量占比(%)", "rate"],
    ["计划投资完成率", "rate"],
    ["资金拨付比例", "rate"],
    ["进展情况", "progress"],
    ["1-11月推进情况", "progress"],
    ["是否达序", "status"],
    ["完成状态", "status"],
    ["备注", "remarks"],
    ["省份", "region"],
    ["市 州", "region"],
    ["区(县)", "region"],
    ["县(市、区)", "region"],
    ["牵头单位", "unit"],
    ["增长%", "growth"],
    ["同比增长", "growth"],
  ])("%p → %p", (text, kind) => {
    expect(headerKind(text).kind).toBe(kind);
  });
  test.each(["", "张三", "今年以来全市上下认真贯彻落实民生工程各项决策部署切实保障和改善民生取得明显成效"])("%p → no kind", (text) => {
    expect(headerKind(text).score).toBe(0);
  });
});

describe("the cells decide where the header is vague", () => {
  const model = (header: string[], rows: CellValue[][]) => columnModel(grid([header, ...rows]).values, 0, 0, header.length);
  test("a column of bare numbers under a vague header is numeric", () => {
    const m = model(["地区", "新开工小区数(个)"], [["甲", 12], ["乙", "30"]]);
    expect(m[1]!.kind).toBe("actual");
    expect(m[1]!.unit).toBe("个");
  });
  test("a 'completion' column of sentences is progress text", () => {
    const m = model(["项目", "已完成数"], [["甲", "已完成主体工程建设，正在进行内部装修和设备安装"], ["乙", "完成招投标工作，施工单位已进场开始施工建设"]]);
    expect(m[1]!.kind).toBe("progress");
  });
  test("a remarks column that holds statuses is a status column", () => {
    const m = model(["项目", "备注"], [["甲", "达到时间进度"], ["乙", "超额完成"], ["丙", "滞后"]]);
    expect(m[1]!.kind).toBe("status");
  });
  test("a rate column may say 全部开工 where the rate is 100%", () => {
    const m = model(["省份", "开工率"], [["甲", "全部开工"], ["乙", "87.1%"], ["丙", "全部开工"]]);
    expect(m[1]!.kind).toBe("rate");
  });
  test("a 单位 column of unit words is the unit of measure, not the implementing unit", () => {
    const m = model(["考核指标", "单位", "目标"], [["就业", "万人", "5"], ["公路", "公里", "10"]]);
    expect(m[1]!.kind).toBe("measure");
  });
});

describe("numeric groups", () => {
  const kinds = (header: string[], groupRow?: string[]) => {
    const values: CellValue[][] = groupRow ? [groupRow, header, header.map(() => 1)] : [header, header.map(() => 1)];
    return numericGroups(columnModel(values, 0, values.length - 2, header.length));
  };
  test("target, actual and rate in a flat header: a rate closes a group", () => {
    const g = kinds(["市州", "计划完成数", "累计开工数", "开工率", "计划投资额", "累计完成投资额", "计划投资完成率"]);
    expect(g).toEqual([
      expect.objectContaining({ target: 1, actual: 2, rate: 3 }),
      expect.objectContaining({ target: 4, actual: 5, rate: 6 }),
    ]);
  });
  test("repeated groups under group headings", () => {
    const g = kinds(["省份", "计划任务数", "开工数", "开工率", "计划任务数", "开工数", "开工率"], ["省份", "小区数(个)", "", "", "户数(万户)", "", ""]);
    expect(g).toHaveLength(2);
    expect(g[0]!.unit).toBe("个");
    expect(g[1]!.unit).toBe("万户");
  });
  test("a month's figure beside the cumulative one is kept apart", () => {
    const g = kinds(["区县", "下达任务", "当月完成", "累计完成", "完成比例(%)"]);
    expect(g).toEqual([expect.objectContaining({ target: 1, monthly: 2, actual: 3, rate: 4 })]);
  });
  test("two periods of the same figure: the latest is the actual, the earlier is kept", () => {
    const g = kinds(["单位", "目标", "1-10月完成", "1-11月完成"]);
    expect(g).toEqual([expect.objectContaining({ target: 1, actual: 3, previous: 2 })]);
  });
  test("figures of different years are not one indicator", () => {
    const g = kinds(["指标", "2021年完成", "2022年计划"]);
    expect(g.some((x) => x.actual !== undefined && x.target !== undefined)).toBe(false);
  });
});

describe("tables in numeric layouts", () => {
  test("a row per region: region is the unit, the title is the project, a 合计 row is a total", () => {
    const d = analyzeGrid(
      grid([
        ["2023年1-6月农村改厕进度表"],
        ["序号", "县区", "年度任务(户)", "累计完成(户)", "完成率"],
        ["1", "东县", "100", "80", "80%"],
        ["2", "西县", "200", "40", "20%"],
        ["合计", "", "300", "120", "40%"],
      ]),
    );
    expect(d.rows.map((r) => [r.unit, r.status, r.total ?? false])).toEqual([
      ["东县", "on_track", false],
      ["西县", "lagging", false],
      ["合计", "lagging", true],
    ]);
    expect(d.rows[0]!.project).toBe("农村改厕");
  });
  test("computed when no rate column: actual ÷ target, with the header's unit", () => {
    const d = analyzeGrid(grid([["截至9月底"], ["地市", "计划数(公里)", "已完成数(公里)"], ["甲市", 120, 100], ["乙市", "80", "20"]]));
    expect(d.rows.map((r) => r.indicators[0]?.completion)).toEqual([83.33, 25]);
    expect(d.rows.map((r) => r.status)).toEqual(["on_track", "lagging"]);
  });
  test("a rate level (%) is held to 100, a ceiling (低于) when lower is better", () => {
    const d = analyzeGrid(
      grid([
        ["2020年1-6月"],
        ["序号", "项目内容", "目标任务", "进度"],
        ["1", "城镇登记失业率低于(%)", "4.3", "4.0"],
        ["2", "参保率(%)", "95", "90"],
        ["3", "新增就业(人)", "1000", "600"],
      ]),
    );
    expect(d.rows.map((r) => [r.indicators[0]?.kind, r.status])).toEqual([
      ["ceiling", "completed"],
      ["rate", "lagging"],
      ["quantity", "on_track"],
    ]);
  });
  test("a status column answers a yes/no question; its answer wins", () => {
    const d = analyzeGrid(
      grid([
        ["1-11月"],
        ["序号", "主要任务", "1-11月推进情况", "是否达序"],
        ["1", "新建公园10个", "建成3个", "是"],
        ["2", "新建公园10个", "建成10个", "否"],
      ]),
    );
    expect(d.rows.map((r) => r.status)).toEqual(["on_track", "lagging"]);
  });
  test("a table without a project or figures is still no header", () => {
    expect(() => detectTable(grid([["序号", "地区"], ["1", "甲"]]))).toThrow();
    expect(() => detectTable(grid([["姓名", "电话", "地址"], ["张", "1", "北"]]))).toThrow();
  });
});

describe("cells", () => {
  test.each<[CellValue, number | null, string | undefined]>([
    [42, 42, undefined],
    ["1,234.5", 1234.5, undefined],
    ["6左右", 6, "左右"],
    ["不低于60元", 60, "不低于"],
    ["95%以上", 95, "以上"],
    ["控制在4.5%", 4.5, "控制在"],
    ["已完成", null, undefined],
    ["-", null, undefined],
    [Infinity, null, undefined],
    ["11月底厂家开始安排发货", null, undefined],
  ])("parseNumberCell(%p) → %p", (v, value, q) => {
    const n = parseNumberCell(v);
    expect(n?.value ?? null).toBe(value);
    expect(n?.qualifier).toBe(q);
  });
  test.each<[string, string, string | null]>([
    ["是否达序", "是", "on_track"],
    ["是否达序", "否", "lagging"],
    ["是否按序时推进", "否", "lagging"],
    ["是否滞后", "是", "lagging"],
    ["是否滞后", "否", "on_track"],
    ["是否完成", "是", "completed"],
    ["是否完成", "否", null],
    ["是否达序", "部分", null],
  ])("%s: %s → %p", (h, v, s) => expect(parseYesNo(h, v)).toBe(s));
  test.each<[string, string | null]>([
    ["达到时间进度", "on_track"],
    ["未达到时间进度", "lagging"],
    ["超额完成", "completed"],
    ["完成任务", "completed"],
    ["顺利推进", "on_track"],
    ["进度滞后", "lagging"],
    ["前期配合区相关部门对该项目招标质疑、投诉处置，后期将加快推进", null],
    ["", null],
  ])("parseStatusCell(%p) → %p", (v, s) => expect(parseStatusCell(v)).toBe(s));
  test.each<[string, boolean]>([
    ["全部开工", true],
    ["已全部完成", true],
    ["已竣工", true],
    ["部分开工", false],
    ["87%", false],
  ])("doneRateCell(%p) → %p", (v, done) => expect(doneRateCell(v)).toBe(done));
});

describe("columns that say what a row is held to, or how it is measured", () => {
  test.each<[string, ColumnKind]>([
    ["序时进度(%)", "expected"],
    ["时间进度", "expected"],
    ["应完成进度", "expected"],
    ["与序时进度差", "gap"],
    ["差额", "gap"],
    ["是否达序时进度", "status"],
  ])("%p → %p", (text, kind) => expect(headerKind(text).kind).toBe(kind));

  test("a 序时进度 column holds each row to its own expected progress", () => {
    const d = analyzeGrid(
      grid([
        ["2023年民生资金支出进度表"],
        ["序号", "项目名称", "年初预算(万元)", "已支出(万元)", "支出进度(%)", "序时进度(%)", "差额"],
        ["1", "养老补助", 1000, 700, 70, 75, -5],
        ["2", "医疗救助", 1000, 700, 70, 58.3, 11.7],
      ]),
    );
    expect(d.rows.map((r) => [r.indicators[0]?.completion, r.indicators[0]?.expected, r.status])).toEqual([
      [70, 75, "lagging"],
      [70, 58.3, "on_track"],
    ]);
  });

  test("a 单位 column of % makes the row a level held to 100, whatever the month", () => {
    const d = analyzeGrid(
      grid([
        ["2023年1-6月主要指标完成情况"],
        ["指标名称", "单位", "年度目标", "1-6月完成"],
        ["城镇调查失业率", "%", "5.5", "5.2"],
        ["森林覆盖率", "%", "60", "58"],
        ["新增城镇就业", "万人", "10", "6"],
      ]),
    );
    // 失业率 is lower-is-better: 5.2 under a 5.5 cap is met; 森林覆盖率 58 of 60 is short of a level.
    expect(d.rows.map((r) => [r.indicators[0]?.kind, r.indicators[0]?.expected, r.status])).toEqual([
      ["ceiling", 100, "completed"],
      ["rate", 100, "lagging"],
      ["quantity", 50, "on_track"],
    ]);
  });

  test("numeric columns holding words in a row are read as text", () => {
    const d = analyzeGrid(
      grid([
        ["2023年1-6月"],
        ["序号", "项目名称", "目标", "完成"],
        ["1", "农村公路", "100", "60"],
        ["2", "污水管网", "新建管网20公里", "已建成管网15公里"],
      ]),
    );
    expect(d.rows.map((r) => r.indicators[0]?.completion)).toEqual([60, 75]);
  });
});

describe("more layouts read by general rules", () => {
  test.each<[string, number | null]>([
    ["前三季度投资计划", 9],
    ["完成前三季度目标任务占比(%)", 9],
    ["完成上半年目标任务比例", 6],
    ["1-7月完成投资", null],
    ["年度投资计划", null],
    ["完成率", null],
  ])("planMonths(%p) → %p", (h, m) => expect(planMonths(h)).toBe(m));

  test("a rate against a part-year plan is held to the share of that plan's months elapsed", () => {
    const d = analyzeGrid(
      grid([
        ["2018年1-7月重点项目完成情况表"],
        ["县(市、区)", "年度投资计划", "前三季度投资计划", "1-7月完成投资", "完成前三季度目标任务占比(%)"],
        ["甲县", 100, 70, 55, "78.5%"],
        ["乙县", 100, 70, 54, "77.1%"],
      ]),
    );
    // 7 of the plan's 9 months: 77.8%.
    expect(d.rows.map((r) => [r.indicators[0]?.expected, r.status])).toEqual([
      [77.8, "on_track"],
      [77.8, "lagging"],
    ]);
  });

  test("a table in traditional characters reads like its simplified original", () => {
    const values = (h: string[]) => [["2020年1-6月重點項目完成情況"], h, ["新建項目", 2954712, 1422596, "48.15%"], ["續建項目", 100, 60, "60%"]];
    const trad = analyzeGrid(grid(values(["性 質", "年度投資目標(萬元)", "1-6月底累計完成投資(萬元)", "完成投資占年度投資目標的比例(%)"])));
    const simp = analyzeGrid(grid(values(["性 质", "年度投资目标(万元)", "1-6月底累计完成投资(万元)", "完成投资占年度投资目标的比例(%)"])));
    expect(trad.rows.map((r) => [r.status, r.completion])).toEqual(simp.rows.map((r) => [r.status, r.completion]));
    expect(trad.rows.map((r) => r.status)).toEqual(["lagging", "on_track"]);
  });

  test("a note with figures in a header's brackets does not make it a rate", () => {
    expect(headerKind("目标人群数(按33%比例)").kind).toBe("target");
    expect(headerKind("完成率(%)").kind).toBe("rate");
    expect(headerKind("区(县)").kind).toBe("region");
  });

  test("numbers under a header that names no role give way to the group's own target and actual", () => {
    const g = numericGroups(
      columnModel(
        grid([
          ["市县名", "城市低保数(人)", "目标人群数(按33%比例)", "累计完成(例)", "完成率(%)"],
          ["甲", 300, 99, 99, "100%"],
        ]).values,
        0,
        0,
        5,
      ),
    );
    expect(g.some((x) => x.actual === 1)).toBe(false);
    expect(g).toContainEqual(expect.objectContaining({ actual: 3, rate: 4 }));
  });

  test("a table of words: a task column and a progress column, under any wording", () => {
    const t = detectTable(
      grid([
        ["10件民生实事任务分解表"],
        ["序号", "具体工作任务和要求", "责任领导", "责任单位", "落实情况"],
        ["1", "新增学位5000个", "张", "县教体局", "已新增学位5500个"],
      ]),
    );
    expect(t.header.columns.project).toBe(2);
    expect(t.header.columns.progress).toBe(5);
  });
});
