import type MarkdownIt from 'markdown-it';
import { BacktickRuns } from './backtickRuns';

type StateInline = MarkdownIt.StateInline;

/**
 * Bracket notations end at the first `]` on their line. Searching for it with a fresh indexOf from every `[` is
 * O(n²) on a paragraph of unclosed brackets, so each search result is remembered per inline state: positions only
 * move forward, and "no `]` between here and the next one found" stays true until we pass it.
 */
interface NextCache { from: number; found: number }
const caches = new WeakMap<StateInline, Map<string, NextCache>>();

/** The index of `needle` at or after `from` in state.src (not limited to posMax), or -1. Amortised linear. */
export function nextIndexOf(state: StateInline, needle: string, from: number): number {
  let perState = caches.get(state);
  if (!perState) { perState = new Map(); caches.set(state, perState); }
  const cached = perState.get(needle);
  if (cached && cached.from <= from && (cached.found === -1 || cached.found >= from)) return cached.found;
  const found = state.src.indexOf(needle, from);
  if (cached) { cached.from = from; cached.found = found; } else perState.set(needle, { from, found });
  return found;
}

/**
 * The code spans of state.src from `from` on, as flat [start, end) pairs in order, or null when there is none.
 * CommonMark's rule, as markdown-it's backtick rule applies it (see BacktickRuns), with a backslash escaping a run's
 * first backtick. One pass over the runs, each length's closer search moving only forward.
 */
function scanCodeSpans(src: string, from: number): Int32Array | null {
  if (src.indexOf('`', from) < 0) return null;
  const runs = new BacktickRuns(src, from);
  const { starts, lengths } = runs;
  const spans: number[] = [];
  let cursor = from; // everything before it is inside a span already found (or before the scan)
  for (let r = 0; r < starts.length; r++) {
    let open = starts[r];
    let length = lengths[r];
    if (open < cursor) continue;
    // An odd number of backslashes right before the run (and after the last span) escapes its first backtick.
    let slashes = 0;
    while (open - slashes - 1 >= cursor && src.charCodeAt(open - slashes - 1) === 0x5c) slashes++;
    if (slashes % 2 === 1) { open++; length--; }
    if (length === 0) continue;
    const close = runs.closerIndex(open, length);
    if (close < 0) { cursor = open + length; continue; }
    spans.push(open, starts[close] + length);
    cursor = starts[close] + length;
    r = close;
  }
  return spans.length > 0 ? Int32Array.from(spans) : null;
}

/** The index (into the flat pairs) of the code span holding position `at`, or -1. */
function spanAt(spans: Int32Array, at: number): number {
  let lo = 0;
  let hi = spans.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[2 * mid + 1] <= at) lo = mid + 1;
    else if (spans[2 * mid] > at) hi = mid - 1;
    else return 2 * mid;
  }
  return -1;
}

/** The code spans of one inline state as seen from `from`, and the last answer per needle found with them. */
interface CodeSpans { from: number; spans: Int32Array | null; found: Map<string, NextCache>; scanned: number }
const codeSpans = new WeakMap<StateInline, CodeSpans>();

/**
 * The code spans as the parser sees them at `from`. They are scanned once from the start; but the parser may stand
 * where that scan saw a span, because something else took the opening backticks (an HTML tag's attribute, a link
 * destination). From there the pairing differs, so the spans are scanned again from `from`. Rescans stop after
 * four lengths of the source in all (an input built to force one per note), and then a backtick protects nothing.
 */
function codeSpansAt(state: StateInline, from: number): CodeSpans | undefined {
  let entry = codeSpans.get(state);
  if (!entry) {
    entry = { from: 0, spans: scanCodeSpans(state.src, 0), found: new Map(), scanned: 0 };
    codeSpans.set(state, entry);
  }
  const around = entry.spans && from >= entry.from ? spanAt(entry.spans, from) : -1;
  const stale = from < entry.from || (around >= 0 && entry.spans![around] < from);
  if (!stale) return entry;
  entry.scanned += state.src.length - from;
  if (entry.scanned > 4 * state.src.length) return undefined;
  entry.from = from;
  entry.spans = scanCodeSpans(state.src, from);
  entry.found.clear();
  return entry;
}

/** The first `needle` at or after `from` that no code span holds, amortised like nextIndexOf. */
function topLevelIndexOf(state: StateInline, entry: CodeSpans, spans: Int32Array, needle: string, from: number): number {
  const cached = entry.found.get(needle);
  if (cached && cached.from <= from && (cached.found === -1 || cached.found >= from)) return cached.found;
  let at = from;
  let found: number;
  for (;;) {
    found = nextIndexOf(state, needle, at);
    if (found < 0) break;
    const span = spanAt(spans, found);
    if (span < 0) break;
    at = spans[span + 1];
  }
  if (cached) { cached.from = from; cached.found = found; } else entry.found.set(needle, { from, found });
  return found;
}

/**
 * Like nextIndexOf, but skipping code spans: `((例: \`f(g(x))\` を参照))` ends at the last `))`. Amortised
 * linear, like nextIndexOf.
 */
export function nextOutsideCode(state: StateInline, needle: string, from: number): number {
  const plain = nextIndexOf(state, needle, from);
  // No backtick between here and the needle: no span can start before it, so none protects it (the usual case,
  // which needs no spans at all).
  if (plain < 0) return -1;
  const tick = nextIndexOf(state, '`', from);
  if (tick < 0 || tick > plain) return plain;
  const entry = codeSpansAt(state, from);
  if (!entry || entry.spans === null) return plain;
  return topLevelIndexOf(state, entry, entry.spans, needle, from);
}

/**
 * For a bracket notation opening at `pos` (a `[`): the index of the `]` that closes it on the same line and before
 * posMax, or -1. The first `]`, backticks or not: a notation's body is not Markdown (its backticks print as typed),
 * so `[google:a \`]\` b]` ends at the first `]`, like `[tex:…]` and the grammar. Only a note's end skips code spans.
 */
export function closingBracket(state: StateInline, pos: number): number {
  const close = nextIndexOf(state, ']', pos + 1);
  if (close < 0 || close >= state.posMax) return -1;
  const newline = nextIndexOf(state, '\n', pos + 1);
  return newline >= 0 && newline < close ? -1 : close;
}

/** True when src continues with `prefix` at `pos` (cheap first-character test before the slice compare). */
export function startsWithAt(src: string, prefix: string, pos: number): boolean {
  return src.charCodeAt(pos) === prefix.charCodeAt(0) && src.startsWith(prefix, pos);
}

/** Inside a link's text (markdown-it ≥13 counts the nesting in `linkLevel`, which its typings omit): notation that
 *  makes an <a> must not, or links would nest. */
export function insideLink(state: StateInline): boolean {
  return ((state as StateInline & { linkLevel?: number }).linkLevel ?? 0) > 0;
}
