// "Hatena: Copy HTML" and "Hatena: Export HTML": the entry exactly as Hatena publishes it, for pasting into Hatena's
// HTML editor or for reading/sharing outside VS Code. vscode.workspace.fs only (works on vscode.dev too).
import * as vscode from 'vscode';
import { renderEntryArticle } from '../hatena';
import { basename } from './hatenaPreview';
import { buildStandalonePage } from './previewDocument';
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

export function registerPublishCommands(extensionUri: vscode.Uri, manager: PreviewManager): vscode.Disposable[] {
  const noDocument = () => void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown file first.'));

  return [
    vscode.commands.registerCommand('hatenaWriter.copyHtml', async (arg?: unknown): Promise<string | undefined> => {
      const document = await targetDocument(manager, arg);
      if (!document) return noDocument();
      const html = manager.renderers.renderPublished(document.getText()).html;
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
      const entry = manager.renderers.renderPublished(document.getText());
      const css = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'hatena.css')));
      const page = buildStandalonePage({
        title: entry.frontMatter?.title ?? basename(document.uri),
        articleHtml: renderEntryArticle(entry),
        css,
      });
      const target = exportTarget(document.uri);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(page));
      const open = vscode.l10n.t('Open in Browser');
      void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}', basename(target)), open).then((choice) => {
        if (choice === open) void vscode.env.openExternal(target);
      });
      return target;
    }),
  ];
}
