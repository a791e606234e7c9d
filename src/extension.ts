import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { hatenaPlugin } from './hatena';
import { registerPreview } from './preview/previewManager';
import { registerEditorFeatures, type EditorTestHooks } from './editor';
import { registerNotationSmarts } from './editor/notationSmarts';

/** What activate() hands out: the markdown-it plugin for VS Code's preview, and in test mode the test hooks. */
export interface HatenaWriterExports {
  /** VS Code's built-in Markdown preview calls this (contributes."markdown.markdownItPlugins"). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /**
   * Only when the extension host runs tests (ExtensionMode.Test: an extensionTestsPath is given, as the
   * integration layer does); never for an installed extension.
   */
  testing?: EditorTestHooks;
}

export function activate(context: vscode.ExtensionContext): HatenaWriterExports {
  registerPreview(context);
  const hooks = registerEditorFeatures(context);
  // TODO(lead): connect the real "is this a Hatena post" detector.
  registerNotationSmarts(context, () => true);
  return {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      // The built-in preview stamps its own data-line attributes and blocks third-party iframes by CSP,
      // so embeds render as static cards there.
      return md.use(hatenaPlugin, { embeds: 'card', sourceLines: false });
    },
    ...(context.extensionMode === vscode.ExtensionMode.Test ? { testing: hooks } : {}),
  };
}

export function deactivate(): void {}
