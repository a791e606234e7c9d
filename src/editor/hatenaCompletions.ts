// What to offer after a trigger character, from the text around the cursor on its line. Pure: the completion
// provider (completion.ts) only adds the document, the settings and the clock.
//
// Every item replaces what the writer has typed of the notation (its range starts there) and, when the notation
// is complete, also the `]` or `))` that auto-closing brackets put after the cursor, so nothing is doubled.
import { fotolifeDatePrefix, fotolifeTimestamp } from './fotolifeTimestamp';

export interface CompletionRequest {
  /** Line text before the cursor. */
  linePrefix: string;
  /** Line text after the cursor. */
  lineSuffix: string;
  /**
   * The writer's Hatena id, when known. Called only by the items that carry it (a Fotolife image about to get its
   * id, a `[` starting a line): finding it can mean reading the whole document.
   */
  hatenaId?: () => string | undefined;
  now: Date;
  /** Translates the details: vscode.l10n on the host; English (the source text) when omitted. */
  l10n?: Localizer;
}

/** vscode.l10n's shape, so this file stays free of `vscode` (unit tests run it in plain Node). */
export interface Localizer {
  t(message: string, ...args: Array<string | number | boolean>): string;
}

const ENGLISH: Localizer = { t: (message, ...args) => message.replace(/\{(\d+)\}/g, (hole, n: string) => String(args[Number(n)] ?? hole)) };

export type HatenaCompletionKind = 'snippet' | 'value' | 'option' | 'keyword';

export interface HatenaCompletion {
  label: string;
  /** Snippet syntax (literal text in it is escaped). */
  insertText: string;
  /** What the typed text in [replaceStart, cursor) is matched against. */
  filterText: string;
  detail: string;
  kind: HatenaCompletionKind;
  /** UTF-16 columns on the cursor's line: replaceStart ≤ cursor ≤ replaceEnd. */
  replaceStart: number;
  replaceEnd: number;
}

const USER = '[A-Za-z][A-Za-z0-9_-]{2,31}';
const imageTypes = (l10n: Localizer) => [
  { letter: 'j', detail: 'JPEG' },
  { letter: 'p', detail: 'PNG' },
  { letter: 'g', detail: 'GIF' },
  { letter: 'f', detail: l10n.t('Movie') },
] as const;

export function hatenaCompletions(request: CompletionRequest): HatenaCompletion[] {
  const l10n = request.l10n ?? ENGLISH;
  return fotolife(request, l10n) ?? hatenaIdOptions(request, l10n) ?? contents(request, l10n) ?? linkOptions(request, l10n)
    ?? footnote(request, l10n) ?? lineStart(request, l10n) ?? [];
}

/** Escapes literal text for snippet syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The cursor column plus the `]` right after it, which the completed notation takes over. */
function closingBracketEnd(request: CompletionRequest): number {
  return request.linePrefix.length + (request.lineSuffix.startsWith(']') ? 1 : 0);
}

type Builder = Omit<HatenaCompletion, 'replaceStart' | 'replaceEnd'>;

/**
 * The cursor is inside an existing notation (`[f:|id:USER:…]`, `[URL:|embed]`, `[:|contents]`): completing a whole
 * one there would double it. Prose straight after the cursor (Japanese has no spaces) is fine.
 */
function insideNotation(request: CompletionRequest): boolean {
  return /^[A-Za-z0-9_=:-]/.test(request.lineSuffix);
}

function fotolife(request: CompletionRequest, l10n: Localizer): HatenaCompletion[] | undefined {
  const m = /\[f:([^[\]\s]*)$/.exec(request.linePrefix);
  if (!m) return undefined;
  if (insideNotation(request)) return [];
  const start = m.index;
  const rest = m[1];
  const cursor = request.linePrefix.length;
  const closed = closingBracketEnd(request);
  const whole = (items: Builder[]) => items.map((item) => ({ ...item, replaceStart: start, replaceEnd: closed }));
  const date = fotolifeDatePrefix(request.now);
  const timestamp = fotolifeTimestamp(request.now);

  // [f:  [f:i  [f:id:  [f:id:yas
  if (/^(?:i|id|id:[A-Za-z0-9_-]*)?$/.test(rest)) {
    const id = request.hatenaId?.();
    if (!id) {
      return whole([{
        label: `[f:id:はてなID:${date}……]`,
        insertText: `[f:id:\${1:はてなID}:${date}\${2:hhmmss}\${3|j,p,g|}:\${4|plain,image|}]$0`,
        filterText: '[f:id:',
        detail: l10n.t('Today\'s image; set hatenaWriter.hatenaId to fill in your id'),
        kind: 'snippet',
      }]);
    }
    return whole(timestampItems(`[f:id:${id}:`, date, timestamp, l10n));
  }
  // [f:id:USER:  [f:id:USER:2026
  let s = new RegExp(`^id:(${USER}):(\\d{0,13})$`).exec(rest);
  if (s) return whole(timestampItems(`[f:id:${s[1]}:`, date, timestamp, l10n));
  // [f:id:USER:20261125093000  (explicit invocation after the digits)
  s = new RegExp(`^id:(${USER}):(\\d{14})([jpgf]?)$`).exec(rest);
  if (s) {
    const head = `[f:id:${s[1]}:${s[2]}`;
    return whole(imageTypes(l10n).map(({ letter, detail }) => ({
      label: `${letter} — ${detail}`,
      insertText: `${escapeSnippetText(head)}${letter}:${letter === 'f' ? 'movie' : '${1|plain,image|}'}]$0`,
      filterText: `${head}${letter}`,
      detail: letter === 'f' ? `${head}f:movie]` : `${head}${letter}:plain]`,
      kind: 'value' as const,
    })));
  }
  // [f:id:USER:20261125093000j:
  s = new RegExp(`^id:(${USER}):(\\d{14})([jpgf]):([a-z]*)$`).exec(rest);
  if (s) {
    const head = `[f:id:${s[1]}:${s[2]}${s[3]}:`;
    const kindsForType = s[3] === 'f' ? ['movie'] : ['plain', 'image'];
    const details: Record<string, string> = {
      plain: l10n.t('Image only'),
      image: l10n.t('Image linked to its Fotolife page'),
      movie: l10n.t('Movie'),
    };
    return whole(kindsForType.map((kind) => ({
      label: kind,
      insertText: `${escapeSnippetText(head)}${kind}]$0`,
      filterText: `${head}${kind}`,
      detail: details[kind],
      kind: 'value' as const,
    })));
  }
  // [f:id:USER:20261125093000j:plain:w300:   — one more option
  s = new RegExp(`^id:${USER}:\\d{14}[jpgf]:(?:plain|image|movie)((?::[^:]*)*):([^:]*)$`).exec(rest);
  if (s) {
    const used = s[1].split(':').filter(Boolean);
    const optionStart = cursor - s[2].length;
    return fotolifeOptions(used, l10n).map((item) => ({ ...item, replaceStart: optionStart, replaceEnd: cursor }));
  }
  return [];
}

/** Today's date with the time to fill in, and the current time in full. */
function timestampItems(head: string, date: string, timestamp: string, l10n: Localizer): Builder[] {
  const escaped = escapeSnippetText(head);
  return [
    {
      label: `${head}${date}……`,
      insertText: `${escaped}${date}\${1:hhmmss}\${2|j,p,g|}:\${3|plain,image|}]$0`,
      filterText: `${head}${date}`,
      detail: l10n.t('Today\'s date; type the time hhmmss'),
      kind: 'snippet',
    },
    {
      label: `${head}${timestamp}`,
      insertText: `${escaped}${timestamp}\${1|j,p,g|}:\${2|plain,image|}]$0`,
      filterText: `${head}${timestamp}`,
      detail: l10n.t('The current time'),
      kind: 'snippet',
    },
  ];
}

function fotolifeOptions(used: readonly string[], l10n: Localizer): Builder[] {
  const has = (test: RegExp) => used.some((o) => test.test(o));
  const options: (Builder & { when: boolean })[] = [
    { label: 'w300', insertText: 'w${1:300}', filterText: 'w300', detail: l10n.t('Width in pixels'), kind: 'option', when: !has(/^w\d/) },
    { label: 'h200', insertText: 'h${1:200}', filterText: 'h200', detail: l10n.t('Height in pixels'), kind: 'option', when: !has(/^h\d/) },
    { label: 'left', insertText: 'left', filterText: 'left', detail: l10n.t('Float left'), kind: 'option', when: !has(/^(left|right)$/) },
    { label: 'right', insertText: 'right', filterText: 'right', detail: l10n.t('Float right'), kind: 'option', when: !has(/^(left|right)$/) },
    { label: 'title=', insertText: 'title=${1:タイトル}', filterText: 'title=', detail: l10n.t('The title attribute'), kind: 'option', when: !has(/^title=/) },
    { label: 'alt=', insertText: 'alt=${1:代替テキスト}', filterText: 'alt=', detail: l10n.t('Alt text'), kind: 'option', when: !has(/^alt=/) },
    { label: 'small', insertText: 'small', filterText: 'small', detail: l10n.t('Small thumbnail'), kind: 'option', when: !has(/^(small|medium)$/) },
    { label: 'medium', insertText: 'medium', filterText: 'medium', detail: l10n.t('Medium thumbnail'), kind: 'option', when: !has(/^(small|medium)$/) },
  ];
  return options.filter((o) => o.when).map(({ when: _when, ...item }) => item);
}

/** `id:USER:` → `:detail` (with icon) or `:image` (profile image). */
function hatenaIdOptions(request: CompletionRequest, l10n: Localizer): HatenaCompletion[] | undefined {
  const m = new RegExp(`(?:^|[^A-Za-z0-9_\\-:/.])id:${USER}:([a-z]*)$`).exec(request.linePrefix);
  if (!m) return undefined;
  if (insideNotation(request)) return []; // `id:yasay:|detail`: the option is already there
  const cursor = request.linePrefix.length;
  const start = cursor - m[1].length;
  return [
    { label: 'detail', detail: l10n.t('With the user\'s icon') },
    { label: 'image', detail: l10n.t('Profile image') },
  ].map(({ label, detail }) => ({ label, insertText: label, filterText: label, detail, kind: 'option', replaceStart: start, replaceEnd: cursor }));
}

function contents(request: CompletionRequest, l10n: Localizer): HatenaCompletion[] | undefined {
  const m = /\[:([a-z]*)$/.exec(request.linePrefix);
  if (!m || !'contents'.startsWith(m[1])) return undefined;
  if (insideNotation(request)) return [];
  return [{
    label: '[:contents]',
    insertText: '[:contents]$0',
    filterText: '[:contents]',
    detail: l10n.t('Table of contents'),
    kind: 'keyword',
    replaceStart: m.index,
    replaceEnd: closingBracketEnd(request),
  }];
}

const linkOptionList = (l10n: Localizer) => [
  { option: 'title', detail: l10n.t('Link titled with the page\'s title') },
  { option: 'title=', detail: l10n.t('Link with your own text') },
  { option: 'embed', detail: l10n.t('Embed card') },
  { option: 'embed:cite', detail: l10n.t('Embed card with a citation') },
  { option: 'bookmark', detail: l10n.t('Hatena Bookmark count') },
] as const;

/** `[https://…:` → title / title= / embed / embed:cite / bookmark. */
function linkOptions(request: CompletionRequest, l10n: Localizer): HatenaCompletion[] | undefined {
  const m = /\[(https?:\/\/[^\s[\]]+)$/.exec(request.linePrefix);
  if (!m) return undefined;
  if (insideNotation(request)) return [];
  const inner = m[1];
  const cursor = request.linePrefix.length;
  const end = closingBracketEnd(request);
  const options = linkOptionList(l10n);
  const cite = /^(.*):embed:([a-z]*)$/.exec(inner);
  if (cite && hasHost(cite[1]) && 'cite'.startsWith(cite[2])) {
    const start = cursor - 'embed:'.length - cite[2].length;
    return [{ label: 'embed:cite', insertText: 'embed:cite]$0', filterText: 'embed:cite', detail: options[3].detail, kind: 'option', replaceStart: start, replaceEnd: end }];
  }
  const option = /^(.*):([a-z=]*)$/.exec(inner);
  if (!option || !hasHost(option[1])) return undefined;
  const typed = option[2];
  const start = cursor - typed.length;
  return options.filter(({ option: o }) => o.startsWith(typed) || typed === '').map(({ option: o, detail }) => ({
    label: o,
    insertText: o === 'title=' ? 'title=${1:リンクテキスト}]$0' : `${o}]$0`,
    filterText: o,
    detail,
    kind: 'option' as const,
    replaceStart: start,
    replaceEnd: end,
  }));
}

/** A URL with a host, so `[https:` (still being typed) is not mistaken for `[URL:`. */
function hasHost(url: string): boolean {
  return /^https?:\/\/[^/:?#\s]+/.test(url);
}

/** `((` → a footnote, taking over the `))` auto-closing put after the cursor. `(((` and `)((` are escapes. */
function footnote(request: CompletionRequest, l10n: Localizer): HatenaCompletion[] | undefined {
  const m = /(?:^|[^()])(\(\(([^()]*))$/.exec(request.linePrefix);
  if (!m) return undefined;
  const start = request.linePrefix.length - m[1].length;
  const typed = m[2];
  const end = request.linePrefix.length + (request.lineSuffix.startsWith('))') ? 2 : 0);
  if (request.lineSuffix.startsWith('))(')) return []; // `((x))(` is the escape form
  return [{
    label: '((脚注))',
    insertText: `((\${1:${escapeSnippetText(typed) || '脚注'}}))$0`,
    filterText: `((${typed}`,
    detail: l10n.t('Footnote'),
    kind: 'snippet',
    replaceStart: start,
    replaceEnd: end,
  }];
}

/**
 * A `[` that starts a line: the block notations that usually stand alone. Mid-sentence `[` is left alone — it is
 * usually a Markdown link, and a popup there would get in the way of the IME.
 */
function lineStart(request: CompletionRequest, l10n: Localizer): HatenaCompletion[] | undefined {
  const m = /^[ \t]*\[$/.exec(request.linePrefix);
  if (!m) return undefined;
  const start = request.linePrefix.length - 1;
  const end = closingBracketEnd(request);
  const date = fotolifeDatePrefix(request.now);
  const id = request.hatenaId?.();
  const idPart = id ? escapeSnippetText(id) : '${1:はてなID}';
  const n = id ? 0 : 1;
  return [
    { label: '[:contents]', insertText: '[:contents]$0', filterText: '[:contents]', detail: l10n.t('Table of contents'), kind: 'keyword' as const },
    {
      label: `[f:id:${id ?? 'はてなID'}:${date}……]`,
      insertText: `[f:id:${idPart}:${date}\${${n + 1}:hhmmss}\${${n + 2}|j,p,g|}:\${${n + 3}|plain,image|}]$0`,
      filterText: '[f:',
      detail: l10n.t('Today\'s Fotolife image'),
      kind: 'snippet' as const,
    },
    { label: '[URL:embed:cite]', insertText: '[${1:https://}:${2|embed:cite,embed|}]$0', filterText: '[https://', detail: l10n.t('Embed card'), kind: 'snippet' as const },
    { label: '[tex:…]', insertText: '[tex:${1}]$0', filterText: '[tex:', detail: l10n.t('TeX formula'), kind: 'snippet' as const },
  ].map((item) => ({ ...item, replaceStart: start, replaceEnd: end }));
}
