import type MarkdownIt from 'markdown-it';
import { parseFotolife, renderFotolife } from './fotolife';

/** Raw-text elements whose content is never notation. */
const RAW_BLOCK = /^\s*<(?:pre|script|style|textarea|code)\b/i;

/**
 * Hatena's editor writes captioned images as one line of HTML around the notation —
 * `<figure class="figure-image figure-image-fotolife" title="CAP">[f:id:…:plain]<figcaption>CAP</figcaption></figure>` —
 * and Hatena expands the notation there too. markdown-it keeps html_block content raw, so expand Fotolife notation
 * in it here, outside HTML comments and raw-text elements.
 */
export function expandFotolifeInHtml(html: string): string {
  if (!html.includes('[f:id:') || RAW_BLOCK.test(html)) return html;
  let out = '';
  let pos = 0;
  while (pos < html.length) {
    const next = html.indexOf('[f:id:', pos);
    const comment = html.indexOf('<!--', pos);
    if (next < 0) break;
    if (comment >= 0 && comment < next) {
      const end = html.indexOf('-->', comment + 4);
      const stop = end < 0 ? html.length : end + 3;
      out += html.slice(pos, stop);
      pos = stop;
      continue;
    }
    const parsed = parseFotolife(html.slice(next, next + 512));
    if (parsed) {
      out += html.slice(pos, next) + renderFotolife(parsed.image);
      pos = next + parsed.length;
    } else {
      out += html.slice(pos, next + 1);
      pos = next + 1;
    }
  }
  return out + html.slice(pos);
}

export function fotolifeInHtmlPlugin(md: MarkdownIt): void {
  md.core.ruler.after('block', 'hatena_fotolife_in_html', (state) => {
    for (const token of state.tokens) {
      if (token.type === 'html_block') token.content = expandFotolifeInHtml(token.content);
    }
  });
}
