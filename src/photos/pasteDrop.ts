// Paste or drop photos into a Hatena post: an edit "Upload to Hatena Fotolife" beside VS Code's own "Insert Image"
// (markdown-language-features copies the file into the workspace). hatenaWriter.images.paste says which VS Code
// applies by default; the other stays one click away in the paste/drop widget, and VS Code's paste-as preferences
// (editor.pasteAs.preferences: markdown.link.image.hatenaFotolife) override both.
//
// Why placeholders and not resolveDocumentPasteEdit: VS Code runs resolve before it applies the edit, tied to the
// editor's state — typing, moving the cursor or switching editors cancels it — and shows only its own "Running
// paste handlers" spinner. Ten slide photos take many seconds to upload, so the edit inserts one placeholder line
// per photo at once, and the upload starts when that text shows up in the document (so nothing is uploaded for an
// edit the writer did not pick, and undoing the paste or switching to the other edit in the widget — which
// removes the placeholders — stops it). Each placeholder becomes `[f:id:…:plain]` as its photo is uploaded, under
// one progress notification with Cancel; a photo that is not uploaded is saved next to the post as `![](name)`.
import * as vscode from 'vscode';
import type { FotolifeApi } from '../blog/hatenaEntry';
import { IMAGE_EXTENSIONS } from './imageType';
import { KeptNames, keepInWorkspace } from './keepInWorkspace';
import { fotolifeFolder, maxSizeMB, prepareImage, type PreparedImage } from './prepare';
import { failureReason, needsSignIn, showUploadMessage, uploadInOrder, type UploadOutcome } from './uploadQueue';

export type FotolifeProvider = () => Promise<FotolifeApi | undefined>;

export const FOTOLIFE_EDIT_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'image', 'hatenaFotolife');
/** markdown-language-features' kind for an image copied into the workspace and linked (`![](…)`). */
export const WORKSPACE_IMAGE_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'image');
export const PHOTO_MIME_TYPES = ['files', 'image/*', 'text/uri-list'];

/** What one paste or drop did, for the integration tests (and nothing else). */
export interface PhotoUploadReport {
  document: vscode.TextDocument;
  names: string[];
  outcomes: UploadOutcome[];
  /** Per photo, the text that replaced its placeholder. */
  inserted: (string | undefined)[];
  /** The message shown, if any. */
  message?: string;
}

interface PendingJob {
  id: string;
  images: PreparedImage[];
  placeholders: string[];
  started: boolean;
  expires: ReturnType<typeof setTimeout>;
}

export type PastePreference = 'fotolife' | 'workspace';

export function pastePreference(scope?: vscode.Uri): PastePreference {
  return vscode.workspace.getConfiguration('hatenaWriter', scope).get<string>('images.paste') === 'workspace' ? 'workspace' : 'fotolife';
}

function jobId(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** The photos in a paste or drop, in order: files (dropped or pasted), else image files from a URI list. */
async function photosIn(dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<{ name: string; bytes: Uint8Array }[]> {
  const files: { name: string; uri?: vscode.Uri; file: vscode.DataTransferFile }[] = [];
  const seen = new Set<vscode.DataTransferFile>();
  for (const [mime, item] of dataTransfer) {
    const file = item.asFile();
    if (!file || seen.has(file)) continue;
    if (!mime.startsWith('image/') && !IMAGE_EXTENSIONS.test(file.name)) continue;
    seen.add(file);
    files.push({ name: file.name, ...(file.uri ? { uri: file.uri } : {}), file });
  }
  const uriList = await dataTransfer.get('text/uri-list')?.asString();
  const uris = (uriList ?? '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (files.length > 0) {
    // Dropped files come grouped by type; the URI list keeps the order the writer chose them in.
    const order = (f: { uri?: vscode.Uri }) => (f.uri ? uris.indexOf(f.uri.toString()) : -1);
    if (files.every((f) => order(f) >= 0)) files.sort((a, b) => order(a) - order(b));
    const out: { name: string; bytes: Uint8Array }[] = [];
    for (const f of files) {
      if (token.isCancellationRequested) return [];
      out.push({ name: f.name, bytes: await f.file.data() });
    }
    return out;
  }
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const entry of uris) {
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(entry, true);
    } catch {
      continue;
    }
    if (!IMAGE_EXTENSIONS.test(uri.path) || uri.scheme === 'http' || uri.scheme === 'https') continue;
    try {
      out.push({ name: uri.path.split('/').pop() ?? 'image', bytes: await vscode.workspace.fs.readFile(uri) });
    } catch {
      // Not readable (a folder, gone): not a photo of this paste.
    }
    if (token.isCancellationRequested) return [];
  }
  return out;
}

export class PhotoPasteDrop implements vscode.DocumentPasteEditProvider, vscode.DocumentDropEditProvider, vscode.Disposable {
  private readonly pending = new Map<string, PendingJob>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reports = new vscode.EventEmitter<PhotoUploadReport>();
  readonly onDidFinish = this.reports.event;

  constructor(
    private readonly isHatenaPost: (document: vscode.TextDocument) => boolean,
    private readonly fotolife: () => FotolifeProvider,
  ) {
    this.disposables.push(this.reports, vscode.workspace.onDidChangeTextDocument((e) => this.onChange(e)));
  }

  async provideDocumentPasteEdits(document: vscode.TextDocument, _ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer, context: vscode.DocumentPasteEditContext, token: vscode.CancellationToken): Promise<vscode.DocumentPasteEdit[] | undefined> {
    if (context.only && !context.only.intersects(FOTOLIFE_EDIT_KIND)) return undefined;
    const job = await this.prepare(document, dataTransfer, token);
    if (!job) return undefined;
    const edit = new vscode.DocumentPasteEdit(job, this.title(), FOTOLIFE_EDIT_KIND);
    edit.yieldTo = this.yieldTo(document);
    return [edit];
  }

  async provideDocumentDropEdits(document: vscode.TextDocument, _position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<vscode.DocumentDropEdit | undefined> {
    const job = await this.prepare(document, dataTransfer, token);
    if (!job) return undefined;
    const edit = new vscode.DocumentDropEdit(job, this.title(), FOTOLIFE_EDIT_KIND);
    edit.yieldTo = this.yieldTo(document);
    return edit;
  }

  private title(): string {
    return vscode.l10n.t('Upload to Hatena Fotolife');
  }

  /** `workspace`: below VS Code's "Insert Image". `fotolife`: first (registered after markdown-language-features). */
  private yieldTo(document: vscode.TextDocument): vscode.DocumentDropOrPasteEditKind[] {
    return pastePreference(document.uri) === 'workspace' ? [WORKSPACE_IMAGE_KIND] : [];
  }

  /** Reads the photos now (the data transfer lives only as long as the paste) and returns the placeholder text. */
  private async prepare(document: vscode.TextDocument, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<string | undefined> {
    if (!this.isHatenaPost(document)) return undefined;
    const photos = await photosIn(dataTransfer, token);
    if (photos.length === 0 || token.isCancellationRequested) return undefined;
    const limit = maxSizeMB(document.uri);
    const images = photos.map((p) => prepareImage(p.name, p.bytes, limit));
    const id = jobId();
    const placeholders = images.map((image, i) => `[${vscode.l10n.t('Uploading {0} to Hatena Fotolife…', image.name.replace(/[[\]\n]/g, '_'))} #${id}-${i + 1}]`);
    // An edit VS Code offered but the writer never applied is forgotten after a minute.
    const expires = setTimeout(() => { const job = this.pending.get(id); if (job && !job.started) this.pending.delete(id); }, 60_000);
    this.pending.set(id, { id, images, placeholders, started: false, expires });
    return placeholders.join('\n');
  }

  private onChange(e: vscode.TextDocumentChangeEvent): void {
    if (this.pending.size === 0) return;
    for (const change of e.contentChanges) {
      for (const job of this.pending.values()) {
        if (job.started || !change.text.includes(`#${job.id}-`)) continue;
        job.started = true;
        clearTimeout(job.expires);
        void this.run(e.document, job).finally(() => this.pending.delete(job.id));
      }
    }
  }

  private async run(document: vscode.TextDocument, job: PendingJob): Promise<void> {
    const has = (i: number) => !document.isClosed && document.getText().includes(job.placeholders[i]);
    let current = -1;
    const api = await this.fotolife()();
    const names = new KeptNames();
    const inserted: (string | undefined)[] = [];
    const notUploaded: string[] = [];
    let signIn = false;
    const outcomes = await uploadInOrder({
      images: job.images,
      api,
      folder: fotolifeFolder(document.uri),
      wanted: (i) => { current = i; return has(i); },
      abortCurrent: (abort) => vscode.workspace.onDidChangeTextDocument((e) => { if (e.document === document && current >= 0 && !has(current)) abort(); }),
      done: async (i, outcome) => {
        const image = job.images[i];
        let text: string | undefined;
        if (outcome.ok) {
          text = `[${outcome.upload.plainSyntax.replace(/^\[|\]$/g, '')}]`;
        } else if (outcome.failure.kind !== 'skipped' && has(i)) {
          signIn ||= needsSignIn(outcome.failure);
          const kept = await keepInWorkspace(document, image.name, image.bytes, names);
          text = kept?.markdown ?? '';
          notUploaded.push(kept
            ? vscode.l10n.t('{0} ({1}), saved as {2}', image.name, failureReason(outcome.failure), vscode.workspace.asRelativePath(kept.uri))
            : vscode.l10n.t('{0} ({1}), not saved: this post has no folder', image.name, failureReason(outcome.failure)));
        }
        if (text !== undefined) await replaceAll(document, job.placeholders[i], text);
        inserted.push(text);
      },
    });
    let message: string | undefined;
    if (notUploaded.length > 0) {
      message = vscode.l10n.t('{0} of {1} photos were not uploaded to Hatena Fotolife: {2}', notUploaded.length, job.images.length, notUploaded.join('; '));
      showUploadMessage('warning', message, signIn);
    }
    this.reports.fire({ document, names: job.images.map((i) => i.name), outcomes, inserted, ...(message ? { message } : {}) });
  }

  dispose(): void {
    for (const job of this.pending.values()) clearTimeout(job.expires);
    this.pending.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/** Replaces every occurrence of a placeholder (a multi-cursor paste inserts it at each cursor). */
async function replaceAll(document: vscode.TextDocument, placeholder: string, text: string): Promise<void> {
  if (document.isClosed) return;
  const source = document.getText();
  const edit = new vscode.WorkspaceEdit();
  for (let at = source.indexOf(placeholder); at >= 0; at = source.indexOf(placeholder, at + placeholder.length)) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + placeholder.length)), text);
  }
  if (edit.size > 0) await vscode.workspace.applyEdit(edit);
}
