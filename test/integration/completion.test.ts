import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { discardActiveEditor, freshMarkdownEditor, waitFor } from './snippetHelpers';

const FRONT_MATTER = '---\nTitle: テスト\nEditURL: https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/1\n---\n\n';

/** Labels of the items every provider returns at `position`, as VS Code's own suggest would ask for them. */
async function completionLabels(doc: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, trigger);
  return list.items;
}

const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Items of our provider (it sorts them first with a NUL prefix), not VS Code's word suggestions from open documents. */
const ours = (item: vscode.CompletionItem) => (item.sortText ?? '').startsWith('\u0000');

/** Document text with `|` as the cursor → editor and cursor position. */
async function openAtCursor(textWithCursor: string): Promise<{ editor: vscode.TextEditor; position: vscode.Position }> {
  const offset = textWithCursor.indexOf('|');
  const editor = await freshMarkdownEditor(textWithCursor.replace('|', ''));
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return { editor, position };
}

/** Runs `body` with hatenaWriter.posts set to `value` (undefined: the default, auto), then restores it. */
async function withPostsSetting<T>(value: string | undefined, body: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('hatenaWriter');
  const before = config.inspect('posts')?.globalValue;
  await config.update('posts', value, vscode.ConfigurationTarget.Global);
  try {
    return await body();
  } finally {
    await config.update('posts', before, vscode.ConfigurationTarget.Global);
  }
}

describe('integration: Hatena completions without Ctrl+Space', () => {
  // Completions are for Hatena posts only: most of these documents are bare notation with no front matter, so
  // the suite treats every Markdown file as a post; the README test below sets it back to auto.
  const config = () => vscode.workspace.getConfiguration('hatenaWriter');
  let postsBefore: unknown;
  before(async () => {
    postsBefore = config().inspect('posts')?.globalValue;
    await config().update('posts', 'all', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update('posts', postsBefore, vscode.ConfigurationTarget.Global);
  });
  afterEach(discardActiveEditor);

  it('an ordinary README (no blogsync front matter) gets no Hatena completion; a post beside it does', async () => {
    await withPostsSetting(undefined, async () => {
      const cases: [string, string][] = [['[f:|]', ':'], ['[:|]', ':'], ['本文((|))', '('], ['[https://example.com/:|]', ':'], ['[|]', '[']];
      for (const [text, trigger] of cases) {
        const readme = await openAtCursor(`# README\n\n${text}`);
        assert.deepEqual((await completionLabels(readme.editor.document, readme.position, trigger)).filter(ours).map(label), [], `README: ${text}`);
        await discardActiveEditor();
        const post = await openAtCursor(`---\nTitle: テスト\nDate: 2026-05-31T09:00:00+09:00\n---\n\n${text}`);
        assert.notDeepEqual((await completionLabels(post.editor.document, post.position, trigger)).filter(ours).map(label), [], `post: ${text}`);
        await discardActiveEditor();
      }
      await freshMarkdownEditor();
    });
  });

  it('[f: offers Fotolife images with the id from the front matter and today\'s date', async () => {
    const { editor, position } = await openAtCursor(`${FRONT_MATTER}写真 [f:|]`);
    const items = (await completionLabels(editor.document, position, ':')).filter((i) => label(i).startsWith('[f:id:'));
    assert.ok(items.length >= 2, `got ${items.map(label).join(', ')}`);
    assert.match(label(items[0]), /^\[f:id:yasay:\d{8}……$/);
    const range = items[0].range as vscode.Range;
    assert.equal(range.start.character, 3, 'replaces from the [');
    assert.equal(range.end.character, position.character + 1, 'and takes over the auto-closed ]');
  });

  it('[f: uses the hatenaWriter.hatenaId setting first', async () => {
    const config = vscode.workspace.getConfiguration('hatenaWriter');
    await config.update('hatenaId', 'settinguser', vscode.ConfigurationTarget.Global);
    try {
      const { editor, position } = await openAtCursor(`${FRONT_MATTER}[f:|`);
      const items = await completionLabels(editor.document, position, ':');
      assert.ok(items.some((i) => label(i).startsWith('[f:id:settinguser:')), items.map(label).join(', '));
    } finally {
      await config.update('hatenaId', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('[: offers [:contents], (( offers a footnote, [URL: offers embed options', async () => {
    const cases: [string, string, string[]][] = [
      ['[:|]', ':', ['[:contents]']],
      ['本文((|))', '(', ['((脚注))']],
      ['[https://aws.amazon.com/jp/:|]', ':', ['title', 'title=', 'embed', 'embed:cite', 'bookmark']],
      ['[f:id:yasay:20170604220500j:plain:|]', ':', ['w300', 'h200', 'left', 'right']],
    ];
    for (const [text, trigger, expected] of cases) {
      const { editor, position } = await openAtCursor(text);
      const labels = (await completionLabels(editor.document, position, trigger)).map(label);
      for (const e of expected) assert.ok(labels.includes(e), `${text}: ${e} in ${labels.join(', ')}`);
      await discardActiveEditor();
    }
    await freshMarkdownEditor();
  });

  it('offers nothing inside code fences, inline code, HTML comments or the front matter', async () => {
    for (const text of ['```\n[f:|]\n```', 'a `[f:|]` b', '<!-- [:| -->', '---\nTitle: [:|]\n---\n', '```md\n((|))\n```',
      '> ```js\n> [f:|]', '---\nTitle: [f:|]', '---\nTitle: x\nCategory:\n- [:|]', `${'長い段落の本文です。'.repeat(2000)} \`code [f:|] \n続き\` 後`]) {
      const { editor, position } = await openAtCursor(text);
      const ours = (await completionLabels(editor.document, position, text.includes('((') ? '(' : ':'))
        .filter((i) => /^(\[f:id:|\[:contents\]|\(\(脚注\)\))/.test(label(i)));
      assert.deepEqual(ours.map(label), [], text);
      await discardActiveEditor();
    }
    await freshMarkdownEditor();
  });

  it('offers completions after empty comments, after a quoted fence, and after a --- rule followed by prose', async () => {
    for (const text of ['<!--> [:|]', '<!---> [:|]', '> ```\n> code\n\n[:|]', '---\nこれは本文です\n[:|]', '```\ncode\n```\n\n'.repeat(50) + '[:|]']) {
      const { editor, position } = await openAtCursor(text);
      const labels = (await completionLabels(editor.document, position, ':')).map(label);
      assert.ok(labels.includes('[:contents]'), `${JSON.stringify(text.slice(-40))}: ${labels.join(', ')}`);
      await discardActiveEditor();
    }
    await freshMarkdownEditor();
  });

  it('id:USER:|detail offers nothing (accepting would double the option)', async () => {
    const { editor, position } = await openAtCursor('id:yasay:|detail');
    const items = await completionLabels(editor.document, position, ':');
    assert.deepEqual(items.filter(ours).map(label), []);
  });

  describe('typing in the editor (auto-closing brackets on, suggest opened by the trigger character)', () => {
    /**
     * A fresh editor holding `initial`, with `typed` typed at its end like a person would. A just-opened editor
     * sometimes takes the first keystrokes before the workbench has focused it, and then auto-closing does not run:
     * start over until what was typed came out auto-closed as it does for a person.
     */
    async function typeInFreshEditor(initial: string, typed: string, autoClosed: string): Promise<vscode.TextEditor> {
      const editor = await freshMarkdownEditor(initial);
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await waitFor(async () => {
        await vscode.commands.executeCommand('hideSuggestWidget');
        const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
        if (editor.document.getText() !== initial) await editor.edit((edit) => edit.replace(all, initial));
        const end = editor.document.positionAt(initial.length);
        editor.selection = new vscode.Selection(end, end);
        for (const ch of typed) await vscode.commands.executeCommand('type', { text: ch });
        return editor.document.getText() === initial + typed + autoClosed;
      }, `auto-closing brackets to close ${typed} (document: ${JSON.stringify(editor.document.getText())})`, 15_000);
      return editor;
    }

    /** Accepts the suggestion the widget has selected, once it has opened (accepting earlier changes nothing). */
    function acceptOnceOpen(editor: vscode.TextEditor, what: string): Promise<string> {
      const before = editor.document.getText();
      return waitFor(async () => {
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        const now = editor.document.getText();
        return now !== before ? now : undefined;
      }, `a suggestion to be accepted after ${what} (document: ${before})`);
    }

    async function typeAndAccept(initial: string, typed: string, autoClosed: string): Promise<string> {
      const editor = await typeInFreshEditor(initial, typed, autoClosed);
      return acceptOnceOpen(editor, `typing ${typed}`);
    }

    it('[f: → one complete image notation with a single ]', async () => {
      const text = await typeAndAccept(FRONT_MATTER, '[f:', ']');
      const body = text.slice(FRONT_MATTER.length);
      assert.match(body, /^\[f:id:yasay:\d{8}hhmmssj:plain\]$/);
      const editor = vscode.window.activeTextEditor!;
      assert.equal(editor.document.getText(editor.selection), 'hhmmss', 'the time is the first tab stop');
    });

    it('[: → [:contents] with a single ]', async () => {
      assert.equal(await typeAndAccept('', '[:', ']'), '[:contents]');
    });

    it('(( → a footnote with a single ))', async () => {
      const text = await typeAndAccept('本文', '((', '))');
      assert.equal(text, '本文((脚注))');
      assert.equal(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection), '脚注');
    });

    it('[URL: → embed:cite with a single ]', async () => {
      const editor = await typeInFreshEditor('', '[https://aws.amazon.com/jp/:', ']');
      // The list the widget shows, in order (embed:cite is the fourth item) …
      const end = new vscode.Position(0, '[https://aws.amazon.com/jp/:'.length);
      const offered = (await completionLabels(editor.document, end, ':')).map(label);
      assert.deepEqual(offered.filter((l) => ['title', 'title=', 'embed', 'embed:cite', 'bookmark'].includes(l)), ['title', 'title=', 'embed', 'embed:cite', 'bookmark']);
      // … and picking embed:cite by typing on: `embed:` re-triggers and leaves embed:cite alone in the list.
      for (const ch of 'embed:') await vscode.commands.executeCommand('type', { text: ch });
      assert.equal(editor.document.getText(), '[https://aws.amazon.com/jp/:embed:]');
      assert.equal(await acceptOnceOpen(editor, 'typing embed:'), '[https://aws.amazon.com/jp/:embed:cite]');
    });
  });
});
