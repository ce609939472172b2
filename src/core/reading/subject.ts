// What a figure counts, for display beside it ("农村公路扩面延伸工程: 201.2公里 ÷ 280.993公里"):
// the words right before it in its clause, back to the previous figure or separator, never cut
// inside a word run by a fixed window; the words after it when nothing comes before.
import type { Fig } from "./figures";

const SEPARATOR = /[^\u3400-\u9fffA-Za-z]+/;
/** Qualifiers that lead into the figure, not part of what is counted. */
const LEAD_IN = /(?:约|达到|达|为|共计|共|计)$/;
/** Longer runs are sentences, not names: their last characters are kept. */
const MAX_CHARS = 16;

/** A date's tail after its digits (2020年完成 → 完成). */
const DATE_TAIL = /^(?:年度|年|月份|月底|月|日|号)/;

export function figureSubject(fig: Pick<Fig, "before" | "after">): string | undefined {
  let before = fig.before.split(SEPARATOR).pop() ?? "";
  if (/\d$/.test(fig.before.slice(0, fig.before.length - before.length))) before = before.replace(DATE_TAIL, "");
  const run = before.replace(LEAD_IN, "") || (fig.after.split(SEPARATOR).find((s) => s !== "") ?? "");
  const subject = run.length > MAX_CHARS ? run.slice(-MAX_CHARS) : run;
  return subject || undefined;
}
