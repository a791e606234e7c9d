import type MarkdownIt from 'markdown-it';
import { blockNotationParagraph } from './blockNotationParagraphs';
import { codeFencePlugin } from './codeFence';
import { footnotesPlugin } from './footnotes';
import { fotolifePlugin } from './fotolife';
import { expandFotolifeInHtml } from './fotolifeInHtml';
import { frontMatterPlugin } from './frontMatter';
import { hatenaIdPlugin } from './hatenaIdRule';
import { HeadingIds } from './headingIds';
import { ASIN_DETAIL_TOKEN, keywordLinksPlugin } from './keywordLinks';
import { EMBED_TOKEN, linksPlugin } from './links';
import { markdownFootnotesPlugin } from './markdownFootnotes';
import { moreDividerPlugin } from './moreDivider';
import { resolveOptions, type HatenaRendererOptions } from './options';
import { sourceLinesPlugin, stampSourceLine } from './sourceLines';
import { texPlugin } from './tex';
import { hatenaTextPlugin } from './textRule';
import { TOC_TOKEN, tocPlugin } from './toc';

const applied = new WeakSet<MarkdownIt>();

/**
 * Adds every Hatena notation to a markdown-it instance: ours, VS Code's built-in preview's, or any other.
 * Rules only add to markdown-it's own; nothing it already does is switched off. Applying it twice to the same
 * instance is a no-op (VS Code may call extendMarkdownIt again on the same engine).
 */
export function hatenaPlugin(md: MarkdownIt, options?: HatenaRendererOptions): void {
  if (applied.has(md)) return;
  applied.add(md);
  const resolved = resolveOptions(options);
  hatenaTextPlugin(md);
  frontMatterPlugin(md);
  // Inline notation: each rule checks its own first characters, so their order only matters for speed.
  fotolifePlugin(md);
  texPlugin(md);
  keywordLinksPlugin(md);
  linksPlugin(md, resolved.embeds);
  hatenaIdPlugin(md);
  footnotesPlugin(md);
  markdownFootnotesPlugin(md);
  // Blocks.
  tocPlugin(md, resolved.headingIds);
  moreDividerPlugin(md, resolved.moreDivider);
  codeFencePlugin(md);
  if (resolved.sourceLines) sourceLinesPlugin(md);
  blockPass(md, new Set(resolved.embeds === 'card' ? [EMBED_TOKEN, ASIN_DETAIL_TOKEN] : [ASIN_DETAIL_TOKEN]), resolved.sourceLines, resolved.headingIds === 'hatena');
}

/**
 * Everything that looks at the block tokens, in one walk once the inline tokens exist: Fotolife in HTML blocks,
 * paragraphs of block notation, heading ids and the TOC, source-line stamps. On a 1 MB entry the token array no
 * longer fits in the CPU cache, and each separate walk over it cost 3–6 % of the render.
 */
function blockPass(md: MarkdownIt, blockTokenTypes: ReadonlySet<string>, sourceLines: boolean, setHeadingIds: boolean): void {
  md.core.ruler.after('inline', 'hatena_blocks', (state) => {
    const tokens = state.tokens;
    const headings = new HeadingIds(md, setHeadingIds);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      switch (token.type) {
        case 'html_block': token.content = expandFotolifeInHtml(token.content); break;
        case 'paragraph_open': blockNotationParagraph(tokens, i, blockTokenTypes); break;
        case 'heading_open': headings.heading(token, tokens[i + 1]); break;
        case TOC_TOKEN: headings.toc(token); break;
      }
      if (sourceLines) stampSourceLine(token);
    }
    headings.finish();
  });
}
