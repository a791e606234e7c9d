import * as vscode from 'vscode';
import { HatenaPreview, PREVIEW_VIEW_TYPE } from './hatenaPreview';
import type { PreviewState } from '../shared/protocol';
import { PreviewRenderers } from './previewRenderers';
import { registerPublishCommands } from './publishCommands';

export { PREVIEW_VIEW_TYPE };

function isMarkdown(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === 'markdown';
}

function isPreviewState(value: unknown): value is PreviewState {
  const s = value as PreviewState | undefined;
  return typeof s?.uri === 'string' && typeof s.locked === 'boolean' && typeof s.line === 'number';
}

/**
 * All preview panels. At most one is unlocked (the "dynamic" preview): it follows the active Markdown editor.
 * Locked previews stay on their document. Also the WebviewPanelSerializer that brings them back after a reload.
 */
export class PreviewManager implements vscode.WebviewPanelSerializer<PreviewState>, vscode.Disposable {
  private readonly previews = new Set<HatenaPreview>();
  private readonly disposables: vscode.Disposable[] = [];
  readonly renderers = new PreviewRenderers();

  constructor(private readonly extensionUri: vscode.Uri) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const dynamic = this.dynamicPreview;
        if (dynamic && isMarkdown(editor?.document)) dynamic.showDocument(editor.document);
      }),
    );
  }

  get dynamicPreview(): HatenaPreview | undefined {
    for (const preview of this.previews) if (!preview.locked) return preview;
    return undefined;
  }

  /** The preview the user is looking at: the focused one, else the dynamic one, else the most recent. */
  get activePreview(): HatenaPreview | undefined {
    const all = [...this.previews];
    return all.find((p) => p.panel.active) ?? this.dynamicPreview ?? all[all.length - 1];
  }

  get all(): readonly HatenaPreview[] {
    return [...this.previews];
  }

  /** "Open Preview" / "Open Preview to the Side". */
  async show(column: vscode.ViewColumn, uri?: vscode.Uri): Promise<HatenaPreview | undefined> {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!isMarkdown(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown file to preview it as a Hatena Blog post.'));
      return undefined;
    }
    // A preview locked to this document already exists: bring it forward rather than open a twin.
    const locked = [...this.previews].find((p) => p.locked && p.documentUri.toString() === document.uri.toString());
    if (locked) {
      locked.panel.reveal(locked.panel.viewColumn, true);
      return locked;
    }
    const dynamic = this.dynamicPreview;
    if (dynamic) {
      dynamic.showDocument(document);
      dynamic.panel.reveal(column === vscode.ViewColumn.Beside ? dynamic.panel.viewColumn : column, true);
      return dynamic;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Hatena Preview', { viewColumn: column, preserveFocus: true }, {
      enableScripts: true,
      enableFindWidget: true,
    });
    return this.adopt(panel, document, false);
  }

  toggleLock(): HatenaPreview | undefined {
    const preview = this.activePreview;
    if (!preview) return undefined;
    if (preview.locked) {
      // Unlocking makes it the dynamic preview: there is only ever one, so an existing one gives way.
      const other = this.dynamicPreview;
      if (other && other !== preview) other.dispose();
      preview.setLocked(false);
      const active = vscode.window.activeTextEditor?.document;
      if (isMarkdown(active)) preview.showDocument(active);
    } else {
      preview.setLocked(true);
    }
    return preview;
  }

  /** WebviewPanelSerializer: a preview that was open before the window reloaded. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPreviewState(state)) {
      panel.dispose();
      return;
    }
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri, true));
    } catch {
      // The file is gone: nothing to show.
      panel.dispose();
      return;
    }
    // Two dynamic previews can come back (e.g. from two windows' worth of state): keep only the first dynamic.
    const locked = state.locked || this.dynamicPreview !== undefined;
    this.adopt(panel, document, locked, state.line);
  }

  dispose(): void {
    for (const preview of [...this.previews]) preview.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, document: vscode.TextDocument, locked: boolean, line?: number): HatenaPreview {
    const preview = new HatenaPreview(panel, this, document, locked, this.extensionUri, this.renderers, line);
    this.previews.add(preview);
    preview.onDidDispose(() => this.previews.delete(preview));
    return preview;
  }
}

/** Commands, the serializer and the follow-the-editor behaviour. Returns the manager (tests reach it through commands). */
export function registerPreview(context: vscode.ExtensionContext): PreviewManager {
  const manager = new PreviewManager(context.extensionUri);
  const uriArg = (arg: unknown) => (arg instanceof vscode.Uri ? arg : undefined);
  context.subscriptions.push(
    manager,
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
    vscode.commands.registerCommand('hatenaWriter.showPreviewToSide', (uri?: unknown) => manager.show(vscode.ViewColumn.Beside, uriArg(uri))),
    vscode.commands.registerCommand('hatenaWriter.showPreview', (uri?: unknown) => manager.show(vscode.ViewColumn.Active, uriArg(uri))),
    vscode.commands.registerCommand('hatenaWriter.togglePreviewLock', () => manager.toggleLock()),
    ...registerPublishCommands(context.extensionUri, manager),
  );
  return manager;
}
