import type MarkdownIt from 'markdown-it';
import { blockNotationParagraphsPlugin } from './blockNotationParagraphs';
import { codeFencePlugin } from './codeFence';
import { footnotesPlugin } from './footnotes';
import { fotolifePlugin } from './fotolife';
import { fotolifeInHtmlPlugin } from './fotolifeInHtml';
import { frontMatterPlugin } from './frontMatter';
import { hatenaIdPlugin } from './hatenaIdRule';
import { headingIdsPlugin } from './headingIds';
import { ASIN_DETAIL_TOKEN, keywordLinksPlugin } from './keywordLinks';
import { EMBED_TOKEN, linksPlugin } from './links';
import { markdownFootnotesPlugin } from './markdownFootnotes';
import { moreDividerPlugin } from './moreDivider';
import { resolveOptions, type HatenaRendererOptions } from './options';
import { sourceLinesPlugin } from './sourceLines';
import { texPlugin } from './tex';
import { hatenaTextPlugin } from './textRule';
import { tocPlugin } from './toc';

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
  fotolifeInHtmlPlugin(md);
  texPlugin(md);
  keywordLinksPlugin(md);
  linksPlugin(md, resolved.embeds);
  hatenaIdPlugin(md);
  footnotesPlugin(md);
  markdownFootnotesPlugin(md);
  // Blocks.
  tocPlugin(md);
  headingIdsPlugin(md);
  moreDividerPlugin(md, resolved.moreDivider);
  codeFencePlugin(md);
  blockNotationParagraphsPlugin(md, new Set(resolved.embeds === 'card' ? [EMBED_TOKEN, ASIN_DETAIL_TOKEN] : [ASIN_DETAIL_TOKEN]));
  if (resolved.sourceLines) sourceLinesPlugin(md);
}
