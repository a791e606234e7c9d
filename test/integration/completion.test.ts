import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { discardActiveEditor, freshMarkdownEditor, sleep, waitFor } from './snippetHelpers';

const FRONT_MATTER = '---\nTitle: テスト\nEditURL: https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/1\n---\n\n';

/** Labels of the items every provider returns at `position`, as VS Code's own suggest would ask for them. */
async function completionLabels(doc: vscode.TextDocument, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, trigger);
  return list.items;
}

const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

/** Document text with `|` as the cursor → editor and cursor position. */
async function openAtCursor(textWithCursor: string): Promise<{ editor: vscode.TextEditor; position: vscode.Position }> {
  const offset = textWithCursor.indexOf('|');
  const editor = await freshMarkdownEditor(textWithCursor.replace('|', ''));
  const position = editor.document.positionAt(offset);
  editor.selection = new vscode.Selection(position, position);
  return { editor, position };
}

describe('integration: Hatena completions without Ctrl+Space', () => {
  afterEach(discardActiveEditor);

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
    for (const text of ['```\n[f:|]\n```', 'a `[f:|]` b', '<!-- [:| -->', '---\nTitle: [:|]\n---\n', '```md\n((|))\n```']) {
      const { editor, position } = await openAtCursor(text);
      const ours = (await completionLabels(editor.document, position, text.includes('((') ? '(' : ':'))
        .filter((i) => /^(\[f:id:|\[:contents\]|\(\(脚注\)\))/.test(label(i)));
      assert.deepEqual(ours.map(label), [], text);
      await discardActiveEditor();
    }
    await freshMarkdownEditor();
  });

  describe('typing in the editor (auto-closing brackets on, suggest opened by the trigger character)', () => {
    /**
     * A just-opened editor sometimes takes the first keystroke before the workbench has focused it, and then
     * auto-closing does not run: wait until it is the active, focused editor.
     */
    async function settle(editor: vscode.TextEditor): Promise<void> {
      await waitFor(() => vscode.window.activeTextEditor?.document === editor.document, 'the new editor to be active');
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      await sleep(300);
    }

    /** Types like a person; the suggest widget opens by itself on trigger characters; Enter-equivalent accepts. */
    async function typeAndAccept(initial: string, typed: string, autoClosed: string): Promise<string> {
      const editor = await freshMarkdownEditor(initial);
      const end = editor.document.positionAt(initial.length);
      editor.selection = new vscode.Selection(end, end);
      await settle(editor);
      for (const ch of typed) await vscode.commands.executeCommand('type', { text: ch });
      const before = editor.document.getText();
      assert.equal(before, initial + typed + autoClosed, 'auto-closing brackets closed what was typed');
      // The widget opens asynchronously; accept once it has (accepting earlier changes nothing, so retry).
      return waitFor(async () => {
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        const now = editor.document.getText();
        return now !== before ? now : undefined;
      }, `a suggestion to be accepted after typing ${typed} (document: ${before})`);
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
      const editor = await freshMarkdownEditor('');
      await settle(editor);
      for (const ch of '[https://aws.amazon.com/jp/:') await vscode.commands.executeCommand('type', { text: ch });
      assert.equal(editor.document.getText(), '[https://aws.amazon.com/jp/:]', 'auto-closing put one ]');
      // Pick embed:cite: the fourth item.
      await sleep(300);
      for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('selectNextSuggestion');
      await vscode.commands.executeCommand('acceptSelectedSuggestion');
      assert.equal(editor.document.getText(), '[https://aws.amazon.com/jp/:embed:cite]');
    });
  });
});
