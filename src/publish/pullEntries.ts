// Hatena: Pull This Entry and Hatena: Pull Entries…: Hatena's entries into files in blogsync's layout and front
// matter. A file whose body has changes this machine has not pushed is never overwritten without the diff and a
// question; files that already say the same are left alone.
import * as vscode from 'vscode';
import { entryFileText, entryRelativePath, readPostFile } from '../blog/entryFile';
import type { HatenaBlogApi, RemoteEntry } from '../blog/hatenaEntry';
import { pullDecision, pulledEdits, recordAfterSync } from '../blog/syncState';
import { applyReplacements } from '../hatena';
import { showApiError } from './apiErrors';
import type { ResolvedBlog } from './account';
import { takeRemote } from './publishEntry';
import { askConflict, targetDocument, type PublishServices } from './services';

export type PullOneResult = 'written' | 'unchanged' | 'kept' | 'cancelled' | 'failed';

export async function pullThisEntry(services: PublishServices, arg: unknown): Promise<PullOneResult> {
  const document = await targetDocument(services, arg);
  if (!document) return 'failed';
  const { editUrl } = readPostFile(document.getText());
  if (!editUrl) {
    void services.prompts.notify('warning', vscode.l10n.t('This post has no EditURL: it is not on Hatena yet.'));
    return 'failed';
  }
  const blog = await services.accounts.withKey(document.uri);
  if (!blog) return 'cancelled';
  let remote: RemoteEntry;
  try {
    remote = await services.accounts.api(blog).get(editUrl);
  } catch (error) {
    showApiError(services.prompts, vscode.l10n.t('Pulling the entry'), error);
    return 'failed';
  }
  const result = await pullInto(services, remote, document.uri, document);
  if (result === 'written') void services.prompts.notify('info', vscode.l10n.t('Pulled “{0}” from Hatena.', remote.title));
  if (result === 'unchanged') void services.prompts.notify('info', vscode.l10n.t('“{0}” is the same on Hatena.', remote.title));
  return result;
}

/** One entry into one file (open or not, existing or not). */
async function pullInto(services: PublishServices, remote: RemoteEntry, uri: vscode.Uri, open?: vscode.TextDocument): Promise<PullOneResult> {
  const document = open ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const localText = document ? document.getText() : await readText(uri);
  const decision = pullDecision(services.sync.get(remote.editUrl), localText, remote);
  if (decision === 'skip') {
    await services.sync.set(remote.editUrl, recordAfterSync(remote, remote.content));
    return 'unchanged';
  }
  if (decision === 'ask') {
    const answer = await askConflict(services, remote, uri, 'pull');
    if (answer === 'keep') return 'kept';
    if (answer !== 'take') return 'cancelled';
  }
  if (document) return (await takeRemote(services, document, remote)).outcome === 'took-remote' ? 'written' : 'failed';
  const text = localText === undefined ? entryFileText(remote) : applyReplacements(localText, pulledEdits(localText, remote));
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  } catch (error) {
    void services.prompts.notify('error', vscode.l10n.t('Could not write {0}: {1}', vscode.workspace.asRelativePath(uri), error instanceof Error ? error.message : String(error)));
    return 'failed';
  }
  await services.sync.set(remote.editUrl, recordAfterSync(remote, readPostFile(text).entry.content));
  return 'written';
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** The post files under `root` by EditURL, so an entry goes back to the file it came from wherever that is. */
async function filesByEditUrl(root: vscode.Uri): Promise<Map<string, vscode.Uri>> {
  const found = new Map<string, vscode.Uri>();
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(root, '**/*.md'), '**/node_modules/**', 10_000);
  for (const uri of uris) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open?.getText() ?? (await readText(uri));
    const editUrl = text === undefined ? undefined : readPostFile(text).editUrl;
    if (editUrl && !found.has(editUrl)) found.set(editUrl, uri);
  }
  return found;
}

export interface PullCounts {
  entries: number;
  written: number;
  unchanged: number;
  kept: number;
  failed: number;
  cancelled: boolean;
}

export async function pullAllEntries(services: PublishServices): Promise<PullCounts | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const blog = await services.accounts.withKey(active?.scheme === 'file' ? active : undefined);
  if (!blog) return undefined;
  if (!blog.entryRoot) {
    void services.prompts.notify('warning', vscode.l10n.t('Open a folder first: pulled entries are written into it.'));
    return undefined;
  }
  const api = services.accounts.api(blog);
  const counts: PullCounts = { entries: 0, written: 0, unchanged: 0, kept: 0, failed: 0, cancelled: false };
  const entries = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Pulling entries from {0}', blog.blogId), cancellable: true },
    (progress, token) => listAll(services, api, blog, progress, token),
  );
  if (!entries) return undefined;
  if (entries === 'cancelled') {
    counts.cancelled = true;
    void services.prompts.notify('info', vscode.l10n.t('Pull cancelled; no file was written.'));
    return counts;
  }
  const entryRoot = blog.entryRoot;
  const existing = await filesByEditUrl(entryRoot);
  for (const entry of entries) {
    counts.entries++;
    const uri = existing.get(entry.editUrl) ?? vscode.Uri.joinPath(entryRoot, ...entryRelativePath(entry, { entryDirectory: '' }).split('/'));
    const result = await pullInto(services, entry, uri);
    if (result === 'cancelled') {
      counts.cancelled = true;
      break;
    }
    counts[result === 'written' ? 'written' : result === 'unchanged' ? 'unchanged' : result === 'kept' ? 'kept' : 'failed']++;
  }
  void services.prompts.notify('info', vscode.l10n.t('Pulled {0} entries from {1}: {2} written, {3} unchanged, {4} kept with local changes.',
    String(counts.entries), blog.blogId, String(counts.written), String(counts.unchanged), String(counts.kept)));
  return counts;
}

/** Every entry, page by page following `next`; undefined after an error, 'cancelled' when the user cancelled. */
async function listAll(
  services: PublishServices,
  api: HatenaBlogApi,
  blog: ResolvedBlog,
  progress: vscode.Progress<{ message?: string }>,
  token: vscode.CancellationToken,
): Promise<RemoteEntry[] | 'cancelled' | undefined> {
  const entries: RemoteEntry[] = [];
  const seen = new Set<string>();
  let next: string | undefined;
  let page = 0;
  do {
    if (token.isCancellationRequested) return 'cancelled';
    let result;
    try {
      result = await api.listPage(next);
    } catch (error) {
      showApiError(services.prompts, vscode.l10n.t('Pulling entries from {0}', blog.blogId), error);
      return undefined;
    }
    page++;
    for (const entry of result.entries) {
      if (!seen.has(entry.editUrl)) entries.push(entry);
      seen.add(entry.editUrl);
    }
    progress.report({ message: vscode.l10n.t('page {0}, {1} entries', String(page), String(entries.length)) });
    // A `next` that points back where it was would loop for ever.
    next = result.next && result.next !== next ? result.next : undefined;
  } while (next);
  return token.isCancellationRequested ? 'cancelled' : entries;
}

export function registerPullCommands(services: PublishServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('hatenaWriter.pullEntry', (arg?: unknown) => pullThisEntry(services, arg)),
    vscode.commands.registerCommand('hatenaWriter.pullEntries', () => pullAllEntries(services)),
  );
}
