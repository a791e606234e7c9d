// Every Hatena notation in a post, with its range, and the notation Hatena will not render as meant: what hover,
// document links and Problems read. Pure (no `vscode`): the notation is parsed by the renderer's own functions
// (src/hatena), and code, comments and the front matter are skipped with the completions' code regions.
// Linear time: one pass over trigger characters; every search for a closer only moves forward.
import {
  FOTOLIFE_OPTIONS,
  checkFotolifeBody,
  hatenaIdAt,
  idStartsWord,
  isHttpUrl,
  parseKeywordLink,
  parseLinkNotation,
  type FotolifeImage,
  type FotolifeProblemCode,
  type HatenaIdNotation,
  type LinkNotation,
} from '../hatena';
import { allExcludedRanges, isExcluded } from './codeRegions';
import { HATENA_ID_PLACEHOLDER } from './personalizeSnippet';

export type NotationOccurrence =
  | { kind: 'fotolife'; start: number; end: number; image: FotolifeImage }
  | { kind: 'link'; start: number; end: number; notation: LinkNotation }
  | { kind: 'keyword'; start: number; end: number; href: string; text: string }
  | { kind: 'hatenaId'; start: number; end: number; user: string; variant: HatenaIdNotation['variant'] }
  | { kind: 'footnote'; start: number; end: number; text: string }
  /** `![alt](path)` with a relative or absolute file path (no URL scheme); start/end are the path's. */
  | { kind: 'localImage'; start: number; end: number; path: string };

export type NotationProblemCode =
  | `fotolife-${FotolifeProblemCode}`
  | 'fotolife-user-space'
  | 'placeholder'
  | 'unclosed-footnote'
  | 'embed-not-url';

export interface NotationProblem {
  code: NotationProblemCode;
  start: number;
  end: number;
  /** The text at [start, end). */
  text: string;
  /** For `fotolife-option`: the known option it most likely meant. */
  suggestion?: string;
}

export interface NotationScan {
  occurrences: NotationOccurrence[];
  problems: NotationProblem[];
}

/** A bracket notation longer than this is not looked at (keeps `[http[http[http…]` linear). */
const MAX_BODY = 4096;
/** Where something may start: a `[`, `![`, `((`, or the `:` of `id:`. */
const TRIGGER = /!\[|\[|\(\(|:/g;
/** Bodies that can be notation: the cheap test before slicing. */
const NOTATION_START = /^(?:f:id:|https?:|google:|wikipedia:|amazon:|asin:|isbn:)/i;
/** A Markdown image on one line: alt without brackets, a destination, an optional title. Sticky at `![`. */
const MARKDOWN_IMAGE = /!\[[^[\]\n]*\]\([ \t]*(<[^<>\n]*>|[^\s()<>]+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\)/y;

/** The next index of `needle` at or after `from`, remembered so that positions moving forward cost linear in all. */
class Forward {
  private from = -1;
  private found = -1;
  constructor(private readonly text: string, private readonly needle: string) {}
  at(from: number): number {
    if (!(this.from >= 0 && this.from <= from && (this.found === -1 || this.found >= from))) {
      this.from = from;
      this.found = this.text.indexOf(this.needle, from);
    }
    return this.found;
  }
}

export function scanNotation(text: string): NotationScan {
  const excluded = allExcludedRanges(text);
  const occurrences: NotationOccurrence[] = [];
  const problems: NotationProblem[] = [];
  const problem = (code: NotationProblemCode, start: number, end: number, suggestion?: string) =>
    problems.push({ code, start, end, text: text.slice(start, end), ...(suggestion === undefined ? {} : { suggestion }) });
  const nextClose = new Forward(text, ']');
  const nextNewline = new Forward(text, '\n');
  const nextNoteEnd = new Forward(text, '))');
  const nextBlank = /\n[ \t]*(?:\r?\n|$)/g;
  let blankFrom = -1;
  let blankAt = -1;
  const paragraphEnd = (from: number) => {
    if (blankFrom < 0 || from > blankAt) {
      nextBlank.lastIndex = from;
      blankAt = nextBlank.exec(text)?.index ?? text.length;
      blankFrom = from;
    }
    return blankAt;
  };

  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    const pos = m.index;
    if (isExcluded(excluded, pos + 1)) continue;
    const trigger = m[0];
    if (trigger === ':') {
      if (!idStartsWord(text, pos)) continue;
      if (text.startsWith(HATENA_ID_PLACEHOLDER, pos + 1)) {
        problem('placeholder', pos + 1, pos + 1 + HATENA_ID_PLACEHOLDER.length);
        continue;
      }
      const newline = nextNewline.at(pos);
      const found = hatenaIdAt(text, pos, newline < 0 ? text.length : newline);
      if (found) {
        occurrences.push({ kind: 'hatenaId', start: pos - 2, end: found.end, user: found.user, variant: found.variant });
        TRIGGER.lastIndex = found.end;
      }
      continue;
    }
    if (trigger === '((') {
      if (text.charCodeAt(pos + 2) === 0x28) { TRIGGER.lastIndex = pos + 3; continue; } // `(((x)))` escape
      let close = nextNoteEnd.at(pos + 2);
      while (close >= 0 && isExcluded(excluded, close + 1)) close = nextNoteEnd.at(close + 1);
      if (close < 0 || close > paragraphEnd(pos)) problem('unclosed-footnote', pos, pos + 2);
      else if (text.slice(pos + 2, close).trim() !== '') occurrences.push({ kind: 'footnote', start: pos, end: close + 2, text: text.slice(pos + 2, close) });
      TRIGGER.lastIndex = pos + 2; // notation inside the note is notation too
      continue;
    }
    if (trigger === '![') {
      MARKDOWN_IMAGE.lastIndex = pos;
      const image = MARKDOWN_IMAGE.exec(text);
      if (image) {
        const raw = image[1];
        const start = pos + image[0].indexOf(raw, image[0].indexOf(']('));
        const path = localPath(raw.startsWith('<') ? raw.slice(1, -1) : raw);
        if (path !== undefined) occurrences.push({ kind: 'localImage', start, end: start + raw.length, path });
        TRIGGER.lastIndex = pos + image[0].length;
      } else {
        TRIGGER.lastIndex = pos + 1; // the `[` may still be notation
      }
      continue;
    }
    // A bracket notation: ends at the first `]` on its line, as the renderer and the grammar read it.
    const close = nextClose.at(pos + 1);
    const newline = nextNewline.at(pos + 1);
    if (close < 0 || (newline >= 0 && newline < close) || close - pos > MAX_BODY) continue;
    const head = text.slice(pos + 1, Math.min(close, pos + 12));
    const embedTail = text.startsWith(':embed]', close - 6) || text.startsWith(':embed:cite]', close - 11);
    if (!NOTATION_START.test(head) && !embedTail) continue;
    const body = text.slice(pos + 1, close);
    const end = close + 1;
    if (body.startsWith('f:id:')) {
      const checked = checkFotolifeBody(body);
      if ('image' in checked) {
        occurrences.push({ kind: 'fotolife', start: pos, end, image: checked.image });
      } else {
        const { code, at, length } = checked.problem;
        const from = pos + 1 + at;
        const part = body.slice(at, at + length);
        if (code === 'user' && part === HATENA_ID_PLACEHOLDER) problem('placeholder', from, from + length);
        else if (code === 'user' && /\s/.test(part)) problem('fotolife-user-space', from, from + length);
        else if (code === 'option') problem('fotolife-option', from, from + length, suggestOption(part));
        else if (code === 'user' && length > 0) problem('fotolife-user', from, from + length);
        else problem(`fotolife-${code}`, pos, end);
      }
      TRIGGER.lastIndex = end;
      continue;
    }
    const link = parseLinkNotation(body);
    if (link) {
      occurrences.push({ kind: 'link', start: pos, end, notation: link });
      TRIGGER.lastIndex = end;
      continue;
    }
    const keyword = parseKeywordLink(body);
    if (keyword) {
      const { href, text: shown } = keyword.type === 'link' ? keyword.link : keyword.detail;
      occurrences.push({ kind: 'keyword', start: pos, end, href, text: shown });
      TRIGGER.lastIndex = end;
      continue;
    }
    if (embedTail) {
      const url = body.slice(0, body.lastIndexOf(':embed'));
      if (!isHttpUrl(url)) problem('embed-not-url', pos, end);
    }
  }
  return { occurrences, problems };
}

/** A Markdown image destination that names a file (no scheme, no protocol-relative URL), decoded; else undefined. */
function localPath(destination: string): string | undefined {
  if (destination === '' || /^[a-z][a-z0-9+.-]*:/i.test(destination) || destination.startsWith('//') || destination.startsWith('#')) return undefined;
  const path = destination.replace(/[?#].*$/s, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The known Fotolife option closest to a typo (edit distance ≤ 2, or ≤ 1 for short words), else undefined. */
export function suggestOption(typed: string): string | undefined {
  const word = typed.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of FOTOLIFE_OPTIONS) {
    // `titel=Foo` → `title=Foo`: compare the name only and keep the value.
    const eq = word.indexOf('=');
    const name = option.endsWith('=') ? option.slice(0, -1) : option;
    const typedName = option.endsWith('=') ? (eq < 0 ? '' : word.slice(0, eq)) : word;
    if (typedName === '' || Math.abs(typedName.length - name.length) > 2) continue;
    const d = editDistance(typedName, name);
    if (d < bestDistance) { bestDistance = d; best = option.endsWith('=') ? option + typed.slice(eq + 1) : option; }
  }
  const limit = typed.length <= 4 ? 1 : 2;
  return best !== undefined && bestDistance > 0 && bestDistance <= limit ? best : undefined;
}

/** Damerau–Levenshtein distance (optimal string alignment): `plian` is one swap from `plain`. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The date and time a Fotolife id stands for (it is the upload timestamp): `2024-05-01 12:34:56`. */
export function fotolifeIdDateTime(id: string): string {
  return `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)} ${id.slice(8, 10)}:${id.slice(10, 12)}:${id.slice(12, 14)}`;
}

/** The occurrence whose range holds `offset` (start inclusive, end exclusive); the list is in text order. */
export function occurrenceAt(occurrences: readonly NotationOccurrence[], offset: number): NotationOccurrence | undefined {
  // Footnotes contain other notation; the innermost (latest starting) one wins.
  let found: NotationOccurrence | undefined;
  for (const o of occurrences) {
    if (o.start > offset) break;
    if (offset < o.end) found = o;
  }
  return found;
}
