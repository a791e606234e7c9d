// The HTML documents the preview produces: the webview's shell page and the standalone exported page. Pure.
import { buildContentSecurityPolicy } from './csp';
import type { PreviewStyle } from './protocol';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const PREVIEW_ROOT_ID = 'hatena-preview-root';
export const PREVIEW_NOTICE_ID = 'hatena-preview-notice';

export interface PreviewShellOptions {
  cspSource: string;
  nonce: string;
  liveEmbeds: boolean;
  style: PreviewStyle;
  scriptUri: string;
  styleUris: string[];
  /** Directory of the document as a webview URI, with a trailing slash: relative images resolve against it. */
  baseHref?: string;
}

/** The body class that selects the look; media/vscode-theme.css applies only under `vscode-look`. */
export function lookClass(style: PreviewStyle): string {
  return style === 'vscode' ? 'vscode-look' : 'hatena-look';
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
<body class="${lookClass(o.style)}">
<div id="${PREVIEW_NOTICE_ID}" role="status" aria-live="polite" hidden></div>
<main id="${PREVIEW_ROOT_ID}"></main>
<script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** Written into every exported page: an export may replace a page that carries it without asking. */
export const GENERATOR_META = '<meta name="generator" content="Hatena Writer">';

/** "Export HTML": one self-contained page (stylesheet inlined) as the entry will look once published. */
export function buildStandalonePage(options: { title: string; articleHtml: string; css: string }): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${GENERATOR_META}
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
}
