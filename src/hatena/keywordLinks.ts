import type MarkdownIt from 'markdown-it';
import { attrs, escapeHtml } from './html';
import { closingBracket, insideLink } from './inlineScan';

export const KEYWORD_LINK_TOKEN = 'hatena_keyword_link';
export const ASIN_DETAIL_TOKEN = 'hatena_asin_detail';

export interface KeywordLink {
  href: string;
  /** [U] Hatena shows these notations as their own text without the brackets (`google:はてな`). */
  text: string;
  className: string;
}

export interface AsinDetail { asin: string; href: string; text: string }

const enc = encodeURIComponent;

function amazonProductUrl(asin: string): string {
  return `https://www.amazon.co.jp/dp/${asin}`;
}

/** ISBN-13 with the 978 prefix → ISBN-10 (which is the book's ASIN); ISBN-10 as is; otherwise undefined. */
export function isbnToAsin(isbn: string): string | undefined {
  const digits = isbn.replace(/-/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(digits)) return digits;
  if (!/^978\d{10}$/.test(digits)) return undefined;
  const core = digits.slice(3, 12);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(core[i]);
  const check = (11 - (sum % 11)) % 11;
  return core + (check === 10 ? 'X' : String(check));
}

type Parsed = { type: 'link'; link: KeywordLink } | { type: 'asin-detail'; detail: AsinDetail };

/** Parses `google:…`, `google:search|image|news:…`, `wikipedia(:lang):…`, `amazon:…`, `asin:…`, `isbn:…` bodies. */
export function parseKeywordLink(body: string): Parsed | undefined {
  const colon = body.indexOf(':');
  if (colon < 0) return undefined;
  const scheme = body.slice(0, colon);
  const rest = body.slice(colon + 1);
  const link = (href: string, className: string): Parsed => ({ type: 'link', link: { href, text: body, className } });
  switch (scheme) {
    case 'google': {
      const m = /^(?:(search|image|news):)?(.+)$/s.exec(rest);
      if (!m || m[2].trim() === '') return undefined;
      const q = enc(m[2]);
      if (m[1] === 'image') return link(`https://www.google.com/search?q=${q}&tbm=isch`, 'hatena-google');
      if (m[1] === 'news') return link(`https://news.google.com/search?q=${q}`, 'hatena-google');
      return link(`https://www.google.com/search?q=${q}&ie=utf-8&oe=utf-8`, 'hatena-google');
    }
    case 'wikipedia': {
      const m = /^(?:([a-z]{2,3}(?:-[a-z]{2,8})?):)?(.+)$/s.exec(rest);
      if (!m || m[2].trim() === '') return undefined;
      return link(`https://${m[1] ?? 'ja'}.wikipedia.org/wiki/${enc(m[2].trim().replace(/ /g, '_'))}`, 'hatena-wikipedia');
    }
    case 'amazon':
      return rest.trim() === '' ? undefined : link(`https://www.amazon.co.jp/s?k=${enc(rest)}`, 'hatena-amazon');
    case 'asin':
    case 'isbn': {
      const m = /^([0-9A-Za-z-]+)(?::(title|detail))?$/.exec(rest);
      if (!m) return undefined;
      let asin: string | undefined;
      if (scheme === 'asin') asin = /^[0-9A-Za-z]{10}$/.test(m[1]) ? m[1].toUpperCase() : undefined;
      else asin = isbnToAsin(m[1]);
      if (!asin && scheme === 'isbn' && /^97[89]\d{10}$/.test(m[1].replace(/-/g, ''))) {
        // 979 ISBNs have no ISBN-10 form; Amazon's search still finds the book.
        return m[2] === 'detail' ? undefined : link(`https://www.amazon.co.jp/s?k=${m[1].replace(/-/g, '')}`, 'hatena-asin');
      }
      if (!asin) return undefined;
      const text = `${scheme}:${m[1]}`;
      if (m[2] === 'detail') return { type: 'asin-detail', detail: { asin, href: amazonProductUrl(asin), text } };
      return { type: 'link', link: { href: amazonProductUrl(asin), text, className: 'hatena-asin' } };
    }
    default:
      return undefined;
  }
}

/** `[asin:X:detail]`: Hatena's product card, without the product data it fetches (offline). */
export function renderAsinDetail(detail: AsinDetail): string {
  return `<div class="hatena-asin-detail"><div class="hatena-asin-detail-info">` +
    `<p class="hatena-asin-detail-title"><a${attrs([['href', detail.href]])}>${escapeHtml(detail.text)}</a></p>` +
    `<ul class="hatena-asin-detail-meta"><li>ASIN: ${escapeHtml(detail.asin)}</li></ul>` +
    `<a${attrs([['href', detail.href], ['class', 'asin-detail-buy']])}>Amazonで見る</a></div></div>`;
}

const SCHEME_FIRST = new Set([0x67 /* g */, 0x77 /* w */, 0x61 /* a */, 0x69 /* i */]);

export function keywordLinksPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', KEYWORD_LINK_TOKEN, (state, silent) => {
    // Bracket notation is balanced `[…]`; in silent mode (markdown-it measuring a link label) it must count as plain
    // brackets, or `[[f:id:…]](url)` stops being a link (parseLinkLabel refuses labels with nested tokens at `[`).
    if (silent) return false;
    const pos = state.pos;
    if (state.src.charCodeAt(pos) !== 0x5b || !SCHEME_FIRST.has(state.src.charCodeAt(pos + 1)) || insideLink(state)) return false;
    const close = closingBracket(state, pos);
    if (close < 0) return false;
    const parsed = parseKeywordLink(state.src.slice(pos + 1, close));
    if (!parsed) return false;
    if (!silent) {
      const token = state.push(parsed.type === 'link' ? KEYWORD_LINK_TOKEN : ASIN_DETAIL_TOKEN, '', 0);
      token.meta = parsed.type === 'link' ? parsed.link : parsed.detail;
      token.content = state.src.slice(pos, close + 1);
    }
    state.pos = close + 1;
    return true;
  });
  md.renderer.rules[KEYWORD_LINK_TOKEN] = (tokens, idx) => {
    const link = tokens[idx].meta as KeywordLink;
    return `<a${attrs([['href', link.href], ['class', link.className]])}>${escapeHtml(link.text)}</a>`;
  };
  md.renderer.rules[ASIN_DETAIL_TOKEN] = (tokens, idx) => renderAsinDetail(tokens[idx].meta as AsinDetail);
}
