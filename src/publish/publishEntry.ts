// Hatena: Publish and Hatena: Save as Draft. A new entry (no EditURL) is POSTed, an existing one PUT with
// <app:draft> always given. Before an update Hatena's entry is fetched and compared with what this machine last
// pushed or pulled: a change made elsewhere is shown as a diff and asked about, never overwritten silently.
// Nothing goes public without a modal confirmation naming the title. After the push only the header fields
// Hatena decided are rewritten (one undoable edit, then saved); the body is not touched.
import * as vscode from 'vscode';
import { readPostFile } from '../blog/entryFile';
import { type EntryToSend, type HatenaBlogApi, type RemoteEntry } from '../blog/hatenaEntry';
import { contentHash, pulledEdits, recordAfterSync, updateDecision } from '../blog/syncState';
import { findFrontMatter, postHeaderEdits } from '../hatena';
import { frontMatterAfterPush } from '../blog/entryFile';
import { headerProblemMessage } from '../editor/headerProblems';
import { asApiError, showApiError } from './apiErrors';
import { applyAndSave, askConflict, targetDocument, type PublishServices } from './services';

export type PushMode = 'publish' | 'draft';

/** What a push ended in (the commands return it, for tests and for the status bar's quick pick). */
export type PushResult =
  | { outcome: 'pushed'; entry: RemoteEntry }
  | { outcome: 'took-remote'; entry: RemoteEntry }
  | { outcome: 'cancelled' | 'failed' | 'invalid' };

export async function pushDocument(services: PublishServices, arg: unknown, mode: PushMode): Promise<PushResult> {
  const document = await targetDocument(services, arg);
  if (!document) return { outcome: 'invalid' };
  const text = document.getText();
  const post = readPostFile(text);
  if (post.problems.length > 0) {
    const problem = post.problems[0];
    const line = document.positionAt(problem.start).line + 1;
    void services.prompts.notify('error', vscode.l10n.t('Nothing was sent: line {0} of the front matter: {1}', String(line), headerProblemMessage(problem)));
    return { outcome: 'invalid' };
  }
  if (!findFrontMatter(text) || post.entry.title.trim() === '') {
    void services.prompts.notify('error', vscode.l10n.t('Nothing was sent: the post needs a Title in its front matter.'));
    return { outcome: 'invalid' };
  }
  const blog = await services.accounts.withKey(document.uri);
  if (!blog) return { outcome: 'cancelled' };
  const api = services.accounts.api(blog);
  const title = post.entry.title;
  const entry: EntryToSend = {
    ...post.entry,
    draft: mode === 'draft',
    ...(mode === 'draft' ? { preview: true } : {}),
    // Scheduling is a draft's: publishing now is not scheduling.
    scheduled: mode === 'draft' && post.entry.scheduled === true,
  };
  const what = mode === 'publish' ? vscode.l10n.t('Publishing “{0}”', title) : vscode.l10n.t('Saving “{0}” as a draft', title);

  let editUrl = post.editUrl;
  let remoteBefore: RemoteEntry | undefined;
  if (editUrl) {
    try {
      remoteBefore = await api.get(editUrl);
    } catch (error) {
      if (asApiError(error)?.kind === 'not-found') {
        const postNew = vscode.l10n.t('Post as New Entry');
        const answer = await services.prompts.modal(
          vscode.l10n.t('“{0}” is not on Hatena any more (404). Deleted on Hatena?', title),
          vscode.l10n.t('Post it as a new entry? The file then gets the new entry\'s EditURL and URL.'),
          postNew,
        );
        if (answer !== postNew) return { outcome: 'cancelled' };
        editUrl = undefined;
      } else {
        showApiError(services.prompts, what, error);
        return { outcome: 'failed' };
      }
    }
  }
  if (remoteBefore) {
    const record = services.sync.get(remoteBefore.editUrl);
    if (updateDecision(record, remoteBefore, entry.content) === 'ask') {
      services.sync.markChangedOnHatena(remoteBefore.editUrl, true);
      const answer = await askConflict(services, remoteBefore, document.uri, 'push');
      if (answer === 'take') return takeRemote(services, document, remoteBefore);
      if (answer !== 'overwrite') return { outcome: 'cancelled' };
    }
    if (mode === 'draft' && !remoteBefore.draft) {
      const unpublish = vscode.l10n.t('Make It a Draft');
      const answer = await services.prompts.modal(
        vscode.l10n.t('“{0}” is public on Hatena. Save it as a draft, taking it off the blog?', title),
        undefined,
        unpublish,
      );
      if (answer !== unpublish) return { outcome: 'cancelled' };
    }
  }
  if (mode === 'publish') {
    const publish = vscode.l10n.t('Publish');
    const answer = await services.prompts.modal(
      editUrl ? vscode.l10n.t('Publish the changes to “{0}” on {1}?', title, blog.blogId) : vscode.l10n.t('Publish “{0}” on {1}?', title, blog.blogId),
      vscode.l10n.t('It becomes public: anyone can read it on the blog.'),
      publish,
    );
    if (answer !== publish) return { outcome: 'cancelled' };
  }

  let result: RemoteEntry;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `${what}…` }, () =>
      editUrl ? api.update(editUrl, entry) : api.create(entry));
  } catch (error) {
    // A POST whose answer was lost may have created the entry: look for it rather than post twice.
    const found = !editUrl && asApiError(error)?.kind === 'timeout' ? await findCreated(api, entry) : undefined;
    if (!found) {
      showApiError(services.prompts, what, error);
      return { outcome: 'failed' };
    }
    result = found;
  }
  await services.sync.set(result.editUrl, recordAfterSync(result, entry.content));
  const edits = postHeaderEdits(document.getText(), frontMatterAfterPush(result));
  if (!edits || !(await applyAndSave(document, edits))) {
    void services.prompts.notify('warning', vscode.l10n.t('Sent to Hatena, but the front matter could not be updated. Add EditURL: {0} by hand before pushing again.', result.editUrl));
    return { outcome: 'pushed', entry: result };
  }
  // What was saved is what was pushed: the record is of the file's body now.
  await services.sync.set(result.editUrl, recordAfterSync(result, readPostFile(document.getText()).entry.content));
  if (mode === 'draft') {
    const open = vscode.l10n.t('Open Preview URL');
    const items = result.previewUrl ? [open] : [];
    void Promise.resolve(services.prompts.notify('info', vscode.l10n.t('Saved “{0}” as a draft on Hatena.', title), ...items)).then((answer) => {
      if (answer === open && result.previewUrl) void vscode.env.openExternal(vscode.Uri.parse(result.previewUrl));
    });
  } else {
    const open = vscode.l10n.t('Open on Hatena');
    void Promise.resolve(services.prompts.notify('info', vscode.l10n.t('Published “{0}”.', title), open)).then((answer) => {
      if (answer === open && result.url) void vscode.env.openExternal(vscode.Uri.parse(result.url));
    });
  }
  return { outcome: 'pushed', entry: result };
}

/** After a timed-out POST: an entry on the first page with the same title and body is the one it created. */
async function findCreated(api: HatenaBlogApi, entry: EntryToSend): Promise<RemoteEntry | undefined> {
  try {
    const page = await api.listPage();
    return page.entries.find((e) => e.title === entry.title && contentHash(e.content) === contentHash(entry.content));
  } catch {
    return undefined;
  }
}

/** Writes Hatena's entry into the file (one edit, saved) and remembers it as pulled. */
export async function takeRemote(services: PublishServices, document: vscode.TextDocument, remote: RemoteEntry): Promise<PushResult> {
  if (!(await applyAndSave(document, pulledEdits(document.getText(), remote)))) {
    void services.prompts.notify('error', vscode.l10n.t('Could not write Hatena\'s version into {0}.', vscode.workspace.asRelativePath(document.uri)));
    return { outcome: 'failed' };
  }
  await services.sync.set(remote.editUrl, recordAfterSync(remote, readPostFile(document.getText()).entry.content));
  return { outcome: 'took-remote', entry: remote };
}

export function registerPushCommands(services: PublishServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('hatenaWriter.publish', (arg?: unknown) => pushDocument(services, arg, 'publish')),
    vscode.commands.registerCommand('hatenaWriter.saveDraft', (arg?: unknown) => pushDocument(services, arg, 'draft')),
  );
}
