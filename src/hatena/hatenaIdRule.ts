import type MarkdownIt from 'markdown-it';
import { attrs } from './html';
import { insideLink } from './inlineScan';

/** Hatena ids: 3–32 characters, a letter first, then letters, digits, `_` or `-`. */
export function isHatenaId(id: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_-]{2,31}$/.test(id);
}

export const HATENA_ID_TOKEN = 'hatena_id';

export interface HatenaIdNotation { user: string; variant: 'link' | 'detail' | 'image' }

export function hatenaUserUrl(user: string): string {
  return `https://blog.hatena.ne.jp/${user}/`;
}

export function profileImageUrl(user: string): string {
  return `https://cdn.profile-image.st-hatena.com/users/${user}/profile.png`;
}

/** `id:USER` links to the user; `:detail` adds the 16px icon, `:image` is the 60px icon alone. */
export function renderHatenaId({ user, variant }: HatenaIdNotation): string {
  const open = `<a${attrs([['href', hatenaUserUrl(user)], ['class', 'hatena-id-link']])}>`;
  if (variant === 'image') {
    return `${open}<img${attrs([['src', profileImageUrl(user)], ['width', '60'], ['height', '60'], ['alt', `id:${user}`], ['class', 'hatena-id-image']])}></a>`;
  }
  const icon = variant === 'detail'
    ? `<img${attrs([['src', profileImageUrl(user)], ['width', '16'], ['height', '16'], ['alt', ''], ['class', 'hatena-id-icon']])}>`
    : '';
  return `${open}${icon}id:${user}</a>`;
}

function isIdChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x2d;
}

/**
 * True when the `id` before the `:` at `colon` starts a word: `valid:user` is not a match, nor `f:id:USER:…` that
 * failed as Fotolife, paths, mail-like and dotted names; `_id:x_` is.
 */
export function idStartsWord(src: string, colon: number): boolean {
  if (colon < 2 || src.charCodeAt(colon - 1) !== 0x64 /* d */ || src.charCodeAt(colon - 2) !== 0x69 /* i */) return false;
  if (colon === 2) return true;
  const before = src.charCodeAt(colon - 3);
  return !((isIdChar(before) && before !== 0x5f /* _ */) || before === 0x3a /* : */ || before === 0x2e /* . */ || before === 0x2f /* / */ || before === 0x40 /* @ */);
}

/** The `id:USER(:detail|:image)` whose `:` is at `colon`, ending before `max`: the user, variant and end offset. */
export function hatenaIdAt(src: string, colon: number, max: number): (HatenaIdNotation & { end: number }) | undefined {
  let end = colon + 1;
  while (end < max && isIdChar(src.charCodeAt(end))) end++;
  // Trailing `_`/`-` belong to the prose (`_id:foo_` is emphasis around the id).
  while (end > colon + 1 && (src.charCodeAt(end - 1) === 0x5f || src.charCodeAt(end - 1) === 0x2d)) end--;
  const user = src.slice(colon + 1, end);
  if (!isHatenaId(user)) return undefined;
  let variant: HatenaIdNotation['variant'] = 'link';
  for (const candidate of ['detail', 'image'] as const) {
    const suffixEnd = end + 1 + candidate.length;
    if (src.charCodeAt(end) === 0x3a && src.startsWith(candidate, end + 1) && suffixEnd <= max && !isIdChar(src.charCodeAt(suffixEnd))) {
      variant = candidate;
      end = suffixEnd;
    }
  }
  return { user, variant, end };
}

/**
 * Runs at the `:` of `id:USER` (markdown-it's text rule stops there) and takes the `id` back out of the pending
 * text, the way markdown-it's own linkify rule takes back a URL scheme.
 */
export function hatenaIdPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('linkify', HATENA_ID_TOKEN, (state, silent) => {
    const src = state.src;
    const pos = state.pos;
    if (src.charCodeAt(pos) !== 0x3a /* : */ || insideLink(state) || !idStartsWord(src, pos)) return false;
    // `id` must still be pending text (not the end of some other token). Only the length is read: reading a long
    // pending string's characters flattens it, which made every `:` of a long paragraph cost O(n).
    if (state.pending.length < 2) return false;
    const found = hatenaIdAt(src, pos, state.posMax);
    if (!found) return false;
    const { user, variant, end } = found;
    if (!silent) {
      state.pending = state.pending.slice(0, -2);
      const token = state.push(HATENA_ID_TOKEN, '', 0);
      token.meta = { user, variant } satisfies HatenaIdNotation;
      token.content = src.slice(pos - 2, end);
    }
    state.pos = end;
    return true;
  });
  md.renderer.rules[HATENA_ID_TOKEN] = (tokens, idx) => renderHatenaId(tokens[idx].meta as HatenaIdNotation);
}
