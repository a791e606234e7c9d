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
      if (!holdsOnlyBlockNotation(tokens[i + 1].children ?? [], blockTokenTypes)) continue;
      for (const t of [tokens[i], tokens[i + 2]]) t.tag = 'div';
      tokens[i].attrJoin('class', 'hatena-block-notation');
    }
  });
}

/** True when the children are block notation plus nothing but line breaks and blank text (and at least one block). */
function holdsOnlyBlockNotation(children: MarkdownIt.Token[], blockTokenTypes: ReadonlySet<string>): boolean {
  let blocks = 0;
  for (const child of children) {
    if (blockTokenTypes.has(child.type)) blocks++;
    else if (child.type !== 'softbreak' && !(child.type === 'text' && /^\s*$/.test(child.content))) return false;
  }
  return blocks > 0;
}
