// Publishing in the real editor against the Hatena stand-in (test/standin, started here in the extension host on a
// loopback port). Questions are answered through the publish prompts seam (testing.publish.usePrompts); every
// other step (documents, edits, saves, the diff editor, settings, SecretStorage) is VS Code's own.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { entryFileText, entryRelativePath } from '../../src/blog/entryFile';
import { HatenaBlogClient } from '../../src/blog/hatenaBlogClient';
import type { HatenaWriterExports } from '../../src/extension';
import type { DiffShown, PublishPrompts, PublishTestHooks } from '../../src/publish';
import { startHatenaStandin, type Standin } from '../standin/hatenaStandin';
import { EXTENSION_ID } from './snippetHelpers';
import { waitFor } from '../vscode/poll';

const API_KEY = 'test-api-key';

interface Asked {
  kind: 'input' | 'modal' | 'notify' | 'pick';
  message: string;
  items: string[];
  severity?: string;
}

/** Answers questions from queues and records everything shown. */
class ScriptedPrompts {
  readonly asked: Asked[] = [];
  inputs: string[] = [];
  /** Modal answers in order; a label or undefined (Cancel). */
  modals: Array<string | undefined> = [];

  readonly prompts: Partial<PublishPrompts> = {
    inputBox: async (options) => {
      this.asked.push({ kind: 'input', message: options.prompt ?? '', items: [] });
      const value = this.inputs.shift();
      if (value !== undefined && options.validateInput) assert.equal(await options.validateInput(value), undefined, `input ${value} is valid`);
      return value;
    },
    modal: async (message, detail, ...items) => {
      this.asked.push({ kind: 'modal', message: `${message}\n${detail ?? ''}`, items });
      assert.ok(this.modals.length > 0, `an unexpected modal question: ${message}`);
      const answer = this.modals.shift();
      if (answer !== undefined) assert.ok(items.includes(answer), `"${answer}" is one of ${items.join(', ')}`);
      return answer;
    },
    notify: async (severity, message, ...items) => {
      this.asked.push({ kind: 'notify', severity, message, items });
      return undefined;
    },
  };

  modalsAsked(): Asked[] {
    return this.asked.filter((a) => a.kind === 'modal');
  }
  notes(severity: string): Asked[] {
    return this.asked.filter((a) => a.kind === 'notify' && a.severity === severity);
  }
}

function hooks(): PublishTestHooks {
  return (vscode.extensions.getExtension(EXTENSION_ID)!.exports as HatenaWriterExports).testing!.publish;
}

function folder(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

let fileCount = 0;

async function postFile(text: string, dir = 'publish-tests'): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(folder(), dir, `post-${process.pid}-${++fileCount}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await waitFor(() => vscode.window.activeTextEditor?.document === document, 'the post to be the active editor');
  return editor;
}

async function diskText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function appendToBody(editor: vscode.TextEditor, text: string): Promise<void> {
  const end = editor.document.positionAt(editor.document.getText().length);
  assert.ok(await editor.edit((e) => e.insert(end, text)));
}

function field(text: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1];
}

function idOf(editUrl: string): string {
  return editUrl.split('/').pop()!;
}

async function signIn(standin: Standin, script: ScriptedPrompts, key = API_KEY): Promise<boolean> {
  script.inputs = [standin.endpoint, key];
  return (await vscode.commands.executeCommand<boolean>('hatenaWriter.signIn')) === true;
}

describe('integration: publish to Hatena Blog (stand-in)', function () {
  this.timeout(60_000);
  let standin: Standin;
  let script: ScriptedPrompts;
  let seam: vscode.Disposable;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    standin = await startHatenaStandin({ pageSize: 3, categories: ['AWS', 'イベント'] });
  });

  after(async () => {
    await vscode.workspace.getConfiguration('hatenaWriter').update('blog.endpoint', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('hatenaWriter').update('hatenaId', undefined, vscode.ConfigurationTarget.Global);
    await standin?.close();
  });

  beforeEach(() => {
    script = new ScriptedPrompts();
    seam = hooks().usePrompts(script.prompts);
  });

  afterEach(async () => {
    seam.dispose();
    // Edited posts are saved first, so closing them asks nothing.
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('sign in: a wrong key or URL is refused, the right key is checked and kept in SecretStorage only', async () => {
    assert.equal(await signIn(standin, script, 'wrong-key'), false);
    assert.match(script.notes('error').at(-1)!.message, /401/);
    assert.equal(await hooks().secretStored(standin.endpoint), false);

    script.inputs = [`${standin.origin}/nobody/nowhere.example/atom`, API_KEY];
    assert.equal(await vscode.commands.executeCommand('hatenaWriter.signIn'), false, 'not this blog\'s endpoint');

    assert.equal(await signIn(standin, script), true);
    assert.match(script.notes('info').at(-1)!.message, /yasayの日記/, 'says which blog it reached');
    assert.equal(await hooks().secretStored(standin.endpoint), true);
    const config = vscode.workspace.getConfiguration('hatenaWriter');
    assert.equal(config.get('blog.endpoint'), standin.endpoint);
    // The key is in no setting at any level, nor in any file of the workspace.
    assert.ok(!JSON.stringify(config.inspect('blog.endpoint')).includes(API_KEY));
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration()).includes(API_KEY), 'no setting holds the key');
    for (const uri of await vscode.workspace.findFiles('**/*')) assert.ok(!(await diskText(uri)).includes(API_KEY), `${uri.path} does not hold the key`);
  });

  it('publish a new entry: a modal names the title and says public; the front matter gets EditURL, URL and Date; saved', async () => {
    const editor = await postFile('---\nTitle: 初めての公開\nCategory:\n- AWS\n---\n\n本文です。\n');
    const uri = editor.document.uri;
    const before = standin.requests.length;
    script.modals = [undefined];
    assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.publish', uri)).outcome, 'cancelled');
    assert.equal(standin.requests.length, before, 'nothing sent when the confirmation is cancelled');
    assert.match(script.modalsAsked()[0].message, /初めての公開[\s\S]*public/);

    script.modals = ['Publish'];
    const result = await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.publish', uri);
    assert.equal(result.outcome, 'pushed');
    const text = editor.document.getText();
    const editUrl = field(text, 'EditURL')!;
    assert.ok(editUrl.startsWith(`${standin.endpoint}/entry/`), text);
    assert.match(field(text, 'URL') ?? '', /^https:\/\/yasay\.hatenablog\.com\/entry\//);
    assert.match(field(text, 'Date') ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.equal(field(text, 'Draft'), undefined);
    assert.ok(text.endsWith('\n---\n\n本文です。\n'), 'the body is untouched');
    // The dirty flag reaches the extension host just after the save's answer.
    await waitFor(() => !editor.document.isDirty, 'the post to be saved');
    assert.equal(await diskText(uri), text, 'saved');
    const stored = standin.entries.find((e) => e.id === idOf(editUrl))!;
    assert.equal(stored.draft, false, 'public on Hatena');
    assert.equal(stored.content.trim(), '本文です。', 'the body sent has no front matter');
    assert.deepEqual(stored.categories, ['AWS']);
    assert.deepEqual(await hooks().statusBar(), { blog: 'yasay.hatenablog.com', state: 'published' });
    await appendToBody(editor, '追記。\n');
    assert.deepEqual(await hooks().statusBar(), { blog: 'yasay.hatenablog.com', state: 'changed-locally' });
  });

  it('save as draft → Draft: true and PreviewURL; updates send app:draft explicitly; then publish', async () => {
    const editor = await postFile('---\nTitle: 下書きから\nDraft: true\n---\n\n書きかけ。\n');
    const uri = editor.document.uri;
    assert.deepEqual(await hooks().statusBar(), { blog: 'yasay.hatenablog.com', state: 'not-posted' });
    assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', uri)).outcome, 'pushed');
    let text = editor.document.getText();
    assert.equal(field(text, 'Draft'), 'true');
    assert.ok(field(text, 'PreviewURL'), text);
    assert.ok(script.notes('info').at(-1)!.items.includes('Open Preview URL'), 'offers the share URL');
    const id = idOf(field(text, 'EditURL')!);
    assert.equal(standin.entries.find((e) => e.id === id)!.draft, true);
    assert.deepEqual(await hooks().statusBar(), { blog: 'yasay.hatenablog.com', state: 'draft' });

    await appendToBody(editor, 'もう少し。\n');
    const puts = () => standin.requests.filter((r) => r.method === 'PUT');
    const putsBefore = puts().length;
    assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', uri)).outcome, 'pushed');
    assert.match(puts()[putsBefore].body, /<app:draft>yes<\/app:draft>/);
    assert.equal(standin.entries.find((e) => e.id === id)!.draft, true, 'still a draft');
    assert.equal(script.modalsAsked().length, 0, 'a draft update asks nothing');

    script.modals = ['Publish'];
    assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.publish', uri)).outcome, 'pushed');
    assert.match(puts()[putsBefore + 1].body, /<app:draft>no<\/app:draft>/);
    text = editor.document.getText();
    assert.equal(field(text, 'Draft'), undefined, 'Draft removed once public');
    assert.equal(field(text, 'PreviewURL'), undefined);
    assert.equal(standin.entries.find((e) => e.id === id)!.draft, false);
    assert.equal(await diskText(uri), text);
  });

  it('changed on Hatena since: the diff and a modal question; cancel leaves both, overwrite pushes, take writes Hatena\'s', async () => {
    const editor = await postFile('---\nTitle: 衝突\nDraft: true\n---\n\n最初の本文。\n');
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('hatenaWriter.saveDraft', uri);
    const id = idOf(field(editor.document.getText(), 'EditURL')!);
    standin.editRemotely(id, { content: 'ブラウザーで書き換えた本文。\n' });
    await appendToBody(editor, '手元の追記。\n');
    const local = editor.document.getText();

    const diffs: DiffShown[] = [];
    const listener = hooks().onDidShowDiff((d) => diffs.push(d));
    try {
      script.modals = [undefined];
      assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', uri)).outcome, 'cancelled');
      assert.equal(diffs.length, 1, 'the diff is shown');
      assert.match(diffs[0].remoteText, /ブラウザーで書き換えた本文。/);
      assert.equal(diffs[0].local.toString(), uri.toString());
      assert.match(script.modalsAsked()[0].message, /衝突[\s\S]*changed on Hatena/);
      assert.deepEqual(script.modalsAsked()[0].items, ['Overwrite Hatena', 'Take Hatena\'s']);
      assert.equal(editor.document.getText(), local, 'cancel: the file is as it was');
      assert.equal(standin.entries.find((e) => e.id === id)!.content, 'ブラウザーで書き換えた本文。\n', 'cancel: Hatena is as it was');
      assert.deepEqual(await hooks().statusBar(), { blog: 'yasay.hatenablog.com', state: 'changed-on-hatena' });

      script.modals = ['Overwrite Hatena'];
      assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', vscode.Uri.parse(uri.toString()))).outcome, 'pushed');
      assert.match(standin.entries.find((e) => e.id === id)!.content, /最初の本文。\n手元の追記。/);

      standin.editRemotely(id, { content: 'もう一度ブラウザーで。\n', title: '衝突（改題）' });
      script.modals = ['Take Hatena\'s'];
      assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', uri)).outcome, 'took-remote');
      const text = editor.document.getText();
      assert.ok(text.endsWith('\n---\n\nもう一度ブラウザーで。\n'), text);
      assert.equal(field(text, 'Title'), '衝突（改題）');
      assert.equal(await diskText(uri), text, 'written and saved');
      // One edit: a single undo brings back the local text.
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('undo');
      assert.match(editor.document.getText(), /手元の追記。/);
    } finally {
      listener.dispose();
    }
  });

  it('a 401 says so with a Sign In button and leaves the file unchanged; a deleted entry offers to post as new', async () => {
    const editor = await postFile('---\nTitle: エラー\nDraft: true\n---\n\n本文。\n');
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('hatenaWriter.saveDraft', uri);
    await appendToBody(editor, '追記。\n');
    await editor.document.save();
    const before = editor.document.getText();
    standin.failNext(401, 'WSSE authentication failed');
    assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', uri)).outcome, 'failed');
    const error = script.notes('error').at(-1)!;
    assert.match(error.message, /401/);
    assert.deepEqual(error.items, ['Sign In']);
    assert.equal(editor.document.getText(), before);
    assert.equal(await diskText(uri), before);

    const id = idOf(field(before, 'EditURL')!);
    standin.deleteRemotely(id);
    script.modals = ['Post as New Entry'];
    assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', uri)).outcome, 'pushed');
    assert.match(script.modalsAsked()[0].message, /404/);
    assert.notEqual(idOf(field(editor.document.getText(), 'EditURL')!), id, 'a new entry');
  });

  it('bad front matter is reported with its line before any request', async () => {
    const editor = await postFile('---\nTitle: 壊れた\nDraft: maybe\n---\n\n本文。\n');
    const before = standin.requests.length;
    assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', editor.document.uri)).outcome, 'invalid');
    assert.match(script.notes('error').at(-1)!.message, /line 3\b/);
    assert.equal(standin.requests.length, before, 'nothing sent');
  });

  it('a timeout says it may or may not have been applied, posts nothing twice and leaves the file unchanged', async () => {
    // The POST itself gets no answer (the service document, read first, does).
    hooks().useApiFactory((account) => {
      const client = new HatenaBlogClient(account, { timeoutMs: 800 });
      return Object.assign(Object.create(client) as HatenaBlogClient, {
        create: async (entry: Parameters<HatenaBlogClient['create']>[0]) => {
          await client.service();
          standin.hangNext();
          return client.create(entry);
        },
      });
    });
    try {
      const editor = await postFile('---\nTitle: 時間切れ\nDraft: true\n---\n\n本文。\n');
      const text = editor.document.getText();
      const posts = () => standin.requests.filter((r) => r.method === 'POST').length;
      const before = posts();
      assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', editor.document.uri)).outcome, 'failed');
      assert.match(script.notes('error').at(-1)!.message, /may or may not/);
      assert.equal(posts(), before + 1, 'not retried');
      assert.match(standin.requests.at(-1)!.path, /\/atom\/entry$/, 'the list was checked for it after the timeout');
      assert.equal(standin.requests.at(-1)!.method, 'GET');
      assert.equal(editor.document.getText(), text);
      assert.equal(await diskText(editor.document.uri), text);
    } finally {
      hooks().useApiFactory(undefined);
    }
  });

  it('pull this entry writes Hatena\'s version into an unchanged file', async () => {
    const editor = await postFile('---\nTitle: 取得\nDraft: true\n---\n\n元の本文。\n');
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('hatenaWriter.saveDraft', uri);
    const id = idOf(field(editor.document.getText(), 'EditURL')!);
    standin.editRemotely(id, { content: 'はてなで直した本文。\n' });
    assert.equal(await vscode.commands.executeCommand('hatenaWriter.pullEntry', uri), 'written');
    assert.ok(editor.document.getText().endsWith('\n\nはてなで直した本文。\n'));
    assert.equal(await diskText(uri), editor.document.getText());
    assert.equal(await vscode.commands.executeCommand('hatenaWriter.pullEntry', uri), 'unchanged');
  });
  it('completes Category items from the blog\'s category document', async () => {
    const editor = await postFile('---\nTitle: カテゴリー\nCategory:\n- \n---\n\n本文。\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(3, 2));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('AWS') && labels.includes('イベント'), labels.join(', '));
    const body = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(6, 0));
    assert.ok(!body.items.some((i) => i.label === 'イベント'), 'not in the body');
  });

  it('new entry: a file with Title and Draft: true in the entry folder, with the report skeleton', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('hatenaWriter.newEntry', 'イベントに参加しました');
    assert.ok(uri.path.includes('/yasay.hatenablog.com/entry/_draft/'), uri.path);
    const text = vscode.window.activeTextEditor!.document.getText();
    assert.match(text, /^---\nTitle: イベントに参加しました\nDraft: true\n---\n\n/);
    assert.match(text, /<!-- more -->/);
    assert.equal((text.match(/^---$/gm) ?? []).length, 2, 'one front matter');
  });

  it('a workspace blogsync.yaml: its blog, root and password are used, with a one-time plain-text notice', async () => {
    const config = vscode.Uri.joinPath(folder(), 'blogsync.yaml');
    await vscode.commands.executeCommand('hatenaWriter.signOut');
    assert.equal(await hooks().secretStored(standin.endpoint), false);
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(`yasay.hatenablog.com:\n  username: yasay\n  password: ${API_KEY}\n  local_root: bs\n  omit_domain: true\n`));
    try {
      const post = vscode.Uri.joinPath(folder(), 'bs', 'entry', 'from-blogsync.md');
      await waitFor(async () => (await hooks().accountFor(post))?.fromBlogsync, 'the blogsync.yaml to be read', 10_000);
      await vscode.workspace.fs.writeFile(post, new TextEncoder().encode('---\nTitle: blogsync から\nDraft: true\n---\n\n本文。\n'));
      await vscode.window.showTextDocument(post);
      assert.equal((await vscode.commands.executeCommand<{ outcome: string }>('hatenaWriter.saveDraft', post)).outcome, 'pushed');
      const notices = () => script.notes('warning').filter((n) => /plain text/.test(n.message));
      await waitFor(() => notices().length === 1, 'the plain-text notice');
      assert.deepEqual(notices()[0].items, ['Move to SecretStorage']);
      await vscode.commands.executeCommand('hatenaWriter.saveDraft', post);
      assert.equal(notices().length, 1, 'told once');
      assert.deepEqual(await hooks().statusBar(), { blog: 'yasay.hatenablog.com', state: 'draft' });
    } finally {
      await vscode.workspace.fs.delete(config);
      await waitFor(async () => !(await hooks().accountFor(vscode.Uri.joinPath(folder(), 'bs', 'x.md')))?.fromBlogsync, 'the blogsync.yaml to be gone', 10_000);
    }
  });
});

/** Entries on the stand-in for the pull tests: more than 20, over 8 pages of 3. */
const PULLED = 22;

describe('integration: publish — pull entries from Hatena Blog (stand-in)', function () {
  this.timeout(90_000);
  let standin: Standin;
  let script: ScriptedPrompts;
  let seam: vscode.Disposable;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    standin = await startHatenaStandin({ pageSize: 3, blogId: 'pull.hatenablog.com', blogTitle: 'Pull Blog' });
    for (let i = 1; i <= PULLED; i++) {
      const two = (n: number) => String(n).padStart(2, '0');
      standin.seedEntry({ title: `記事 ${i}`, content: `本文 ${i}\n`, categories: i % 2 ? ['偶数でない'] : [], draft: i % 3 === 0, updated: `2026-${two(1 + (i % 9))}-${two(i)}T${two(i)}:00:00+09:00` });
    }
    script = new ScriptedPrompts();
    seam = hooks().usePrompts(script.prompts);
    assert.equal(await signIn(standin, script), true);
    seam.dispose();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('hatenaWriter').update('blog.endpoint', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('hatenaWriter').update('hatenaId', undefined, vscode.ConfigurationTarget.Global);
    await standin?.close();
  });

  beforeEach(() => {
    script = new ScriptedPrompts();
    seam = hooks().usePrompts(script.prompts);
  });

  afterEach(async () => {
    seam.dispose();
    // Edited posts are saved first, so closing them asks nothing.
    await vscode.workspace.saveAll(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('writes every entry, over several pages and drafts included, as blogsync writes them; a second pull skips them all', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const counts = await vscode.commands.executeCommand<{ entries: number; written: number; unchanged: number }>('hatenaWriter.pullEntries');
    assert.equal(counts.entries, PULLED);
    assert.equal(counts.written, PULLED);
    const gets = standin.requests.filter((r) => r.method === 'GET' && /\/atom\/entry(\?|$)/.test(r.path));
    assert.ok(gets.length >= Math.ceil(PULLED / 3), `followed next over ${gets.length} pages`);
    const root = vscode.Uri.joinPath(folder(), 'pull.hatenablog.com', 'entry');
    const client = new HatenaBlogClient({ endpoint: standin.endpoint, username: 'yasay', apiKey: API_KEY });
    let next: string | undefined;
    let checked = 0;
    do {
      const page = await client.listPage(next);
      for (const entry of page.entries) {
        const file = vscode.Uri.joinPath(root, ...entryRelativePath(entry, { entryDirectory: '' }).split('/'));
        assert.equal(await diskText(file), entryFileText(entry), `${file.path} is what blogsync writes`);
        if (entry.draft) assert.match(file.path, /\/entry\/_draft\/\d+\.md$/);
        checked++;
      }
      next = page.next;
    } while (next);
    assert.equal(checked, PULLED);
    assert.match(script.notes('info').at(-1)!.message, new RegExp(`\\b${PULLED}\\b`));

    const again = await vscode.commands.executeCommand<{ written: number; unchanged: number }>('hatenaWriter.pullEntries');
    assert.deepEqual([again.written, again.unchanged], [0, PULLED]);
  });

  it('never overwrites a file with unpushed changes without the diff and a question', async () => {
    const entry = standin.entries.find((e) => !e.draft)!;
    const client = new HatenaBlogClient({ endpoint: standin.endpoint, username: 'yasay', apiKey: API_KEY });
    const remote = (await client.listPage()).entries.find((e) => e.id === entry.id) ?? (await client.get(`${standin.endpoint}/entry/${entry.id}`));
    const file = vscode.Uri.joinPath(folder(), 'pull.hatenablog.com', 'entry', ...entryRelativePath(remote, { entryDirectory: '' }).split('/'));
    const mine = `${await diskText(file)}手元で書き足した段落。\n`;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(mine));
    standin.editRemotely(entry.id, { content: 'はてな側で直した。\n' });
    const diffs: DiffShown[] = [];
    const listener = hooks().onDidShowDiff((d) => diffs.push(d));
    try {
      script.modals = ['Keep Mine'];
      const counts = await vscode.commands.executeCommand<{ kept: number; written: number }>('hatenaWriter.pullEntries');
      assert.equal(counts.kept, 1);
      assert.equal(diffs.length, 1);
      assert.equal(await diskText(file), mine, 'kept');
      script.modals = ['Take Hatena\'s'];
      const taken = await vscode.commands.executeCommand<{ kept: number; written: number }>('hatenaWriter.pullEntries');
      assert.equal(taken.written, 1);
      assert.ok((await diskText(file)).endsWith('\n\nはてな側で直した。\n'));
    } finally {
      listener.dispose();
    }
  });
});
