// The HTML documents the preview produces: the webview's shell page and the standalone exported page. Pure.
import { buildContentSecurityPolicy } from './csp';
import { lookClass, PREVIEW_NOTICE_ID, PREVIEW_ROOT_ID } from '../shared/elementIds';
import type { PreviewStyle } from '../shared/protocol';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}


export interface PreviewShellOptions {
  cspSource: string;
  nonce: string;
  liveEmbeds: boolean;
  style: PreviewStyle;
  scriptUri: string;
  styleUris: string[];
  /** Directory of the document as a webview URI, with a trailing slash: relative images resolve against it. */
  baseHref?: string;
  /** What an image that could not load says, in the editor's language (the webview has no l10n of its own). */
  placeholderStrings?: { notLoaded: string; fotolifeHint: string };
}


/** The webview page: CSP, stylesheets, an empty root the script fills, and the one nonce'd script. */
export function buildPreviewShell(o: PreviewShellOptions): string {
  const csp = buildContentSecurityPolicy({ cspSource: o.cspSource, nonce: o.nonce, liveEmbeds: o.liveEmbeds });
  const links = o.styleUris.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n');
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${o.baseHref ? `<base href="${escapeHtml(o.baseHref)}">` : ''}
${links}
</head>
<body class="${lookClass(o.style)}"${o.placeholderStrings ? ` data-image-not-loaded="${escapeHtml(o.placeholderStrings.notLoaded)}" data-fotolife-hint="${escapeHtml(o.placeholderStrings.fotolifeHint)}"` : ''}>
<div id="${PREVIEW_NOTICE_ID}" role="status" aria-live="polite" hidden></div>
<main id="${PREVIEW_ROOT_ID}"></main>
<script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}

/**
 * FNV-1a, 32 bits, over `bytes`: small, fast, pure JS (the same code runs in the web extension host, which has no
 * Node crypto, and SubtleCrypto's digest is async). Not for secrets: it tells a page as written from an edited one.
 */
export function fnv1a32(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The generator meta of an exported page, with the hash of the page (the hash written as all zeros when hashed). */
const generatorMeta = (hash: string) => `<meta name="generator" content="Hatena Writer; fnv1a32=${hash}">`;
const UNHASHED = '00000000';
const GENERATOR_STAMP = /<meta name="generator" content="Hatena Writer; fnv1a32=([0-9a-f]{8})">/;

function pageHash(unhashedPage: string): string {
  return fnv1a32(new TextEncoder().encode(unhashedPage)).toString(16).padStart(8, '0');
}

/**
 * Whether `text` is a page "Export HTML" wrote and nobody changed since: its generator meta carries the hash of the
 * rest of it. Such a page may be replaced without asking; a hand-written page, one edited after the export, or one
 * exported by a version without the hash is not.
 */
export function isUntouchedExport(text: string): boolean {
  const stamp = GENERATOR_STAMP.exec(text);
  if (!stamp) return false;
  const unhashed = text.slice(0, stamp.index) + generatorMeta(UNHASHED) + text.slice(stamp.index + stamp[0].length);
  return pageHash(unhashed) === stamp[1];
}

/** "Export HTML": one self-contained page (stylesheet inlined) as the entry will look once published. */
export function buildStandalonePage(options: { title: string; articleHtml: string; css: string }): string {
  const unhashed = `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${generatorMeta(UNHASHED)}
<title>${escapeHtml(options.title)}</title>
<style>
${options.css.replace(/<\/style/gi, '<\\/style')}
</style>
</head>
<body>
${options.articleHtml}
</body>
</html>
`;
  // The meta comes before everything taken from the post, so the first one is ours.
  return unhashed.replace(generatorMeta(UNHASHED), () => generatorMeta(pageHash(unhashed)));
}
