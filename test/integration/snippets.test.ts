import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeSnippet } from '../../src/editor/snippetAnalysis';
import { parseSnippet } from '../../src/editor/snippetSyntax';
import { discardActiveEditor, expansionPattern, freshMarkdownEditor, placeholderPatterns, shippedSnippets } from './snippetHelpers';

describe('integration: snippets insert in the real editor', () => {
  afterEach(discardActiveEditor);

  for (const snippet of shippedSnippets()) {
    it(`${snippet.name} (${snippet.prefixes[0]}) inserts its text and visits its tab stops in order`, async () => {
      const editor = await freshMarkdownEditor();
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: snippet.name });
      const text = editor.document.getText();
      assert.match(text, expansionPattern(snippet.body), 'inserted text');

      const stops = analyzeSnippet(parseSnippet(snippet.body)).tabStops.filter((i) => i > 0);
      const expected = placeholderPatterns(snippet.body);
      let previous = -1;
      for (const [n, index] of stops.entries()) {
        if (n > 0) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        const selected = editor.selections.map((s) => editor.document.getText(s));
        const pattern = expected.get(index) ?? /^$/;
        assert.ok(selected.every((s) => pattern.test(s)), `tab stop ${index}: selected ${JSON.stringify(selected)}, expected ${pattern}`);
        // Writing order: each stop is further down the text than the one before (mirrors aside).
        const at = Math.min(...editor.selections.map((s) => editor.document.offsetAt(s.start)));
        assert.ok(at > previous, `tab stop ${index} at ${at} comes after the previous stop at ${previous}`);
        previous = at;
      }
      // Tab from the last numbered stop ends at $0, the end of the inserted text.
      if (stops.length > 0) await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      assert.equal(editor.selection.isEmpty, true, '$0 selects nothing');
      assert.equal(editor.document.offsetAt(editor.selection.active), text.length, '$0 is at the end');
    });
  }

  it('the skeleton\'s front matter date is RFC 3339 with the local offset (+09:00 style)', async () => {
    const editor = await freshMarkdownEditor();
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'イベントレポートの骨組み' });
    const date = /^Date: (.+)$/m.exec(editor.document.getText())?.[1] ?? '';
    assert.match(date, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    assert.ok(!Number.isNaN(Date.parse(date)), `${date} parses as a date`);
  });

  it('wraps the selection: footnote, session title, link title, TeX', async () => {
    const cases: [string, string, RegExp][] = [
      ['脚注', '補足の説明', /^前 \(\(補足の説明\)\) 後$/],
      ['セッションレポート', 'サーバーレスの現在', /^前 ### 「サーバーレスの現在」レポート\n/],
      ['タイトル付きリンク', 'AWS ブログ', /^前 \[https:\/\/example\.com\/:title=AWS ブログ\] 後$/],
      ['数式', 'e^{i\\pi}', /^前 \[tex:e\^\{i\\pi\}\] 後$/],
    ];
    for (const [name, selected, expected] of cases) {
      const editor = await freshMarkdownEditor(`前 ${selected} 後`);
      editor.selection = new vscode.Selection(0, 2, 0, 2 + selected.length);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
      assert.match(editor.document.getText(), expected, name);
      await discardActiveEditor();
    }
    await freshMarkdownEditor(); // for afterEach
  });

  it('with editor.tabCompletion "onlySnippets" (the README\'s tip), prefix + Tab expands without Ctrl+Space', async () => {
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await config.update('tabCompletion', 'onlySnippets', vscode.ConfigurationTarget.Global, true);
    try {
      const editor = await freshMarkdownEditor('');
      for (const ch of 'hatena-day') await vscode.commands.executeCommand('type', { text: ch });
      await vscode.commands.executeCommand('insertSnippet'); // what Tab runs when a prefix ends before the cursor
      assert.equal(editor.document.getText(), '## Day 1（M/D）\n\n');
      assert.equal(editor.document.getText(editor.selection), '1');
    } finally {
      await config.update('tabCompletion', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });
});
