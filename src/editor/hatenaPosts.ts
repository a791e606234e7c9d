// Per document: is this a Hatena post? Hatena notation (the built-in preview's rendering, hover, links, Problems)
// applies only to posts, so a project's README stays ordinary Markdown. The Hatena preview renders whatever the
// user opens in it.
import * as vscode from 'vscode';
import { hasEntryHeader, type PostsSetting } from '../hatena';

/** What the blogsync workspace tells (structurally: src/publish's BlogsyncWorkspace). */
export interface BlogsyncRoots {
  blogForFile(uri: vscode.Uri): unknown;
  hasConfig(folder?: vscode.WorkspaceFolder): boolean;
}

function postsSetting(uri: vscode.Uri | undefined): PostsSetting {
  const value = vscode.workspace.getConfiguration('hatenaWriter', uri).get<unknown>('posts');
  if (value === 'all') return 'all';
  if (Array.isArray(value)) return value.filter((p): p is string => typeof p === 'string' && p !== '');
  return 'auto';
}

export class HatenaPosts {
  constructor(private readonly blogsync: BlogsyncRoots) {}

  /** `text` is the document's text when the caller has it (the built-in preview passes it to markdown-it). */
  isPost(uri: vscode.Uri | undefined, text?: string): boolean {
    const setting = postsSetting(uri);
    if (setting === 'all') return true;
    const document = uri && vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (Array.isArray(setting)) return document !== undefined && setting.some((pattern) => vscode.languages.match({ pattern }, document) > 0);
    if (uri && uri.scheme !== 'untitled') {
      if (this.blogsync.blogForFile(uri) !== undefined) return true;
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder && this.blogsync.hasConfig(folder)) return true;
    }
    return hasEntryHeader(text ?? document?.getText() ?? '');
  }

  isPostDocument = (document: vscode.TextDocument): boolean => this.isPost(document.uri, document.getText());
}
