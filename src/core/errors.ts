// Typed errors with a message in Chinese and English. Adapters and the core throw these;
// entry points show `zh` first, then `en`.

export type ErrorCode =
  | "file_not_found"
  | "not_a_workbook"
  | "encrypted_workbook"
  | "corrupt_workbook"
  | "empty_sheet"
  | "empty_workbook"
  | "no_header"
  | "no_rows"
  | "sheet_not_found"
  | "protected_sheet"
  | "api_unsupported"
  | "sheet_too_large"
  | "output_exists"
  | "bad_argument"
  | "not_a_file"
  | "permission_denied"
  | "is_a_directory"
  | "disk_full"
  | "io_error"
  | "output_is_input"
  | "unsaved_parts"
  | "cell_edit_mode"
  | "host_busy"
  | "workbook_protected"
  | "sheet_missing"
  | "jindu_sheet"
  | "internal";

const MESSAGES: Record<ErrorCode, { zh: string; en: string }> = {
  file_not_found: { zh: "找不到文件", en: "File not found" },
  not_a_workbook: { zh: "这不是可读取的工作簿或表格文本文件", en: "This is not a readable workbook or table text file" },
  encrypted_workbook: { zh: "工作簿有密码保护，请先取消密码后再试", en: "The workbook is password-protected; remove the password and try again" },
  corrupt_workbook: { zh: "工作簿已损坏，无法读取", en: "The workbook is damaged and cannot be read" },
  empty_sheet: { zh: "工作表是空的", en: "The sheet is empty" },
  empty_workbook: { zh: "工作簿中没有工作表", en: "The workbook has no sheets" },
  no_header: {
    zh: "没有找到表头：需要一行包含“项目名称”和“进展情况”（或同义词）等列名",
    en: "No header row found: a row naming the project and progress columns (or synonyms) is needed",
  },
  no_rows: { zh: "表头下面没有项目行", en: "There are no project rows under the header" },
  sheet_not_found: { zh: "没有这个工作表", en: "No sheet with that name" },
  protected_sheet: { zh: "工作表受保护，无法标记；请先撤销工作表保护", en: "The sheet is protected; unprotect it to add highlights" },
  api_unsupported: { zh: "此版本的 Excel 不支持所需功能", en: "This version of Excel does not support a required feature" },
  sheet_too_large: { zh: "工作表太大，无法一次处理", en: "The sheet is too large to process at once" },
  output_exists: { zh: "输出文件已存在；如需覆盖请加 --force", en: "The output file exists; add --force to overwrite it" },
  bad_argument: { zh: "参数有误", en: "Invalid argument" },
  not_a_file: { zh: "这不是普通文件（目录、管道或设备），无法读取", en: "This is not a regular file (a directory, pipe or device) and cannot be read" },
  permission_denied: { zh: "没有权限读写这个文件", en: "Permission denied for this file" },
  is_a_directory: { zh: "这是一个文件夹，不是文件", en: "This is a folder, not a file" },
  disk_full: { zh: "磁盘空间不足，文件没有写入", en: "The disk is full; nothing was written" },
  io_error: { zh: "读写文件时出错", en: "The file could not be read or written" },
  output_is_input: { zh: "输出文件不能是输入文件（或指向它的链接）", en: "The output may not be the input file (or a link to it)" },
  unsaved_parts: {
    zh: "工作簿含有本工具无法保留的内容（图表、数据透视表、宏等），写出的副本会丢失它们；如确认请加 --force",
    en: "The workbook has parts this tool cannot keep (charts, pivot tables, macros…); the copy would lose them. Add --force to accept",
  },
  cell_edit_mode: { zh: "Excel 正在编辑单元格；按 Enter 或 Esc 结束编辑后再试", en: "Excel is editing a cell; press Enter or Esc, then try again" },
  host_busy: { zh: "Excel 暂时没有完成这个操作；请稍候再试", en: "Excel could not finish this just now; try again in a moment" },
  workbook_protected: { zh: "工作簿结构受保护，无法新建工作表；请先撤销工作簿保护", en: "The workbook structure is protected; unprotect the workbook to add sheets" },
  sheet_missing: { zh: "找不到这个工作表，可能已改名或删除", en: "The sheet is not there any more; it may have been renamed or deleted" },
  jindu_sheet: { zh: "这是进度助手生成的工作表，不是通报", en: "This is a sheet Jindu wrote, not a bulletin" },
  internal: { zh: "内部错误", en: "Internal error" },
};

export class JinduError extends Error {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly en: string;
  /** Specifics (a file name, a sheet name) appended to both messages. */
  readonly detail?: string;
  /** Named specifics for a screen that words its own message (sheet, source, host). */
  readonly params: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, detail?: string, params: Record<string, string> = {}) {
    const m = MESSAGES[code];
    const suffix = detail ? `: ${detail}` : "";
    super(`${m.zh}${suffix} / ${m.en}${suffix}`);
    this.name = "JinduError";
    this.code = code;
    this.zh = m.zh + suffix;
    this.en = m.en + suffix;
    this.detail = detail;
    this.params = params;
  }
}

export function isJinduError(e: unknown): e is JinduError {
  return e instanceof JinduError;
}

/** A file-system error (by its errno code) as a typed error naming the file; null for others. */
export function fromFsError(e: unknown, name: string): JinduError | null {
  if (e instanceof JinduError) return e;
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
    case "ENAMETOOLONG":
      return new JinduError("file_not_found", name);
    // open() of a socket, or of a FIFO without a writer in non-blocking mode.
    case "ENXIO":
    case "EOPNOTSUPP":
      return new JinduError("not_a_file", name);
    case "EACCES":
    case "EPERM":
    case "EROFS":
      return new JinduError("permission_denied", name);
    case "EISDIR":
      return new JinduError("is_a_directory", name);
    case "ENOSPC":
    case "EDQUOT":
      return new JinduError("disk_full", name);
    case "EIO":
    case "EMFILE":
    case "ENFILE":
    case "ELOOP":
    case "EBUSY":
    case "ETXTBSY":
    case "EFBIG":
      return new JinduError("io_error", `${name} (${code})`);
    default:
      return null;
  }
}
