// "Hatena: Insert Report Section…": a picker over the shipped snippets (the same file VS Code reads, so there is
// one source of truth), inserted as a snippet so its tab stops work. A way in without Ctrl+Space.
import * as vscode from 'vscode';
import { scanSource } from './completion';
import { findHatenaId } from './hatenaIdSource';
import { fillPlaceholderDefault, HATENA_ID_PLACEHOLDER } from './personalizeSnippet';
import { parseSnippetCatalogue, sectionPickText, type CatalogueSnippet } from './snippetCatalogue';

export const INSERT_REPORT_SECTION_COMMAND = 'hatenaWriter.insertReportSection';

/** What the section picker shows, once it is shown with its list (for the integration tests; see extension.ts). */
export interface SectionPickerShown {
  readonly items: readonly vscode.QuickPickItem[];
}

export function registerInsertReportSection(context: vscode.ExtensionContext, onDidShowPicker: vscode.EventEmitter<SectionPickerShown>): vscode.Disposable {
  let catalogue: Promise<CatalogueSnippet[]> | undefined;
  const load = () => {
    catalogue ??= loadCatalogue(context).catch((e: unknown) => {
      catalogue = undefined; // try again next time
      throw e;
    });
    return catalogue;
  };
  /**
   * Inserts a snippet of the catalogue at every selection of the active Markdown editor. A snippet name (the key in
   * the snippets file) as the argument, or as `{ "name": … }` (a keybinding's `args`), skips the picker. Resolves to
   * whether something was inserted.
   */
  return vscode.commands.registerCommand(INSERT_REPORT_SECTION_COMMAND, async (arg?: unknown): Promise<boolean> => {
    const name = snippetName(arg);
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
    const snippet = name !== undefined ? snippets.find((s) => s.name === name) : await pick(snippets, onDidShowPicker);
    if (!snippet) {
      if (name !== undefined) void vscode.window.showErrorMessage(vscode.l10n.t('No Hatena snippet named "{0}".', name));
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

/** The snippet a command argument names: `"脚注"` or `{ "name": "脚注" }`; anything else (none, a URI from a menu) opens the picker. */
function snippetName(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const name = typeof arg === 'object' && arg !== null ? (arg as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** The picker, in the writer's display language (Japanese for `ja`, English otherwise). */
async function pick(snippets: readonly CatalogueSnippet[], onDidShow: vscode.EventEmitter<SectionPickerShown>): Promise<CatalogueSnippet | undefined> {
  const items = snippets.map((snippet) => ({ ...sectionPickText(snippet, vscode.env.language), snippet }));
  let shown = false;
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Insert Report Section'),
    placeHolder: vscode.l10n.t('Section to insert (type to filter, e.g. session, 感想)'),
    matchOnDescription: true,
    matchOnDetail: true,
    // The workbench focuses the first item once it shows the list: from then on its Quick Open commands work on it.
    onDidSelectItem: () => {
      if (shown) return;
      shown = true;
      onDidShow.fire({ items: items.map(({ label, description, detail }) => ({ label, description, detail })) });
    },
  });
  return picked?.snippet;
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
