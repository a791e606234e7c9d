import * as vscode from 'vscode';
import type MarkdownIt from 'markdown-it';
import { gatedHatenaPlugin } from './hatena';
import { registerPreview } from './preview/previewManager';
import { registerEditorFeatures, type EditorTestHooks } from './editor';
import { registerNotationSmarts } from './editor/notationSmarts';
import { HatenaPosts } from './editor/hatenaPosts';
import { BlogsyncWorkspace } from './publish/blogsyncWorkspace';
import { registerPhotoFeatures, type PhotoTestHooks } from './photos';
import { registerPublishing, type PublishTestHooks } from './publish';

/** What activate() hands out: the markdown-it plugin for VS Code's preview, and in test mode the test hooks. */
export interface HatenaWriterExports {
  /** VS Code's built-in Markdown preview calls this (contributes."markdown.markdownItPlugins"). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /**
   * Only when the extension host runs tests (ExtensionMode.Test: an extensionTestsPath is given, as the
   * integration layer does); never for an installed extension.
   */
  testing?: EditorTestHooks & { readonly photos: PhotoTestHooks; readonly publish: PublishTestHooks };
}

export function activate(context: vscode.ExtensionContext): HatenaWriterExports {
  registerPreview(context);
  // One view of the workspace's blogsync.yaml files, shared by everything that asks which blog a file belongs to.
  const blogsync = new BlogsyncWorkspace();
  context.subscriptions.push(blogsync);
  const posts = new HatenaPosts(blogsync);
  const hooks = registerEditorFeatures(context, posts.isPostDocument);
  registerNotationSmarts(context, posts.isPostDocument);
  const publishing = registerPublishing(context, blogsync, posts);
  // Photos upload with the account publishing signs in with.
  const photoHooks = registerPhotoFeatures(context, posts.isPostDocument, publishing.fotolife);
  return {
    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
      // The built-in preview stamps its own data-line attributes and blocks third-party iframes by CSP,
      // so embeds render as static cards there.
      // Only for Hatena posts: any other Markdown renders exactly as without this extension.
      const currentDocument = (env: unknown) => {
        const uri = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
        return uri instanceof vscode.Uri ? uri : undefined;
      };
      // It names the headings itself (github-slugger style): the TOC links to those ids.
      return md.use(gatedHatenaPlugin, { embeds: 'card', sourceLines: false, headingIds: 'vscode' }, (source: string | undefined, env: unknown) => posts.isPost(currentDocument(env), source));
    },
    ...(context.extensionMode === vscode.ExtensionMode.Test ? { testing: { ...hooks, photos: photoHooks, publish: publishing.hooks } } : {}),
  };
}

export function deactivate(): void {}
