// Hatena: Upload Local Images — every `![alt](relative/path "title")` of the post whose file exists (never in code
// or comments) is uploaded to Fotolife once per distinct file and replaced by `[f:id:…:plain:title=…:alt=…]`, in
// one edit (one undo). The uploads take a while: if the post changed meanwhile, the images are found again in the
// new text; if they cannot all be found, nothing is replaced and the message says so.
import * as vscode from 'vscode';
import { fotolifeNotation, findLocalImages, type LocalImageRef } from './localImages';
import { fotolifeFolder, maxSizeMB, prepareImage, type PreparedImage } from './prepare';
import { failureReason, needsSignIn, showUploadMessage, uploadInOrder, type UploadOutcome } from './uploadQueue';
import type { FotolifeProvider } from './pasteDrop';

export const UPLOAD_LOCAL_IMAGES_COMMAND = 'hatenaWriter.uploadLocalImages';

/** What the command did: for the publish command and the tests. */
export interface UploadLocalImagesResult {
  /** Local images replaced by Fotolife notation (each occurrence). */
  replaced: number;
  /** Distinct files uploaded. */
  uploaded: number;
  /** Distinct files that exist but were not uploaded, with why. */
  failed: { path: string; reason: string }[];
  /** Local image paths with no file behind them (left as they are). */
  missing: string[];
  message?: string;
}

/** The file a local image path names: relative to the post, `/`-leading from its workspace folder. */
export function localImageUri(document: vscode.TextDocument, path: string): vscode.Uri | undefined {
  const root = vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (path.startsWith('/')) return root ? vscode.Uri.joinPath(root, path) : undefined;
  if (document.uri.scheme === 'untitled') return root ? vscode.Uri.joinPath(root, path) : undefined;
  return vscode.Uri.joinPath(document.uri, '..', path);
}

async function readIfFile(uri: vscode.Uri): Promise<Uint8Array | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return undefined;
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

/** The same images in a newer text, in order, by their exact source; undefined when any of them is gone. */
export function relocate(refs: readonly LocalImageRef[], text: string): LocalImageRef[] | undefined {
  const now = findLocalImages(text);
  const out: LocalImageRef[] = [];
  let from = 0;
  for (const ref of refs) {
    const at = now.findIndex((r, i) => i >= from && r.source === ref.source);
    if (at < 0) return undefined;
    out.push(now[at]);
    from = at + 1;
  }
  return out;
}

export async function uploadLocalImages(document: vscode.TextDocument, fotolife: FotolifeProvider): Promise<UploadLocalImagesResult> {
  const version = document.version;
  const refs = findLocalImages(document.getText());
  const result: UploadLocalImagesResult = { replaced: 0, uploaded: 0, failed: [], missing: [] };
  // Distinct files, in the order the post first names them.
  const files = new Map<string, { uri: vscode.Uri; path: string; refs: LocalImageRef[]; image?: PreparedImage }>();
  const limit = maxSizeMB(document.uri);
  for (const ref of refs) {
    const uri = localImageUri(document, ref.path);
    if (!uri) { result.missing.push(ref.path); continue; }
    const key = uri.toString();
    const known = files.get(key);
    if (known) { known.refs.push(ref); continue; }
    const bytes = await readIfFile(uri);
    if (!bytes) { result.missing.push(ref.path); continue; }
    files.set(key, { uri, path: ref.path, refs: [ref], image: prepareImage(uri.path.split('/').pop() ?? 'image', bytes, limit) });
  }
  const list = [...files.values()];
  if (list.length === 0) {
    result.message = result.missing.length > 0
      ? vscode.l10n.t('No local image of this post can be uploaded: no file at {0}.', result.missing.join(', '))
      : vscode.l10n.t('This post has no local images to upload.');
    void vscode.window.showInformationMessage(result.message);
    return result;
  }
  const api = await fotolife();
  if (!api) {
    result.failed = list.map((f) => ({ path: f.path, reason: failureReason({ kind: 'not-signed-in' }) }));
    result.message = vscode.l10n.t('Sign in to Hatena to upload the {0} local images of this post.', list.length);
    showUploadMessage('warning', result.message, true);
    return result;
  }
  const outcomes: UploadOutcome[] = await uploadInOrder({ images: list.map((f) => f.image!), api, folder: fotolifeFolder(document.uri) });
  let signIn = false;
  const replacements: { ref: LocalImageRef; text: string }[] = [];
  outcomes.forEach((outcome, i) => {
    const file = list[i];
    if (outcome.ok) {
      result.uploaded++;
      for (const ref of file.refs) replacements.push({ ref, text: fotolifeNotation(outcome.upload.plainSyntax, ref.alt, ref.title) });
    } else {
      signIn ||= needsSignIn(outcome.failure);
      result.failed.push({ path: file.path, reason: failureReason(outcome.failure) });
    }
  });
  replacements.sort((a, b) => a.ref.start - b.ref.start);
  let applied = false;
  if (replacements.length > 0 && !document.isClosed) {
    const targets = document.version === version ? replacements.map((r) => r.ref) : relocate(replacements.map((r) => r.ref), document.getText());
    if (targets) {
      const edit = new vscode.WorkspaceEdit();
      targets.forEach((ref, i) => edit.replace(document.uri, new vscode.Range(document.positionAt(ref.start), document.positionAt(ref.end)), replacements[i].text));
      applied = await vscode.workspace.applyEdit(edit);
    }
    if (applied) result.replaced = replacements.length;
  }
  const parts: string[] = [];
  if (applied) parts.push(vscode.l10n.t('{0} local images uploaded to Hatena Fotolife and replaced.', result.uploaded));
  else if (replacements.length > 0) parts.push(vscode.l10n.t('{0} images were uploaded to Hatena Fotolife, but the post changed meanwhile and they could not be found again: nothing was replaced. Run the command again to put them in (they are uploaded again).', result.uploaded));
  if (result.failed.length > 0) parts.push(vscode.l10n.t('Not uploaded: {0}.', result.failed.map((f) => `${f.path} (${f.reason})`).join('; ')));
  if (result.missing.length > 0) parts.push(vscode.l10n.t('No file at {0}.', result.missing.join(', ')));
  result.message = parts.join(' ');
  showUploadMessage(applied && result.failed.length === 0 ? 'info' : 'warning', result.message, signIn);
  return result;
}
