import type MarkdownIt from 'markdown-it';
import { parseFotolife, renderFotolife } from './fotolife';

/** Raw-text elements whose content is never notation. */
const RAW_BLOCK = /^\s*<(?:pre|script|style|textarea|code)\b/i;

/**
 * Hatena's editor writes captioned images as one line of HTML around the notation —
 * `<figure class="figure-image figure-image-fotolife" title="CAP">[f:id:…:plain]<figcaption>CAP</figcaption></figure>` —
 * and Hatena expands the notation there too. markdown-it keeps html_block content raw, so expand Fotolife notation
 * in it here: in text only, never inside a tag's attributes, an HTML comment or a raw-text element.
 */
export function expandFotolifeInHtml(html: string): string {
  if (!html.includes('[f:id:') || RAW_BLOCK.test(html)) return html;
  let out = '';
  let copied = 0;
  let pos = 0;
  let next = html.indexOf('[f:id:');
  while (next >= 0) {
    const lt = html.indexOf('<', pos);
    if (lt >= 0 && lt < next) {
      // Skip a comment or a whole tag (attribute values included): notation there is not expanded.
      const c = html.charCodeAt(lt + 1);
      if (html.startsWith('<!--', lt)) pos = endOf(html, '-->', lt + 4);
      else if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a || c === 0x2f || c === 0x21 || c === 0x3f) pos = tagEnd(html, lt + 1);
      else pos = lt + 1;
      if (pos > next) next = html.indexOf('[f:id:', pos);
      continue;
    }
    const parsed = parseFotolife(html.slice(next, next + 512));
    if (parsed) {
      out += html.slice(copied, next) + renderFotolife(parsed.image);
      copied = pos = next + parsed.length;
    } else {
      pos = next + 1;
    }
    next = html.indexOf('[f:id:', pos);
  }
  return out + html.slice(copied);
}

function endOf(html: string, needle: string, from: number): number {
  const at = html.indexOf(needle, from);
  return at < 0 ? html.length : at + needle.length;
}

/** Index after the `>` closing the tag whose name starts at `from`, stepping over quoted attribute values. */
function tagEnd(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") {
      const close = html.indexOf(c, i + 1);
      if (close < 0) return html.length;
      i = close;
    }
  }
  return html.length;
}

export function fotolifeInHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'hatena_fotolife_in_html', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'html_block') token.content = expandFotolifeInHtml(token.content);
    }
  });
}
