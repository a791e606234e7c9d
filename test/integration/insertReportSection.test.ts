import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SectionPickerShown } from '../../src/editor';
import type { HatenaWriterExports } from '../../src/extension';
import { createHatenaRenderer, renderEntryArticle } from '../../src/hatena';
import { defaultCtrlKChords, type Platform } from '../unit/editor/vscodeDefaultChords';
import { EXTENSION_ID, discardActiveEditor, expansionPattern, freshMarkdownEditor, shippedSnippets, waitFor } from './snippetHelpers';

const COMMAND = 'hatenaWriter.insertReportSection';

describe('integration: Hatena: Insert Report Section…', () => {
  afterEach(discardActiveEditor);

  it('inserts a snippet by name, as a snippet (tab stops work)', async () => {
    const editor = await freshMarkdownEditor();
    assert.equal(await vscode.commands.executeCommand(COMMAND, 'セッションレポート'), true);
    const session = shippedSnippets().find((s) => s.name === 'セッションレポート')!;
    assert.match(editor.document.getText(), expansionPattern(session.body));
    assert.equal(editor.document.getText(editor.selection), 'セッションタイトル');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(editor.document.getText(editor.selection), '登壇者名');
  });

  it('fills in the writer\'s Hatena id for Fotolife images', async () => {
    const front = '---\nEditURL: https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/1\n---\n';
    const editor = await freshMarkdownEditor(front);
    editor.selection = new vscode.Selection(3, 0, 3, 0);
    assert.equal(await vscode.commands.executeCommand(COMMAND, 'Fotolife 画像'), true);
    assert.match(editor.document.getText().slice(front.length), /^\[f:id:yasay:\d{8}hhmmssj:plain\]$/);
    assert.equal(editor.document.getText(editor.selection), 'yasay', 'still a tab stop');
  });

  it('wraps the selection (the name given as a keybinding\'s args object)', async () => {
    const editor = await freshMarkdownEditor('これは補足です');
    editor.selection = new vscode.Selection(0, 3, 0, 7);
    assert.equal(await vscode.commands.executeCommand(COMMAND, { name: '脚注' }), true);
    assert.equal(editor.document.getText(), 'これは((補足です))');
  });

  it('reports an unknown name and inserts nothing', async () => {
    const editor = await freshMarkdownEditor('x');
    assert.equal(await vscode.commands.executeCommand(COMMAND, 'no such snippet'), false);
    assert.equal(editor.document.getText(), 'x');
  });

  const exports = () => vscode.extensions.getExtension(EXTENSION_ID)!.exports as HatenaWriterExports;

  it('the extension exports the markdown-it plugin, and the test hooks because this host runs tests', () => {
    assert.equal(typeof exports().extendMarkdownIt, 'function');
    assert.equal(typeof exports().testing?.onDidShowSectionPicker, 'function', 'extensionMode is Test under an extensionTestsPath');
  });

  /** Runs the command with the picker and resolves once the picker is shown with its list, with the command's result to come. */
  async function openPicker(): Promise<{ items: SectionPickerShown['items']; inserted: Thenable<boolean> }> {
    let shown: SectionPickerShown | undefined;
    const listener = exports().testing!.onDidShowSectionPicker((event) => { shown = event; });
    try {
      const inserted = vscode.commands.executeCommand<boolean>(COMMAND);
      const { items } = await waitFor(() => shown, 'the picker to be shown with its list');
      return { items, inserted };
    } finally {
      listener.dispose();
    }
  }

  it('the QuickPick lists every snippet, in the display language, and inserts the one chosen', async () => {
    const editor = await freshMarkdownEditor();
    const snippets = shippedSnippets();
    const { items, inserted } = await openPicker();
    const japanese = /^ja\b/i.test(vscode.env.language);
    assert.deepEqual(items.map((i) => i.description), snippets.map((s) => s.prefixes.join(', ')));
    assert.deepEqual(items.map((i) => i.detail), snippets.map((s) => (japanese ? s.japanese : s.english)), `details in ${vscode.env.language}`);
    if (!japanese) assert.equal(items[2].label, 'Session report');
    // The workbench runs its commands in order: the second item is active when the accept runs.
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await inserted, true);
    assert.match(editor.document.getText(), expansionPattern(snippets[1].body), `the second item, ${snippets[1].name}`);
  });

  it('the QuickPick can be dismissed without inserting', async () => {
    const editor = await freshMarkdownEditor('x');
    const { inserted } = await openPicker();
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await inserted, false);
    assert.equal(editor.document.getText(), 'x');
  });

  it('has a keybinding that no default VS Code keybinding and no IME switch uses', async () => {
    // The defaults of the platform this runs on; test/unit/editor/keybindings.test.ts checks every platform, web included.
    const bindings = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.keybindings as { command: string; key: string; mac?: string }[])
      .filter((b) => b.command === COMMAND);
    assert.equal(bindings.length, 1);
    const { key, mac } = bindings[0];
    assert.doesNotMatch(`${key} ${mac}`, /ctrl\+space|shift\+space|alt\+`|ctrl\+shift\+/, 'input-method switches');
    await vscode.commands.executeCommand('workbench.action.openDefaultKeybindingsFile');
    const defaults = await waitFor(() => {
      const text = vscode.window.activeTextEditor?.document.getText() ?? '';
      return text.includes('"key":') && text.includes('"command":') ? text : undefined;
    }, 'the default keybindings file to be the active editor');
    const platformKey = process.platform === 'darwin' ? mac ?? key : key;
    const json = '"((?:[^"\\\\]|\\\\.)*)"'; // a JSON string: the key `ctrl+k ctrl+\` is written "ctrl+k ctrl+\\"
    const entries = [...defaults.matchAll(new RegExp(`"key":\\s*${json},\\s*"command":\\s*${json}`, 'g'))]
      .map((m) => ({ key: JSON.parse(`"${m[1]}"`) as string, command: JSON.parse(`"${m[2]}"`) as string }));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const users = entries.filter((e) => e.key === platformKey).map((e) => e.command);
    assert.deepEqual(users, [COMMAND], `${platformKey} is bound only to ${COMMAND}`);

    // The unit test checks every platform against a table of VS Code's Ctrl+K chords: it must not have gone stale.
    const platform: Platform = process.platform === 'darwin' ? 'macos' : process.platform === 'win32' ? 'windows' : 'linux';
    const web = vscode.env.uiKind === vscode.UIKind.Web;
    const table = defaultCtrlKChords(platform, web);
    const leader = platform === 'macos' ? 'cmd+k ' : 'ctrl+k ';
    const chords = entries.filter((e) => e.key.startsWith(leader) && !e.command.startsWith('hatenaWriter.'));
    assert.ok(chords.length > 60, `${chords.length} Ctrl+K chords in the running editor's defaults`);
    const missing = [...new Set(chords.filter((e) => !(e.key in table)).map((e) => `${e.key} (${e.command})`))];
    assert.deepEqual(missing, [], `VS Code ${vscode.version} ${platform}${web ? ' web' : ''} binds Ctrl+K chords test/unit/editor/vscodeDefaultChords.ts lacks`);
  });

  it('the skeleton\'s Title mirrors the event name as typed however the field is left (a quote written \\" as the README says)', async () => {
    const typeIn = async (name: string) => {
      const editor = await freshMarkdownEditor();
      assert.equal(await vscode.commands.executeCommand(COMMAND, 'イベントレポートの骨組み'), true);
      for (const ch of name) await vscode.commands.executeCommand('type', { text: ch });
      return editor;
    };
    const name = 'AWS Summit Japan 2024: Day 1 \\"AI\\"'; // the writer escapes the quotes
    // Tab on, Shift+Tab back into the name, Tab again, then Esc: the Title is still the name once.
    let editor = await typeIn(name);
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('jumpToPrevSnippetPlaceholder');
    assert.equal(editor.document.getText(editor.selection), name, 'back in the name');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('leaveSnippet');
    const text = editor.document.getText();
    assert.match(text, /^Title: "AWS Summit Japan 2024: Day 1 \\"AI\\"に参加しました"$/m);
    assert.match(text, /に開催されたAWS Summit Japan 2024: Day 1 \\"AI\\"に参加してきました。/, 'the intro has the name as typed');
    const page = renderEntryArticle(createHatenaRenderer().render(text));
    assert.match(page, /<h1 class="entry-title">AWS Summit Japan 2024: Day 1 &quot;AI&quot;に参加しました<\/h1>/, 'the header: a YAML escape');
    assert.match(page, /に開催されたAWS Summit Japan 2024: Day 1 &quot;AI&quot;に参加してきました。/, 'the intro: a Markdown escape');
    await discardActiveEditor();
    // Esc straight after typing: the same Title.
    editor = await typeIn('JAWS DAYS 2024: re:Invent 振り返り');
    await vscode.commands.executeCommand('leaveSnippet');
    assert.match(editor.document.getText(), /^Title: "JAWS DAYS 2024: re:Invent 振り返りに参加しました"$/m);
  });

  it('scaffolds a whole two-day event report with the picker alone (no Ctrl+Space)', async () => {
    const editor = await freshMarkdownEditor();
    const run = async (name: string) => assert.equal(await vscode.commands.executeCommand(COMMAND, name), true, name);
    const type = async (text: string) => { for (const ch of text) await vscode.commands.executeCommand('type', { text: ch }); };
    const cursorToLineOf = (text: string) => {
      const line = editor.document.getText().split('\n').indexOf(text);
      assert.ok(line >= 0, `a line "${text}"`);
      editor.selection = new vscode.Selection(line, 0, line, 0);
    };

    await run('イベントレポートの骨組み');
    await type('AWS Summit Tokyo 2017'); // the event name, mirrored into the Title
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('leaveSnippet');
    // Day 2 goes before 感想: a day heading (choose 2), a session with its Q&A, the keynote.
    cursorToLineOf('## 感想');
    await run('Day 見出し');
    await type('2');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await type('6/1');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await run('基調講演');
    await vscode.commands.executeCommand('leaveSnippet');
    cursorToLineOf('## 感想');
    await run('セッションレポート');
    await type('機械学習セッション');
    await vscode.commands.executeCommand('leaveSnippet');
    cursorToLineOf('## 感想');
    await run('質疑応答');
    await vscode.commands.executeCommand('leaveSnippet');

    const text = editor.document.getText();
    const headings = text.split('\n').filter((l) => /^#{2,4} /.test(l));
    assert.deepEqual(headings, [
      '## Day 1（M/D）', '### 「セッションタイトル」レポート',
      '## Day 2（6/1）', '### 基調講演「タイトル」', '### 「機械学習セッション」レポート', '#### 質疑応答',
      '## 感想', '## まとめ',
    ]);
    assert.match(text, /^Title: "AWS Summit Tokyo 2017に参加しました"$/m);
    assert.match(text, /に開催されたAWS Summit Tokyo 2017に参加してきました。/);

    // And it is a post Hatena would publish: the table of contents lists both days.
    const html = createHatenaRenderer().render(text).html;
    const tocStart = html.indexOf('<ul class="table-of-contents">');
    assert.ok(tocStart >= 0, 'a table of contents');
    const toc = html.slice(tocStart, html.indexOf('<h2', tocStart));
    assert.match(toc, /Day 1/);
    assert.match(toc, /Day 2（6\/1）/);
    assert.match(toc, /感想/);
  });
});
