// "Hatena: Insert Report Section…": a picker over the shipped snippets (the same file VS Code reads, so there is
// one source of truth), inserted as a snippet so its tab stops work. A way in without Ctrl+Space.
import * as vscode from 'vscode';
import { scanSource } from './completion';
import { findHatenaId } from './hatenaIdSource';
import { fillPlaceholderDefault, HATENA_ID_PLACEHOLDER } from './personalizeSnippet';
import { parseSnippetCatalogue, sectionPickText, type CatalogueSnippet } from './snippetCatalogue';

export const INSERT_REPORT_SECTION_COMMAND = 'hatenaWriter.insertReportSection';

interface SnippetPick extends vscode.QuickPickItem {
  snippet: CatalogueSnippet;
}

/**
 * The command's argument: a snippet name (the key in the snippets file; skips the picker), or these options.
 * `onDidShowPicker` is for automation: it receives the picker once it is shown with its items (the integration
 * tests wait for it instead of sleeping, then drive it with the workbench's own Quick Open commands).
 */
export interface InsertReportSectionOptions {
  name?: string;
  onDidShowPicker?: (picker: vscode.QuickPick<vscode.QuickPickItem>) => void;
}

export function registerInsertReportSection(context: vscode.ExtensionContext): vscode.Disposable {
  let catalogue: Promise<CatalogueSnippet[]> | undefined;
  const load = () => {
    catalogue ??= loadCatalogue(context).catch((e: unknown) => {
      catalogue = undefined; // try again next time
      throw e;
    });
    return catalogue;
  };
  /**
   * Inserts a snippet of the catalogue at every selection of the active Markdown editor. A name (the key in the
   * snippets file), as the argument or as `options.name`, skips the picker. Resolves to whether something was
   * inserted.
   */
  return vscode.commands.registerCommand(INSERT_REPORT_SECTION_COMMAND, async (arg?: unknown): Promise<boolean> => {
    const options: InsertReportSectionOptions = typeof arg === 'string' ? { name: arg } : typeof arg === 'object' && arg !== null ? arg : {};
    const name = options.name;
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown file to insert a report section.'));
      return false;
    }
    let snippets: CatalogueSnippet[];
    try {
      snippets = await load();
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Hatena Writer could not read its snippets: {0}', String(e)));
      return false;
    }
    const snippet = typeof name === 'string' ? snippets.find((s) => s.name === name) : await pick(snippets, options.onDidShowPicker);
    if (!snippet) {
      if (typeof name === 'string') void vscode.window.showErrorMessage(vscode.l10n.t('No Hatena snippet named "{0}".', name));
      return false;
    }
    const document = editor.document;
    const id = snippet.body.includes(HATENA_ID_PLACEHOLDER)
      ? findHatenaId(scanSource(document), vscode.workspace.getConfiguration('hatenaWriter', document.uri).get<string>('hatenaId'))?.id
      : undefined;
    const body = id ? fillPlaceholderDefault(snippet.body, HATENA_ID_PLACEHOLDER, id) : snippet.body;
    return editor.insertSnippet(new vscode.SnippetString(body));
  });
}

/** The picker, in the writer's display language (Japanese for `ja`, English otherwise). */
function pick(snippets: readonly CatalogueSnippet[], onDidShow?: InsertReportSectionOptions['onDidShowPicker']): Promise<CatalogueSnippet | undefined> {
  const picker = vscode.window.createQuickPick<SnippetPick>();
  picker.title = vscode.l10n.t('Insert Report Section');
  picker.placeholder = vscode.l10n.t('Section to insert (type to filter, e.g. session, 感想)');
  picker.matchOnDescription = true;
  picker.matchOnDetail = true;
  picker.items = snippets.map((snippet) => ({ ...sectionPickText(snippet, vscode.env.language), snippet }));
  return new Promise<CatalogueSnippet | undefined>((resolve) => {
    let chosen: CatalogueSnippet | undefined;
    picker.onDidAccept(() => {
      chosen = picker.selectedItems[0]?.snippet ?? picker.activeItems[0]?.snippet;
      picker.hide();
    });
    picker.onDidHide(() => {
      picker.dispose();
      resolve(chosen);
    });
    picker.show();
    if (typeof onDidShow === 'function') onDidShow(picker); // options may come from a keybinding's JSON args
  });
}

/** Reads the snippets file the manifest contributes, through vscode.workspace.fs (works on vscode.dev too). */
async function loadCatalogue(context: vscode.ExtensionContext): Promise<CatalogueSnippet[]> {
  const contributed = (context.extension.packageJSON as { contributes?: { snippets?: { language?: string; path?: string }[] } })
    .contributes?.snippets ?? [];
  const paths = contributed.filter((s) => s.language === 'markdown' && s.path).map((s) => s.path!);
  const all: CatalogueSnippet[] = [];
  for (const path of paths) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, path));
    all.push(...parseSnippetCatalogue(new TextDecoder().decode(bytes)));
  }
  return all;
}
