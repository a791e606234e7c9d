import type MarkdownIt from 'markdown-it';
import { blockAttrs } from './blockAttrs';

export const MORE_TOKEN = 'hatena_more';

/**
 * `<!-- more -->` on a line of its own: Hatena cuts list pages there and hides it on the entry page. The writer needs
 * to see the cut, so it becomes a visible divider labelled 続きを読む that keeps the comment; for HTML that is pasted
 * into Hatena (`moreDivider: false`) it stays the bare comment, or the label would show on the published page.
 */
export function moreDividerPlugin(md: MarkdownIt, visible: boolean): void {
  md.block.ruler.before('html_block', MORE_TOKEN, (state, startLine, _endLine, silent) => {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const start = state.bMarks[startLine] + state.tShift[startLine];
    if (state.src.charCodeAt(start) !== 0x3c /* < */) return false;
    const line = state.src.slice(start, state.eMarks[startLine]);
    if (!/^<!--\s*more\s*-->\s*$/i.test(line)) return false;
    if (silent) return true;
    const token = state.push(MORE_TOKEN, 'div', 0);
    token.block = true;
    token.map = [startLine, startLine + 1];
    token.markup = line.trim();
    state.line = startLine + 1;
    return true;
  }, { alt: ['paragraph', 'reference', 'blockquote'] });
  md.renderer.rules[MORE_TOKEN] = (tokens, idx) => visible
    ? `<div${blockAttrs(tokens[idx], 'hatena-more')} role="separator" aria-label="続きを読む"><!-- more --><span class="hatena-more-label">続きを読む</span></div>\n`
    : '<!-- more -->\n';
}
