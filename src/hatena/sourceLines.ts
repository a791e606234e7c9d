import type MarkdownIt from 'markdown-it';

/**
 * Stamps a block-level opening token with `data-line="{map[0]}"` and class `code-line`, as VS Code's own preview
 * does, so a preview can map scroll positions to source lines. Called for every token by the plugin's single pass
 * over the block tokens (when the sourceLines option is on).
 */
export function stampSourceLine(token: MarkdownIt.Token): void {
  if (token.map && token.block && token.nesting !== -1 && token.type !== 'inline') {
    token.attrJoin('class', 'code-line');
    token.attrSet('data-line', String(token.map[0]));
  }
}

/** html_block ignores attrs, so (like VS Code) an empty marker div goes in front of it. */
export function sourceLinesPlugin(md: MarkdownIt): void {
  const htmlBlock = md.renderer.rules.html_block;
  md.renderer.rules.html_block = (tokens, idx, options, env, self) => {
    const line = tokens[idx].attrGet('data-line');
    const inner = htmlBlock ? htmlBlock(tokens, idx, options, env, self) : tokens[idx].content;
    return line === null ? inner : `<div class="code-line" data-line="${line}"></div>${inner}`;
  };
}

const STAMP = / data-line="(\d+)"/g;

/**
 * The same HTML as if its blocks sat `delta` lines lower (higher when negative): every stamp moved. Only for HTML
 * whose source holds no literal `data-line` (raw HTML may carry one, which a full render leaves as written).
 */
export function shiftSourceLines(html: string, delta: number): string {
  if (delta === 0) return html;
  return html.replace(STAMP, (_, n: string) => ` data-line="${Number(n) + delta}"`);
}
