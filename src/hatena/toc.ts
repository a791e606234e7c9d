import type MarkdownIt from 'markdown-it';
import { blockAttrs } from './blockAttrs';
import { escapeHtml } from './html';
import type { TocHeading } from './headingIds';
import { vscodeHeadingIds } from './vscodeHeadingIds';

type Token = MarkdownIt.Token;

export const TOC_TOKEN = 'hatena_toc';

/**
 * A line holding only `[:contents]` becomes the table of contents (a block: Hatena never wraps it in <p>).
 * `headingIds` 'vscode': VS Code's preview names the headings itself, in its heading_open render rule, and how it
 * numbers repeats has changed between releases. So the TOC links are placeholders until the whole document is
 * rendered, then become the ids VS Code set on those very heading tokens (the TOC may come before the headings);
 * without a host id (no VS Code), the github-slugger id VS Code would give.
 */
export function tocPlugin(md: MarkdownIt, headingIds: 'hatena' | 'vscode' = 'hatena'): void {
  md.block.ruler.before('paragraph', TOC_TOKEN, (state, startLine, _endLine, silent) => {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const start = state.bMarks[startLine] + state.tShift[startLine];
    const line = state.src.slice(start, state.eMarks[startLine]).trimEnd();
    if (line !== '[:contents]') return false;
    if (silent) return true;
    const token = state.push(TOC_TOKEN, 'ul', 0);
    token.block = true;
    token.map = [startLine, startLine + 1];
    token.markup = line;
    token.meta = [];
    state.line = startLine + 1;
    return true;
  }, { alt: ['paragraph'] });
  const hostIds = headingIds === 'vscode' ? new HostHeadingIds(md) : undefined;
  md.renderer.rules[TOC_TOKEN] = (tokens, idx) => {
    let headings = tokens[idx].meta as TocHeading[];
    if (hostIds) {
      const fallback = vscodeHeadingIds(tokens);
      headings = headings.map((h) => (h.heading ? { ...h, id: hostIds.link(h.heading, fallback.get(h.heading) ?? h.id) } : h));
    }
    if (tokens[idx].info === 'omitted') {
      return `<ul${blockAttrs(tokens[idx], 'table-of-contents hatena-toc-omitted')}><li>目次（省略：この記事にはすでに目次があります）</li></ul>\n`;
    }
    return renderToc(headings, blockAttrs(tokens[idx], 'table-of-contents'));
  };
}

/** TOC hrefs that wait for the id the host's render gives their heading token. */
class HostHeadingIds {
  private pending: { marker: string; links: { heading: Token; fallback: string }[] } | undefined;

  constructor(md: MarkdownIt) {
    const render = md.renderer.render;
    const self = this;
    md.renderer.render = function (this: MarkdownIt['renderer'], tokens, options, env) {
      // A render inside a render (a footnote body) belongs to the outer one.
      if (self.pending) return render.call(this, tokens, options, env);
      const pending = { marker: `\uE000${Math.random().toString(36).slice(2)}:`, links: [] as { heading: Token; fallback: string }[] };
      self.pending = pending;
      let html: string;
      try {
        html = render.call(this, tokens, options, env);
      } finally {
        self.pending = undefined;
      }
      if (pending.links.length === 0) return html;
      return html.replace(new RegExp(`${pending.marker}(\\d+)\uE000`, 'g'), (_, n: string) => {
        const { heading, fallback } = pending.links[Number(n)];
        return escapeHtml(heading.attrGet('id') ?? fallback);
      });
    };
  }

  /** What the TOC writes for `heading`'s href now (a placeholder inside a render, else the fallback). */
  link(heading: Token, fallback: string): string {
    if (!this.pending) return fallback;
    this.pending.links.push({ heading, fallback });
    return `${this.pending.marker}${this.pending.links.length - 1}\uE000`;
  }
}

/**
 * `ul.table-of-contents`, nested by heading level. A skipped level nests only one step, and a heading between two
 * levels already open (`###` after `##` › `####`) joins the deeper list as a sibling rather than opening a second
 * `<ul>` beside it: one list per parent, as Hatena nests.
 */
export function renderToc(headings: readonly TocHeading[], attributes = ' class="table-of-contents"'): string {
  if (headings.length === 0) return `<ul${attributes}></ul>\n`;
  const link = (h: TocHeading) => `<a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a>`;
  let html = `<ul${attributes}><li>${link(headings[0])}`;
  // The level of the latest item of each open list, outermost first.
  const stack = [headings[0].level];
  for (let i = 1; i < headings.length; i++) {
    const h = headings[i];
    // Close the lists whose parent item is not above this heading.
    while (stack.length > 1 && h.level <= stack[stack.length - 2]) { html += '</li></ul>'; stack.pop(); }
    if (h.level > stack[stack.length - 1]) { html += `<ul><li>${link(h)}`; stack.push(h.level); continue; }
    stack[stack.length - 1] = h.level;
    html += `</li><li>${link(h)}`;
  }
  html += '</li>';
  for (let i = 1; i < stack.length; i++) html += '</ul></li>';
  return `${html}</ul>\n`;
}
