import type MarkdownIt from 'markdown-it';
import { blockAttrs } from './blockAttrs';
import { escapeHtml } from './html';
import type { TocHeading } from './headingIds';

export const TOC_TOKEN = 'hatena_toc';

/** A line holding only `[:contents]` becomes the table of contents (a block: Hatena never wraps it in <p>). */
export function tocPlugin(md: MarkdownIt): void {
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
  md.renderer.rules[TOC_TOKEN] = (tokens, idx) =>
    renderToc(tokens[idx].meta as TocHeading[], blockAttrs(tokens[idx], 'table-of-contents'));
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
