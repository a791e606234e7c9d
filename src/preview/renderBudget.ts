// Bounds what one preview render may cost. Pure, unit-tested.

/**
 * Documents above this many UTF-16 code units are previewed up to here (cut at a line end). A blog post is rarely
 * above 100 KB; at 1 MB one render already costs the extension host 0.3–0.7 s per keystroke and the webview's DOM
 * gets heavy, and what the writer needs is a responsive editor, so the preview says clearly that it shows only the
 * beginning.
 */
export const MAX_PREVIEW_CHARS = 500_000;

export interface BudgetedSource {
  source: string;
  truncated: boolean;
  /** Lines shown (all of them when not truncated). */
  shownLines: number;
  totalChars: number;
}

export function budgetSource(text: string, maxChars: number = MAX_PREVIEW_CHARS): BudgetedSource {
  if (text.length <= maxChars) return { source: text, truncated: false, shownLines: countLines(text), totalChars: text.length };
  const lastBreak = text.lastIndexOf('\n', maxChars - 1);
  // One enormous line (minified data pasted in): cut inside it rather than show nothing.
  let cut = lastBreak > 0 ? lastBreak + 1 : maxChars;
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  const source = text.slice(0, cut);
  return { source, truncated: true, shownLines: countLines(source), totalChars: text.length };
}

function countLines(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}
