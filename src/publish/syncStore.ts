// What this machine last pushed or pulled, per entry (EditURL), in globalState: it survives restarts and is shared
// by every window on this machine, as a blogsync checkout is. Plus what this session learnt about Hatena's side.
import * as vscode from 'vscode';
import type { SyncRecord } from '../blog/syncState';

const KEY = 'hatenaWriter.syncRecords';

export class SyncStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** EditURLs found changed on Hatena in this session (by a check before a push, or the status bar's check). */
  private readonly remoteChanges = new Set<string>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly memento: vscode.Memento) {}

  private all(): Record<string, SyncRecord> {
    return this.memento.get<Record<string, SyncRecord>>(KEY) ?? {};
  }

  get(editUrl: string | undefined): SyncRecord | undefined {
    return editUrl ? this.all()[editUrl] : undefined;
  }

  async set(editUrl: string, record: SyncRecord): Promise<void> {
    this.remoteChanges.delete(editUrl);
    await this.memento.update(KEY, { ...this.all(), [editUrl]: record });
    this.changed.fire();
  }

  markChangedOnHatena(editUrl: string, changed: boolean): void {
    if (changed) this.remoteChanges.add(editUrl);
    else this.remoteChanges.delete(editUrl);
    this.changed.fire();
  }

  changedOnHatena(editUrl: string | undefined): boolean {
    return editUrl !== undefined && this.remoteChanges.has(editUrl);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
