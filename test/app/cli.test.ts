// `jindu report` and `npm run demo` as functions: exit codes, messages, files written.
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { runDemo } from "../../src/cli/demo";
import { parseReportArgs, runReport } from "../../src/cli/report";
import { buildSample } from "../../scripts/build-sample";
import { SEED_TEXT } from "../support/fakeAnalyze";
import { encryptedWorkbookBytes, fromBuffer, smallBulletin, tempDir, toBuffer, visibleSheets } from "../support/workbooks";
import ExcelJS from "exceljs";

async function capture(run: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = jest.spyOn(process.stdout, "write").mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await run(), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe("parseReportArgs", () => {
  test("flags", () => {
    const { request } = parseReportArgs(["a.xlsx", "-o", "b.xlsx", "--force", "--expected", "60", "--sheet", "通报", "--bands", "10,30", "--lang", "en", "--date", "2020-07-01"], "2000-01-01");
    expect(request).toEqual({
      input: "a.xlsx",
      output: "b.xlsx",
      force: true,
      expectedProgress: 60,
      sheet: "通报",
      thresholds: { mode: "bands", yellow: 10, red: 30 },
      lang: "en",
      date: "2020-07-01",
    });
  });

  test.each([[["a.xlsx", "--lang", "fr"]], [["a.xlsx", "--date", "7/1"]], [["a.xlsx", "--expected", "120"]], [["a.xlsx", "--bogus"]], [[]]])("%j is rejected", (argv) => {
    expect(() => parseReportArgs(argv, "2020-07-15")).toThrow(expect.objectContaining({ code: "bad_argument" }));
  });
});

describe("runReport: bad input → a zh/en message, exit 2, nothing written", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    await fs.writeFile(path.join(dir, "secret.xlsx"), encryptedWorkbookBytes());
    await fs.writeFile(path.join(dir, "broken.xlsx"), (await toBuffer(smallBulletin())).subarray(0, 4000));
    await fs.writeFile(path.join(dir, "notes.xlsx"), "这不是工作簿");
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Sheet1");
    await fs.writeFile(path.join(dir, "empty.xlsx"), await toBuffer(empty));
    const noHeader = new ExcelJS.Workbook();
    noHeader.addWorksheet("Sheet1").addRows([["会议纪要"], ["一、二、三"], ["四", "五"]]);
    await fs.writeFile(path.join(dir, "noheader.xlsx"), await toBuffer(noHeader));
    await fs.writeFile(path.join(dir, "ok.xlsx"), await toBuffer(smallBulletin()));
  });

  test.each<[string, string[], RegExp]>([
    ["missing file", ["missing.xlsx"], /找不到文件[\s\S]*File not found/],
    ["not a workbook", ["notes.xlsx"], /不是可读取的工作簿[\s\S]*not a readable workbook/],
    ["password-protected", ["secret.xlsx"], /密码保护[\s\S]*password-protected/],
    ["corrupt", ["broken.xlsx"], /已损坏[\s\S]*damaged/],
    ["empty workbook", ["empty.xlsx"], /空的[\s\S]*empty/],
    ["no header", ["noheader.xlsx"], /没有找到表头[\s\S]*No header row/],
    ["no such sheet", ["ok.xlsx", "--sheet", "Sheet9"], /没有这个工作表[\s\S]*No sheet with that name/],
  ])("%s", async (_name, argv, message) => {
    const before = (await fs.readdir(dir)).sort();
    const [file, ...rest] = argv;
    const { code, err, out } = await capture(() => runReport([path.join(dir, file!), ...rest]));
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err).toMatch(/^错误：/);
    expect(out).toBe("");
    expect((await fs.readdir(dir)).sort()).toEqual(before);
  });

  test("an existing output without --force", async () => {
    const d = await tempDir();
    const input = path.join(d, "b.xlsx");
    await buildSample(SEED_TEXT, input);
    await fs.writeFile(path.join(d, "b.jindu.xlsx"), "mine");
    const { code, err } = await capture(() => runReport([input]));
    expect(code).toBe(2);
    expect(err).toMatch(/--force/);
    expect(await fs.readFile(path.join(d, "b.jindu.xlsx"), "utf8")).toBe("mine");
  });
});

test("runReport on the sample prints the per-unit table and the output path", async () => {
  const d = await tempDir();
  const input = path.join(d, "b.xlsx");
  await buildSample(SEED_TEXT, input);
  const out = path.join(d, "report.xlsx");
  const { code, out: stdout } = await capture(() => runReport([input, "-o", out, "--date", "2020-07-15"]));
  expect(code).toBe(0);
  expect(stdout).toContain("制表日期：2020-07-15");
  expect(stdout).toMatch(/市人社局\s+10\s/);
  expect(stdout).toMatch(/合计\s+43\s/);
  expect(stdout).toContain(out);
  const wb = await fromBuffer(await fs.readFile(out));
  expect(visibleSheets(wb)).toEqual(["Sheet1", "进度汇总", "滞后项目清单"]);
});

test("runDemo reports on the bundled sample into out/ and can run again", async () => {
  const root = await tempDir();
  await fs.mkdir(path.join(root, "assets", "sample"), { recursive: true });
  await fs.copyFile(path.join(__dirname, "..", "..", "assets", "sample", "bulletin-2020-h1.xlsx"), path.join(root, "assets", "sample", "bulletin-2020-h1.xlsx"));
  for (let i = 0; i < 2; i++) {
    const { code, out } = await capture(() => runDemo(root));
    expect(code).toBe(0);
    expect(out).toMatch(/合计\s+43\s/);
    expect(out).toContain(path.join("out", "bulletin-2020-h1.jindu.xlsx"));
  }
  expect(await fs.readdir(path.join(root, "out"))).toEqual(["bulletin-2020-h1.jindu.xlsx"]);
});
