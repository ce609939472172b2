// Layouts seen in real workbooks: a title merged across the table, a two-row header with a
// merged group heading, merged 序号/实施单位, numbers stored as numbers, a quarter's own targets,
// page-repeated headers and merged section headings.
import { analyzeGrid } from "../../src/core/analyze";
import type { CellValue, Grid, MergedArea } from "../../src/core/types";

function grid(values: CellValue[][], merges: MergedArea[] = []): Grid {
  return { sheet: "Sheet1", top: 1, left: 1, values, merges };
}

describe("workbook layouts", () => {
  const title = "2023年一季度民生实事进展情况";
  const twoRow = grid(
    [
      [title, null, null, null, null, null],
      ["序号", "责任单位", "项目名称", "季度目标（公里）", "完成情况", null],
      [null, null, null, null, "完成数", "完成率"],
      ["一、交通", null, null, null, null, null],
      [1, "县交通局", "农村公路建设", 40, 42, 1.05],
      [null, null, "桥梁改造", 10, 4, 0.4],
      ["序号", "责任单位", "项目名称", "季度目标（公里）", "完成情况", null],
      [2, "县水利局", "河道清淤", 12, 12, null],
    ],
    [
      { top: 1, left: 1, bottom: 1, right: 6 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 2 },
      { top: 2, left: 3, bottom: 3, right: 3 },
      { top: 2, left: 4, bottom: 3, right: 4 },
      { top: 2, left: 5, bottom: 2, right: 6 },
      { top: 4, left: 1, bottom: 4, right: 6 },
      { top: 5, left: 1, bottom: 6, right: 1 },
      { top: 5, left: 2, bottom: 6, right: 2 },
    ],
  );
  const doc = analyzeGrid(twoRow);

  test("the merged title is read once, with its period (一季度 → 25%)", () => {
    expect(doc.title).toBe(title);
    expect(doc.period?.months).toBe(3);
    expect(doc.expectedProgress).toBe(25);
  });

  test("a two-row header: the sub-headings name the columns", () => {
    expect(doc.header.row).toBe(2);
    expect(doc.header.lastRow).toBe(3);
    expect(doc.header.columns.completion).toBe(6);
    expect(doc.header.columns.progress).toBe(5);
  });

  test("section headings and a repeated header are not projects; merged units fill down", () => {
    expect(doc.rows.map((r) => [r.row, r.unit, r.project])).toEqual([
      [5, "县交通局", "农村公路建设"],
      [6, "县交通局", "桥梁改造"],
      [8, "县水利局", "河道清淤"],
    ]);
  });

  test("a quarter's own targets are due in full; numbers stored as numbers are read", () => {
    expect(doc.targetScope).toBe("period");
    const [road, bridge, river] = doc.rows;
    expect(road!.completion).toBe(105); // the 完成率 column (1.05 stored as a number)
    expect(road!.status).toBe("completed");
    expect(bridge!.status).toBe("lagging");
    expect(river!.completion).toBe(100); // 12 ÷ 12 from numeric cells
    expect(river!.indicators[0]!.rule).toBe("numeric-cells");
    expect(river!.status).toBe("completed");
  });

  test("an annual target column is judged against 序时进度, not in full", () => {
    const annual = analyzeGrid(
      grid([
        ["2023年1-6月重点工作进展"],
        ["序号", "牵头单位", "工作任务", "年度目标", "进展情况"],
        [1, "市住建局", "棚户区改造", "新开工1000套", "已开工520套"],
      ]),
    );
    expect(annual.targetScope).toBe("year");
    expect(annual.rows[0]!.status).toBe("on_track");
    expect(annual.rows[0]!.completion).toBe(52);
  });

  test("error cells and a progress cell that only says 已完成", () => {
    const d = analyzeGrid(
      grid([
        ["序号", "实施单位", "项目名称", "目标任务", "进展情况"],
        [1, "市民政局", "养老服务", { error: "#N/A" }, "已完成。"],
        [2, "市民政局", "社区食堂", "新建社区食堂10个", { error: "#REF!" }],
      ]),
    );
    expect(d.rows[0]!.status).toBe("completed");
    expect(d.rows[1]!.status).toBe("unquantified");
  });
});

test("an investment table: planned and completed amounts as numbers, a 占年度计划 column", () => {
  const d = analyzeGrid(
    grid([
      ["2023年1-9月重点民生项目投资完成情况"],
      ["序号", "项目名称", "年度计划投资（万元）", "1-9月完成投资（万元）", "占年度计划%", "责任单位"],
      [1, "城区供水管网改造", 5000, 4100, null, "市水务局"],
      [2, "中心城区公园建设", 12000, 3600, "30%", "市园林局"],
    ]),
  );
  expect(d.header.columns).toMatchObject({ project: 2, target: 3, progress: 4, completion: 5, unit: 6 });
  expect(d.expectedProgress).toBe(75);
  expect(d.rows.map((r) => [r.unit, r.status, r.completion])).toEqual([
    ["市水务局", "on_track", 82],
    ["市园林局", "lagging", 30],
  ]);
});
