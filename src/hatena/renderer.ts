import type MarkdownIt from 'markdown-it';
import { loadMarkdownIt } from './lazyLibraries';
import { renderEntryArticle, type RenderedEntry } from './article';
import { frontMatterOf } from './frontMatter';
import { escapeHtml } from './html';
import type { HatenaRendererOptions } from './options';
import { hatenaPlugin } from './plugin';

export interface HatenaRenderer {
  readonly md: MarkdownIt;
  /** Renders a whole entry (front matter + body). Never throws: a failure renders as a visible error block and sets
   *  `error`. */
  render(source: string): RenderedEntry;
}

/** Markdown as Hatena Blog's Markdown mode configures it (raw HTML allowed, single newlines kept, bare URLs
 *  linked) plus every Hatena notation. */
export function createHatenaRenderer(options?: HatenaRendererOptions): HatenaRenderer {
  const md = new (loadMarkdownIt())({ html: true, linkify: true, breaks: false });
  md.use(hatenaPlugin, options);
  return {
    md,
    render(source: string): RenderedEntry {
      try {
        const env = {};
        const tokens = md.parse(typeof source === 'string' ? source : String(source ?? ''), env);
        const html = md.renderer.render(tokens, md.options, env);
        const frontMatter = frontMatterOf(tokens);
        return frontMatter ? { html, frontMatter } : { html };
      } catch (error) {
        // A renderer bug must not take the preview down; show it where the writer looks.
        const message = error instanceof Error ? error.message : String(error);
        return {
          html: `<pre class="hatena-render-error">${escapeHtml(`Hatena Writer could not render this document: ${message}`)}</pre>\n`,
          error: message,
        };
      }
    },
  };
}

export { renderEntryArticle };
