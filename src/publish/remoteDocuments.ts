// Hatena's side of a conflict as a read-only document (`hatena-remote:`), for VS Code's diff against the local file.
import * as vscode from 'vscode';
import { entryFileText } from '../blog/entryFile';
import type { RemoteEntry } from '../blog/hatenaEntry';

export const REMOTE_SCHEME = 'hatena-remote';

export interface DiffShown {
  readonly remote: vscode.Uri;
  readonly local: vscode.Uri;
  readonly remoteText: string;
}

export class RemoteDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly diffShown = new vscode.EventEmitter<DiffShown>();
  private readonly registration: vscode.Disposable;
  private count = 0;
  readonly onDidChange = this.changed.event;
  readonly onDidShowDiff = this.diffShown.event;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(REMOTE_SCHEME, this);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens the diff: Hatena's entry (as the file it would be) on the left, the local file on the right. */
  async showDiff(remote: RemoteEntry, local: vscode.Uri): Promise<void> {
    const name = local.path.split('/').pop() || 'entry.md';
    const uri = vscode.Uri.from({ scheme: REMOTE_SCHEME, path: `/${remote.id}/${name}`, query: String(++this.count) });
    const remoteText = entryFileText(remote);
    this.texts.set(uri.toString(), remoteText);
    // Only the latest few stay: they are small, but a long session should not pile them up.
    if (this.texts.size > 20) this.texts.delete(this.texts.keys().next().value as string);
    await vscode.commands.executeCommand('vscode.diff', uri, local, vscode.l10n.t('{0} (Hatena) ↔ {1} (this file)', remote.title || name, name), { preview: true });
    this.diffShown.fire({ remote: uri, local, remoteText });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.diffShown.dispose();
  }
}
