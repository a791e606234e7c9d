// The preview's Content-Security-Policy. Pure (no `vscode`), so the exact policy is unit-tested.

/** Origins a live [URL:embed] may load when hatenaWriter.preview.liveEmbeds is on: Hatena's card and YouTube. */
export const LIVE_EMBED_ORIGINS: readonly string[] = ['https://hatenablog-parts.com', 'https://www.youtube.com'];

export interface CspOptions {
  /** webview.cspSource: the extension's media/dist and the workspace files through asWebviewUri. */
  cspSource: string;
  /** The one script allowed to run: the preview's own, carrying this nonce. */
  nonce: string;
  liveEmbeds: boolean;
}

/**
 * Scripts only by nonce (so neither the post's <script> nor inline handlers nor javascript: URLs run), no eval,
 * frames only for the live embeds the user asked for, nothing fetched or submitted. Images may come from any https
 * host because published posts hotlink them (Fotolife, profile icons, other sites), like VS Code's own preview.
 */
export function buildContentSecurityPolicy(options: CspOptions): string {
  const { cspSource, nonce } = options;
  if (!/^[A-Za-z0-9+/=_-]+$/.test(nonce)) throw new Error('invalid nonce');
  const directives: [string, ...string[]][] = [
    ['default-src', "'none'"],
    ['script-src', `'nonce-${nonce}'`],
    ['style-src', cspSource, "'unsafe-inline'"],
    ['img-src', cspSource, 'https:', 'data:'],
    ['font-src', cspSource],
    ['media-src', cspSource, 'https:'],
    ['frame-src', ...(options.liveEmbeds ? LIVE_EMBED_ORIGINS : ["'none'"])],
    ['connect-src', "'none'"],
    ['object-src', "'none'"],
    ['form-action', "'none'"],
    ['base-uri', cspSource],
  ];
  return directives.map((d) => d.join(' ')).join('; ') + ';';
}

/** 128 random bits, base64url-free hex: a fresh nonce per page. crypto.getRandomValues exists in Node and browsers. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
