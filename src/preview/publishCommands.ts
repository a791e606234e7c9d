// "Hatena: Copy HTML" and "Hatena: Export HTML": the entry exactly as Hatena publishes it, for pasting into Hatena's
// HTML editor or for reading/sharing outside VS Code. vscode.workspace.fs only (works on vscode.dev too).
import * as vscode from 'vscode';
import { renderEntryArticle } from '../hatena';
import { basename } from './hatenaPreview';
import { buildStandalonePage, isUntouchedExport } from './previewDocument';
import type { PreviewManager } from './previewManager';

/** The Markdown document a publish command acts on: an explicit uri, the active editor, else the previewed one. */
async function targetDocument(manager: PreviewManager, arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'markdown') return active;
  const previewed = manager.activePreview?.documentUri;
  return previewed ? vscode.workspace.openTextDocument(previewed) : undefined;
}

/** `report.md` → `report.html` in the same folder (`notes` → `notes.html`). */
export function exportTarget(uri: vscode.Uri): vscode.Uri {
  const name = basename(uri);
  const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
  return vscode.Uri.joinPath(uri, '..', `${stem || 'entry'}.html`);
}

/** Documents above this many UTF-16 code units show a progress notification while their HTML is rendered. */
const SHOW_PROGRESS_CHARS = 200_000;

/**
 * Runs `work` on `text` (the document's text, taken once: synchronous, possibly long work such as rendering a huge
 * post) under a progress notification when it is large, after giving the notification a chance to show; at once
 * otherwise.
 */
async function withRenderProgress<T>(document: vscode.TextDocument, text: string, work: (text: string) => T): Promise<T> {
  if (text.length < SHOW_PROGRESS_CHARS) return work(text);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Rendering {0} as Hatena Blog HTML…', basename(document.uri)) },
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return work(text);
    },
  );
}

/** The code of a vscode.FileSystemError (FileNotFound, FileIsADirectory, NoPermissions …), else undefined. */
function fileSystemErrorCode(error: unknown): string | undefined {
  if (error instanceof vscode.FileSystemError) return error.code;
  // Errors from another file system provider's copy of the API: the same shape.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whether `target` may be written: it does not exist, or it is an earlier export nobody edited since (its stamp
 * matches its content), or the user says to replace it (a hand-written report.html next to report.md, or an export
 * edited by hand, is not overwritten silently). Anything that stops the check (a folder named report.html, no
 * permission to read it) is said as such, and nothing is written.
 */
async function mayWrite(target: vscode.Uri): Promise<boolean> {
  let existing: Uint8Array;
  try {
    existing = await vscode.workspace.fs.readFile(target);
  } catch (error) {
    const code = fileSystemErrorCode(error);
    if (code === 'FileNotFound') return true;
    void vscode.window.showErrorMessage(
      code === 'FileIsADirectory'
        ? vscode.l10n.t('{0} is a folder: the HTML page cannot be written there.', basename(target))
        : vscode.l10n.t('Could not check {0} before replacing it: {1}', basename(target), errorText(error)),
    );
    return false;
  }
  if (isUntouchedExport(new TextDecoder().decode(existing))) return true;
  const replace = vscode.l10n.t('Replace');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('{0} already exists and is not a page exported by Hatena Writer, or it was edited since. Replace it?', basename(target)),
    { modal: true },
    replace,
  );
  return choice === replace;
}

export function registerPublishCommands(extensionUri: vscode.Uri, manager: PreviewManager): vscode.Disposable[] {
  const noDocument = () => void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown file first.'));

  return [
    vscode.commands.registerCommand('hatenaWriter.copyHtml', async (arg?: unknown): Promise<string | undefined> => {
      const document = await targetDocument(manager, arg);
      if (!document) return noDocument();
      const html = await withRenderProgress(document, document.getText(), (text) => manager.renderers.renderPublished(text).html);
      await vscode.env.clipboard.writeText(html);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the HTML of {0} for Hatena Blog', basename(document.uri)), 4000);
      return html;
    }),

    vscode.commands.registerCommand('hatenaWriter.exportHtml', async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const document = await targetDocument(manager, arg);
      if (!document) return noDocument();
      if (document.isUntitled) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Save the file first: the HTML page is written next to it.'));
        return undefined;
      }
      const target = exportTarget(document.uri);
      if (!(await mayWrite(target))) return undefined;
      const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'hatena.css')));
      const page = await withRenderProgress(document, document.getText(), (text) => {
        const entry = manager.renderers.renderPublished(text);
        return buildStandalonePage({
          title: entry.frontMatter?.title ?? basename(document.uri),
          articleHtml: renderEntryArticle(entry),
          css,
        });
      });
      try {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(page));
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', basename(target), errorText(error)));
        return undefined;
      }
      const open = vscode.l10n.t('Open in Browser');
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', basename(target)), open).then((choice) => {
        if (choice === open) void vscode.env.openExternal(target);
      });
      return target;
    }),
  ];
}
