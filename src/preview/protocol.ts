// Messages between the extension host and the preview webview (import type on both sides).
export type ToWebview = { type: 'update'; html: string; version: number };
export type FromWebview = { type: 'ready' };
