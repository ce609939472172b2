// Notes on a row's reading as codes with parameters: each screen words them in its own
// language (the pane in the display language, the summary in the report's, the command line in
// both), instead of the core building Chinese sentences.
import type { Lang } from "./plan/types";

export type NoteCode =
  | "cut_figures"
  | "stated_behind"
  | "only_preparation"
  | "done_no_figures"
  | "no_figures"
  | "within_tolerance"
  | "behind_by"
  | "ambiguous"
  | "target_without_progress"
  | "only_started"
  | "completion_column"
  | "stated_status";

export interface Note {
  code: NoteCode;
  /** Words quoted from the bulletin. */
  text?: string;
  /** Percentage points. */
  points?: number;
  count?: number;
}

const pts = (n: Note) => (n.points ?? 0).toFixed(1);

const TEXT: Record<NoteCode, Record<Lang, (n: Note) => string>> = {
  cut_figures: { zh: (n) => `单元格过长，只读取了前 ${n.count} 个数字`, en: (n) => `The cell is too long: only its first ${n.count} figures were read` },
  stated_behind: { zh: (n) => `进展中写明“${n.text}”`, en: (n) => `The progress says “${n.text}”` },
  only_preparation: {
    zh: () => "进展只提到前期准备或尚未开展，未见实际完成量",
    en: () => "The progress mentions only preparation or no start; no amount done is given",
  },
  done_no_figures: { zh: () => "进展写明已全部完成，但没有可计算的数字", en: () => "The progress says the work is done, with no figures to compute" },
  no_figures: { zh: () => "没有可以计算的目标与进展数字，请人工阅读", en: () => "No target and progress figures to compute; read it by hand" },
  within_tolerance: { zh: (n) => `略低于序时进度 ${pts(n)} 个百分点，在容许范围内`, en: (n) => `${pts(n)} points below the expected progress, within the tolerance` },
  behind_by: { zh: (n) => `最低一项低于应达进度 ${pts(n)} 个百分点`, en: (n) => `The lowest indicator is ${pts(n)} points below where it should be` },
  ambiguous: {
    zh: () => "进展中有多个可能对应目标的数字，结论不确定，请人工核对",
    en: () => "Several figures could answer the target, so the result is uncertain; check it by hand",
  },
  target_without_progress: { zh: () => "有目标任务未见进展数字", en: () => "A target has no progress figure" },
  only_started: { zh: () => "部分数字只说明已开工，尚未完工", en: () => "Some figures only say the work has started, not that it is finished" },
  completion_column: { zh: () => "完成率取自表中的完成率列", en: () => "Completion taken from the table's completion column" },
  stated_status: { zh: (n) => `状态取自表中的“${n.text}”`, en: (n) => `Status taken from the table's “${n.text}”` },
};

export function noteText(note: Note, lang: Lang): string {
  return TEXT[note.code][lang](note);
}

export const NOTE_CODES = Object.keys(TEXT) as NoteCode[];
