// Parts of an .xlsx package that ExcelJS does not write back: a copy made through it would
// silently lose them, so the user is told before anything is written.
import JSZip from "jszip";
import type { LostParts } from "../app/input";
import { JinduError } from "../core/errors";

export type { LostParts };

const LOST: readonly (readonly [RegExp, { zh: string; en: string }])[] = [
  [/^xl\/charts\//, { zh: "图表", en: "charts" }],
  [/^xl\/chartsheets\//, { zh: "图表工作表", en: "chart sheets" }],
  [/^xl\/pivotTables\/|^xl\/pivotCache\//, { zh: "数据透视表", en: "pivot tables" }],
  [/^xl\/vbaProject\.bin$/, { zh: "宏（VBA）", en: "macros (VBA)" }],
  [/^xl\/slicers\/|^xl\/slicerCaches\//, { zh: "切片器", en: "slicers" }],
  [/^xl\/timelines\/|^xl\/timelineCaches\//, { zh: "日程表", en: "timelines" }],
  [/^xl\/activeX\/|^xl\/ctrlProps\//, { zh: "控件", en: "form controls" }],
  [/^xl\/embeddings\//, { zh: "嵌入对象", en: "embedded objects" }],
  [/^xl\/externalLinks\//, { zh: "外部链接", en: "external links" }],
];
/** Shapes and text boxes in a drawing (pictures alone are kept). */
const SHAPE = /<xdr:sp[\s>]|<xdr:cxnSp[\s>]|<xdr:grpSp[\s>]/;

/** What a copy of this package would lose, in both languages; empty when nothing. */
export async function unsavedParts(bytes: Uint8Array): Promise<LostParts> {
  const found = new Map<string, { zh: string; en: string }>();
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { zh: [], en: [] };
  }
  for (const name of Object.keys(zip.files)) {
    for (const [re, label] of LOST) if (re.test(name)) found.set(label.en, label);
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(name) && !found.has("shapes")) {
      const xml = await zip.files[name]!.async("string");
      if (SHAPE.test(xml)) found.set("shapes", { zh: "形状和文本框", en: "shapes and text boxes" });
    }
  }
  const labels = [...found.values()];
  return { zh: labels.map((l) => l.zh), en: labels.map((l) => l.en) };
}

/** Stops before anything is written when the copy would lose parts, unless the user accepts it. */
export function refuseUnsaved(parts: LostParts, force: boolean): LostParts | undefined {
  if (parts.en.length === 0) return undefined;
  if (!force) throw new JinduError("unsaved_parts", `${parts.zh.join("、")} / ${parts.en.join(", ")}`);
  return parts;
}
