import type MarkdownIt from 'markdown-it';
import { fotolifePlugin } from './fotolife';
import { frontMatterPlugin } from './frontMatter';
import { resolveOptions, type HatenaRendererOptions } from './options';
import { sourceLinesPlugin } from './sourceLines';

/**
 * Adds every Hatena notation to a markdown-it instance: ours, VS Code's built-in preview's, or any other.
 * Rules only add to markdown-it's own; nothing it already does is switched off.
 */
export function hatenaPlugin(md: MarkdownIt, options?: HatenaRendererOptions): void {
  const resolved = resolveOptions(options);
  frontMatterPlugin(md);
  fotolifePlugin(md);
  if (resolved.sourceLines) sourceLinesPlugin(md);
}
