import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createHatenaRenderer } from '../../src/hatena';
import type { HatenaPreview } from '../../src/preview/hatenaPreview';

// The preview in the real editor, driven through its commands. The commands hand back the preview they acted on
// (the palette ignores return values), and the preview answers `snapshot()` with what its webview shows.

const PREVIEW_VIEW_TYPE = 'hatenaWriter.preview';
const CDN = 'https://cdn-ak.f.st-hatena.com/images/fotolife/y/yasay/20170604/20170604220500.jpg';

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function openEditor(name: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

async function openPreview(command = 'hatenaWriter.showPreviewToSide'): Promise<HatenaPreview> {
  const preview = await vscode.commands.executeCommand<HatenaPreview | undefined>(command);
  assert.ok(preview, `${command} returned the preview`);
  return preview;
}

/** Polls `check` (which throws until it holds) for up to `ms`. */
async function eventually<T>(check: () => Promise<T> | T, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function previewPanels(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(PREVIEW_VIEW_TYPE));
}

async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('hatenaWriter.preview').update(key, value, vscode.ConfigurationTarget.Workspace);
}

describe('integration: preview', function () {
  this.timeout(60_000);

  before(async () => {
    // Activated first, so commands run in this extension host and hand back live objects.
    await vscode.extensions.getExtension('hatena-writer.hatena-writer')!.activate();
  });

  afterEach(closeAll);

  it('opens to the side and shows the post as Hatena publishes it', async () => {
    await openEditor('preview.md');
    const preview = await openPreview();
    await preview.whenApplied();
    assert.equal(preview.panel.viewType, PREVIEW_VIEW_TYPE);
    assert.equal(preview.panel.viewColumn, vscode.ViewColumn.Two);
    assert.match(preview.panel.title, /preview\.md/);
    await eventually(() => assert.equal(previewPanels().length, 1));

    const snap = await preview.snapshot();
    assert.match(snap.bodyClass, /\bhatena-look\b/);
    // Entry header from the front matter, never the front matter as text.
    assert.match(snap.html, /<article class="entry">/);
    assert.match(snap.html, /<h1 class="entry-title">プレビューのテスト<\/h1>/);
    assert.match(snap.html, /entry-category-link[^>]*>AWS</);
    assert.match(snap.html, /entry-draft-badge/);
    assert.doesNotMatch(snap.html, /Title:/);
    assert.match(snap.html, /class="entry-content hatenablog-entry"/);
    // Notation: TOC, footnote, the Fotolife image (its CDN URL, or the offline placeholder carrying it).
    assert.match(snap.html, /<ul class="table-of-contents/);
    assert.match(snap.html, /class="footnote-text">2日目だけです</);
    assert.ok(snap.html.includes(`src="${CDN}"`) || snap.html.includes(`data-hatena-failed-src="${CDN}"`), 'Fotolife img with its CDN URL');
    // Embeds are static cards by default (strict CSP, no network).
    assert.match(snap.html, /class="hatena-embed-card hatena-embed-card-web"/);
    assert.doesNotMatch(snap.html, /<iframe/);
    // The workspace image goes through asWebviewUri: not the path as written.
    const local = /<img src="([^"]*dot\.png)"/.exec(snap.html);
    assert.ok(local, 'the local image is there');
    assert.notEqual(local[1], './img/dot.png');
    assert.match(local[1], /^(https?|vscode-[a-z-]+):/);
    // Source positions for scroll sync.
    assert.match(snap.html, /data-line="\d+"/);
    assert.equal(snap.pwned, false);
  });

  it('re-renders on every change, keeping up with the document version', async () => {
    const editor = await openEditor('preview.md');
    const preview = await openPreview();
    await preview.whenApplied();
    for (const word of ['一つ目', '二つ目', '三つ目']) {
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), `\n追記: ${word}\n`));
    }
    await preview.whenApplied(editor.document.version);
    const snap = await preview.snapshot();
    assert.equal(snap.version, editor.document.version);
    assert.match(snap.html, /追記: 三つ目/);
    await vscode.commands.executeCommand('undo');
  });

  it('the unlocked preview follows the active Markdown editor; a locked one stays', async () => {
    await openEditor('preview.md');
    const preview = await openPreview();
    await preview.whenApplied();

    await openEditor('slice.md');
    await eventually(() => assert.match(preview.documentUri.path, /slice\.md$/));
    await eventually(async () => assert.match((await preview.snapshot()).html, /フォトライフの確認/));
    assert.match(preview.panel.title, /slice\.md/);

    const toggled = await vscode.commands.executeCommand<HatenaPreview>('hatenaWriter.togglePreviewLock');
    assert.equal(toggled, preview);
    assert.equal(preview.locked, true);
    assert.match(preview.panel.title, /Locked/);

    await openEditor('preview.md');
    await new Promise((r) => setTimeout(r, 300));
    assert.match(preview.documentUri.path, /slice\.md$/, 'a locked preview does not follow');

    // Opening a preview now gives a second, unlocked one for the active document.
    const second = await openPreview();
    assert.notEqual(second, preview);
    assert.equal(second.locked, false);
    assert.match(second.documentUri.path, /preview\.md$/);
    await eventually(() => assert.equal(previewPanels().length, 2));

    // Unlocking the first makes it the dynamic preview again; there is only ever one, so the other one closes.
    preview.panel.reveal(undefined, false);
    await eventually(() => assert.ok(preview.panel.active));
    await vscode.commands.executeCommand('hatenaWriter.togglePreviewLock');
    assert.equal(preview.locked, false);
    assert.equal(second.isDisposed, true);
    assert.doesNotMatch(preview.panel.title, /Locked/);
  });

  it('"Open Preview" opens in the active column', async () => {
    await openEditor('slice.md');
    const preview = await openPreview('hatenaWriter.showPreview');
    await preview.whenApplied();
    assert.equal(preview.panel.viewColumn, vscode.ViewColumn.One);
  });

  it('comes back after a reload through the serializer, at the saved scroll line and lock state', async () => {
    await openEditor('report.md');
    const first = await openPreview();
    await first.whenApplied();
    const manager = first.manager;
    first.dispose();

    // What VS Code does after a reload: a panel of our view type plus the state the webview saved.
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'restoring', vscode.ViewColumn.Two, {});
    await manager.deserializeWebviewPanel(panel, { uri: workspaceFile('report.md').toString(), locked: true, line: 60 });
    const restored = manager.all.find((p) => p.panel === panel);
    assert.ok(restored, 'the serializer adopted the panel');
    assert.equal(restored.locked, true);
    await restored.whenApplied(0);
    const snap = await eventually(async () => {
      const s = await restored.snapshot();
      assert.ok(Math.abs(s.topLine - 60) < 3, `top line ${s.topLine} is about 60`);
      return s;
    });
    assert.ok(snap.scrollY > 0);

    // A state that is not ours (or a deleted file) closes the panel instead of showing an empty preview.
    const stray = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'stray', vscode.ViewColumn.Two, {});
    let disposed = false;
    stray.onDidDispose(() => (disposed = true));
    await manager.deserializeWebviewPanel(stray, { uri: workspaceFile('missing.md').toString(), locked: false, line: 0 });
    assert.equal(disposed, true);
  });

  it('scrolls with the editor and marks the cursor line', async () => {
    const editor = await openEditor('report.md');
    const preview = await openPreview();
    await preview.whenApplied();
    editor.revealRange(new vscode.Range(70, 0, 70, 0), vscode.TextEditorRevealType.AtTop);
    await eventually(async () => {
      const s = await preview.snapshot();
      assert.ok(s.scrollY > 0 && Math.abs(s.topLine - editor.visibleRanges[0].start.line) < 3, `preview top ${s.topLine}`);
    });
    editor.selection = new vscode.Selection(75, 0, 75, 0);
    await eventually(async () => {
      const s = await preview.snapshot();
      assert.equal(s.cursorLine, 75);
      // The bar is beside the innermost block starting at or before line 75 (the post's DOM is not marked).
      const starts = [...s.html.matchAll(/data-line="(\d+)"/g)].map((m) => Number(m[1])).filter((l) => l <= 75);
      assert.equal(s.markedLine, Math.max(...starts));
      assert.doesNotMatch(s.html, /data-hatena-active/);
    });
  });

  it('switches between the Hatena look and the VS Code theme look', async () => {
    await openEditor('preview.md');
    const preview = await openPreview();
    await preview.whenApplied();
    try {
      await setSetting('style', 'vscode');
      await eventually(async () => assert.match((await preview.snapshot()).bodyClass, /\bvscode-look\b/));
      await setSetting('style', 'hatena');
      await eventually(async () => assert.match((await preview.snapshot()).bodyClass, /\bhatena-look\b/));
    } finally {
      await setSetting('style', undefined);
    }
  });

  it('keeps the look across hiding and showing: a switch while shown, and one while hidden', async () => {
    const editor = await openEditor('preview.md');
    const preview = await openPreview();
    await preview.whenApplied();
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'other' });
    const hide = async () => {
      await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.Two, preview: false });
      await eventually(() => assert.equal(preview.panel.visible, false));
    };
    const show = () => preview.panel.reveal(vscode.ViewColumn.Two, true);
    try {
      // Switched while shown (in place), then hidden and shown again: the page is loaded anew from webview.html.
      await setSetting('style', 'vscode');
      await eventually(async () => assert.match((await preview.snapshot()).bodyClass, /\bvscode-look\b/));
      await hide();
      assert.match(preview.panel.webview.html, /<body class="vscode-look"[ >]/, 'the shell names the current look');
      show();
      await eventually(async () => {
        const snap = await preview.snapshot();
        assert.match(snap.bodyClass, /\bvscode-look\b/);
        assert.match(snap.html, /プレビューのテスト/);
      });
      // Switched while hidden: shown again in the new look.
      await hide();
      await setSetting('style', 'hatena');
      show();
      await eventually(async () => assert.match((await preview.snapshot()).bodyClass, /\bhatena-look\b/));
      assert.match(preview.panel.webview.html, /<body class="hatena-look"[ >]/);
    } finally {
      await setSetting('style', undefined);
      await vscode.window.showTextDocument(other, vscode.ViewColumn.Two);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      void editor;
    }
  });

  it('opens links of the post only to the web or to files of the workspace', async () => {
    await openEditor('preview.md');
    const preview = await openPreview();
    await preview.whenApplied();
    const before = vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).sort();
    for (const href of ['file:///etc/passwd', '../../../../../../etc/passwd', '/../../../etc/passwd', 'command:workbench.action.closeAllEditors',
      'vscode://hatena-writer.hatena-writer/x', 'javascript:alert(1)', 'untitled:Untitled-9', 'file:///%2e%2e/etc/passwd']) {
      assert.equal(await preview.openLink(href), 'ignored', href);
    }
    assert.deepEqual(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).sort(), before, 'nothing was opened');
    // A relative link to another post, and a file: link into the workspace, open in the editor.
    assert.equal(await preview.openLink('./slice.md#概要'), 'editor');
    await eventually(() => assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/slice\.md$/));
    assert.equal(await preview.openLink(workspaceFile('report.md').toString()), 'editor');
    await eventually(() => assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/report\.md$/));
  });

  it('a post outside every workspace folder may open the files of its own folder, and nothing above it', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hatena-outside-'));
    const folder = path.join(root, 'posts');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'post.md'), '# 外のポスト\n\n[隣](./sibling.md)\n');
    fs.writeFileSync(path.join(folder, 'sibling.md'), '# 隣\n');
    fs.writeFileSync(path.join(root, 'above.md'), '# 上\n');
    fs.mkdirSync(`${folder}-evil`);
    fs.writeFileSync(path.join(`${folder}-evil`, 'x.md'), '# x\n');
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'post.md')));
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
      const preview = await openPreview();
      await preview.whenApplied();
      // Images load from the workspace folders and from the post's own folder.
      const roots = (preview.panel.webview.options.localResourceRoots ?? []).map((u) => u.toString());
      assert.ok(roots.includes(vscode.Uri.file(folder).toString()), roots.join(' '));
      assert.ok(roots.includes(vscode.workspace.workspaceFolders![0].uri.toString()));
      for (const href of ['../above.md', vscode.Uri.file(path.join(root, 'above.md')).toString(), '../posts-evil/x.md', '../posts/../above.md']) {
        assert.equal(await preview.openLink(href), 'ignored', href);
      }
      assert.equal(await preview.openLink('./sibling.md'), 'editor');
      await eventually(() => assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/posts\/sibling\.md$/));
      // The workspace stays open to it as well.
      assert.equal(await preview.openLink(workspaceFile('slice.md').toString()), 'editor');
      await eventually(() => assert.match(vscode.window.activeTextEditor?.document.uri.path ?? '', /\/slice\.md$/));
    } finally {
      await closeAll();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('shows live embeds only when hatenaWriter.preview.liveEmbeds is on', async () => {
    await openEditor('preview.md');
    const preview = await openPreview();
    await preview.whenApplied();
    try {
      await setSetting('liveEmbeds', true);
      await eventually(async () => assert.match((await preview.snapshot()).html, /<iframe src="https:\/\/hatenablog-parts\.com\/embed\?url=/));
    } finally {
      await setSetting('liveEmbeds', undefined);
    }
    await eventually(async () => assert.match((await preview.snapshot()).html, /hatena-embed-card/));
  });

  it('runs none of a hostile post\'s scripts and keeps its harmless HTML', async () => {
    await openEditor('hostile.md');
    const preview = await openPreview();
    await preview.whenApplied();
    await new Promise((r) => setTimeout(r, 500)); // give any handler (onerror, onload) its chance
    const snap = await preview.snapshot();
    assert.equal(snap.pwned, false);
    assert.match(snap.html, /Still here: the end of the hostile post/);
    assert.match(snap.html, /<details/);
    // Counted on the live DOM (text that merely looks like a handler, e.g. inside <style>, is not one).
    assert.equal(snap.scripts, 0);
    assert.equal(snap.handlers, 0);
    assert.doesNotMatch(snap.html, /srcdoc/i);
    // <img name="elementFromPoint">, <img name="body"> …: the names are gone, and the preview keeps updating.
    assert.doesNotMatch(snap.html, /<(img|form|iframe|input|button)\b[^>]*\sname=/);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('/hostile.md'));
    assert.ok(editor);
    for (const word of ['一回目の追記', '二回目の追記']) {
      await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), `\n${word}\n`));
      await preview.whenApplied(editor.document.version);
      assert.match((await preview.snapshot()).html, new RegExp(word));
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('a preview hidden behind another tab catches up when shown again', async () => {
    const editor = await openEditor('preview.md');
    const preview = await openPreview();
    await preview.whenApplied();
    // Another (non-Markdown, so the preview does not follow it) file in the preview's group hides it.
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'other' });
    await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.Two, preview: false });
    await eventually(() => assert.equal(preview.panel.visible, false));
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n隠れている間の追記\n'));
    preview.panel.reveal(vscode.ViewColumn.Two, true);
    await eventually(async () => assert.match((await preview.snapshot()).html, /隠れている間の追記/));
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.window.showTextDocument(other, vscode.ViewColumn.Two);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('previews a 5 MB document whole, without a notice, and an edit at the top still shows', async function () {
    this.timeout(180_000); // opening 5 MB is VS Code's own work and slow on a busy machine
    const line = 'セッションのメモ: Lambda と API Gateway と DynamoDB の構成について、設計の考え方を聞きました。\n\n';
    let t0 = Date.now();
    const big = `# 大きな文書\n\n${line.repeat(Math.ceil((5 * 1024 * 1024) / line.length))}最後の行 TAIL-MARKER\n`;
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: big });
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    console.log(`      5 MB: document opened in ${Date.now() - t0} ms`);
    let t = Date.now();
    const preview = await openPreview();
    await preview.whenApplied();
    console.log(`      5 MB: first render ${preview.lastRenderMs.toFixed(0)} ms on the host, shown after ${Date.now() - t} ms`);
    // Reading 12 MB of DOM back is slow in itself on a busy machine: the snapshot may take its time.
    const snap = await preview.snapshot(60_000);
    assert.equal(snap.notice, '');
    assert.match(snap.html, /TAIL-MARKER/, 'the end of the document is in the preview');
    // Typing goes on: an edit at the top shows up in the preview.
    t = Date.now();
    await editor.edit((b) => b.insert(new vscode.Position(0, 2), '新しい'));
    await preview.whenApplied(document.version);
    console.log(`      5 MB: an edit rendered in ${preview.lastRenderMs.toFixed(0)} ms on the host, shown after ${Date.now() - t} ms`);
    const after = (await preview.snapshot(60_000)).html;
    assert.match(after, /新しい大きな文書/);
    assert.match(after, /TAIL-MARKER/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows a workspace image again when the file changes on disk', async () => {
    await openEditor('preview.md');
    const preview = await openPreview();
    await preview.whenApplied();
    const srcOf = async () => /<img src="([^"]*dot\.png[^"]*)"/.exec((await preview.snapshot()).html)?.[1];
    const before = await srcOf();
    assert.ok(before, 'the local image is shown');
    const image = workspaceFile('img/dot.png');
    const bytes = await vscode.workspace.fs.readFile(image);
    await vscode.workspace.fs.writeFile(image, bytes); // as an image editor saving it again
    const after = await eventually(async () => {
      const src = await srcOf();
      assert.ok(src && src !== before, `the img src changed (cache-busted): ${src}`);
      return src;
    }, 15_000);
    assert.match(after, /hatena-version(=|%3D)\d+/); // Uri.toString() encodes the `=`
  });

  it('"Copy HTML" puts the entry body on the clipboard exactly as published', async () => {
    const editor = await openEditor('preview.md');
    const html = await vscode.commands.executeCommand<string>('hatenaWriter.copyHtml');
    const expected = createHatenaRenderer({ embeds: 'iframe', moreDivider: false }).render(editor.document.getText()).html;
    assert.equal(html, expected);
    assert.equal(await vscode.env.clipboard.readText(), expected);
    assert.doesNotMatch(expected, /data-line|code-line/);
    assert.match(expected, /<iframe src="https:\/\/hatenablog-parts\.com\/embed/);
    assert.match(expected, /<img src=".\/img\/dot\.png"/, 'paths stay as written');
    assert.match(html, /<!-- more -->/, 'the cut stays the bare comment Hatena reads');
    assert.doesNotMatch(html, /続きを読む/, 'no preview-only divider label in pasted HTML');
  });

  it('"Export HTML" writes a standalone page next to the file', async () => {
    await openEditor('preview.md');
    const target = await vscode.commands.executeCommand<vscode.Uri>('hatenaWriter.exportHtml');
    assert.ok(target);
    assert.equal(target.toString(), workspaceFile('preview.html').toString());
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /<title>プレビューのテスト<\/title>/);
    assert.match(page, /<style>[\s\S]*line-height: 1\.6[\s\S]*<\/style>/);
    assert.match(page, /<article class="entry">[\s\S]*<div class="entry-content hatenablog-entry">/);
    assert.doesNotMatch(page, /data-line/);
    assert.doesNotMatch(page, /<script/);
    // Exported again after an edit of the post: its own earlier page, untouched since, is replaced without asking
    // (a page it did not write, or its own page edited by hand, asks first: a modal question, in the e2e test).
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount, 0), '\n書き出し直前の追記\n'));
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('hatenaWriter.exportHtml'))?.toString(), target.toString());
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), /書き出し直前の追記/);
    await vscode.workspace.fs.delete(target);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('"Export HTML" onto a folder of that name writes nothing and does not fail', async () => {
    await openEditor('preview.md');
    const target = workspaceFile('preview.html');
    await vscode.workspace.fs.createDirectory(target);
    try {
      // An error message says why (e2e); the command neither throws nor writes into the folder.
      assert.equal(await vscode.commands.executeCommand<vscode.Uri | undefined>('hatenaWriter.exportHtml'), undefined);
      assert.deepEqual(await vscode.workspace.fs.readDirectory(target), []);
    } finally {
      await vscode.workspace.fs.delete(target, { recursive: true });
    }
  });
});
