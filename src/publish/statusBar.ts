// A status bar item on a Hatena post: which blog it goes to and its state (not yet posted / draft / published /
// changed since last push / changed on Hatena). Computed from the file and what this machine remembers; Hatena is
// asked only when the user chooses "Check on Hatena" (never on keystrokes). Click: a quick pick of the actions.
import * as vscode from 'vscode';
import { endpointOfEditUrl, endpointParts } from '../blog/blogEndpoint';
import { readPostFile } from '../blog/entryFile';
import { changedLocally, changedRemotely } from '../blog/syncState';
import { showApiError } from './apiErrors';
import type { PublishServices } from './services';

export type PostState = 'not-posted' | 'draft' | 'published' | 'changed-locally' | 'changed-on-hatena';

/** The state of a post's text (pure but for what the store remembers). */
export function postState(services: PublishServices, text: string): PostState {
  const post = readPostFile(text);
  if (!post.editUrl) return 'not-posted';
  if (services.sync.changedOnHatena(post.editUrl)) return 'changed-on-hatena';
  if (changedLocally(services.sync.get(post.editUrl), post.entry.content)) return 'changed-locally';
  return post.entry.draft ? 'draft' : 'published';
}

function stateText(state: PostState): string {
  switch (state) {
    case 'not-posted': return vscode.l10n.t('not yet posted');
    case 'draft': return vscode.l10n.t('draft');
    case 'published': return vscode.l10n.t('published');
    case 'changed-locally': return vscode.l10n.t('changed since last push');
    case 'changed-on-hatena': return vscode.l10n.t('changed on Hatena');
  }
}

const ICONS: Record<PostState, string> = {
  'not-posted': '$(cloud-upload)',
  draft: '$(edit)',
  published: '$(globe)',
  'changed-locally': '$(diff-modified)',
  'changed-on-hatena': '$(warning)',
};

export class PostStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('hatenaWriter.postStatus', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The text shown, for tests: blog and state. */
  current: { blog: string; state: PostState } | undefined;

  constructor(private readonly services: PublishServices) {
    this.item.name = vscode.l10n.t('Hatena post');
    this.item.command = 'hatenaWriter.postActions';
    const later = () => this.schedule();
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(later),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) later();
      }),
      vscode.workspace.onDidSaveTextDocument(later),
      services.sync.onDidChange(later),
      services.blogsync.onDidChange(later),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('hatenaWriter')) later();
      }),
      vscode.commands.registerCommand('hatenaWriter.postActions', () => this.actions()),
    );
    void this.update();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), 150);
  }

  async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown' || !this.services.posts.isPostDocument(document)) {
      this.current = undefined;
      this.item.hide();
      return;
    }
    const text = document.getText();
    const state = postState(this.services, text);
    const { editUrl } = readPostFile(text);
    const blog = await this.services.accounts.resolve(document.uri);
    const blogName = blog?.blogId ?? (editUrl ? endpointParts(endpointOfEditUrl(editUrl) ?? '').blogId : undefined) ?? vscode.l10n.t('no blog');
    if (document !== vscode.window.activeTextEditor?.document) return;
    this.current = { blog: blogName, state };
    this.item.text = `${ICONS[state]} ${blogName}: ${stateText(state)}`;
    this.item.tooltip = vscode.l10n.t('Hatena Blog: {0} — click for Publish, Save as Draft, Pull …', stateText(state));
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async actions(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const posted = document ? readPostFile(document.getText()).editUrl !== undefined : false;
    const items: Array<vscode.QuickPickItem & { command: string }> = [
      { label: `$(globe) ${vscode.l10n.t('Publish')}`, command: 'hatenaWriter.publish' },
      { label: `$(edit) ${vscode.l10n.t('Save as Draft')}`, command: 'hatenaWriter.saveDraft' },
      ...(posted ? [
        { label: `$(sync) ${vscode.l10n.t('Check on Hatena')}`, description: vscode.l10n.t('has it changed there?'), command: 'hatenaWriter.checkEntry' },
        { label: `$(cloud-download) ${vscode.l10n.t('Pull This Entry')}`, command: 'hatenaWriter.pullEntry' },
        { label: `$(link-external) ${vscode.l10n.t('Open on Hatena')}`, command: 'hatenaWriter.openOnHatena' },
      ] : []),
    ];
    const pick = await this.services.prompts.quickPick(items, { placeHolder: vscode.l10n.t('Hatena Blog') });
    if (pick) await vscode.commands.executeCommand(pick.command);
  }
}

/** Asks Hatena whether the active post's entry changed there since the last push or pull (for the status bar). */
export async function checkEntry(services: PublishServices): Promise<boolean | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  const editUrl = document && readPostFile(document.getText()).editUrl;
  if (!document || !editUrl) return undefined;
  const blog = await services.accounts.withKey(document.uri);
  if (!blog) return undefined;
  try {
    const remote = await services.accounts.api(blog).get(editUrl);
    const record = services.sync.get(editUrl);
    const changed = changedRemotely(record, remote) ?? remote.content.replace(/\s+$/, '') !== readPostFile(document.getText()).entry.content.replace(/\s+$/, '');
    services.sync.markChangedOnHatena(editUrl, changed);
    void services.prompts.notify('info', changed ? vscode.l10n.t('“{0}” was changed on Hatena.', remote.title) : vscode.l10n.t('“{0}” has not changed on Hatena.', remote.title));
    return changed;
  } catch (error) {
    showApiError(services.prompts, vscode.l10n.t('Checking the entry'), error);
    return undefined;
  }
}
