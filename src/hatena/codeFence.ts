import type MarkdownIt from 'markdown-it';
import { blockAttrs } from './blockAttrs';
import { escapeHtml } from './html';
import { VIM_FILETYPES } from './vimFiletypes';

/**
 * Hatena's code blocks: ```go → `<pre class="code lang-go" data-lang="go" data-unlink>`; none → `<pre class="code"
 * data-lang="" data-unlink>`; a name Vim does not know is printed as written, without `lang-` (```js →
 * `<pre class="code js" data-lang="js" data-unlink>`): the reference's `class="code shell"` is that case, `shell`
 * being no Vim filetype, not a fallback name.
 * Hatena highlights server-side with Vim; when the host markdown-it has a highlighter (VS Code's preview) we use it.
 */
export function codeFencePlugin(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, idx, options) => {
    const token = tokens[idx];
    const lang = token.info.trim().split(/\s+/)[0] ?? '';
    const classes = lang === '' ? ['code'] : VIM_FILETYPES.has(lang) ? ['code', `lang-${lang}`] : ['code', lang];
    let body = '';
    try {
      body = options.highlight?.(token.content, lang, '') ?? '';
    } catch {
      body = '';
    }
    if (body === '' || body.startsWith('<pre')) body = escapeHtml(token.content);
    return `<pre${blockAttrs(token, ...classes)} data-lang="${escapeHtml(lang)}" data-unlink>${body}</pre>\n`;
  };
}
