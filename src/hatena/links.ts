import type MarkdownIt from 'markdown-it';
import { renderEmbedCard, renderEmbedIframe, type EmbedStyle, type EmbedTarget } from './embeds';
import { attrs, escapeHtml, isHttpUrl } from './html';
import { closingBracket, insideLink } from './inlineScan';

export const LINK_TOKEN = 'hatena_link';
export const EMBED_TOKEN = 'hatena_embed';

export type LinkNotation =
  | { kind: 'title'; url: string; title?: string }
  | { kind: 'embed'; url: string; cite: boolean }
  | { kind: 'bookmark'; url: string };

/** Parses the text between the brackets of `[URL:title]`, `[URL:title=TEXT]`, `[URL:embed(:cite)]`, `[URL:bookmark]`. */
export function parseLinkNotation(body: string): LinkNotation | undefined {
  if (!/^https?:\/\//i.test(body)) return undefined;
  let notation: LinkNotation | undefined;
  const titleAt = body.indexOf(':title=');
  if (titleAt >= 0) notation = { kind: 'title', url: body.slice(0, titleAt), title: body.slice(titleAt + 7) };
  else if (body.endsWith(':title')) notation = { kind: 'title', url: body.slice(0, -6) };
  else if (body.endsWith(':embed:cite')) notation = { kind: 'embed', url: body.slice(0, -11), cite: true };
  else if (body.endsWith(':embed')) notation = { kind: 'embed', url: body.slice(0, -6), cite: false };
  else if (body.endsWith(':bookmark')) notation = { kind: 'bookmark', url: body.slice(0, -9) };
  return notation && isHttpUrl(notation.url) ? notation : undefined;
}

/** Hatena Bookmark's entry page for a URL: `/entry/host/path`, with `s/` in front for https. */
export function bookmarkEntryUrl(url: string): string {
  const https = /^https:/i.test(url);
  return `https://b.hatena.ne.jp/entry/${https ? 's/' : ''}${url.replace(/^https?:\/\//i, '')}`;
}

/** The meta of a LINK_TOKEN or EMBED_TOKEN: the notation and its checked href. */
export interface LinkMeta { notation: LinkNotation; href: string }

/**
 * What a `[URL:title=TEXT]`, `[URL:title]` or `[URL:bookmark]` link shows: TEXT, else the URL as markdown-it shows
 * a link's text. [U] Hatena fetches the page title when saving; offline the URL is the honest stand-in. The link's
 * renderer and the heading ids (its visible text) both read it here.
 */
export function linkNotationText(md: MarkdownIt, notation: LinkNotation): string {
  return notation.kind === 'title' && notation.title !== undefined && notation.title !== '' ? notation.title : md.normalizeLinkText(notation.url);
}

/** md.normalizeLink, kept only when the result is still a plain http(s) URL. */
export function safeHref(md: MarkdownIt, url: string): string | undefined {
  if (!isHttpUrl(url)) return undefined;
  let href: string;
  try { href = md.normalizeLink(url); } catch { return undefined; }
  return isHttpUrl(href) ? href : undefined;
}

export function linksPlugin(md: MarkdownIt, embeds: EmbedStyle): void {
  md.inline.ruler.before('link', LINK_TOKEN, (state, silent) => {
    // Bracket notation is balanced `[…]`; in silent mode (markdown-it measuring a link label) it must count as plain
    // brackets, or `[[f:id:…]](url)` stops being a link (parseLinkLabel refuses labels with nested tokens at `[`).
    if (silent) return false;
    const pos = state.pos;
    const src = state.src;
    // `[h` then `ttp` — the cheap test first: most `[` are Markdown links.
    if (src.charCodeAt(pos) !== 0x5b || src.charCodeAt(pos + 1) !== 0x68 /* h */ || insideLink(state)) return false;
    const close = closingBracket(state, pos);
    if (close < 0) return false;
    const notation = parseLinkNotation(src.slice(pos + 1, close));
    const href = notation && safeHref(state.md, notation.url);
    if (!notation || !href) return false;
    if (!silent) {
      const token = state.push(notation.kind === 'embed' ? EMBED_TOKEN : LINK_TOKEN, '', 0);
      token.meta = { notation, href };
      token.content = src.slice(pos, close + 1);
    }
    state.pos = close + 1;
    return true;
  });

  md.renderer.rules[LINK_TOKEN] = (tokens, idx) => {
    const { notation, href } = tokens[idx].meta as LinkMeta;
    const link = `<a${attrs([['href', href]])}>${escapeHtml(linkNotationText(md, notation))}</a>`;
    if (notation.kind !== 'bookmark') return link;
    // [U] As in はてな記法: the link, then the bookmark-count image linking to the entry's bookmark page.
    return `${link} <a${attrs([['href', bookmarkEntryUrl(href)], ['class', 'http-bookmark']])}>` +
      `<img${attrs([['src', `https://b.hatena.ne.jp/entry/image/${href}`], ['alt', ''], ['class', 'http-bookmark']])}></a>`;
  };

  md.renderer.rules[EMBED_TOKEN] = (tokens, idx) => {
    const { notation, href } = tokens[idx].meta as { notation: Extract<LinkNotation, { kind: 'embed' }>; href: string };
    const target: EmbedTarget = { url: notation.url, href, cite: notation.cite };
    return embeds === 'card' ? renderEmbedCard(target) : renderEmbedIframe(target);
  };
}
