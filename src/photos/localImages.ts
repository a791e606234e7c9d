// Local images in a post: every Markdown `![alt](relative/path "title")` that names a file, outside code (fenced,
// indented, code spans), HTML comments and the front matter — the images Upload Local Images sends to Fotolife
// and the publish command asks about. Pure: no `vscode`, no file system (the host checks which files exist).
import { checkFotolifeBody } from '../hatena';
import { allExcludedRanges, isExcluded, type TextRange } from '../editor/codeRegions';

export interface LocalImageRef {
  /** The whole `![…](…)` [start, end). */
  start: number;
  end: number;
  /** The exact source text of the image. */
  source: string;
  alt: string;
  title?: string;
  /** The destination as written. */
  destination: string;
  /** The file path, percent-decoded, without `?query`/`#fragment`; `/`-leading means the workspace root. */
  path: string;
}

/** One line: alt without brackets (escapes allowed), a destination, an optional title. */
const MARKDOWN_IMAGE = /!\[((?:\\.|[^[\]\\\n])*)\]\([ \t]*(<[^<>\n]*>|[^\s()<>]+)(?:[ \t]+("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|\((?:\\.|[^()\\\n])*\)))?[ \t]*\)/g;

function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A destination that names a file (no scheme, no `//host`, no `#anchor`, no data:), decoded; else undefined. */
export function localImagePath(destination: string): string | undefined {
  const raw = destination.startsWith('<') ? destination.slice(1, -1) : destination;
  if (raw === '' || /^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//') || raw.startsWith('#')) return undefined;
  const path = raw.replace(/[?#].*$/s, '');
  if (path === '') return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Columns of leading indentation (a tab counts to the next multiple of 4). */
function indentOf(line: string): number {
  let col = 0;
  for (const ch of line) {
    if (ch === ' ') col++;
    else if (ch === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

const LIST_ITEM = /^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Indented code blocks (4+ columns after a blank line, outside lists), which codeRegions leaves to the caller. A
 * simplification of CommonMark: a line indented under a list item is the item's content, not code.
 */
export function indentedCodeRanges(text: string, excluded: readonly TextRange[] = allExcludedRanges(text)): TextRange[] {
  const ranges: TextRange[] = [];
  let previousBlank = true;
  let inList = false;
  let open: TextRange | undefined;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    const blank = /^[ \t]*\r?$/.test(line);
    if (isExcluded(excluded, start + 1) && !blank) {
      // Front matter, a fence: no code block continues across it.
      if (open) { ranges.push(open); open = undefined; }
      previousBlank = false;
    } else if (blank) {
      previousBlank = true;
    } else {
      const indent = indentOf(line);
      if (indent >= 4 && (open || (previousBlank && !inList))) {
        open = open ? { start: open.start, end } : { start, end };
      } else {
        if (open) { ranges.push(open); open = undefined; }
        if (LIST_ITEM.test(line)) inList = true;
        else if (indent === 0 && previousBlank) inList = false;
      }
      previousBlank = false;
    }
    if (newline < 0) break;
    start = newline + 1;
  }
  if (open) ranges.push(open);
  return ranges;
}

function inRanges(ranges: readonly TextRange[], offset: number): boolean {
  return ranges.some((r) => offset >= r.start && offset < r.end);
}

/** Every local image in the text, in order. */
export function findLocalImages(text: string): LocalImageRef[] {
  const excluded = allExcludedRanges(text);
  const indented = indentedCodeRanges(text, excluded);
  const found: LocalImageRef[] = [];
  MARKDOWN_IMAGE.lastIndex = 0;
  for (let m = MARKDOWN_IMAGE.exec(text); m; m = MARKDOWN_IMAGE.exec(text)) {
    const start = m.index;
    if (isExcluded(excluded, start + 1) || inRanges(indented, start)) continue;
    // `\![…]` is an escaped `!`: a link, not an image.
    let backslashes = 0;
    while (text.charCodeAt(start - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 1) continue;
    const destination = m[2];
    const path = localImagePath(destination);
    if (path === undefined) continue;
    const title = m[3] === undefined ? undefined : unescapeMarkdown(m[3].slice(1, -1));
    found.push({ start, end: start + m[0].length, source: m[0], alt: unescapeMarkdown(m[1]), ...(title === undefined ? {} : { title }), destination, path });
  }
  return found;
}

/** Whether the post still has images that point at local files (the publish command offers Upload Local Images). */
export function hasLocalImages(text: string): boolean {
  return findLocalImages(text).length > 0;
}

/** An option value Fotolife notation can carry: one line, no brackets; a `:` only where it cannot start an option. */
function optionValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/[[\]]/g, (c) => (c === '[' ? '［' : '］'));
}

/**
 * `[f:id:USER:IDx:plain:title=…:alt=…]` for an uploaded image: the title and alt of the Markdown image, in the order
 * hatenablog-workflows writes them. A value the notation would read differently (a `:left` inside a title) has
 * its colons made full-width, so the image renders with the text the writer gave it.
 */
export function fotolifeNotation(plainSyntax: string, alt?: string, title?: string): string {
  const base = plainSyntax.replace(/^\[|\]$/g, '');
  const options: string[] = [];
  const t = title === undefined ? '' : optionValue(title);
  const a = alt === undefined ? '' : optionValue(alt);
  if (t !== '') options.push(`title=${t}`);
  if (a !== '') options.push(`alt=${a}`);
  const body = [base, ...options].join(':');
  const checked = checkFotolifeBody(body);
  const roundTrips = 'image' in checked && (checked.image.title ?? '') === t && (checked.image.alt ?? '') === a;
  if (roundTrips || options.length === 0) return `[${body}]`;
  return `[${[base, ...options.map((o) => o.replace(/(?<=^(?:title|alt)=.*):/g, '：'))].join(':')}]`;
}
