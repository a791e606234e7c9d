// Hatena notation completions on trigger characters, so writers never need Ctrl+Space (Markdown has quick
// suggestions off, and Ctrl+Space switches the input method for many Japanese users). What is offered comes from
// hatenaCompletions.ts; what is read of the document to decide it, and when, from documentScan.ts.
import * as vscode from 'vscode';
import { completionsAt, type ScanSource } from './documentScan';
import type { HatenaCompletion, HatenaCompletionKind } from './hatenaCompletions';

export const COMPLETION_TRIGGER_CHARACTERS = ['[', ':', '('] as const;

/** Only in Hatena posts (`isHatenaPost`, as for hover and Problems): a README's `[:` or `((` is ordinary text. */
export function registerHatenaCompletions(isHatenaPost: (document: vscode.TextDocument) => boolean): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    { language: 'markdown' },
    {
      provideCompletionItems(document, position) {
        const setting = () => vscode.workspace.getConfiguration('hatenaWriter', document.uri).get<string>('hatenaId');
        const completions = completionsAt(scanSource(document), position.line, position.character, setting, new Date(), vscode.l10n);
        // Asked last: deciding may read the whole text, and most trigger characters in prose offer nothing anyway.
        if (completions.length === 0 || !isHatenaPost(document)) return [];
        return completions.map((completion, i) => toCompletionItem(completion, position.line, i));
      },
    },
    ...COMPLETION_TRIGGER_CHARACTERS,
  );
}

/** A vscode.TextDocument as the scans read it (insertReportSection.ts looks the Hatena id up through it too). */
export function scanSource(document: vscode.TextDocument): ScanSource {
  return {
    lineCount: document.lineCount,
    lineText: (line) => document.lineAt(line).text,
    offsetAt: (line, character) => document.offsetAt(new vscode.Position(line, character)),
    textThrough: (line) => (line === undefined ? document.getText() : document.getText(new vscode.Range(0, 0, line, document.lineAt(line).text.length))),
  };
}

const KINDS: Record<HatenaCompletionKind, vscode.CompletionItemKind> = {
  snippet: vscode.CompletionItemKind.Snippet,
  value: vscode.CompletionItemKind.Value,
  option: vscode.CompletionItemKind.EnumMember,
  keyword: vscode.CompletionItemKind.Keyword,
};

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
