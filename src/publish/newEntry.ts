// Hatena: New Entry: a post file with blogsync's front matter (Title, Draft: true) in the blog's entry folder,
// with the event report skeleton's body as a snippet (its own front matter left out: the file has one).
import * as vscode from 'vscode';
import { parseSnippetCatalogue } from '../editor/snippetCatalogue';
import { blogsyncScalar } from '../blog/entryFile';
import type { PublishServices } from './services';

const SKELETON_PREFIX = 'hatena-report';

async function skeletonBody(context: vscode.ExtensionContext): Promise<string | undefined> {
  try {
    const file = vscode.Uri.joinPath(context.extensionUri, 'snippets', 'hatena.code-snippets');
    const snippets = parseSnippetCatalogue(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
    const body = snippets.find((s) => s.prefixes.includes(SKELETON_PREFIX))?.body;
    // The body after the snippet's own front matter and the blank line after it.
    const m = body && /^---\n[\s\S]*?\n---\n+/.exec(body);
    return m && body ? body.slice(m[0].length) : body;
  } catch {
    return undefined;
  }
}

function stamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}`;
}

export async function newEntry(services: PublishServices, givenTitle?: unknown): Promise<vscode.Uri | undefined> {
  const title = typeof givenTitle === 'string' ? givenTitle : await services.prompts.inputBox({
    title: vscode.l10n.t('Hatena: New Entry'),
    prompt: vscode.l10n.t('The entry\'s title'),
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Enter a title.') : undefined),
  });
  if (title === undefined || title.trim() === '') return undefined;
  const active = vscode.window.activeTextEditor?.document.uri;
  const blog = await services.accounts.resolve(active?.scheme === 'file' ? active : undefined);
  const folder = vscode.workspace.workspaceFolders?.[0];
  const root = blog?.entryRoot ?? folder?.uri;
  let uri: vscode.Uri;
  let initial = `---\nTitle: ${blogsyncScalar(title.trim())}\nDraft: true\n---\n\n`;
  if (root) {
    // blogsync keeps entries not yet posted (drafts without a URL) under _draft/.
    uri = vscode.Uri.joinPath(root, '_draft', `${stamp(new Date())}.md`);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(initial));
  } else {
    uri = vscode.Uri.from({ scheme: 'untitled', path: `${stamp(new Date())}.md` });
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  if (uri.scheme === 'untitled') {
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), initial));
  }
  initial = document.getText();
  const body = await skeletonBody(services.context);
  const end = document.positionAt(initial.length);
  if (body) await editor.insertSnippet(new vscode.SnippetString(body), end);
  else editor.selection = new vscode.Selection(end, end);
  return uri;
}

export function registerNewEntry(services: PublishServices): vscode.Disposable {
  return vscode.commands.registerCommand('hatenaWriter.newEntry', (title?: unknown) => newEntry(services, title));
}
