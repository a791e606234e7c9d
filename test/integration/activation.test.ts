import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'hatena-writer.hatena-writer';

describe('integration: activation and contributions', () => {
  it('activates by itself when a Markdown document opens, and hands VS Code a markdown-it plugin', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    // This file runs first: nothing has opened Markdown yet, so an active extension means an activation event
    // broader than the manifest promises.
    assert.equal(extension.isActive, false, 'active before any Markdown document opened');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# hi' });
    await vscode.window.showTextDocument(doc);
    // Never call activate() here: that passes whatever the manifest says. (VS Code's Markdown extension also
    // activates every markdown.markdownItPlugins contributor, so both routes must be gone for this to fail.)
    const deadline = Date.now() + 20_000;
    while (!extension.isActive && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(extension.isActive, 'opening a Markdown document activated the extension');
    const api = extension.exports as { extendMarkdownIt?: unknown };
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
