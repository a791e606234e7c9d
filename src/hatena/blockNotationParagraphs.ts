import type MarkdownIt from 'markdown-it';

/**
 * Cards rendered as <div> (embed cards, `[asin:…:detail]`) cannot sit inside <p>: the browser would split the
 * paragraph around them. A paragraph holding nothing but such notation becomes a <div class="hatena-block-notation">
 * instead, keeping its attributes (data-line for scroll sync). Called by the plugin's single pass over the block
 * tokens at each paragraph_open (index `i`).
 */
export function blockNotationParagraph(tokens: MarkdownIt.Token[], i: number, blockTokenTypes: ReadonlySet<string>): void {
  if (i + 2 >= tokens.length || tokens[i + 2].type !== 'paragraph_close') return;
  if (!holdsOnlyBlockNotation(tokens[i + 1].children ?? [], blockTokenTypes)) return;
  tokens[i].tag = 'div';
  tokens[i + 2].tag = 'div';
  tokens[i].attrJoin('class', 'hatena-block-notation');
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
