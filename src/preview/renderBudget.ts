// Bounds what one preview render may cost. Pure, unit-tested.

/**
 * Documents above this many UTF-16 code units are previewed up to here (cut at a line end). Far above any blog post:
 * the preview shows 5 MB reports whole (a keystroke re-renders only the blocks around it, src/hatena/
 * incrementalRender.ts); past 16 M characters one full render (opening, a paste) would hold the extension host for
 * seconds, so the preview says clearly that it shows only the beginning.
 */
export const MAX_PREVIEW_CHARS = 16_000_000;

export interface BudgetedSource {
  source: string;
  truncated: boolean;
  /** Lines shown (all of them when not truncated). */
  shownLines: number;
  totalChars: number;
  /** UTF-8 bytes of the whole document and of what is shown: what the file's size on disk says. */
  totalBytes: number;
  shownBytes: number;
}

export function budgetSource(text: string, maxChars: number = MAX_PREVIEW_CHARS): BudgetedSource {
  if (text.length <= maxChars) {
    const bytes = utf8Length(text);
    return { source: text, truncated: false, shownLines: countLines(text), totalChars: text.length, totalBytes: bytes, shownBytes: bytes };
  }
  const lastBreak = text.lastIndexOf('\n', maxChars - 1);
  // One enormous line (minified data pasted in): cut inside it rather than show nothing.
  let cut = lastBreak > 0 ? lastBreak + 1 : maxChars;
  // Never split a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  const source = text.slice(0, cut);
  return { source, truncated: true, shownLines: countLines(source), totalChars: text.length, totalBytes: utf8Length(text), shownBytes: utf8Length(source) };
}

/** UTF-8 bytes of a string (a Japanese character is 3, an emoji 4), without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** A byte count as a file manager shows it (binary units, as VS Code's own status bar). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function countLines(text: string): number {
  if (text === '') return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}
