// Hover, document links, Problems and quick fixes for Hatena notation in Markdown posts.
import * as vscode from 'vscode';
import { registerNotationDiagnostics } from './diagnostics';
import { registerNotationLinks } from './documentLinks';
import { registerNotationHover } from './hover';
import { registerNotationQuickFixes } from './quickFixes';

export function registerNotationSmarts(context: vscode.ExtensionContext, isHatenaPost: (doc: vscode.TextDocument) => boolean): vscode.Disposable {
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  const disposable = vscode.Disposable.from(
    registerNotationHover(selector, isHatenaPost),
    registerNotationLinks(selector, isHatenaPost),
    registerNotationDiagnostics(isHatenaPost),
    registerNotationQuickFixes(selector, isHatenaPost),
  );
  context.subscriptions.push(disposable);
  return disposable;
}
