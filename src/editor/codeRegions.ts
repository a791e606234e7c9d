// Where Hatena notation means nothing: fenced code blocks, inline code spans, HTML comments and the YAML front
// matter. Completions are never offered there. A small scanner rather than a full Markdown parse, because it
// runs on every trigger character; it stops as soon as it has passed the offset it was asked about.
//
// Simplifications (deliberate): indented code blocks are not detected (in lists they are usually prose), fences
// may be indented any amount (they can sit inside list items), an unclosed `<!--` runs to the end of the text
// (the writer is typing inside it), and an unmatched backtick run is literal, as in CommonMark.

/** A half-open range [start, end) of text offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/** True when a cursor at `offset` is inside code, a comment or the front matter. */
export function isInCodeOrComment(text: string, offset: number): boolean {
  for (const range of excludedRanges(text, offset)) {
    if (offset > range.start && offset < range.end) return true;
    if (range.start >= offset) return false;
  }
  return false;
}

/** Every code/comment/front-matter range in the text, in order. */
export function allExcludedRanges(text: string): TextRange[] {
  return [...excludedRanges(text, text.length)];
}

/** True when a range of `ranges` (sorted, from allExcludedRanges) covers `offset`. Binary search. */
export function isExcluded(ranges: readonly TextRange[], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (offset <= r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return true;
  }
  return false;
}

const FENCE_OPEN = /[ \t]*(`{3,}|~{3,})([^\n]*)/y;

/**
 * Yields excluded ranges in text order until one starts after `until`. A range's `start` is where the construct
 * opens and `end` where it has closed; a cursor strictly between them is inside (right after an opening ``` ` ```
 * or before a closing one counts as inside; before the opener or after the closer does not).
 */
function* excludedRanges(text: string, until: number): Generator<TextRange> {
  let i = 0;
  const frontMatterEnd = frontMatterLength(text);
  if (frontMatterEnd > 0) {
    yield { start: 0, end: frontMatterEnd };
    i = frontMatterEnd;
  }
  // Backtick-run lengths known to have no closer before a given paragraph end (markdown-it's trick), so a
  // paragraph full of unmatched backticks stays linear.
  let noCloser = new Map<number, number>();
  let paragraphEnd = -1;
  let atLineStart = true;
  while (i < text.length && i <= until) {
    if (atLineStart) {
      FENCE_OPEN.lastIndex = i;
      const fence = FENCE_OPEN.exec(text);
      if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
        const end = fenceEnd(text, FENCE_OPEN.lastIndex, fence[1]);
        yield { start: i + fence[0].length - fence[1].length - fence[2].length, end };
        i = end;
        noCloser = new Map();
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (c === 0x0a /* \n */) {
      atLineStart = true;
      i++;
      continue;
    }
    atLineStart = false;
    if (c === 0x5c /* \ */) {
      i += text.charCodeAt(i + 1) === 0x0a ? 1 : 2;
    } else if (c === 0x60 /* ` */) {
      let n = 1;
      while (text.charCodeAt(i + n) === 0x60) n++;
      if (i >= paragraphEnd) paragraphEnd = findParagraphEnd(text, i);
      const closer = (noCloser.get(n) ?? -1) === paragraphEnd ? -1 : findBacktickCloser(text, i + n, n, paragraphEnd);
      if (closer < 0) {
        noCloser.set(n, paragraphEnd);
        i += n;
      } else {
        yield { start: i + n - 1, end: closer + 1 };
        i = closer + n;
      }
    } else if (c === 0x3c /* < */ && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      yield { start: i + 3, end: close < 0 ? Infinity : close + 1 };
      if (close < 0) return;
      i = close + 3;
    } else {
      i++;
    }
  }
}

/** Length of a `---` … `---`/`...` block at the very start, or 0. An unclosed block is not front matter. */
export function frontMatterLength(text: string): number {
  const first = /^---[ \t]*\r?\n/.exec(text);
  if (!first) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  const rest = text.slice(first[0].length);
  const m = close.exec(rest);
  if (!m) return 0;
  return first[0].length + m.index + m[0].length;
}

/** Offset just after the closing fence line; Infinity for an unclosed fence (it runs to the end). */
function fenceEnd(text: string, from: number, opener: string): number {
  const closing = new RegExp(`^[ \\t]*${opener[0] === '`' ? '`' : '~'}{${opener.length},}[ \\t]*\\r?$`, 'gm');
  closing.lastIndex = text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from) + 1;
  const m = closing.exec(text);
  return m ? m.index + m[0].length : Infinity;
}

/** Start of the first blank line after `from` (where inline code spans stop), or the end of the text. */
function findParagraphEnd(text: string, from: number): number {
  const blank = /\n[ \t]*(?:\r?\n|$)/g;
  blank.lastIndex = from;
  const m = blank.exec(text);
  return m ? m.index : text.length;
}

/** Start of a run of exactly `n` backticks in [from, limit), or -1. */
function findBacktickCloser(text: string, from: number, n: number, limit: number): number {
  let i = text.indexOf('`', from);
  while (i >= 0 && i < limit) {
    let run = 1;
    while (text.charCodeAt(i + run) === 0x60) run++;
    if (run === n) return i;
    i = text.indexOf('`', i + run);
  }
  return -1;
}
