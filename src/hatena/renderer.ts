import MarkdownIt from 'markdown-it';
import { hatenaPlugin } from './plugin';

export interface RenderedEntry {
  /** The entry body HTML, as Hatena would publish it. */
  html: string;
}

export interface HatenaRenderer {
  readonly md: MarkdownIt;
  render(source: string): RenderedEntry;
}

/** Markdown as Hatena Blog's Markdown mode configures it: raw HTML, single newlines kept, bare URLs linked. */
export function createHatenaRenderer(): HatenaRenderer {
  const md = new MarkdownIt({ html: true, linkify: true, breaks: false });
  md.use(hatenaPlugin);
  return {
    md,
    render: (source) => ({ html: md.render(source) }),
  };
}
