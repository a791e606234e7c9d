import * as vscode from 'vscode';
import { renderEntryArticle, type IncrementalResult } from '../hatena';
import { createNonce } from './csp';
import { buildPreviewShell } from './previewDocument';
import type { FromWebview, PreviewNotice, PreviewStyle, ToWebview } from '../shared/protocol';
import type { BlockPatch } from '../shared/htmlPatch';
import { budgetSource, formatBytes } from './renderBudget';
import { UpdateStream, type PreparedUpdate } from './updateStream';
import type { PreviewIncremental, PreviewRenderers } from './previewRenderers';
import type { PreviewManager } from './previewManager';

export const PREVIEW_VIEW_TYPE = 'hatenaWriter.preview';


export interface PreviewSettings {
  style: PreviewStyle;
  liveEmbeds: boolean;
}

export function readPreviewSettings(scope?: vscode.Uri): PreviewSettings {
  const config = vscode.workspace.getConfiguration('hatenaWriter.preview', scope);
  return {
    style: config.get<string>('style') === 'vscode' ? 'vscode' : 'hatena',
    liveEmbeds: config.get<boolean>('liveEmbeds') === true,
  };
}

type Snapshot = Extract<FromWebview, { type: 'snapshot' }>;

const SNAPSHOT_TIMEOUT_MS = 3000;

/** After the preview asked the editor to scroll, the editor's own visible-range events are not sent back. */
const ECHO_WINDOW_MS = 300;

/**
 * One preview panel: which document it shows, whether it is locked to it, and everything between that document
 * and the webview (rendering, scroll sync, cursor marker, links).
 */
export class HatenaPreview implements vscode.Disposable {
  private document: vscode.TextDocument;
  private lockedToDocument: boolean;
  private settings: PreviewSettings;
  /** Renders, numbers and paces the updates, and keeps what the page holds (the base of the next patch). */
  private readonly updates: UpdateStream;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  private readonly onDidApplyEmitter = new vscode.EventEmitter<number>();
  /** Line to show at the top with the next update (open, follow, restore). */
  private pendingScrollLine: number | undefined;
  private revealEcho: { until: number } | undefined;
  private snapshotId = 0;
  private readonly snapshots = new Map<number, { resolve: (s: Snapshot) => void; reject: (e: Error) => void }>();
  private disposed = false;
  /** Changes came while the panel was hidden: render when it is shown again. */
  private missedWhileHidden = false;
  private lastApplied: { uri: string; version: number } | undefined;
  /** Workspace images the last render pointed at, and a version per image that changed on disk since (cache-busting
   *  query), so an image saved from an editor or screenshot tool shows at once, like VS Code's own preview. */
  private imagesInUse = new Set<string>();
  private readonly imageVersions = new Map<string, number>();
  /**
   * The look changed while the page was shown (it switched in place): webview.html still names the old one. The
   * page is reloaded from it whenever it is shown again (no retainContextWhenHidden), so it is rebuilt on hiding.
   */
  private shellStale = false;
  /** This panel's renderer state: a keystroke re-renders only the blocks around it. */
  private readonly incremental: PreviewIncremental;
  /** The last article HTML prepared, and what a patch against it needs to know. */
  private lastPrepared: { html: () => string; uri: string; liveEmbeds: boolean; shownLines: number } | undefined;

  readonly onDidDispose = this.onDidDisposeEmitter.event;
  /** Fires with the document version whenever the webview has applied an update (tests and the benchmark). */
  readonly onDidApply = this.onDidApplyEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    /** The manager that owns this preview (and is its WebviewPanelSerializer). */
    readonly manager: PreviewManager,
    document: vscode.TextDocument,
    locked: boolean,
    private readonly extensionUri: vscode.Uri,
    renderers: PreviewRenderers,
    initialLine?: number,
  ) {
    this.document = document;
    this.lockedToDocument = locked;
    this.settings = readPreviewSettings(document.uri);
    this.incremental = renderers.createIncremental();
    this.pendingScrollLine = initialLine ?? topVisibleLine(document);
    this.updates = new UpdateStream(
      () => this.prepareUpdate(),
      () => this.postNotice({ kind: 'behind', text: vscode.l10n.t('The preview is catching up with your typing…') }),
    );
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: FromWebview) => this.onMessage(message)),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) {
          if (this.shellStale) this.setShell();
          return;
        }
        if (!this.missedWhileHidden) return;
        // Whole HTML: the page may have been reloaded meanwhile (it then also says 'ready').
        this.missedWhileHidden = false;
        this.updates.renderNow(true);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.isOurs(e.document)) this.updates.changed();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.onEditorScrolled(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.isOurs(e.textEditor.document)) this.post({ type: 'cursorLine', line: e.selections[0].active.line });
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('hatenaWriter.preview')) this.onSettingsChanged();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.updateOptions()),
      ...this.watchLocalImages(),
    );
    this.updateOptions();
    this.setShell();
    this.updateTitle();
  }

  get documentUri(): vscode.Uri {
    return this.document.uri;
  }

  get locked(): boolean {
    return this.lockedToDocument;
  }

  /** The version of the document the webview shows now (-1 before the first render of this document). */
  get appliedVersion(): number {
    return this.lastApplied?.uri === this.document.uri.toString() ? this.lastApplied.version : -1;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Duration of the last render on the extension host, in ms. */
  get lastRenderMs(): number {
    return this.updates.lastRenderMs;
  }

  setLocked(locked: boolean): void {
    this.lockedToDocument = locked;
    this.updateTitle();
    this.post({ type: 'locked', locked });
  }

  /** Show another document (an unlocked preview following the active editor). */
  showDocument(document: vscode.TextDocument, line?: number): void {
    if (document.uri.toString() === this.document.uri.toString()) {
      this.document = document;
      return;
    }
    const folderChanged = parentUri(document.uri).toString() !== parentUri(this.document.uri).toString();
    this.document = document;
    // Relative image paths resolve against the post's folder: blocks of the last post are not reused.
    this.incremental.reset();
    this.pendingScrollLine = line ?? topVisibleLine(document);
    if (folderChanged) this.updateOptions();
    this.updateTitle();
    this.updates.renderNow();
  }

  /** Resolves once the webview shows `version` of the document or a later one. */
  whenApplied(version = this.document.version): Promise<void> {
    if (this.appliedVersion >= version) return Promise.resolve();
    if (this.disposed) return Promise.reject(new Error('the preview was closed'));
    return new Promise((resolve, reject) => {
      const subs = [
        this.onDidApply(() => {
          if (this.appliedVersion >= version) {
            subs.forEach((d) => d.dispose());
            resolve();
          }
        }),
        this.onDidDispose(() => {
          subs.forEach((d) => d.dispose());
          reject(new Error('the preview was closed'));
        }),
      ];
    });
  }

  /** What the webview shows right now (diagnostics for tests and the benchmark). */
  snapshot(timeoutMs = SNAPSHOT_TIMEOUT_MS): Promise<Snapshot> {
    if (this.disposed) return Promise.reject(new Error('the preview was closed'));
    if (!this.panel.visible) return Promise.reject(new Error('the preview is hidden'));
    const id = ++this.snapshotId;
    return new Promise((resolve, reject) => {
      // A webview that is reloading drops the request: give up after a while so callers can ask again.
      const timer = setTimeout(() => {
        this.snapshots.delete(id);
        reject(new Error('the webview did not answer'));
      }, timeoutMs);
      this.snapshots.set(id, {
        resolve: (s) => {
          clearTimeout(timer);
          resolve(s);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.post({ type: 'requestSnapshot', id });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.updates.dispose();
    for (const pending of this.snapshots.values()) pending.reject(new Error('the preview was closed'));
    this.snapshots.clear();
    this.onDidDisposeEmitter.fire();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.onDidDisposeEmitter.dispose();
    this.onDidApplyEmitter.dispose();
    this.panel.dispose();
  }

  /**
   * Whether `document` is the one shown. By uri: a file closed and opened again is a new TextDocument object, and a
   * locked preview must keep following its edits.
   */
  private isOurs(document: vscode.TextDocument): boolean {
    if (document === this.document) return true;
    if (document.uri.toString() !== this.document.uri.toString()) return false;
    this.document = document;
    return true;
  }

  private post(message: ToWebview): boolean {
    if (this.disposed) return false;
    void this.panel.webview.postMessage(message);
    return true;
  }

  private postNotice(notice: PreviewNotice): void {
    this.post({ type: 'notice', notice });
  }

  private onMessage(message: FromWebview): void {
    switch (message.type) {
      case 'ready': {
        // A new page (first load, shown again after being hidden, new CSP): the whole HTML, then the cursor line.
        this.missedWhileHidden = false;
        this.updates.renderNow(true);
        const editor = vscode.window.visibleTextEditors.find((e) => this.isOurs(e.document));
        if (editor) this.post({ type: 'cursorLine', line: editor.selection.active.line });
        break;
      }
      case 'applied': {
        this.lastApplied = { uri: message.uri, version: message.version };
        // The webview threw on a whole HTML and shows an empty page (a patch that threw or did not fit is sent again
        // whole by the stream): said in the notice bar, and the next change tries again.
        const error = this.updates.answered(message.seq, message.problem);
        if (error !== undefined) {
          this.postNotice({
            kind: 'truncated',
            text: vscode.l10n.t('The preview could not show this version of the post ({0}). It tries again with your next change.', error),
          });
        }
        this.onDidApplyEmitter.fire(message.version);
        break;
      }
      case 'revealLine':
        this.revealInEditor(message.line);
        break;
      case 'selectLine':
        void this.selectInEditor(message.line);
        break;
      case 'openLink':
        void this.openLink(message.href);
        break;
      case 'snapshot': {
        const pending = this.snapshots.get(message.id);
        this.snapshots.delete(message.id);
        pending?.resolve(message);
        break;
      }
    }
  }

  /** Renders the document for the next update; undefined when nothing is to be posted. */
  private prepareUpdate(): PreparedUpdate | undefined {
    if (this.disposed) return undefined;
    // A hidden webview shows nothing (and may be discarded, no retainContextWhenHidden): render when shown again.
    if (!this.panel.visible) {
      this.missedWhileHidden = true;
      return undefined;
    }
    const document = this.document;
    const budget = budgetSource(document.getText());
    const images = new Set<string>();
    const liveEmbeds = this.settings.liveEmbeds;
    const rendered = this.incremental.render(budget.source, liveEmbeds, (src) => this.resolveImage(src, images));
    // Blocks kept from the last render still show their images.
    if (rendered.kind === 'full') this.imagesInUse = images;
    else for (const image of images) this.imagesInUse.add(image);
    // The sentinel closes the last block's span, so the end of the document maps to the end of the preview. Built
    // only if posted whole or diffed: a block update touches no string of the whole post.
    let built: string | undefined;
    const html = () => (built ??= renderEntryArticle({
      html: `${rendered.html}<div class="code-line hatena-preview-end" data-line="${budget.shownLines}"></div>`,
      frontMatter: rendered.frontMatter,
    }));
    const notice: PreviewNotice = budget.truncated
      ? {
          kind: 'truncated',
          text: vscode.l10n.t(
            'Very large document ({0}): the preview shows its first {1} (lines 1–{2}).',
            formatBytes(budget.totalBytes),
            formatBytes(budget.shownBytes),
            budget.shownLines,
          ),
        }
      : { kind: 'none' };
    const scrollToLine = this.pendingScrollLine;
    this.pendingScrollLine = undefined;
    const uri = document.uri.toString();
    const version = document.version;
    const blocks = this.blockPatch(rendered, uri, liveEmbeds, budget.shownLines);
    this.lastPrepared = { html, uri, liveEmbeds, shownLines: budget.shownLines };
    return {
      html,
      ...(blocks ? { blocks } : {}),
      post: (seq, update) =>
        this.post({ type: 'update', uri, seq, version, body: update, notice, scrollToLine, locked: this.lockedToDocument, style: this.settings.style }),
    };
  }

  /**
   * The incremental renderer's change as a block patch of the update prepared last: the same document and flavour
   * (the entry header is the same: the renderer re-renders in full whenever the front matter changes), and the end
   * sentinel moved by the same lines as the blocks.
   */
  private blockPatch(rendered: IncrementalResult, uri: string, liveEmbeds: boolean, shownLines: number): { base: () => string; patch: BlockPatch } | undefined {
    const last = this.lastPrepared;
    const change = rendered.change;
    if (!change?.blocks || !last || last.uri !== uri || last.liveEmbeds !== liveEmbeds) return undefined;
    if (last.shownLines + change.lineDelta !== shownLines) return undefined;
    const patch: BlockPatch = { ...change.blocks, footnoteList: rendered.footnoteList, insert: change.insert, lineDelta: change.lineDelta };
    return { base: last.html, patch };
  }

  private resolveImage(src: string, images: Set<string>): string | undefined {
    let path: string;
    try {
      path = decodeURIComponent(src.replace(/[?#].*$/, ''));
    } catch {
      return undefined;
    }
    const folder = vscode.workspace.getWorkspaceFolder(this.document.uri) ?? vscode.workspace.workspaceFolders?.[0];
    let base: vscode.Uri | undefined;
    if (path.startsWith('/')) base = folder?.uri;
    else base = this.document.isUntitled ? folder?.uri : parentUri(this.document.uri);
    if (!base) return undefined;
    const target = vscode.Uri.joinPath(base, path);
    const key = target.toString();
    images.add(key);
    const version = this.imageVersions.get(key);
    const webviewUri = this.panel.webview.asWebviewUri(target);
    return (version === undefined ? webviewUri : webviewUri.with({ query: `hatena-version=${version}` })).toString();
  }

  /** Re-renders when an image the post shows is created, changed or deleted on disk. */
  private watchLocalImages(): vscode.Disposable[] {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{png,jpg,jpeg,gif,svg,webp,avif,bmp,ico,PNG,JPG,JPEG,GIF,SVG,WEBP}');
    const refresh = (uri: vscode.Uri) => {
      const key = uri.toString();
      if (!this.imagesInUse.has(key)) return;
      this.imageVersions.set(key, (this.imageVersions.get(key) ?? 0) + 1);
      // Its URL carries the version: the blocks showing it are rendered again.
      this.incremental.reset();
      // As a change of the text: paced like typing (a folder of screenshots saved at once is one render).
      this.updates.changed();
    };
    return [watcher, watcher.onDidChange(refresh), watcher.onDidCreate(refresh), watcher.onDidDelete(refresh)];
  }

  private onEditorScrolled(e: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (!this.isOurs(e.textEditor.document) || e.visibleRanges.length === 0) return;
    const line = e.visibleRanges[0].start.line;
    // The editor's answer to our own reveal: not necessarily the requested line at the top (sticky scroll headers,
    // the end of the file), so the whole short window after a reveal is ignored, not just that line.
    const echo = this.revealEcho;
    if (echo && Date.now() < echo.until) return;
    this.revealEcho = undefined;
    this.post({ type: 'scrollToLine', line });
  }

  private revealInEditor(line: number): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.isOurs(editor.document)) continue;
      const target = Math.min(Math.max(0, line), this.document.lineCount - 1);
      this.revealEcho = { until: Date.now() + ECHO_WINDOW_MS };
      editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  private async selectInEditor(line: number): Promise<void> {
    const target = Math.min(Math.max(0, line), this.document.lineCount - 1);
    const visible = vscode.window.visibleTextEditors.find((e) => this.isOurs(e.document));
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: column, preserveFocus: false });
    const position = new vscode.Position(target, 0);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * A link clicked in the preview: http/https/mailto in the browser, a file of the workspace (or of the post's own
   * folder, for a post outside every workspace folder) in the editor. Everything else from a post is ignored on
   * purpose: command:, vscode:, file:///etc/passwd, ../../../ out of the workspace. Returns what it did.
   */
  async openLink(href: string): Promise<'external' | 'editor' | 'ignored'> {
    let uri: vscode.Uri;
    try {
      uri = /^[a-z][a-z0-9+.-]*:/i.test(href) ? vscode.Uri.parse(href, true) : this.resolveRelative(href);
    } catch {
      return 'ignored';
    }
    if (uri.scheme === 'http' || uri.scheme === 'https' || uri.scheme === 'mailto') {
      await vscode.env.openExternal(uri);
      return 'external';
    }
    const file = this.fileToOpen(uri);
    if (!file) return 'ignored';
    // A link to another file of the workspace (e.g. ./other-post.md) opens it in the editor.
    await vscode.commands.executeCommand('vscode.open', file, vscode.ViewColumn.One);
    return 'editor';
  }

  /** `uri` without its fragment and with `..` resolved, when it is a file the preview may open; else undefined. */
  private fileToOpen(uri: vscode.Uri): vscode.Uri | undefined {
    if (uri.scheme === 'untitled' || uri.scheme !== this.document.uri.scheme) return undefined;
    // joinPath normalizes: file:///ws/posts/../../etc/passwd is /etc/passwd, which no allowed folder contains.
    const target = vscode.Uri.joinPath(uri.with({ path: '/', query: '', fragment: '' }), uri.path);
    if (vscode.workspace.getWorkspaceFolder(target)) return target;
    const { postFolder } = this.allowedFolders();
    return postFolder && isInside(target, postFolder) ? target : undefined;
  }

  /**
   * Where the preview may load images from and open files in: the workspace folders, and the post's own folder when
   * the post is outside all of them (an untitled post has none). The webview's localResourceRoots and the links the
   * preview opens both come from here.
   */
  private allowedFolders(): { workspace: vscode.Uri[]; postFolder: vscode.Uri | undefined } {
    const workspace = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
    const outside = !this.document.isUntitled && !vscode.workspace.getWorkspaceFolder(this.document.uri);
    return { workspace, postFolder: outside ? parentUri(this.document.uri) : undefined };
  }

  private resolveRelative(href: string): vscode.Uri {
    const [pathPart, fragment = ''] = href.split('#', 2);
    const path = decodeURIComponent(pathPart.replace(/\?.*$/, ''));
    const folder = vscode.workspace.getWorkspaceFolder(this.document.uri);
    const base = path.startsWith('/') && folder ? folder.uri : parentUri(this.document.uri);
    return vscode.Uri.joinPath(base, path).with({ fragment });
  }

  private onSettingsChanged(): void {
    const next = readPreviewSettings(this.document.uri);
    const previous = this.settings;
    this.settings = next;
    if (next.liveEmbeds !== previous.liveEmbeds) {
      // The CSP's frame-src changes: a new page (the webview reloads, says 'ready' and gets a fresh render).
      this.pendingScrollLine = undefined;
      this.updates.forget();
      this.setShell();
    } else if (next.style !== previous.style) {
      if (this.panel.visible) {
        // Switched in place (no reload, no lost scroll position); the shell is rebuilt once the page is hidden.
        this.post({ type: 'style', style: next.style });
        this.shellStale = true;
      } else {
        // Hidden: the page is loaded again from webview.html when shown, so that is what must name the new look.
        this.updates.forget();
        this.setShell();
      }
    }
  }

  private updateOptions(): void {
    this.incremental?.reset();
    const { workspace, postFolder } = this.allowedFolders();
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'media'), vscode.Uri.joinPath(this.extensionUri, 'dist'), ...workspace];
    if (postFolder) roots.push(postFolder);
    this.panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
  }

  private setShell(): void {
    this.shellStale = false;
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', name)).toString();
    webview.html = buildPreviewShell({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      liveEmbeds: this.settings.liveEmbeds,
      style: this.settings.style,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'preview.js')).toString(),
      styleUris: [media('hatena.css'), media('vscode-theme.css'), media('preview.css')],
      placeholderStrings: {
        notLoaded: vscode.l10n.t('The image could not be loaded.'),
        fotolifeHint: vscode.l10n.t('You may be offline, or this Fotolife id may not exist.'),
      },
    });
  }

  private updateTitle(): void {
    const name = basename(this.document.uri);
    this.panel.title = this.lockedToDocument
      ? vscode.l10n.t('[Locked] Hatena Preview {0}', name)
      : vscode.l10n.t('Hatena Preview {0}', name);
  }
}

function topVisibleLine(document: vscode.TextDocument): number | undefined {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
  return editor?.visibleRanges[0]?.start.line;
}

function parentUri(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

/**
 * Whether `uri` is `folder` or below it (the post's own folder; workspace folders are VS Code's to answer, with
 * getWorkspaceFolder): same scheme and authority, and the folder's path a prefix at a `/`.
 * Case-sensitive (on a case-insensitive disk a link spelled in other case is refused, never the other way round),
 * except a Windows drive letter, which VS Code writes in lower case.
 */
function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  if (uri.scheme !== folder.scheme || uri.authority.toLowerCase() !== folder.authority.toLowerCase()) return false;
  const drive = (p: string) => p.replace(/^\/[A-Za-z]:/, (d) => d.toLowerCase());
  const path = drive(uri.path);
  const base = drive(folder.path.endsWith('/') ? folder.path : `${folder.path}/`);
  return path === base.slice(0, -1) || path.startsWith(base);
}

export function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.path;
}

