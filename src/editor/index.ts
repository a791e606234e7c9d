import type * as vscode from 'vscode';

/** Writing assistance in Markdown editors: completions, the report-section picker. */
export function registerEditorFeatures(_context: vscode.ExtensionContext): void {
  // Filled in by the snippets/completion work (issue 6).
}
