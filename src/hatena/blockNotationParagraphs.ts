import type MarkdownIt from 'markdown-it';

/**
 * Cards rendered as <div> (embed cards, `[asin:…:detail]`) cannot sit inside <p>: the browser would split the
 * paragraph around them. A paragraph holding nothing but such notation becomes a <div class="hatena-block-notation">
 * instead, keeping its attributes (data-line for scroll sync).
 */
export function blockNotationParagraphsPlugin(md: MarkdownIt, blockTokenTypes: ReadonlySet<string>): void {
  md.core.ruler.after('inline', 'hatena_block_notation_paragraphs', (state) => {
    const tokens = state.tokens;
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i].type !== 'paragraph_open' || tokens[i + 2].type !== 'paragraph_close') continue;
      const children = tokens[i + 1].children ?? [];
      let blocks = 0;
      const onlyBlocks = children.every((child) => {
        if (blockTokenTypes.has(child.type)) { blocks++; return true; }
        return child.type === 'softbreak' || (child.type === 'text' && child.content.trim() === '');
      });
      if (!onlyBlocks || blocks === 0) continue;
      for (const t of [tokens[i], tokens[i + 2]]) t.tag = 'div';
      tokens[i].attrJoin('class', 'hatena-block-notation');
    }
  });
}
