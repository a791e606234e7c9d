// Hatena's own pages for a post, from its header alone (no request): the public entry, or the editor for a draft.
import { readPostFile } from './entryFile';

/** The page to open for a post: the public URL, or Hatena's editor for a draft (from the header, no request). */
export function pageToOpen(text: string, endpoint: string | undefined): string | undefined {
  const { entry, editUrl, url } = readPostFile(text);
  const id = editUrl?.replace(/\/+$/, '').split('/').pop();
  if (entry.draft || !url) {
    // …/{owner}/{blogId}/atom/entry/{id} → …/{owner}/{blogId}/edit?entry={id}
    const root = editUrl?.replace(/\/atom\/entry\/[^/]+\/?$/, '') ?? endpoint?.replace(/\/atom\/?$/, '');
    return id && root && root !== editUrl ? `${root}/edit?entry=${encodeURIComponent(id)}` : url;
  }
  return url;
}

