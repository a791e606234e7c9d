import * as vscode from 'vscode';
import { registerHatenaCompletions } from './completion';
import { registerInsertReportSection, type SectionPickerShown } from './insertReportSection';

export type { SectionPickerShown } from './insertReportSection';

/** Events the integration tests wait on instead of sleeping; extension.ts exports them only in test mode. */
export interface EditorTestHooks {
  /** The Insert Report Section picker is shown with its list (its first item focused). */
  readonly onDidShowSectionPicker: vscode.Event<SectionPickerShown>;
}

/** Writing assistance in Markdown editors: completions (in Hatena posts only), the report-section picker. */
export function registerEditorFeatures(context: vscode.ExtensionContext, isHatenaPost: (document: vscode.TextDocument) => boolean): EditorTestHooks {
  const sectionPickerShown = new vscode.EventEmitter<SectionPickerShown>();
  context.subscriptions.push(registerHatenaCompletions(isHatenaPost), registerInsertReportSection(context, sectionPickerShown), sectionPickerShown);
  return { onDidShowSectionPicker: sectionPickerShown.event };
}
