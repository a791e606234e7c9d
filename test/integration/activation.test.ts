import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'hatena-writer.hatena-writer';

describe('integration: activation and contributions', () => {
  it('activates on a Markdown document and hands VS Code a markdown-it plugin', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# hi' });
    await vscode.window.showTextDocument(doc);
    const api = (await extension.activate()) as { extendMarkdownIt?: unknown };
    assert.ok(extension.isActive);
    assert.equal(typeof api.extendMarkdownIt, 'function');
  });

  it('registers every command the manifest declares', async () => {
    const declared = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(declared.length >= 6);
    assert.deepEqual(declared.filter((c) => !registered.has(c)), []);
  });

  it('contributes the injection grammar and the snippets file', () => {
    const contributes = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes;
    assert.deepEqual(contributes.grammars[0].injectTo, ['text.html.markdown']);
    assert.equal(contributes.snippets[0].language, 'markdown');
    assert.equal(contributes['markdown.markdownItPlugins'], true);
  });
});
