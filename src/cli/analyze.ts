// `jindu analyze FILE [--json] [--expected N] [--sheet NAME] [--bands Y,R]`
import { noteText } from "../core/notes";
import type { AnalysisDocument, Thresholds } from "../core/types";
import { LABELS } from "../core/plan/labels";
import { analyzeGrid } from "../core/analyze";
import { JinduError } from "../core/errors";
import { loadInput } from "./files";
import { clip, cutNote, table } from "./format";

const STATUS_ZH = LABELS.zh.status;

export interface CommonArgs {
  file: string;
  json: boolean;
  expected?: number;
  sheet?: string;
  thresholds?: Thresholds;
  rest: Record<string, string | boolean>;
}

/** Parses the flags shared by analyze and report; unknown flags are an error, not ignored. */
export function parseArgs(argv: string[], extra: { value: string[]; flag: string[] } = { value: [], flag: [] }): CommonArgs {
  const out: CommonArgs = { file: "", json: false, rest: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = () => {
      const v = argv[++i];
      // An empty value ("") is no value: --expected "" must not silently mean 0%.
      if (v === undefined || v.trim() === "") throw new JinduError("bad_argument", `${a} 需要一个值 / needs a value`);
      return v;
    };
    if (a === "--json") out.json = true;
    else if (a === "--expected") {
      const raw = val().trim().replace(/%$/, "");
      const n = /^\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isFinite(n) || n < 0 || n > 100) throw new JinduError("bad_argument", "--expected 0–100");
      out.expected = n;
    } else if (a === "--sheet") out.sheet = val();
    else if (a === "--bands") {
      const m = /^(\d+(?:\.\d+)?),(\d+(?:\.\d+)?)$/.exec(val());
      if (!m || Number(m[1]) > Number(m[2])) throw new JinduError("bad_argument", "--bands Y,R (Y ≤ R), e.g. 10,30");
      out.thresholds = { mode: "bands", yellow: Number(m[1]), red: Number(m[2]) };
    } else if (extra.value.includes(a)) out.rest[a] = val();
    else if (extra.flag.includes(a)) out.rest[a] = true;
    else if (a.startsWith("-") && a !== "-") throw new JinduError("bad_argument", `未知选项 / unknown option ${a}`);
    else if (!out.file) {
      if (a.trim() === "") throw new JinduError("bad_argument", "文件名为空 / empty FILE");
      out.file = a;
    }
    else throw new JinduError("bad_argument", `多余的参数 / extra argument ${a}`);
  }
  if (!out.file) throw new JinduError("bad_argument", "缺少文件 / missing FILE");
  return out;
}

const pct = (n: number | null) => (n === null ? "—" : `${n.toFixed(1)}%`);

export function renderDocument(doc: AnalysisDocument): string {
  const p = doc.period;
  const head = [
    doc.title || doc.sheet,
    `期间 Period: ${p ? `${p.label}（${p.source}）` : "—"}   序时进度 Expected: ${doc.expectedProgress}%`,
    (["completed", "on_track", "lagging", "unquantified"] as const).map((k) => `${STATUS_ZH[k]} ${doc.counts[k]}`).join(" · "),
    "",
  ];
  const rows = doc.rows.map((r) => [
    String(r.row),
    clip(r.total ? `${r.unit}（合计 total）` : r.unit, 16),
    clip(r.project, 22),
    STATUS_ZH[r.status],
    pct(r.completion),
    clip(
      r.indicators
        .filter((i) => i.completion !== null)
        .map((i) => (i.reported ? i.evidence : `${i.evidence} = ${i.completion!.toFixed(1)}%`))
        .join("；") || (r.notes[0] ? noteText(r.notes[0], "zh") : ""),
      60,
    ),
  ]);
  return head.join("\n") + table(["行", "实施单位", "项目名称", "状态", "完成率", "依据 Evidence"], rows, [0, 4]);
}

export async function runAnalyze(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const loaded = await loadInput(args.file, { ...(args.sheet ? { sheet: args.sheet } : {}) });
  // On stderr, so that --json output stays one document.
  if (loaded.cut > 0) process.stderr.write(`${cutNote(loaded.cut)}\n`);
  const doc = analyzeGrid(loaded.grid, {
    ...(args.expected !== undefined ? { expectedProgress: args.expected } : {}),
    ...(args.thresholds ? { thresholds: args.thresholds } : {}),
  });
  process.stdout.write(args.json ? JSON.stringify(doc, null, 2) + "\n" : renderDocument(doc) + "\n");
  return 0;
}
