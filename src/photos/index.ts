// Photos in Hatena posts: paste or drop → Hatena Fotolife, and Hatena: Upload Local Images.
// The uploader comes through a seam (FotolifeProvider) so sign-in (the API key in SecretStorage) stays elsewhere:
// it answers undefined when the writer is not signed in, and the messages then offer hatenaWriter.signIn.
import * as vscode from 'vscode';
import { FOTOLIFE_EDIT_KIND, PHOTO_MIME_TYPES, PhotoPasteDrop, type FotolifeProvider, type PhotoUploadReport } from './pasteDrop';
import { UPLOAD_LOCAL_IMAGES_COMMAND, uploadLocalImages, type UploadLocalImagesResult } from './uploadLocalImages';

export type { FotolifeProvider, PhotoUploadReport } from './pasteDrop';
export type { UploadLocalImagesResult } from './uploadLocalImages';
export { findLocalImages, hasLocalImages } from './localImages';

/** For the integration tests only (extension.ts hands it out in ExtensionMode.Test). */
export interface PhotoTestHooks {
  /** Replaces the uploader (undefined: back to the one the extension was wired with). */
  setFotolife(provider: FotolifeProvider | undefined): void;
  /** The provider registered for paste and for drop (one object). */
  readonly provider: vscode.DocumentPasteEditProvider & vscode.DocumentDropEditProvider;
  /** A paste or drop finished uploading (every placeholder replaced). */
  readonly onDidFinishUploads: vscode.Event<PhotoUploadReport>;
}

const MARKDOWN_EXTENSION = 'vscode.markdown-language-features';

export function registerPhotoFeatures(context: vscode.ExtensionContext, isHatenaPost: (document: vscode.TextDocument) => boolean, fotolife: FotolifeProvider): PhotoTestHooks {
  let override: FotolifeProvider | undefined;
  const current = () => override ?? fotolife;
  const provider = new PhotoPasteDrop(isHatenaPost, current);
  context.subscriptions.push(provider);

  // Among providers of equal score VS Code lists the later registered first: registering after
  // markdown-language-features has activated makes "Upload to Hatena Fotolife" the default unless it yields
  // (hatenaWriter.images.paste = workspace).
  let registrations: vscode.Disposable | undefined;
  let disposed = false;
  const register = () => {
    if (disposed || registrations) return;
    const selector: vscode.DocumentSelector = { language: 'markdown' };
    registrations = vscode.Disposable.from(
      vscode.languages.registerDocumentPasteEditProvider(selector, provider, { providedPasteEditKinds: [FOTOLIFE_EDIT_KIND], pasteMimeTypes: PHOTO_MIME_TYPES }),
      vscode.languages.registerDocumentDropEditProvider(selector, provider, { providedDropEditKinds: [FOTOLIFE_EDIT_KIND], dropMimeTypes: PHOTO_MIME_TYPES }),
    );
  };
  const markdown = vscode.extensions.getExtension(MARKDOWN_EXTENSION);
  if (markdown && !markdown.isActive) void Promise.resolve(markdown.activate()).then(register, register);
  else register();
  context.subscriptions.push({ dispose: () => { disposed = true; registrations?.dispose(); } });

  context.subscriptions.push(vscode.commands.registerCommand(UPLOAD_LOCAL_IMAGES_COMMAND, async (target?: vscode.Uri): Promise<UploadLocalImagesResult | undefined> => {
    const document = target instanceof vscode.Uri
      ? await vscode.workspace.openTextDocument(target)
      : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown post to upload its local images.'));
      return undefined;
    }
    return uploadLocalImages(document, current());
  }));

  return {
    setFotolife: (p) => { override = p; },
    provider,
    onDidFinishUploads: provider.onDidFinish,
  };
}
