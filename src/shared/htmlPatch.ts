// Sending a 100 KB post's HTML (≈250 KB) through the extension host → workbench → webview on every keystroke costs
// more than rendering it. A keystroke changes one block, so the host sends the changed middle of the string: the
// common prefix and suffix stay in the webview. Pure (no DOM, no vscode): both sides import it.

export interface HtmlPatch {
  /** Length of the string the patch applies to (a cheap check that both sides hold the same base). */
  baseLength: number;
  /** Replace base[start, end) with `insert`. */
  start: number;
  end: number;
  insert: string;
}

/**
 * Whole top-level blocks of the entry body replaced, as the incremental renderer re-rendered them: the page parses
 * only `insert` and replaces only the live elements from the one stamped `fromLine` up to the one stamped `toLine`,
 * then moves every stamp after them by `lineDelta`. Neither side touches the rest of the post's HTML (at 5 MB, even
 * copying that string costs more than the keystroke).
 */
export interface BlockPatch extends BlockRange {
  insert: string;
  /** Lines the edit inserted (> 0) or removed (< 0) above the kept blocks. */
  lineDelta: number;
}

/** Which top-level elements of the entry body a block patch replaces (source lines as the page holds them). */
export interface BlockRange {
  /** data-line of the first element replaced. */
  fromLine: number;
  /** data-line of the first element kept after them; null: up to the end of the blocks (the footnote list, or the
   *  end sentinel, is kept). */
  toLine: number | null;
  /** The body ends with the footnote list (a `div.footnote` before the end sentinel). */
  footnoteList: boolean;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The smallest middle replacement turning `base` into `next` (never splitting a surrogate pair). */
export function diffHtml(base: string, next: string): HtmlPatch {
  const max = Math.min(base.length, next.length);
  let start = 0;
  while (start < max && base.charCodeAt(start) === next.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(base.charCodeAt(start - 1))) start--;
  let tail = 0;
  const maxTail = max - start;
  while (tail < maxTail && base.charCodeAt(base.length - 1 - tail) === next.charCodeAt(next.length - 1 - tail)) tail++;
  if (tail > 0 && tail < base.length && isHighSurrogate(base.charCodeAt(base.length - 1 - tail))) tail--;
  return { baseLength: base.length, start, end: base.length - tail, insert: next.slice(start, next.length - tail) };
}

/** Applies a patch, or returns undefined when it does not fit `base` (the caller then asks for the whole HTML). */
export function applyHtmlPatch(base: string, patch: HtmlPatch): string | undefined {
  if (base.length !== patch.baseLength || patch.start < 0 || patch.start > patch.end || patch.end > base.length) return undefined;
  return base.slice(0, patch.start) + patch.insert + base.slice(patch.end);
}

/** Worth sending as a patch: at least a quarter smaller than the whole string. */
export function isWorthPatching(patch: HtmlPatch, nextLength: number): boolean {
  return patch.insert.length < nextLength * 0.75;
}
