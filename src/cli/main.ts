#!/usr/bin/env node
// Entry point: `jindu analyze|report|demo`. Errors become a Chinese + English message and exit 2.
import { fromFsError, isJinduError } from "../core/errors";
import { runAnalyze } from "./analyze";

const USAGE = `用法 Usage:
  jindu analyze FILE [--json] [--expected N] [--sheet NAME] [--bands Y,R]
  jindu report IN [-o OUT.xlsx] [--force] [--expected N] [--sheet NAME] [--bands Y,R]
  jindu clear IN [-o OUT.xlsx] [--force]      (the workbook as it was before report)
  jindu demo
FILE: .xlsx, or a pasted bulletin as .txt/.tsv/.csv (UTF-8 or GB18030).`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "analyze":
      return runAnalyze(rest);
    case "report":
      return (await import("./report")).runReport(rest);
    case "clear":
      return (await import("./clear")).runClear(rest);
    case "demo":
      return (await import("./demo")).runDemo();
    case undefined:
    case "-h":
    case "--help":
    case "help":
      process.stdout.write(USAGE + "\n");
      return cmd === undefined ? 2 : 0;
    default:
      process.stderr.write(`未知命令 / unknown command: ${cmd}\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A file-system error that escaped a command still gets the bilingual message and exit 2.
    const fsError = fromFsError(e, typeof e === "object" && e !== null && "path" in e ? String((e as { path: unknown }).path) : "");
    if (fsError) e = fsError;
    if (isJinduError(e)) {
      process.stderr.write(`错误：${e.zh}\nError: ${e.en}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`内部错误 / internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
