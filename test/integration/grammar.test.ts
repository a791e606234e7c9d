import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { discardActiveEditor, EXTENSION_ID, freshMarkdownEditor, sleep } from './snippetHelpers';

interface ContributedGrammar { scopeName: string; path: string; injectTo?: string[] }

// VS Code 1.139 has no command that returns TextMate scopes to an extension (`_workbench.captureSyntaxTokens` does
// not exist; `_workbench.colorizeTextMateTokens` returns only a time). The scopes themselves are asserted on the real
// TextMate engine in test/grammar and, in this real editor, through "Inspect Editor Tokens and Scopes" in
// test/e2e/grammar.test.ts. Here: the installed files, VS Code's own tokenizer over the sample, and one behaviour
// the editor derives from our scopes (a footnote's text is a string to the editor).
describe('integration: the Hatena grammars in the real editor', () => {
  afterEach(discardActiveEditor);

  it('ships both injection grammars where the manifest says, with the scope names it declares', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const grammars = extension.packageJSON.contributes.grammars as ContributedGrammar[];
    const injected = grammars.filter((g) => g.injectTo?.includes('text.html.markdown'));
    assert.deepEqual(injected.map((g) => g.scopeName).sort(), ['text.hatena.markdown.block.injection', 'text.hatena.markdown.injection']);
    for (const g of injected) {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, g.path));
      const json = JSON.parse(new TextDecoder().decode(bytes)) as { scopeName: string; injectionSelector: string };
      assert.equal(json.scopeName, g.scopeName);
      assert.match(json.injectionSelector, /^L:text\.html\.markdown/);
    }
  });

  it('VS Code\'s TextMate tokenizer runs over grammar-sample.md with the injections loaded', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const uri = vscode.Uri.joinPath(folder.uri, 'grammar-sample.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'markdown');
    const result = await vscode.commands.executeCommand<{ tokenizeTime: number }>('_workbench.colorizeTextMateTokens', uri);
    assert.equal(typeof result?.tokenizeTime, 'number');
  });

  it('a footnote\'s text is a string to the editor: `<` auto-closes in prose but not inside ((…))', async () => {
    // Markdown's language configuration auto-closes `<` "notIn: string". Without our scopes the note would be
    // plain text and `<` would close there too.
    const line = '本文((注記 ))';
    const editor = await freshMarkdownEditor(line);
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    const typeAt = async (character: number): Promise<string> => {
      editor.selection = new vscode.Selection(0, character, 0, character);
      await vscode.commands.executeCommand('type', { text: '<' });
      const typed = editor.document.lineAt(0).text;
      if (typed === line) return typed; // the keystroke went nowhere (focus still moving): nothing to undo
      await vscode.commands.executeCommand('undo');
      assert.equal(editor.document.lineAt(0).text, line, 'undo restored the line');
      return typed;
    };
    // Tokens arrive asynchronously after the edit that created the document: retry until they are there.
    let inside = '';
    for (let attempt = 0; attempt < 20 && inside !== '本文((注記 <))'; attempt++) {
      await sleep(250);
      inside = await typeAt(line.indexOf('))'));
    }
    assert.equal(inside, '本文((注記 <))', 'no auto-close inside the note');
    let after = '';
    for (let attempt = 0; attempt < 20 && after === ''; attempt++) {
      const typed = await typeAt(line.length);
      if (typed !== line) after = typed;
      else await sleep(250);
    }
    assert.equal(after, `${line}<>`, 'auto-close after it (the check above is not vacuous)');
  });
});
