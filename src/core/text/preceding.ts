// What precedes a match, checked in code rather than by look-behind assertions, which are a
// syntax error in older webviews (Safari before 16.4): there one such pattern stops the whole
// add-in. The patterns that need it leave it out and say it here; the matches are the same as
// with it (test/host/host-check.test.ts keeps look-behind out of src).

/**
 * The matches of the global `re` in `text`, in order and not overlapping, that `accept` takes
 * by what precedes them: what a look-behind at the start of `re` would give. A refused match is
 * tried again one character on, as the engine does when a look-behind fails.
 */
export function* matchesWhere(re: RegExp, text: string, accept: (m: RegExpExecArray) => boolean): Generator<RegExpExecArray> {
  const g = new RegExp(re.source, re.flags);
  let at = 0;
  while (at <= text.length) {
    g.lastIndex = at;
    const m = g.exec(text);
    if (m === null) return;
    if (accept(m)) {
      yield m;
      at = m[0].length > 0 ? m.index + m[0].length : m.index + 1;
    } else {
      at = m.index + 1;
    }
  }
}

export interface AfterMatch {
  /** Where the match proper starts in the text (after the character it looked at). */
  start: number;
  end: number;
  m: RegExpExecArray;
}

/**
 * Like matchesWhere for a `re` whose first element is the one character before the match,
 * consumed (`[^\d.,]`: what may precede it): the engine then skips the inside of a run of
 * digits at once, where a retry per position would make long cells quadratic. Before the
 * text's start that character is a space. `accept(start)` may look further back.
 */
export function* matchesAfter(re: RegExp, text: string, accept: (start: number, m: RegExpExecArray) => boolean = () => true): Generator<AfterMatch> {
  const g = new RegExp(re.source, re.flags);
  const padded = " " + text;
  // `at` is where, in `padded`, the character before the next match may be: a match proper at
  // text offset s has that character at padded offset s.
  let at = 0;
  while (at < padded.length) {
    g.lastIndex = at;
    const m = g.exec(padded);
    if (m === null) return;
    const start = m.index;
    const end = m.index + m[0].length - 1;
    if (accept(start, m)) {
      yield { start, end, m };
      // The match's last character may be the one before the next match.
      at = Math.max(end, start + 1);
    } else {
      at = start + 1;
    }
  }
}
