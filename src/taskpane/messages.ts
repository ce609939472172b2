// What the pane says when a command fails: one table keyed by error code and by action, each
// entry saying what happened and what to do, in the display language only. Excel's own words
// (English) are kept for a 详情 toggle, never shown as the message.
import { isJinduError, type ErrorCode } from "../core/errors";
import type { Lang } from "../core/plan/types";
import type { Action } from "./useJindu";

type Words = { zh: string; en: string };
type Entry = Partial<Record<Action | "any", Words>>;

/** `{sheet}` and `{source}` are filled from the error's parameters. */
export const ERROR_MESSAGES: Partial<Record<ErrorCode, Entry>> = {
  cell_edit_mode: {
    any: {
      zh: "Excel 正在编辑单元格，暂时不能操作。请按 Enter 或 Esc 结束编辑，再点一次。",
      en: "Excel is editing a cell and cannot take commands. Press Enter or Esc to finish editing, then click again.",
    },
  },
  host_busy: {
    any: {
      zh: "Excel 暂时没有完成这个操作。请稍等几秒再试；如果仍然不行，请保存并重新打开工作簿。",
      en: "Excel could not finish this just now. Wait a few seconds and try again; if it keeps failing, save and reopen the workbook.",
    },
  },
  protected_sheet: {
    mark: {
      zh: "工作表「{sheet}」受保护，无法标出滞后行。请在“审阅 → 撤消工作表保护”后再试。",
      en: "Sheet “{sheet}” is protected, so lagging rows cannot be marked. Use Review → Unprotect Sheet, then try again.",
    },
    clear: {
      zh: "工作表「{sheet}」受保护，无法清除标记。请在“审阅 → 撤消工作表保护”后再试。",
      en: "Sheet “{sheet}” is protected, so the marks cannot be cleared. Use Review → Unprotect Sheet, then try again.",
    },
    any: {
      zh: "工作表「{sheet}」受保护，无法写入。请在“审阅 → 撤消工作表保护”后再试。",
      en: "Sheet “{sheet}” is protected and cannot be written to. Use Review → Unprotect Sheet, then try again.",
    },
  },
  workbook_protected: {
    any: {
      zh: "工作簿结构受保护，无法新建汇总表。请在“审阅 → 保护工作簿”中取消保护后再试。",
      en: "The workbook's structure is protected, so no summary sheet can be added. Turn off Review → Protect Workbook, then try again.",
    },
  },
  sheet_missing: {
    any: {
      zh: "找不到工作表「{sheet}」，它可能已被改名或删除。请点一下通报所在的工作表，再试一次。",
      en: "Sheet “{sheet}” is not there any more; it may have been renamed or deleted. Click the bulletin's sheet tab and try again.",
    },
  },
  jindu_sheet: {
    any: {
      zh: "「{sheet}」是进度助手生成的工作表，不是通报。请点一下通报所在的工作表，再试一次。",
      en: "“{sheet}” is a sheet Jindu wrote, not a bulletin. Click the bulletin's sheet tab and try again.",
    },
  },
  no_header: {
    any: {
      zh: "在「{sheet}」中没有找到表头：需要一行写有“项目名称”“进展情况”（或同义词）等列名。请确认当前工作表是通报。",
      en: "No header row was found on “{sheet}”: a row naming the project and progress columns (or synonyms) is needed. Check that this sheet is the bulletin.",
    },
  },
  empty_sheet: {
    any: { zh: "工作表「{sheet}」是空的。请打开通报所在的工作表。", en: "Sheet “{sheet}” is empty. Open the bulletin's sheet." },
  },
  sheet_too_large: {
    any: {
      zh: "工作表太大，无法一次读取（{detail}）。请把通报复制到一个新工作表后再试。",
      en: "The sheet is too large to read at once ({detail}). Copy the bulletin to a new sheet and try again.",
    },
  },
  api_unsupported: {
    any: {
      zh: "这个版本的 Excel 不支持进度助手需要的功能。请使用 Microsoft 365 或 Excel 网页版，或改用命令行版本。",
      en: "This version of Excel lacks a feature Jindu needs. Use Microsoft 365 or Excel on the web, or the command-line version.",
    },
  },
  internal: {
    any: {
      zh: "出现了意外错误，操作没有完成。请保存工作簿后再试；下方“详情”中是 Excel 给出的原因。",
      en: "An unexpected error stopped the command. Save the workbook and try again; Details below has Excel's reason.",
    },
  },
};

export interface PaneError {
  code: ErrorCode | "unknown";
  text: string;
  /** Excel's own words, for the 详情 toggle. */
  detail?: string;
  /** The bulletin a Jindu sheet came from: the pane offers to use it. */
  source?: string;
}

function fill(text: string, params: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? "");
}

export function describeError(e: unknown, action: Action, lang: Lang): PaneError {
  if (!isJinduError(e)) {
    const raw = e instanceof Error ? e.message : String(e);
    return { code: "unknown", text: fill(ERROR_MESSAGES.internal!.any![lang], {}), detail: raw };
  }
  const entry = ERROR_MESSAGES[e.code];
  const words = entry?.[action] ?? entry?.any;
  const params: Record<string, string> = { sheet: "", detail: e.detail ?? "", ...e.params };
  const text = words ? fill(words[lang], params).replace(/「」|“”/g, "").replace(/ {2,}/g, " ") : lang === "zh" ? e.zh : e.en;
  const host = e.params.host;
  const detail = host ?? (e.code === "internal" ? e.detail : undefined);
  return { code: e.code, text, ...(detail ? { detail } : {}), ...(e.params.source ? { source: e.params.source } : {}) };
}
