// Where Hatena notation means nothing: fenced code blocks, inline code spans, HTML comments and the YAML front
// matter. Completions are never offered there. A small scanner rather than a full Markdown parse, because it
// runs on trigger characters; it stops as soon as it has passed the offset it was asked about, and it is linear
// in the text it reads (every character is looked at a bounded number of times).
//
// Simplifications (deliberate): indented code blocks are not detected (in lists they are usually prose), fences
// may be indented any amount (they can sit inside list items), an unclosed `<!--` runs to the end of the text
// (the writer is typing inside it), and an unmatched backtick run is literal, as in CommonMark.

import { BacktickRuns, htmlCommentEnd } from '../hatena';

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

/**
 * Every code/comment/front-matter range in the text, in order. Also right for a prefix of a longer document
 * that ends at the end of a paragraph: ranges that close later then end at Infinity, which still covers every
 * offset of the prefix they cover in the whole document.
 */
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

/**
 * A fence line: block-quote markers (`> > `) and list markers (`- `, `1. `) before the fence are allowed, so
 * fences inside quotes and on a list item's first line count. Groups: 1 quote/list prefix, 2 fence, 3 info.
 */
const FENCE_OPEN = /((?:[ \t]*>)*(?:[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)?)[ \t]*(`{3,}|~{3,})([^\n]*)/y;
/** Where the scanner has something to do: a line start, an escape, a backtick, a comment opener. */
const INTERESTING = /[\n\\`<]/g;

/**
 * Yields excluded ranges in text order until one starts after `until`. A range's `start` is where the construct
 * opens and `end` where it has closed; a cursor strictly between them is inside (right after an opening ``` ` ```
 * or before a closing one counts as inside; before the opener or after the closer does not).
 */
function* excludedRanges(text: string, until: number): Generator<TextRange> {
  let i = 0;
  const frontMatterEnd = frontMatterLength(text) || openFrontMatterLength(text);
  if (frontMatterEnd > 0) {
    yield { start: 0, end: frontMatterEnd };
    if (frontMatterEnd === Infinity) return;
    i = frontMatterEnd;
  }
  const spans = new BacktickSpans(text);
  let atLineStart = i === 0 || text.charCodeAt(i - 1) === 0x0a;
  while (i < text.length && i <= until) {
    if (atLineStart) {
      atLineStart = false;
      FENCE_OPEN.lastIndex = i;
      const fence = FENCE_OPEN.exec(text);
      if (fence && !(fence[2][0] === '`' && fence[3].includes('`'))) {
        const start = i + fence[0].length - fence[2].length - fence[3].length;
        const end = fenceEnd(text, FENCE_OPEN.lastIndex, fence[2], quoteDepth(fence[1]));
        yield { start, end };
        if (end === Infinity) return;
        i = end;
        atLineStart = true;
        spans.reset();
        continue;
      }
    }
    const c = text.charCodeAt(i);
    if (c === 0x0a /* \n */) {
      atLineStart = true;
      i++;
    } else if (c === 0x5c /* \ */) {
      i += text.charCodeAt(i + 1) === 0x0a ? 1 : 2;
    } else if (c === 0x60 /* ` */) {
      let n = 1;
      while (text.charCodeAt(i + n) === 0x60) n++;
      const closer = spans.closer(i, n);
      if (closer < 0) {
        i += n;
      } else {
        yield { start: i + n - 1, end: closer + 1 };
        i = closer + n;
      }
    } else if (c === 0x3c /* < */ && text.startsWith('<!--', i)) {
      const end = htmlCommentEnd(text, i);
      const close = end < 0 ? Infinity : end;
      yield { start: i + 3, end: close };
      if (close === Infinity) return;
      i = close;
    } else {
      INTERESTING.lastIndex = i + 1;
      i = INTERESTING.exec(text)?.index ?? text.length;
    }
  }
}

/**
 * Finds the closer of an inline code span: the next run of exactly as many backticks in the same paragraph. Each
 * paragraph's backtick runs are indexed once (BacktickRuns, shared with the renderer), and each length's cursor only
 * moves forward, so a paragraph full of unmatched runs of many different lengths is still scanned a bounded number
 * of times.
 */
class BacktickSpans {
  private paragraphEnd = -1;
  private runs: BacktickRuns | undefined;

  constructor(private readonly text: string) {}

  /** The paragraph changes under us (a fence interrupted it): index afresh at the next backtick. */
  reset(): void {
    this.paragraphEnd = -1;
  }

  /** Start of the run closing the `n`-backtick opener at `at`, or -1. */
  closer(at: number, n: number): number {
    if (!this.runs || at >= this.paragraphEnd) {
      this.paragraphEnd = findParagraphEnd(this.text, at);
      this.runs = new BacktickRuns(this.text, at, this.paragraphEnd);
    }
    const k = this.runs.closerIndex(at, n);
    return k < 0 ? -1 : this.runs.starts[k];
  }
}

/** Length of a `---` … `---`/`...` block at the very start, or 0. An unclosed block is not front matter here. */
export function frontMatterLength(text: string): number {
  const first = /^---[ \t]*\r?\n/.exec(text);
  if (!first) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  const rest = text.slice(first[0].length);
  const m = close.exec(rest);
  if (!m) return 0;
  return first[0].length + m.index + m[0].length;
}

/** A line of the YAML blogsync writes: `Key: value`, `Key:`, `- item`, a `# comment`. */
const YAML_LINE = /^(?:[A-Za-z_][\w.-]*[ \t]*:(?:[ \t][^\n]*)?|[ \t]*-(?:[ \t][^\n]*)?|[ \t]*#[^\n]*)\r?$/;

/**
 * A front matter still being typed: an opening `---` with no closing line yet. It counts only while every line
 * after it looks like YAML (`Key: value`, list items, comments) and it runs to the end (the writer is typing
 * there), so an ordinary document that merely starts with a `---` rule keeps its completions from its first
 * line of prose on. Returns the offset where the YAML-looking lines stop, Infinity when they reach the end, or 0.
 */
export function openFrontMatterLength(text: string): number {
  const first = /^---[ \t]*(?:\r?\n|\r?$)/.exec(text);
  if (!first) return 0;
  if (!first[0].endsWith('\n')) return Infinity; // just the opening line so far
  // Line by line; an empty last line (the text ends with a newline) is not YAML either.
  for (let i = first[0].length; ; ) {
    const newline = text.indexOf('\n', i);
    const lineEnd = newline < 0 ? text.length : newline;
    if (!YAML_LINE.test(text.slice(i, lineEnd))) return i;
    if (newline < 0) return Infinity;
    i = newline + 1;
  }
}

/** How many `>` block-quote markers a fence line's prefix holds. */
function quoteDepth(prefix: string): number {
  let depth = 0;
  for (let i = 0; i < prefix.length; i++) if (prefix.charCodeAt(i) === 0x3e) depth++;
  return depth;
}

/**
 * Offset just after the closing fence line; Infinity for an unclosed fence (it runs to the end). A fence inside
 * a block quote also ends where the quote does: at the first line with fewer `>` markers.
 */
function fenceEnd(text: string, from: number, opener: string, depth: number): number {
  const firstLine = text.indexOf('\n', from);
  if (firstLine < 0) return Infinity;
  const char = opener[0] === '`' ? '`' : '~';
  if (depth === 0) {
    const closing = new RegExp(`^[ \\t]*${char}{${opener.length},}[ \\t]*\\r?$`, 'gm');
    closing.lastIndex = firstLine + 1;
    const m = closing.exec(text);
    return m ? m.index + m[0].length : Infinity;
  }
  const closing = new RegExp(`^[ \\t]*${char}{${opener.length},}[ \\t]*\\r?$`);
  // Line by line; an empty last line (the text ends with a newline) has no markers, so it ends the quote too.
  for (let i = firstLine + 1; ; ) {
    const newline = text.indexOf('\n', i);
    const lineEnd = newline < 0 ? text.length : newline;
    let j = i;
    let markers = 0;
    while (markers < depth) {
      while (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09) j++;
      if (j >= lineEnd || text.charCodeAt(j) !== 0x3e) break;
      j++;
      markers++;
    }
    if (markers < depth) return i; // the block quote, and the code block with it, ended before this line
    if (closing.test(text.slice(j, lineEnd))) return lineEnd;
    if (newline < 0) return Infinity;
    i = newline + 1;
  }
}

/**
 * Where the paragraph holding `from` ends (inline code spans stop there): the first blank line or fence line
 * after it, or the end of the text.
 */
function findParagraphEnd(text: string, from: number): number {
  const blank = /\n(?:[ \t]*(?:\r?\n|$)|(?:[ \t]*>)*[ \t]*(?:`{3,}|~{3,}))/g;
  blank.lastIndex = from;
  const m = blank.exec(text);
  return m ? m.index : text.length;
}
