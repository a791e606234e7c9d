import * as vscode from 'vscode';
import { createHatenaRenderer } from '../hatena';
import type { FromWebview, ToWebview } from './protocol';

export const PREVIEW_VIEW_TYPE = 'hatenaWriter.preview';

/** Minimal preview: one panel that renders the active Markdown document. */
export function registerPreview(context: vscode.ExtensionContext): void {
  const renderer = createHatenaRenderer();
  let panel: vscode.WebviewPanel | undefined;
  let document: vscode.TextDocument | undefined;

  const post = () => {
    if (!panel || !document) return;
    const message: ToWebview = { type: 'update', html: renderer.render(document.getText()).html, version: document.version };
    void panel.webview.postMessage(message);
  };

  const show = (column: vscode.ViewColumn) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return;
    document = editor.document;
    if (!panel) {
      panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Hatena Preview', { viewColumn: column, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist'), vscode.Uri.joinPath(context.extensionUri, 'media')],
      });
      const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
      const script = panel.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview', 'preview.js'));
      panel.webview.html = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${panel.webview.cspSource} https: data:; style-src ${panel.webview.cspSource} 'unsafe-inline'; script-src 'nonce-${nonce}';">
</head><body><div id="hatena-preview-root"></div><script nonce="${nonce}" src="${script}"></script></body></html>`;
      panel.webview.onDidReceiveMessage((m: FromWebview) => { if (m.type === 'ready') post(); });
      panel.onDidDispose(() => { panel = undefined; });
    }
    post();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('hatenaWriter.showPreviewToSide', () => show(vscode.ViewColumn.Beside)),
    vscode.commands.registerCommand('hatenaWriter.showPreview', () => show(vscode.ViewColumn.Active)),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === document) post(); }),
    { dispose: () => panel?.dispose() },
  );
}
