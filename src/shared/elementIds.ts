// The webview page's fixed elements and body classes, named once for the host (which writes the shell page) and
// the webview script (which finds them).
import type { PreviewStyle } from './protocol';

export const PREVIEW_ROOT_ID = 'hatena-preview-root';
export const PREVIEW_NOTICE_ID = 'hatena-preview-notice';

/** The body class that selects the look; media/vscode-theme.css applies only under `vscode-look`. */
export function lookClass(style: PreviewStyle): string {
  return style === 'vscode' ? 'vscode-look' : 'hatena-look';
}
