import type { ToWebview } from '../preview/protocol';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
const root = document.getElementById('hatena-preview-root')!;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data.type === 'update') root.innerHTML = event.data.html;
});
vscode.postMessage({ type: 'ready' });
