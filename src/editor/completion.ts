// Hatena notation completions on trigger characters, so writers never need Ctrl+Space (Markdown has quick
// suggestions off, and Ctrl+Space switches the input method for many Japanese users).
import * as vscode from 'vscode';
import { isInCodeOrComment } from './codeRegions';
import { hatenaCompletions, type HatenaCompletion, type HatenaCompletionKind } from './hatenaCompletions';
import { findHatenaId } from './hatenaIdSource';

export const COMPLETION_TRIGGER_CHARACTERS = ['[', ':', '('] as const;

export function registerHatenaCompletions(): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    { language: 'markdown' },
    { provideCompletionItems },
    ...COMPLETION_TRIGGER_CHARACTERS,
  );
}

const KINDS: Record<HatenaCompletionKind, vscode.CompletionItemKind> = {
  snippet: vscode.CompletionItemKind.Snippet,
  value: vscode.CompletionItemKind.Value,
  option: vscode.CompletionItemKind.EnumMember,
  keyword: vscode.CompletionItemKind.Keyword,
};

function provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
  const line = document.lineAt(position.line).text;
  const linePrefix = line.slice(0, position.character);
  // Most trigger characters (a ':' in prose, a '(' in a sentence) mean nothing to us: answer before reading the document.
  if (!/[[(]/.test(linePrefix) && !/id:/.test(linePrefix)) return [];
  const text = document.getText();
  if (isInCodeOrComment(text, document.offsetAt(position))) return [];
  // Finding the id reads the whole document: only for Fotolife notation.
  const needsId = /(?:\[f:[^[\]\s]*|^[ \t]*\[)$/.test(linePrefix);
  const setting = vscode.workspace.getConfiguration('hatenaWriter', document.uri).get<string>('hatenaId');
  const hatenaId = needsId ? findHatenaId(text, setting)?.id : undefined;
  const completions = hatenaCompletions({ linePrefix, lineSuffix: line.slice(position.character), hatenaId, now: new Date() });
  return completions.map((completion, i) => toCompletionItem(completion, position.line, i));
}

function toCompletionItem(completion: HatenaCompletion, line: number, order: number): vscode.CompletionItem {
  const item = new vscode.CompletionItem(completion.label, KINDS[completion.kind]);
  item.insertText = new vscode.SnippetString(completion.insertText);
  item.filterText = completion.filterText;
  item.detail = completion.detail;
  item.range = new vscode.Range(line, completion.replaceStart, line, completion.replaceEnd);
  // Keep our order (today's image before the current time, w300 before left) and above word suggestions.
  item.sortText = `\u0000${String(order).padStart(3, '0')}`;
  item.preselect = order === 0;
  return item;
}
