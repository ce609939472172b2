// `jindu report IN [-o OUT.xlsx] [--force] [--expected N] [--sheet NAME] [--bands Y,R] [--lang zh|en] [--date YYYY-MM-DD] [--json]`
import { collectGarbage } from "./memory";
import { isJinduError, JinduError } from "../core/errors";
import type { Lang, PlanValue, WorkbookPlan } from "../core/plan";
import { isCalendarDate } from "../app/report";
import { localDate, report, type ReportRequest, type ReportResult } from "./files";
import { parseArgs } from "./analyze";
import { cutNote, table } from "./format";

function cellText(v: PlanValue | undefined, percent: boolean): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") return percent ? `${v.toFixed(1)}%` : String(v);
  return v;
}

/** The per-unit summary as a terminal table: the same rows the summary sheet gets. */
export function renderUnits(plan: WorkbookPlan): string {
  const { units } = plan.summary;
  // Leave out the lagging names column: it is long, and the sheet has it.
  const shown = units.header.slice(0, 8);
  const isPercent = (c: number) => units.numberFormats[c]?.includes("%") ?? false;
  const toRow = (r: PlanValue[]) => shown.map((_, c) => cellText(r[c], isPercent(c)));
  const rows = units.rows.map(toRow);
  if (units.totals) rows.push(toRow(units.totals));
  return table(shown, rows, [1, 2, 3, 4, 5, 6, 7]);
}

export function renderReport(result: ReportResult): string {
  const { plan } = result;
  const lagging = plan.summary.lagging.rows.length;
  return [
    ...plan.summary.titleLines,
    "",
    renderUnits(plan),
    "",
    `${plan.summary.laggingTitle}: ${lagging}`,
    `已写入 Written: ${result.output}`,
    ...(result.cut > 0 ? [cutNote(result.cut)] : []),
    ...(result.lost ? [`注意：副本未保留 ${result.lost.zh.join("、")} / Note: the copy does not keep ${result.lost.en.join(", ")}`] : []),
    `（工作表 Sheets: ${result.summarySheet}、${result.laggingSheet}）`,
  ].join("\n");
}

export { isCalendarDate };

function printError(e: JinduError): void {
  process.stderr.write(`错误：${e.zh}\nError: ${e.en}\n`);
}

export function parseReportArgs(argv: string[], today: string): { request: ReportRequest; json: boolean } {
  const args = parseArgs(argv, { value: ["-o", "--out", "--lang", "--date"], flag: ["--force"] });
  const out = args.rest["-o"] ?? args.rest["--out"];
  const lang = args.rest["--lang"] ?? "zh";
  if (lang !== "zh" && lang !== "en") throw new JinduError("bad_argument", "--lang zh|en");
  const date = args.rest["--date"] ?? today;
  if (typeof date !== "string" || !isCalendarDate(date)) throw new JinduError("bad_argument", "--date YYYY-MM-DD");
  const request: ReportRequest = { input: args.file, date, lang: lang as Lang, force: args.rest["--force"] === true };
  if (typeof out === "string") request.output = out;
  if (args.sheet !== undefined) request.sheet = args.sheet;
  if (args.expected !== undefined) request.expectedProgress = args.expected;
  if (args.thresholds !== undefined) request.thresholds = args.thresholds;
  return { request, json: args.json };
}

/** Runs the command; returns the exit code (2 for a bad input, with a zh/en message). */
export async function runReport(argv: string[]): Promise<number> {
  try {
    const { request, json } = parseReportArgs(argv, localDate());
    const result = await report(request, { collect: collectGarbage });
    if (json) {
      const summary = { output: result.output, sheet: result.doc.sheet, summarySheet: result.summarySheet, counts: result.doc.counts };
      process.stdout.write(JSON.stringify(summary, null, 2) + "\n");
    } else {
      process.stdout.write(renderReport(result) + "\n");
    }
    return 0;
  } catch (e) {
    if (!isJinduError(e)) throw e;
    printError(e);
    return 2;
  }
}
