// Shared by the snippet, completion and picker integration tests: the shipped catalogue and what a snippet
// should look like once the real editor has inserted it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { expandSnippet, placeholderTexts } from '../../src/editor/snippetAnalysis';
import { parseSnippetCatalogue, type CatalogueSnippet } from '../../src/editor/snippetCatalogue';
import { parseSnippet } from '../../src/editor/snippetSyntax';
import { sleep, waitFor } from '../vscode/poll';

export const EXTENSION_ID = 'hatena-writer.hatena-writer';

export function shippedSnippets(): CatalogueSnippet[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
  const file = path.join(extension.extensionPath, extension.packageJSON.contributes.snippets[0].path);
  return parseSnippetCatalogue(fs.readFileSync(file, 'utf8'));
}

/** Patterns for the variables the editor resolves at insertion time (never assert on the clock itself). */
const VARIABLE_PATTERNS: Record<string, string> = {
  CURRENT_YEAR: '\\d{4}', CURRENT_MONTH: '(?:0[1-9]|1[0-2])', CURRENT_DATE: '(?:0[1-9]|[12]\\d|3[01])',
  CURRENT_HOUR: '(?:[01]\\d|2[0-3])', CURRENT_MINUTE: '[0-5]\\d', CURRENT_SECOND: '[0-5]\\d',
  CURRENT_TIMEZONE_OFFSET: '[+-](?:0\\d|1[0-4]):[0-5]\\d',
};

/** A regex for the text a body expands to with no selection: literal text exact, date variables by pattern. */
export function expansionPattern(body: string, resolve: (name: string) => string | undefined = () => undefined): RegExp {
  return toPattern((r) => expandSnippet(parseSnippet(body), r), resolve);
}

/** Per tab stop number, a regex for the text the editor selects when Tab reaches it. */
export function placeholderPatterns(body: string): Map<number, RegExp> {
  const result = new Map<number, RegExp>();
  const texts = new Map<number, string>();
  const marked = placeholderTexts(parseSnippet(body), (name) => (name in VARIABLE_PATTERNS ? `\u0001${name}\u0002` : undefined));
  for (const [index, text] of marked) texts.set(index, text);
  for (const [index, text] of texts) result.set(index, new RegExp(`^${markedToPattern(text)}$`));
  return result;
}

function toPattern(expand: (r: (name: string) => string | undefined) => string, resolve: (name: string) => string | undefined): RegExp {
  const marked = expand((name) => resolve(name) ?? (name in VARIABLE_PATTERNS ? `\u0001${name}\u0002` : undefined));
  return new RegExp(`^${markedToPattern(marked)}$`);
}

function markedToPattern(marked: string): string {
  return marked.split(/(\u0001\w+\u0002)/).map((part) => {
    const variable = /^\u0001(\w+)\u0002$/.exec(part);
    return variable ? VARIABLE_PATTERNS[variable[1]] : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('');
}

let untitledCount = 0;

/**
 * A new untitled Markdown editor, once the extension host agrees it is the active one (commands read
 * `window.activeTextEditor`, which follows the workbench asynchronously).
 */
export async function freshMarkdownEditor(content = ''): Promise<vscode.TextEditor> {
  // A unique untitled URI: plain untitled documents reuse Untitled-1 as soon as it is closed, and a request
  // racing the close can then find the previous text.
  const uri = vscode.Uri.parse(`untitled:hatena-writer-test-${process.pid}-${++untitledCount}.md`);
  const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'markdown');
  const editor = await vscode.window.showTextDocument(doc);
  if (content !== '') await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
  await waitFor(() => vscode.window.activeTextEditor?.document === doc, 'the new editor to become active');
  return editor;
}

/**
 * Closes the active (untitled) editor without a save prompt and waits until its document is closed: the next
 * untitled document reuses its URI (Untitled-1), and a request for that URI must not find the old text.
 */
export async function discardActiveEditor(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  if (doc?.isUntitled) await waitFor(() => doc.isClosed, `${doc.uri.toString()} to close`);
}

export { sleep, waitFor };
