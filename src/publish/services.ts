// What the publish features share: one of each, made in src/publish/index.ts.
import * as vscode from 'vscode';
import type { RemoteEntry } from '../blog/hatenaEntry';
import type { TextReplacement } from '../hatena';
import type { HatenaPosts } from '../editor/hatenaPosts';
import type { BlogAccounts } from './account';
import type { BlogsyncWorkspace } from './blogsyncWorkspace';
import type { PublishPrompts } from './prompts';
import type { RemoteDocuments } from './remoteDocuments';
import type { SyncStore } from './syncStore';

export interface PublishServices {
  readonly context: vscode.ExtensionContext;
  readonly blogsync: BlogsyncWorkspace;
  readonly posts: HatenaPosts;
  readonly accounts: BlogAccounts;
  readonly sync: SyncStore;
  readonly remote: RemoteDocuments;
  readonly prompts: PublishPrompts;
}

/** The post a command works on: the URI it was given (explorer, status bar), else the active Markdown editor. */
export async function targetDocument(services: PublishServices, arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  const document = vscode.window.activeTextEditor?.document;
  if (document && document.languageId === 'markdown') return document;
  void services.prompts.notify('warning', vscode.l10n.t('Open a Hatena post (a Markdown file) first.'));
  return undefined;
}

/** Applies replacements to an open document as one undoable edit, then saves it. */
export async function applyAndSave(document: vscode.TextDocument, replacements: readonly TextReplacement[]): Promise<boolean> {
  if (replacements.length > 0) {
    const edit = new vscode.WorkspaceEdit();
    for (const r of replacements) edit.replace(document.uri, new vscode.Range(document.positionAt(r.start), document.positionAt(r.end)), r.text);
    if (!(await vscode.workspace.applyEdit(edit))) {
      console.warn(`[hatena-writer] the edit of ${document.uri.toString()} was refused`);
      return false;
    }
  }
  if (document.isUntitled) return true;
  // A save can be refused while another one of the same file is still running (slow save participants): try again.
  for (let attempt = 0; attempt < 4 && document.isDirty; attempt++) {
    if (await document.save()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250 * (attempt + 1)));
  }
  return !document.isDirty;
}

export type ConflictAnswer = 'overwrite' | 'take' | 'keep' | undefined;

/**
 * Hatena's entry and the local file differ in a way that could lose words: shows the diff (Hatena's entry vs the
 * file) and asks, modally. A push offers Overwrite Hatena / Take Hatena's; a pull offers Take Hatena's / Keep Mine.
 */
export async function askConflict(services: PublishServices, remote: RemoteEntry, local: vscode.Uri, direction: 'push' | 'pull'): Promise<ConflictAnswer> {
  await services.remote.showDiff(remote, local);
  const overwrite = vscode.l10n.t('Overwrite Hatena');
  const take = vscode.l10n.t('Take Hatena\'s');
  const keep = vscode.l10n.t('Keep Mine');
  const title = remote.title || remote.id;
  const answer = direction === 'push'
    ? await services.prompts.modal(
      vscode.l10n.t('“{0}” was changed on Hatena since this machine last pushed or pulled it.', title),
      vscode.l10n.t('The diff shows Hatena\'s version (left) and this file (right). Overwrite Hatena with this file, or take Hatena\'s version into this file?'),
      overwrite, take)
    : await services.prompts.modal(
      vscode.l10n.t('“{0}” has changes in this file that are not on Hatena.', title),
      vscode.l10n.t('The diff shows Hatena\'s version (left) and this file (right). Take Hatena\'s version into this file (your changes are lost), or keep yours?'),
      take, keep);
  return answer === overwrite ? 'overwrite' : answer === take ? 'take' : answer === keep ? 'keep' : undefined;
}
