// Cells of numeric and status columns: a number stored as a number or as text (6左右, 不低于60,
// 71.6%, 0.716), a completion (全部开工 = 100%), a stated status (是否达序: 是 / 滞后 / 达到时间进度).
import type { CellValue, RowStatus } from "../types";
import { normalize } from "../text/normalize";
import { round1 } from "./numbers";

export interface NumberCell {
  value: number;
  percent: boolean;
  /** 左右, 以上, 不低于, 以内… as written. */
  qualifier?: string;
  text: string;
}

const NUMBER_WITH_WORDS =
  /^(约|不低于|不少于|不高于|不超过|达到|控制在|低于|高于|≥|≤|<|>)?\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*(%|‰)?\s*(左右|以上|以内|以下|及以上)?\s*([\u4e00-\u9fff]{1,3})?$/;

/** A cell that holds one number, perhaps with a qualifier and a short unit (不低于60元). */
export function parseNumberCell(v: CellValue | undefined): NumberCell | null {
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, percent: false, text: String(v) } : null;
  if (typeof v !== "string") return null;
  const s = normalize(v).replace(/\s+/g, "");
  if (!s || s.length > 20) return null;
  const m = NUMBER_WITH_WORDS.exec(s);
  if (!m) return null;
  const value = Number(m[2]!.replace(/,/g, ""));
  if (!Number.isFinite(value)) return null;
  const q = m[1] ?? m[4];
  return { value, percent: m[3] === "%", ...(q ? { qualifier: q } : {}), text: v.trim() };
}

/** A completion cell: 0.716 (a percent-formatted number), 71.6, "71.6%". */
export function parseCompletionCell(v: CellValue | undefined): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return round1(Math.abs(v) <= 1.5 ? v * 100 : v);
  if (typeof v !== "string") return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$/.exec(normalize(v));
  if (!m) return null;
  const n = Number(m[1]);
  return round1(!v.includes("%") && !normalize(v).includes("%") && Math.abs(n) <= 1.5 && m[1]!.includes(".") ? n * 100 : n);
}

/** A rate cell that says the whole task is done (全部开工, 已全部完成): 100%. */
export function doneRateCell(v: CellValue | undefined): boolean {
  if (typeof v !== "string") return false;
  return /^(已?全部(开工|完成|竣工|建成|到位)|已?完成|已竣工|已建成)$/.test(normalize(v).replace(/\s+/g, ""));
}

const STATUS_WORDS: [RegExp, RowStatus][] = [
  [/(滞后|未完成|落后|慢于|未达序时|未达到|推进缓慢|未开工|未启动|进度偏慢|较慢)/, "lagging"],
  [/(已完成|全部完成|超额完成|^完成$|已竣工|已办结|完成目标|完成任务)/, "completed"],
  [/(正常|序时|时间进度|按计划|有序推进|顺利推进|推进中|达到序时|超序时|快于|进行中)/, "on_track"],
];

/** A status stated in words (滞后, 正常推进, 达到时间进度, 超额完成), or null. */
export function parseStatusCell(text: string | undefined): RowStatus | null {
  if (!text) return null;
  const s = normalize(text).replace(/\s+/g, "");
  if (s.length > 16) return null;
  for (const [re, status] of STATUS_WORDS) if (re.test(s)) return status;
  return null;
}

/**
 * A yes/no answer to the header's question: 是否达序 / 是否按序时推进 (是 = on track),
 * 是否完成 (是 = completed, 否 = no verdict), 是否滞后 (是 = lagging).
 */
export function parseYesNo(header: string, text: string | undefined): RowStatus | null {
  const t = normalize(text ?? "").replace(/\s+/g, "");
  const yes = /^(是|√|✓|已)$/.test(t);
  const no = /^(否|×|✗|未)$/.test(t);
  if (!yes && !no) return null;
  const h = normalize(header).replace(/\s+/g, "");
  if (/(滞后|落后|延期|超期|逾期)/.test(h)) return yes ? "lagging" : "on_track";
  if (/(达序|序时|时间进度|按期|按时|正常|达到)/.test(h)) return yes ? "on_track" : "lagging";
  if (/完成/.test(h)) return yes ? "completed" : null;
  return null;
}
