import type MarkdownIt from 'markdown-it';
import { attrs } from './html';
import { closingBracket, insideLink, startsWithAt } from './inlineScan';
import { isHatenaId } from './hatenaIdRule';

/** `[f:id:USER:YYYYMMDDhhmmss{j,p,g,f}:plain|image|movie(:option)*]`, parsed and validated. */
export interface FotolifeImage {
  user: string;
  /** 14-digit timestamp id. */
  id: string;
  ext: 'jpg' | 'png' | 'gif';
  kind: 'plain' | 'image' | 'movie';
  width?: number;
  height?: number;
  align?: 'left' | 'right';
  size?: 'small' | 'medium';
  title?: string;
  alt?: string;
}

const EXT = { j: 'jpg', p: 'png', g: 'gif', f: 'jpg' } as const;
const KINDS = new Set(['plain', 'image', 'movie']);

export const FOTOLIFE_TOKEN = 'hatena_fotolife';

/** True when the 14 digits are a real date and time (Fotolife ids are upload timestamps). */
export function isFotolifeTimestamp(id: string): boolean {
  if (!/^\d{14}$/.test(id)) return false;
  const year = +id.slice(0, 4), month = +id.slice(4, 6), day = +id.slice(6, 8);
  const hour = +id.slice(8, 10), minute = +id.slice(10, 12), second = +id.slice(12, 14);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** A segment that starts a new option; `title=`/`alt=` values run until one of these (so they may contain `:`). */
function isOptionSegment(segment: string): boolean {
  return KINDS.has(segment) || /^(?:[wh]\d{1,5}|left|right|small|medium|title=.*|alt=.*)$/s.test(segment);
}

/** Why a `[f:id:…]` body is not an image; `at`/`length` locate the offending part inside the body. */
export type FotolifeProblemCode = 'user' | 'timestamp' | 'extension' | 'option' | 'kindTwice' | 'zeroSize';
export interface FotolifeProblem { code: FotolifeProblemCode; at: number; length: number }

/** The known options, for "did you mean" on a typo (`title=`/`alt=` take a value). */
export const FOTOLIFE_OPTIONS = ['plain', 'image', 'movie', 'left', 'right', 'small', 'medium', 'title=', 'alt='] as const;

/**
 * Parses the text between the brackets (`f:id:USER:IDx:kind:opts`), or says which part makes it no image: a bad
 * user id, an impossible timestamp, an unknown extension letter or option. Such notation stays as typed.
 */
export function checkFotolifeBody(body: string): { image: FotolifeImage } | { problem: FotolifeProblem } {
  const fail = (code: FotolifeProblemCode, at: number, length: number) => ({ problem: { code, at, length } });
  const userEnd = body.indexOf(':', 5) < 0 ? body.length : body.indexOf(':', 5);
  const m = /^f:id:([^:]*):(\d{14})([a-z]?)(?::(.*))?$/s.exec(body);
  if (!body.startsWith('f:id:') || !isHatenaId(body.slice(5, userEnd))) return fail('user', 5, userEnd - 5);
  const idAt = userEnd + 1;
  if (!m) return fail('timestamp', idAt, Math.max(0, (body.indexOf(':', idAt) < 0 ? body.length : body.indexOf(':', idAt)) - idAt));
  if (!isFotolifeTimestamp(m[2])) return fail('timestamp', idAt, 14);
  const ext = EXT[m[3] as keyof typeof EXT];
  if (!ext) return fail('extension', idAt + 14, m[3].length);
  const image: FotolifeImage = { user: m[1], id: m[2], ext, kind: 'image' };
  let kind: FotolifeImage['kind'] | undefined;
  const segments = m[4] === undefined ? [] : m[4].split(':');
  let at = idAt + 14 + m[3].length + 1; // offset of segments[i] in body
  for (let i = 0; i < segments.length; at += segments[i].length + 1, i++) {
    const segment = segments[i];
    if (KINDS.has(segment)) {
      if (kind) return fail('kindTwice', at, segment.length);
      kind = segment as FotolifeImage['kind'];
    } else if (/^[wh]\d{1,5}$/.test(segment)) {
      const n = parseInt(segment.slice(1), 10);
      if (n === 0) return fail('zeroSize', at, segment.length);
      if (segment[0] === 'w') image.width = n; else image.height = n;
    } else if (segment === 'left' || segment === 'right') {
      image.align = segment;
    } else if (segment === 'small' || segment === 'medium') {
      image.size = segment;
    } else if (segment.startsWith('title=') || segment.startsWith('alt=')) {
      let value = segment.slice(segment.indexOf('=') + 1);
      while (i + 1 < segments.length && !isOptionSegment(segments[i + 1])) { at += segments[i].length + 1; value += ':' + segments[++i]; }
      if (segment[0] === 't') image.title = value; else image.alt = value;
    } else {
      return fail('option', at, segment.length);
    }
  }
  // [U] Hatena's editor always writes a kind; without one we follow the old はてな記法 default, a linked image.
  image.kind = kind ?? 'image';
  return { image };
}

/** Parses the text between the brackets (`f:id:USER:IDx:kind:opts`); undefined for anything that is not an image. */
export function parseFotolifeBody(body: string): FotolifeImage | undefined {
  const checked = checkFotolifeBody(body);
  return 'image' in checked ? checked.image : undefined;
}

/** Parses a whole `[f:id:…]` notation at the start of `text`. */
export function parseFotolife(text: string): { image: FotolifeImage; length: number } | undefined {
  if (!text.startsWith('[f:id:')) return undefined;
  const close = text.indexOf(']');
  const newline = text.indexOf('\n');
  if (close < 0 || (newline >= 0 && newline < close)) return undefined;
  const image = parseFotolifeBody(text.slice(1, close));
  return image && { image, length: close + 1 };
}

/** CDN URL: `https://cdn-ak.f.st-hatena.com/images/fotolife/{u}/{user}/{yyyymmdd}/{id}{_m|_120}.{ext}`. */
export function fotolifeUrl(image: FotolifeImage): string {
  // [U] Thumbnails: Fotolife serves `_m` (small) and `_120` (medium) thumbnails, always as JPEG.
  const suffix = image.size === 'small' ? '_m.jpg' : image.size === 'medium' ? '_120.jpg' : `.${image.ext}`;
  return `https://cdn-ak.f.st-hatena.com/images/fotolife/${image.user[0]}/${image.user}/${image.id.slice(0, 8)}/${image.id}${suffix}`;
}

/** The Fotolife page of the image, which `:image` links to. */
export function fotolifePageUrl(image: FotolifeImage): string {
  return `https://f.hatena.ne.jp/${image.user}/${image.id}`;
}

/** The published HTML. `insideLink` drops the `:image` link so it never nests inside another <a>. */
export function renderFotolife(image: FotolifeImage, insideLink = false): string {
  const style = [image.width && `width:${image.width}px`, image.height && `height:${image.height}px`].filter(Boolean).join(';');
  // [U] Float classes go on the img next to hatena-fotolife, where the theme's selectors look for them.
  const className = image.align ? `hatena-fotolife hatena-image-${image.align}` : 'hatena-fotolife';
  const img = `<img${attrs([
    ['src', fotolifeUrl(image)],
    ['alt', image.alt],
    ['loading', 'lazy'],
    ['title', image.title ?? ''],
    ['class', className],
    ['style', style || undefined],
    ['itemprop', 'image'],
  ])}>`;
  // [U] :movie (old Flash video) has no player today; it shows like :image, linked to its Fotolife page.
  const linked = image.kind !== 'plain' && !insideLink
    ? `<a${attrs([['href', fotolifePageUrl(image)], ['class', 'hatena-fotolife'], ['itemprop', 'url']])}>${img}</a>`
    : img;
  return `<span itemscope itemtype="http://schema.org/Photograph">${linked}</span>`;
}

export function fotolifePlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', FOTOLIFE_TOKEN, (state, silent) => {
    // Bracket notation is balanced `[…]`; in silent mode (markdown-it measuring a link label) it must count as plain
    // brackets, or `[[f:id:…]](url)` stops being a link (parseLinkLabel refuses labels with nested tokens at `[`).
    if (silent) return false;
    const pos = state.pos;
    if (!startsWithAt(state.src, '[f:id:', pos)) return false;
    const close = closingBracket(state, pos);
    if (close < 0) return false;
    const image = parseFotolifeBody(state.src.slice(pos + 1, close));
    if (!image) return false;
    if (!silent) {
      const token = state.push(FOTOLIFE_TOKEN, '', 0);
      token.meta = { image, insideLink: insideLink(state) };
      token.content = state.src.slice(pos, close + 1);
    }
    state.pos = close + 1;
    return true;
  });
  md.renderer.rules[FOTOLIFE_TOKEN] = (tokens, idx) => {
    const { image, insideLink } = tokens[idx].meta as { image: FotolifeImage; insideLink: boolean };
    return renderFotolife(image, insideLink);
  };
}
