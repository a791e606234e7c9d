import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { discardActiveEditor, freshMarkdownEditor, waitFor } from './snippetHelpers';

// Hover, document links, Problems and quick fixes on Hatena notation, asked through VS Code's own commands.

const FRONT_MATTER = '---\nTitle: テスト\nEditURL: https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/1\n---\n\n';
const IMAGE = '[f:id:yasay:20240501123456p:plain:w300]';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

async function hoverAt(doc: vscode.TextDocument, needle: string): Promise<string> {
  const position = doc.positionAt(doc.getText().indexOf(needle) + 2);
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position));
}

async function ourDiagnostics(uri: vscode.Uri, count: number): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Hatena Writer');
  await waitFor(() => ours().length === count, `${count} Hatena diagnostics (have ${ours().map((d) => d.code).join(', ')})`);
  return ours().sort((a, b) => a.range.start.compareTo(b.range.start));
}

describe('integration: notation smarts (hover, links, Problems, quick fixes)', () => {
  afterEach(discardActiveEditor);

  it('hover shows the Fotolife photo by its CDN URL and its parts; where links and ids lead', async () => {
    const editor = await freshMarkdownEditor(`${FRONT_MATTER}${IMAGE}\n\nid:yasay と [https://www.youtube.com/watch?v=dQw4w9WgXcQ:embed] と [google:はてな]\n`);
    const doc = editor.document;
    const image = await hoverAt(doc, '[f:id:');
    assert.match(image, /https:\/\/cdn-ak\.f\.st-hatena\.com\/images\/fotolife\/y\/yasay\/20240501\/20240501123456\.png/);
    assert.match(image, /yasay/);
    assert.match(image, /2024-05-01 12:34:56/);
    assert.match(image, /PNG/);
    assert.match(image, /300/);
    assert.match(await hoverAt(doc, 'id:yasay と'), /https:\/\/blog\.hatena\.ne\.jp\/yasay\//);
    assert.match(await hoverAt(doc, '[https://www.youtube'), /YouTube[\s\S]*https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgXcQ/);
    assert.match(await hoverAt(doc, '[google:'), /https:\/\/www\.google\.com\/search\?q=%E3%81%AF%E3%81%A6%E3%81%AA/);
  });

  it('document links open the Fotolife page, the user page and the URL', async () => {
    const editor = await freshMarkdownEditor(`${FRONT_MATTER}${IMAGE} id:yasay [https://example.com/a:title=A]\n`);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    const targets = links.map((l) => l.target?.toString(true)).filter((t) => t && !t.startsWith('file:'));
    assert.ok(targets.includes('https://f.hatena.ne.jp/yasay/20240501123456'), targets.join(', '));
    assert.ok(targets.includes('https://blog.hatena.ne.jp/yasay/'), targets.join(', '));
    assert.ok(targets.includes('https://example.com/a'), targets.join(', '));
    const fotolife = links.find((l) => l.target?.toString(true) === 'https://f.hatena.ne.jp/yasay/20240501123456')!;
    assert.equal(editor.document.getText(fotolife.range), IMAGE);
  });

  it('every notation problem is in Problems, and the typo and はてなID quick fixes apply', async () => {
    const text = `${FRONT_MATTER}[f:id:ya say:20240501123456j:plain]\n\n[f:id:yasay:20240501123456j:plian]\n\n[f:id:はてなID:20240501123456j:plain]\n\n注((閉じない\n\n[example.com:embed]\n\n[f:id:yasay:20241301123456j:plain]\n`;
    const editor = await freshMarkdownEditor(text);
    const doc = editor.document;
    const diagnostics = await ourDiagnostics(doc.uri, 6);
    assert.deepEqual(diagnostics.map((d) => [d.code, doc.getText(d.range)]), [
      ['fotolife-user-space', 'ya say'],
      ['fotolife-option', 'plian'],
      ['placeholder', 'はてなID'],
      ['unclosed-footnote', '(('],
      ['embed-not-url', '[example.com:embed]'],
      ['fotolife-timestamp', '[f:id:yasay:20241301123456j:plain]'],
    ]);
    assert.match(diagnostics[1].message, /plain/);

    for (const [code, expected] of [['fotolife-option', 'plain'], ['placeholder', 'yasay']] as const) {
      const d = (await ourDiagnostics(doc.uri, code === 'fotolife-option' ? 6 : 5)).find((x) => x.code === code)!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.edit && a.kind?.value === 'quickfix' && a.title.includes(expected));
      assert.ok(fix, `a quick fix to ${expected} among ${actions.map((a) => a.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.equal(doc.getText(new vscode.Range(d.range.start, d.range.start.translate(0, expected.length))), expected);
    }
    assert.ok(doc.getText().includes('[f:id:yasay:20240501123456j:plain]\n\n[f:id:yasay:20240501123456j:plain]'));
    await ourDiagnostics(doc.uri, 4);
  });

  it('front matter blogsync would reject is in Problems at the value', async () => {
    const editor = await freshMarkdownEditor('---\nTitle: t\nCategory: AWS\nDate: tomorrow\nDraft: maybe\n---\n\nbody\n');
    const doc = editor.document;
    const diagnostics = await ourDiagnostics(doc.uri, 3);
    assert.deepEqual(diagnostics.map((d) => [d.code, doc.getText(d.range)]), [
      ['front-matter-not-a-list', 'AWS'],
      ['front-matter-not-a-date', 'tomorrow'],
      ['front-matter-not-a-boolean', 'maybe'],
    ]);
    assert.match(diagnostics[2].message, /true or false/);
  });

  it('a local image path that does not exist is reported; one that exists or sits in code is not', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace is open');
    const dir = vscode.Uri.joinPath(folder.uri, 'notation-smarts-test');
    const post = vscode.Uri.joinPath(dir, 'post.md');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'img', 'here.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    await vscode.workspace.fs.writeFile(post, new TextEncoder().encode(FRONT_MATTER + '![ok](img/here.png)\n\n![missing](img/gone.png)\n\n`![code](img/nope.png)`\n'));
    try {
      const doc = await vscode.workspace.openTextDocument(post);
      await vscode.window.showTextDocument(doc);
      const [d] = await ourDiagnostics(doc.uri, 1);
      assert.equal(d.code, 'local-image-missing');
      assert.equal(doc.getText(d.range), 'img/gone.png');
      // Closing is not asserted: VS Code fires onDidCloseTextDocument for a file only when it drops the model, later.
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
    }
    await freshMarkdownEditor(''); // afterEach discards the active editor
  });

  it('ordinary Markdown (a README without blogsync front matter) gets no Hatena Problems or links', async () => {
    const body = 'Compute ((a+b)) twice. [f:id:ya say:20240501123456p:plian] [x:embed]\n';
    const readme = await freshMarkdownEditor(body);
    const post = await freshMarkdownEditor(FRONT_MATTER + body);
    // The post's Problems arriving shows the checker ran; the README beside it stays clean.
    const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Hatena Writer');
    await waitFor(() => ours(post.document.uri).length >= 2, 'the post\'s Hatena diagnostics');
    assert.deepEqual(ours(readme.document.uri), []);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', readme.document.uri);
    assert.ok(!links.some((l) => l.target?.toString(true).startsWith('https://f.hatena.ne.jp/')));
  });
});
