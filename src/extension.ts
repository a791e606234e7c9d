import type * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { hatenaPlugin } from './hatena';
import { registerPreview } from './preview/previewManager';
import { registerEditorFeatures } from './editor';

export function activate(context: vscode.ExtensionContext) {
  registerPreview(context);
  registerEditorFeatures(context);
  return {
    /** VS Code's built-in Markdown preview calls this (contributes."markdown.markdownItPlugins"). */
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      // The built-in preview stamps its own data-line attributes and blocks third-party iframes by CSP,
      // so embeds render as static cards there.
      return md.use(hatenaPlugin, { embeds: 'card', sourceLines: false });
    },
  };
}

export function deactivate(): void {}
