import type MarkdownIt from 'markdown-it';

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
  perState.set(needle, { from, found });
  return found;
}

/**
 * For a bracket notation opening at `pos` (a `[`): the index of the `]` that closes it on the same line and before
 * posMax, or -1.
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
