// Which Markdown is a Hatena Blog post. Ordinary Markdown (a project's README) must stay exactly as markdown-it
// renders it: `((a+b))` is not a footnote there and `id:octocat` not a Hatena link. Pure.
import { findFrontMatter, parseFrontMatter } from './entryHeader';

/** `hatenaWriter.posts`: decide from the file (`auto`), treat every Markdown file as a post, or glob patterns. */
export type PostsSetting = 'auto' | 'all' | readonly string[];

/** Fields that only an entry's header has: with a Title, any one of them makes the front matter blogsync's. */
const ENTRY_FIELDS = ['Date', 'Draft', 'Category', 'URL', 'PreviewURL', 'CustomPath', 'Scheduled'] as const;

/**
 * True when the text starts with blogsync's front matter: an `EditURL`, or a `Title` with a date, draft flag,
 * categories or URL. A `Title` alone is any static-site generator's.
 */
export function hasEntryHeader(text: string): boolean {
  const span = findFrontMatter(text);
  if (!span) return false;
  const fields = parseFrontMatter(text.slice(span.yamlStart, span.yamlEnd)).fields;
  if (fields.EditURL !== undefined) return true;
  return fields.Title !== undefined && ENTRY_FIELDS.some((f) => fields[f] !== undefined);
}
