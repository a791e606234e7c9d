// The AtomPub root endpoint of a blog, from what a user types at sign-in: the endpoint itself as Hatena shows it on
// 設定 → 詳細設定 (`https://blog.hatena.ne.jp/{hatenaId}/{blogId}/atom`), or the blog's URL with a Hatena id.
// Pure: no vscode, no Node.

export type EndpointInput =
  | { endpoint: string; hatenaId?: string; blogId?: string }
  /** A blog URL was given: the endpoint needs the Hatena id (asked next, or given). */
  | { needsHatenaId: true; blogId: string }
  | { error: 'not-a-url' | 'not-http' };

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

/** `{hatenaId}` and `{blogId}` of an endpoint `…/{hatenaId}/{blogId}/atom` (any host: tests use a local one). */
export function endpointParts(endpoint: string): { hatenaId?: string; blogId?: string } {
  const url = parseUrl(endpoint);
  if (!url) return {};
  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments[segments.length - 1] !== 'atom' || segments.length < 3) return {};
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return { hatenaId: decode(segments[segments.length - 3]), blogId: decode(segments[segments.length - 2]) };
}

/** The endpoint an entry's EditURL (`…/atom/entry/{id}`) belongs to. */
export function endpointOfEditUrl(editUrl: string): string | undefined {
  const m = /^(https?:\/\/.+\/atom)\/entry\/[^/]+\/?$/.exec(editUrl.trim());
  return m ? m[1] : undefined;
}

/**
 * What the user typed at sign-in: an endpoint (`…/atom`, kept as given but for trailing slashes), or a blog URL
 * (`https://example.hatenablog.com/`, a custom domain is not its blog id: Hatena's own domains only) with the
 * Hatena id — then the endpoint on blog.hatena.ne.jp.
 */
export function endpointFromInput(input: string, hatenaId?: string): EndpointInput {
  const text = input.trim();
  const url = parseUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  if (!url || !url.hostname.includes('.')) return { error: 'not-a-url' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: 'not-http' };
  const path = url.pathname.replace(/\/+$/, '');
  if (/\/atom$/.test(path)) {
    const endpoint = `${url.origin}${path}`;
    return { endpoint, ...endpointParts(endpoint) };
  }
  // A blog URL: its host is the blog id (example.hatenablog.com, example.hateblo.jp, example.hatenadiary.com …).
  const blogId = url.hostname.toLowerCase();
  const id = hatenaId?.trim().replace(/^id:/, '');
  if (!id) return { needsHatenaId: true, blogId };
  return { endpoint: `https://blog.hatena.ne.jp/${encodeURIComponent(id)}/${encodeURIComponent(blogId)}/atom`, hatenaId: id, blogId };
}
