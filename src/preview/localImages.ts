// Relative and workspace image paths in the post, made loadable inside the webview (through asWebviewUri).
// A markdown-it core rule on the preview's own renderer: the published HTML (Copy/Export) is never touched.
import type MarkdownIt from 'markdown-it';
import { escapeHtml } from '../hatena';

/** Maps a src as written (`./img/a.png`, `/images/b.png`) to a webview URL, or undefined to leave it as is. */
export type ImageSourceResolver = (src: string) => string | undefined;

/** True for a path relative to the document or the workspace root (no scheme, not protocol-relative, not a fragment). */
export function isLocalPath(src: string): boolean {
  const s = src.trim();
  return s !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(s) && !s.startsWith('//') && !s.startsWith('#');
}

const RAW_IMG_SRC = /(<img\b[^>]*?\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/** Rewrites `src` of <img> tags written as raw HTML in the post. */
export function rewriteRawImageSources(html: string, resolve: ImageSourceResolver): string {
  return html.replace(RAW_IMG_SRC, (whole, head: string, dq?: string, sq?: string, bare?: string) => {
    const src = dq ?? sq ?? bare ?? '';
    const resolved = isLocalPath(src) ? resolve(decodeEntities(src)) : undefined;
    if (resolved === undefined) return whole;
    return `${head}"${escapeHtml(resolved)}" data-hatena-src="${escapeHtml(src)}"`;
  });
}

function decodeEntities(s: string): string {
  return s.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, e: string) => ({ amp: '&', quot: '"', '#39': "'", apos: "'", lt: '<', gt: '>' })[e] ?? _);
}

/**
 * Adds the rewriting rule to `md`; `getResolver` is read at render time (the preview renders one document at a time,
 * synchronously, so the current document's resolver is simply the one set when render() is called).
 */
export function localImagesPlugin(md: MarkdownIt, getResolver: () => ImageSourceResolver | undefined): void {
  md.core.ruler.push('hatena_preview_local_images', (state) => {
    const resolve = getResolver();
    if (!resolve) return;
    for (const token of state.tokens) {
      if (token.type === 'html_block') token.content = rewriteRawImageSources(token.content, resolve);
      for (const child of token.children ?? []) {
        if (child.type === 'image') {
          const src = child.attrGet('src');
          const resolved = src !== null && isLocalPath(src) ? resolve(src) : undefined;
          if (resolved !== undefined) {
            child.attrSet('src', resolved);
            child.attrSet('data-hatena-src', src!);
          }
        } else if (child.type === 'html_inline') {
          child.content = rewriteRawImageSources(child.content, resolve);
        }
      }
    }
  });
}
