// The offline page's own words; the panels it shares with the task pane keep theirs
// (src/taskpane/i18n.ts), with the few that speak of Excel said for a page instead.
import type { Lang } from "../core/plan/types";
import { STRINGS, type Strings } from "../taskpane/i18n";

export interface PageStrings {
  title: string;
  subtitle: string;
  choose: string;
  dropHint: string;
  pasteLabel: string;
  pastePlaceholder: string;
  readPaste: string;
  pastedName: string;
  sheet: string;
  file: string;
  download: string;
  downloadForce: string;
  print: string;
  summary: string;
  downloaded: (name: string, summarySheet: string) => string;
  lost: (parts: string) => string;
  cut: (n: number) => string;
  workerFailed: string;
  offline: string;
  selectedUnit: (unit: string) => string;
  errorTitle: string;
}

const zh: PageStrings = {
  title: "进度助手（离线网页版）",
  subtitle: "读取进展通报，计算完成率，标出滞后项目。文件只在本机处理，不会上传。",
  choose: "选择通报文件",
  dropHint: "或把 .xlsx / .csv / .txt 文件拖到这里（UTF-8 或 GB18030 编码均可）",
  pasteLabel: "或粘贴从 Excel / WPS 复制的表格（含表头）",
  pastePlaceholder: "在 Excel 或 WPS 中选中通报表格，复制后粘贴到这里",
  readPaste: "读取粘贴的表格",
  pastedName: "粘贴的表格",
  sheet: "通报工作表",
  file: "文件",
  download: "下载标注后的工作簿",
  downloadForce: "仍然下载（不保留这些内容）",
  print: "打印汇总",
  summary: "按实施单位汇总",
  downloaded: (name, sheet) => `已生成“${name}”：原有内容不变，增加了完成率、状态和“${sheet}”等工作表。`,
  lost: (parts) => `注意：副本未保留 ${parts}。`,
  cut: (n) => `注意：${n} 个单元格超过 32,767 个字符，已截断后读取。`,
  workerFailed: "浏览器无法启动后台计算，请换用新版 Chrome、Edge 或 Firefox 打开本页。",
  offline: "本页不联网：所有计算都在这台电脑上完成。",
  selectedUnit: (unit) => `已在汇总中标出「${unit}」`,
  errorTitle: "出错了",
};

const en: PageStrings = {
  title: "Jindu (offline page)",
  subtitle: "Reads a progress bulletin, computes completion, marks lagging projects. Files stay on this computer; nothing is uploaded.",
  choose: "Choose a bulletin",
  dropHint: "or drop an .xlsx / .csv / .txt file here (UTF-8 or GB18030)",
  pasteLabel: "or paste a table copied from Excel or WPS (with its header)",
  pastePlaceholder: "Select the bulletin's table in Excel or WPS, copy it and paste it here",
  readPaste: "Read the pasted table",
  pastedName: "pasted",
  sheet: "Bulletin sheet",
  file: "File",
  download: "Download the annotated workbook",
  downloadForce: "Download anyway (without those parts)",
  print: "Print the summary",
  summary: "Summary by implementing unit",
  downloaded: (name, sheet) => `“${name}” is ready: the original content is unchanged, with completion, status and the “${sheet}” sheet added.`,
  lost: (parts) => `Note: the copy does not keep ${parts}.`,
  cut: (n) => `Note: ${n} cell(s) longer than 32,767 characters were cut.`,
  workerFailed: "This browser could not start the background reading; open this page in a recent Chrome, Edge or Firefox.",
  offline: "This page makes no network connection: everything runs on this computer.",
  selectedUnit: (unit) => `“${unit}” is highlighted in the summary`,
  errorTitle: "Something went wrong",
};

export const PAGE_STRINGS: Record<Lang, PageStrings> = { zh, en };

/** The pane's words with those about Excel said for the page (settings kept in the browser, applied at once). */
export function paneStrings(lang: Lang): Strings {
  const base = STRINGS[lang];
  return lang === "zh"
    ? {
        ...base,
        expectedHint: "按期间计算，可以修改；结果随即更新。",
        alsoMark: "下载的工作簿中也标出",
        settingsSaved: "设置保存在本浏览器中",
        selectInSheet: "在汇总中标出所属单位",
        stage: { reading: "正在读取文件…", analyzing: "正在分析…", writing: "正在生成工作簿…" },
      }
    : {
        ...base,
        expectedHint: "From the period; you may change it and the results follow at once.",
        alsoMark: "In the downloaded workbook, also mark",
        settingsSaved: "Settings are kept in this browser",
        selectInSheet: "Highlight its unit in the summary",
        stage: { reading: "Reading the file…", analyzing: "Analyzing…", writing: "Writing the workbook…" },
      };
}

/** zh-CN first: English only when the browser says English (as the pane outside Office). */
export function browserLang(language: string | undefined): Lang {
  return (language ?? "zh-CN").toLowerCase().startsWith("en") ? "en" : "zh";
}
