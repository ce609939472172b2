// Small helpers for editing the XML parts of an .xlsx package as text: the parts Jindu changes
// are few and regular, and text edits keep everything else byte for byte.

/** Attributes of one start tag, by qualified name, values unescaped. */
export function attrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  // The tag name itself is skipped: only `name="value"` pairs are taken.
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ""));
  return out;
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function unescapeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

/** Sets (or adds) an attribute in a start tag such as `<xf numFmtId="0">` or `<row r="3"/>`. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  const v = `"${escapeXml(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_, head: string) => `${head}${v}`);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}=${v}${tag.slice(end)}`;
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"[^"]*"|'[^']*')`), "");
}

/** The elements `<name …/>` or `<name …>…</name>` directly inside the first `<parent>` (not nested in the same name). */
export function children(xml: string, parent: string, name: string): { list: string[]; start: number; end: number } | null {
  const open = new RegExp(`<${parent}(?=[\\s>/])[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  const start = open.index + open[0].length;
  if (open[1] === "/") return { list: [], start, end: start };
  const end = xml.indexOf(`</${parent}>`, start);
  if (end < 0) return null;
  const inner = xml.slice(start, end);
  const list: string[] = [];
  const re = new RegExp(`<${name}(?=[\\s>/])[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, "g");
  for (const m of inner.matchAll(re)) list.push(m[0]);
  return { list, start, end };
}

/** Resolves a relationship target against the folder of the part that holds it ("xl/workbook.xml" + "worksheets/sheet1.xml"). */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The rels part of a part: "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(xml: string | null): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attrs(m[0]);
    out.push({ id: a.get("Id") ?? "", type: a.get("Type") ?? "", target: a.get("Target") ?? "", external: a.get("TargetMode") === "External" });
  }
  return out;
}

/** A relationship target for `to` from the part `from`, relative as Excel writes them (some readers take nothing else). */
export function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}
