import type * as vscode from 'vscode';
import { registerHatenaCompletions } from './completion';
import { registerInsertReportSection } from './insertReportSection';

/** Writing assistance in Markdown editors: completions, the report-section picker. */
export function registerEditorFeatures(context: vscode.ExtensionContext): void {
  context.subscriptions.push(registerHatenaCompletions(), registerInsertReportSection(context));
}
