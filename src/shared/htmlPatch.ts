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
