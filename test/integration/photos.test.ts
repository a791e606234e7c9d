import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FotolifeClient } from '../../src/blog/fotolifeClient';
import type { FotolifeApi } from '../../src/blog/hatenaEntry';
import type { HatenaWriterExports } from '../../src/extension';
import type { PhotoTestHooks, PhotoUploadReport } from '../../src/photos';
import type { UploadLocalImagesResult } from '../../src/photos/uploadLocalImages';
import { startHatenaStandin, type Standin } from '../standin/hatenaStandin';
import { GIF_1X1, JPEG_1X1, PNG_1X1, WEBP_HEAD } from '../unit/photos/tinyImages';
import { EXTENSION_ID } from './snippetHelpers';
import { waitFor } from '../vscode/poll';

// Photos in the real editor: the paste and drop provider driven as VS Code drives it (provide the edit, apply its
// text where the cursor is), uploads through the real FotolifeClient to the stand-in Fotolife, Upload Local Images.

const FRONT_MATTER = '---\nTitle: 写真テスト\nEditURL: https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/1\n---\n\n';
const PLAIN = /^\[f:id:yasay:\d{14}([jpg]):plain\]$/;

class FileItem extends vscode.DataTransferItem {
  constructor(private readonly file: vscode.DataTransferFile) { super(''); }
  override asFile(): vscode.DataTransferFile { return this.file; }
}

function file(name: string, bytes: Uint8Array): FileItem {
  return new FileItem({ name, data: async () => bytes });
}

/** A data transfer as VS Code hands a drop of several files over: one entry per file, same types repeated. */
function transfer(entries: [string, vscode.DataTransferItem][]): vscode.DataTransfer {
  return {
    get: (mime: string) => entries.find(([m]) => m === mime)?.[1],
    set: () => undefined,
    forEach(callback: (item: vscode.DataTransferItem, mime: string, dt: vscode.DataTransfer) => void, thisArg?: unknown) {
      for (const [m, item] of entries) callback.call(thisArg, item, m, this);
    },
    [Symbol.iterator]: () => entries[Symbol.iterator](),
  };
}

const token = () => new vscode.CancellationTokenSource().token;
const bytesOf = async (uri: vscode.Uri) => [...(await vscode.workspace.fs.readFile(uri))];

describe('integration: photos (paste/drop to Fotolife, Upload Local Images)', function () {
  this.timeout(60_000);
  let standin: Standin;
  let hooks: PhotoTestHooks;
  let dir: vscode.Uri;
  let client: FotolifeApi;

  before(async () => {
    const exports = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as HatenaWriterExports;
    assert.ok(exports.testing, 'the test hooks (ExtensionMode.Test)');
    hooks = exports.testing.photos;
    standin = await startHatenaStandin();
    client = new FotolifeClient({ username: 'yasay', apiKey: 'test-api-key', endpoint: standin.fotolifeEndpoint });
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration workspace is open');
    dir = vscode.Uri.joinPath(folder.uri, 'photos-test');
  });

  beforeEach(async () => {
    hooks.setFotolife(async () => client);
    await vscode.workspace.fs.createDirectory(dir);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
    await vscode.workspace.getConfiguration('hatenaWriter').update('images.paste', undefined, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    hooks.setFotolife(undefined);
    await standin.close();
  });

  let posts = 0;
  /** A new post file each time: VS Code keeps a closed file's model a while, and a reused name could find old text. */
  async function openPost(body: string): Promise<vscode.TextEditor> {
    const uri = vscode.Uri.joinPath(dir, `post-${++posts}.md`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(FRONT_MATTER + body));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    return editor;
  }

  /** Applies an edit's text at the cursor, as VS Code does with the edit it picked; resolves when the uploads end. */
  async function apply(editor: vscode.TextEditor, insertText: string | vscode.SnippetString): Promise<PhotoUploadReport> {
    const finished = new Promise<PhotoUploadReport>((resolve) => { const d = hooks.onDidFinishUploads((r) => { d.dispose(); resolve(r); }); });
    const text = typeof insertText === 'string' ? insertText : insertText.value;
    assert.ok(await editor.edit((b) => b.replace(editor.selection, text)));
    return finished;
  }

  const bodyLines = (doc: vscode.TextDocument) => doc.getText().slice(FRONT_MATTER.length).split('\n').filter((l) => l !== '');

  it('paste: offers "Upload to Hatena Fotolife", shows a placeholder, then inserts [f:id:…:plain] from the upload', async () => {
    const editor = await openPost('');
    const dt = new vscode.DataTransfer();
    dt.set('image/png', file('image.png', PNG_1X1));
    const edits = await hooks.provider.provideDocumentPasteEdits!(editor.document, [editor.selection], dt, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token());
    assert.equal(edits?.length, 1);
    const [edit] = edits!;
    assert.equal(edit.kind.value, 'markdown.link.image.hatenaFotolife');
    assert.equal(edit.title, 'Upload to Hatena Fotolife');
    assert.deepEqual(edit.yieldTo ?? [], [], 'preferred by default (hatenaWriter.images.paste = fotolife)');
    const before = standin.uploads.length;
    const finished = apply(editor, edit.insertText);
    await waitFor(() => editor.document.getText().includes('Uploading image.png to Hatena Fotolife'), 'the placeholder');
    const report = await finished;
    assert.equal(report.message, undefined);
    assert.deepEqual(bodyLines(editor.document), [`[${standin.uploads[before].syntax.replace(/:image$/, ':plain')}]`]);
    assert.match(bodyLines(editor.document)[0], PLAIN);
    const upload = standin.uploads[before];
    assert.deepEqual([upload.title, upload.mimeType, upload.folder], ['image', 'image/png', 'Hatena Blog']);
    assert.deepEqual([...upload.bytes], [...PNG_1X1]);
  });

  it('signed in with Hatena: Sign In…, a paste uploads with that account to hatenaWriter.fotolife.endpoint', async () => {
    const config = vscode.workspace.getConfiguration('hatenaWriter');
    const publish = ((await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as HatenaWriterExports).testing!.publish;
    const answers = [standin.endpoint, 'test-api-key'];
    const seam = publish.usePrompts({ inputBox: async () => answers.shift(), notify: async () => undefined });
    try {
      await config.update('fotolife.endpoint', standin.fotolifeEndpoint, vscode.ConfigurationTarget.Global);
      assert.equal(await vscode.commands.executeCommand('hatenaWriter.signIn'), true, 'signed in to the stand-in');
      hooks.setFotolife(undefined); // the extension's own wiring, not the test's client
      const editor = await openPost('');
      const dt = new vscode.DataTransfer();
      dt.set('image/png', file('slide.png', PNG_1X1));
      const [edit] = (await hooks.provider.provideDocumentPasteEdits!(editor.document, [editor.selection], dt, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token()))!;
      const before = standin.uploads.length;
      const report = await apply(editor, edit.insertText);
      assert.equal(report.message, undefined);
      assert.equal(standin.uploads.length, before + 1, 'uploaded to the stand-in with the signed-in key (WSSE checked there)');
      assert.match(bodyLines(editor.document)[0], PLAIN);
      await vscode.commands.executeCommand('hatenaWriter.signOut');
      const [again] = (await hooks.provider.provideDocumentPasteEdits!(editor.document, [editor.selection], dt, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token()))!;
      const signedOut = await apply(editor, again.insertText);
      assert.equal(standin.uploads.length, before + 1, 'signed out: nothing uploaded');
      assert.match(signedOut.message ?? '', /not signed in/i);
    } finally {
      seam.dispose();
      await config.update('fotolife.endpoint', undefined, vscode.ConfigurationTarget.Global);
      await config.update('blog.endpoint', undefined, vscode.ConfigurationTarget.Global);
      await config.update('hatenaId', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('paste into an ordinary Markdown file (not a post) offers nothing; a Paste As for another kind neither', async () => {
    const uri = vscode.Uri.joinPath(dir, 'README.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# readme\n'));
    const readme = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(readme);
    const dt = new vscode.DataTransfer();
    dt.set('image/png', file('image.png', PNG_1X1));
    const auto = { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic };
    assert.equal(await hooks.provider.provideDocumentPasteEdits!(readme, [new vscode.Range(0, 0, 0, 0)], dt, auto, token()), undefined);
    const post = await openPost('');
    const asText = { only: vscode.DocumentDropOrPasteEditKind.Text, triggerKind: vscode.DocumentPasteTriggerKind.PasteAs };
    assert.equal(await hooks.provider.provideDocumentPasteEdits!(post.document, [post.selection], dt, asText, token()), undefined);
  });

  it('hatenaWriter.images.paste = workspace: the Fotolife edit yields to VS Code\'s own image insert', async () => {
    await vscode.workspace.getConfiguration('hatenaWriter').update('images.paste', 'workspace', vscode.ConfigurationTarget.Workspace);
    const editor = await openPost('');
    const dt = new vscode.DataTransfer();
    dt.set('image/gif', file('anim.gif', GIF_1X1));
    const [edit] = (await hooks.provider.provideDocumentPasteEdits!(editor.document, [editor.selection], dt, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token()))!;
    assert.deepEqual(edit.yieldTo?.map((k) => k.value), ['markdown.link.image']);
  });

  it('drop of several files: uploaded in order (type from the bytes), one line each; a WebP is kept in the workspace with a message', async () => {
    const editor = await openPost('');
    const dt = transfer([
      ['image/jpeg', file('slide1.jpg', JPEG_1X1)],
      ['image/png', file('slide2.png', PNG_1X1)],
      ['image/png', file('slide3.png', JPEG_1X1)], // a JPEG named .png: sent as image/jpeg
      ['image/gif', file('slide4.gif', GIF_1X1)],
      ['image/webp', file('slide5.webp', WEBP_HEAD)],
    ]);
    const edit = await hooks.provider.provideDocumentDropEdits(editor.document, editor.selection.active, dt, token());
    assert.ok(edit && !Array.isArray(edit));
    assert.equal(edit.kind?.value, 'markdown.link.image.hatenaFotolife');
    const before = standin.uploads.length;
    const report = await apply(editor, edit.insertText);
    const uploads = standin.uploads.slice(before);
    assert.deepEqual(uploads.map((u) => [u.title, u.mimeType]), [['slide1', 'image/jpeg'], ['slide2', 'image/png'], ['slide3', 'image/jpeg'], ['slide4', 'image/gif']]);
    const lines = bodyLines(editor.document);
    assert.deepEqual(lines.slice(0, 4), uploads.map((u) => `[${u.syntax.replace(/:image$/, ':plain')}]`));
    assert.deepEqual(lines.slice(0, 4).map((l) => PLAIN.exec(l)?.[1]), ['j', 'p', 'j', 'g']);
    assert.equal(lines[4], '![](slide5.webp)');
    assert.deepEqual(await bytesOf(vscode.Uri.joinPath(dir, 'slide5.webp')), [...WEBP_HEAD]);
    assert.match(report.message ?? '', /1 of 5 photos were not uploaded[\s\S]*slide5\.webp[\s\S]*WebP[\s\S]*JPEG, PNG and GIF/);
  });

  it('a failing upload (401) keeps the photo next to the post under a new name, ![](…) in the post and a message', async () => {
    const editor = await openPost('');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'image.png'), new Uint8Array([1, 2, 3])); // taken: never overwritten
    const dt = new vscode.DataTransfer();
    dt.set('image/png', file('image.png', PNG_1X1));
    const [edit] = (await hooks.provider.provideDocumentPasteEdits!(editor.document, [editor.selection], dt, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token()))!;
    standin.failNext(401, 'WSSE authentication failed');
    const report = await apply(editor, edit.insertText);
    assert.deepEqual(bodyLines(editor.document), ['![](image-1.png)']);
    assert.deepEqual(await bytesOf(vscode.Uri.joinPath(dir, 'image-1.png')), [...PNG_1X1]);
    assert.deepEqual(await bytesOf(vscode.Uri.joinPath(dir, 'image.png')), [1, 2, 3]);
    assert.match(report.message ?? '', /not uploaded[\s\S]*Hatena id or API key[\s\S]*image-1\.png/);
  });

  it('not signed in, or over hatenaWriter.images.maxSizeMB: kept in the workspace and said so', async () => {
    hooks.setFotolife(async () => undefined);
    const editor = await openPost('');
    const dt = new vscode.DataTransfer();
    dt.set('image/png', file('shot.png', PNG_1X1));
    const [edit] = (await hooks.provider.provideDocumentPasteEdits!(editor.document, [editor.selection], dt, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token()))!;
    const report = await apply(editor, edit.insertText);
    assert.deepEqual(bodyLines(editor.document), ['![](shot.png)']);
    assert.match(report.message ?? '', /not signed in to Hatena/);

    hooks.setFotolife(async () => client);
    await vscode.workspace.getConfiguration('hatenaWriter').update('images.maxSizeMB', 0.00001, vscode.ConfigurationTarget.Workspace);
    try {
      const big = new vscode.DataTransfer();
      big.set('image/jpeg', file('big.jpg', JPEG_1X1));
      const [e2] = (await hooks.provider.provideDocumentPasteEdits!(editor.document, [editor.selection], big, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token()))!;
      const before = standin.uploads.length;
      const r2 = await apply(editor, e2.insertText);
      assert.equal(standin.uploads.length, before, 'nothing uploaded');
      assert.match(r2.message ?? '', /big\.jpg[\s\S]*MB/);
      assert.ok(editor.document.getText().includes('![](big.jpg)'));
    } finally {
      await vscode.workspace.getConfiguration('hatenaWriter').update('images.maxSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('undoing the paste while the photo uploads stops the upload and inserts nothing', async () => {
    const editor = await openPost('');
    const dt = new vscode.DataTransfer();
    dt.set('image/png', file('slow.png', PNG_1X1));
    const [edit] = (await hooks.provider.provideDocumentPasteEdits!(editor.document, [editor.selection], dt, { only: undefined, triggerKind: vscode.DocumentPasteTriggerKind.Automatic }, token()))!;
    const before = standin.requests.length;
    standin.hangNext();
    const finished = apply(editor, edit.insertText);
    await waitFor(() => standin.requests.length > before, 'the upload request to reach the stand-in');
    await vscode.commands.executeCommand('undo');
    const report = await finished;
    assert.deepEqual(report.outcomes, [{ ok: false, failure: { kind: 'skipped' } }], 'aborted, not timed out');
    assert.equal(report.message, undefined);
    assert.deepEqual(bodyLines(editor.document), []);
  });

  it('Upload Local Images: each existing file once, replaced with title= and alt=; code, comments and missing files untouched; one undo', async () => {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'img', 'hall.png'), PNG_1X1);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'img', 'stage.jpg'), JPEG_1X1);
    const body = [
      '![会場](img/hall.png "メイン会場")', '',
      '```', '![code](img/hall.png)', '```', '',
      '<!-- ![comment](img/stage.jpg) -->', '',
      'Inline `![span](img/stage.jpg)` here.', '',
      '    ![indented](img/stage.jpg)', '',
      '![ステージ](img/stage.jpg) and again ![](img/hall.png)', '',
      '![gone](img/gone.png)', '',
    ].join('\n');
    const editor = await openPost(body);
    const original = editor.document.getText();
    const before = standin.uploads.length;
    const result = await vscode.commands.executeCommand<UploadLocalImagesResult>('hatenaWriter.uploadLocalImages', editor.document.uri);
    const uploads = standin.uploads.slice(before);
    assert.deepEqual(uploads.map((u) => [u.title, u.mimeType]), [['hall', 'image/png'], ['stage', 'image/jpeg']]);
    assert.deepEqual([result.uploaded, result.replaced, result.missing], [2, 3, ['img/gone.png']]);
    const [hall, stage] = uploads.map((u) => u.syntax.replace(/:image$/, ':plain'));
    const expected = original
      .replace('![会場](img/hall.png "メイン会場")', `[${hall}:title=メイン会場:alt=会場]`)
      .replace('![ステージ](img/stage.jpg) and again ![](img/hall.png)', `[${stage}:alt=ステージ] and again [${hall}]`);
    assert.equal(editor.document.getText(), expected);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original, 'one undo restores the post');
  });

  it('Upload Local Images finds the images again when the post changed during the upload, and aborts when one is gone', async () => {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'a.png'), PNG_1X1);
    const editor = await openPost('![a](a.png)\n');
    let typed = false;
    hooks.setFotolife(async () => ({
      upload: async (image, signal) => {
        if (!typed) { typed = true; await editor.edit((b) => b.insert(new vscode.Position(5, 0), 'typed meanwhile\n')); }
        return client.upload(image, signal);
      },
    }));
    const result = await vscode.commands.executeCommand<UploadLocalImagesResult>('hatenaWriter.uploadLocalImages', editor.document.uri);
    assert.equal(result.replaced, 1);
    assert.match(editor.document.getText(), /typed meanwhile\n\[f:id:yasay:\d{14}p:plain:alt=a\]\n$/);

    const second = await openPost('![b](a.png)\n');
    hooks.setFotolife(async () => ({
      upload: async (image, signal) => {
        await second.edit((b) => b.replace(new vscode.Range(5, 0, 5, 11), 'deleted'));
        return client.upload(image, signal);
      },
    }));
    const aborted = await vscode.commands.executeCommand<UploadLocalImagesResult>('hatenaWriter.uploadLocalImages', second.document.uri);
    assert.equal(aborted.replaced, 0);
    assert.match(aborted.message ?? '', /changed meanwhile/);
    assert.equal(second.document.getText(), `${FRONT_MATTER}deleted\n`);
  });

  it('Problems: a local image outside the workspace is reported', async () => {
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, 'here.png'), PNG_1X1);
    const editor = await openPost('![out](../../outside.png)\n\n![in](here.png)\n');
    const ours = () => vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Hatena Writer');
    await waitFor(() => ours().length === 1, `one Hatena diagnostic (have ${ours().map((d) => d.code).join(', ')})`);
    const [d] = ours();
    assert.equal(d.code, 'local-image-outside');
    assert.equal(editor.document.getText(d.range), '../../outside.png');
    assert.match(d.message, /outside the workspace/);
  });
});
