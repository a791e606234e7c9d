// Every question and message the publish commands show goes through here, so an integration test can answer them
// (EditorTestHooks-style seam: in ExtensionMode.Test the test hooks replace these; an installed extension never does).
import * as vscode from 'vscode';

export interface PublishPrompts {
  inputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  /** A modal question; resolves to the item chosen, undefined for Cancel / Escape. */
  modal(message: string, detail: string | undefined, ...items: string[]): Thenable<string | undefined>;
  /** A notification (not modal); resolves to the button chosen, if any. */
  notify(severity: 'info' | 'warning' | 'error', message: string, ...items: string[]): Thenable<string | undefined>;
  quickPick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
}

export const windowPrompts: PublishPrompts = {
  inputBox: (options) => vscode.window.showInputBox({ ignoreFocusOut: true, ...options }),
  modal: (message, detail, ...items) => vscode.window.showWarningMessage(message, { modal: true, ...(detail ? { detail } : {}) }, ...items),
  notify: (severity, message, ...items) =>
    severity === 'error' ? vscode.window.showErrorMessage(message, ...items)
      : severity === 'warning' ? vscode.window.showWarningMessage(message, ...items)
        : vscode.window.showInformationMessage(message, ...items),
  quickPick: (items, options) => vscode.window.showQuickPick(items, options),
};

/** The prompts in use: the window's, or what a test put in their place (method by method). */
export class PromptSeam implements PublishPrompts {
  private override: Partial<PublishPrompts> = {};

  use(prompts: Partial<PublishPrompts>): vscode.Disposable {
    const previous = this.override;
    this.override = prompts;
    return new vscode.Disposable(() => {
      this.override = previous;
    });
  }

  inputBox(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    return (this.override.inputBox ?? windowPrompts.inputBox)(options);
  }
  modal(message: string, detail: string | undefined, ...items: string[]): Thenable<string | undefined> {
    return (this.override.modal ?? windowPrompts.modal)(message, detail, ...items);
  }
  notify(severity: 'info' | 'warning' | 'error', message: string, ...items: string[]): Thenable<string | undefined> {
    return (this.override.notify ?? windowPrompts.notify)(severity, message, ...items);
  }
  quickPick<T extends vscode.QuickPickItem>(items: T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
    return (this.override.quickPick ?? windowPrompts.quickPick)(items, options) as Thenable<T | undefined>;
  }
}
