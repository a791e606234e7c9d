// Quick fixes where the fix is clear: a Fotolife option typo → the option it most likely meant; the placeholder
// はてなID → the writer's Hatena id as the completions infer it (setting, front matter EditURL, the post's images).
import * as vscode from 'vscode';
import { scanSource } from './completion';
import { findHatenaId } from './hatenaIdSource';
import { notationScanOf } from './notationCache';

export function registerNotationQuickFixes(selector: vscode.DocumentSelector, isHatenaPost: (doc: vscode.TextDocument) => boolean): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(selector, {
    provideCodeActions(document, range) {
      if (!isHatenaPost(document)) return [];
      const actions: vscode.CodeAction[] = [];
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      let id: string | undefined | null = null;
      for (const p of notationScanOf(document).problems) {
        if (p.end < start || p.start > end) continue;
        let replacement: string | undefined;
        let title: string | undefined;
        if (p.code === 'fotolife-option' && p.suggestion) {
          replacement = p.suggestion;
          title = vscode.l10n.t('Change to "{0}"', p.suggestion);
        } else if (p.code === 'placeholder') {
          if (id === null) id = findHatenaId(scanSource(document), vscode.workspace.getConfiguration('hatenaWriter', document.uri).get<string>('hatenaId'))?.id;
          if (id) { replacement = id; title = vscode.l10n.t('Put in your Hatena id "{0}"', id); }
        }
        if (replacement === undefined || title === undefined) continue;
        const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
        const target = new vscode.Range(document.positionAt(p.start), document.positionAt(p.end));
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, target, replacement);
        action.isPreferred = true;
        action.diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.isEqual(target) && d.code === p.code);
        actions.push(action);
      }
      return actions;
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] });
}
