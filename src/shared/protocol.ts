import type { BlockPatch, HtmlPatch } from './htmlPatch';

// Messages between the extension host and the preview webview. Both sides `import type` this file, so it must
// stay declarations only (no runtime code): the webview bundle and the host bundle never share an object.

/** The two looks of the preview (setting hatenaWriter.preview.style). */
export type PreviewStyle = 'hatena' | 'vscode';

/** Why the preview shows less than, or later than, the document. */
export type PreviewNotice =
  | { kind: 'truncated'; text: string }
  | { kind: 'behind'; text: string }
  | { kind: 'none' };

/**
 * The whole article (entry header + body, with data-line source positions), or the change to the last one: a string
 * patch of its HTML, or (after an incremental render) the top-level blocks replaced. After a `blocks` update the page
 * holds no HTML string to patch: the next update is `blocks` again or `full`.
 */
export type UpdateBody =
  | { kind: 'full'; html: string }
  | { kind: 'patch'; baseSeq: number; patch: HtmlPatch }
  | { kind: 'blocks'; baseSeq: number; patch: BlockPatch };

/**
 * Why the webview did not apply an update. Either way it holds no base the host's later patches could apply to.
 * - `resync`: a patch against a base the page does not hold (it reloaded, recovered from a failure, a message was
 *   lost); the page is unchanged.
 * - `failed`: applying threw; the page is empty now (never half-applied). `full` says whether the update carried
 *   the whole HTML: a patch is retried as the whole HTML, a whole HTML that fails would fail again and is reported.
 */
export type ApplyProblem = { kind: 'resync' } | { kind: 'failed'; full: boolean; error: string };

/** Host → webview. */
export type ToWebview =
  | {
      type: 'update';
      /** The document the HTML belongs to; a new uri resets the scroll position. */
      uri: string;
      /** Host-side sequence number of this render; one that is not newer than the last applied is dropped. */
      seq: number;
      /** TextDocument.version the HTML was rendered from (reported back in `applied`). */
      version: number;
      body: UpdateBody;
      notice: PreviewNotice;
      /** Scroll to this source line after applying (first render after opening, following or restoring). */
      scrollToLine?: number;
      locked: boolean;
      /** The look (also in the shell's <body class>; repeated here so a page loaded from an older shell converges). */
      style: PreviewStyle;
    }
  | { type: 'scrollToLine'; line: number }
  | { type: 'cursorLine'; line: number }
  | { type: 'style'; style: PreviewStyle }
  /** Whether the preview is pinned to its document (kept in the webview state for the serializer). */
  | { type: 'locked'; locked: boolean }
  | { type: 'notice'; notice: PreviewNotice }
  /** Diagnostics for tests and the benchmark: answer with a `snapshot`. */
  | { type: 'requestSnapshot'; id: number };

/** What the webview keeps in vscode.setState, and the WebviewPanelSerializer gets back after a reload. */
export interface PreviewState {
  uri: string;
  locked: boolean;
  /** Source line at the top of the preview. */
  line: number;
}

/** Webview → host. */
export type FromWebview =
  | { type: 'ready' }
  /**
   * The one answer to update `seq`: applied, dropped as stale, or not applied (`problem`): the host may send the next
   * one. `uri` and `version` say what the webview shows now (version -1: nothing yet). One message, not an ack plus
   * a "resync": the host handles it in one go, so no render can slip in between and send a patch against the base
   * the page just dropped.
   */
  | { type: 'applied'; seq: number; uri: string; version: number; ms: number; problem?: ApplyProblem }
  /** The user scrolled the preview: the editor follows (never sent for scrolls the host asked for). */
  | { type: 'revealLine'; line: number }
  /** Double-click: put the editor's cursor on this source line. */
  | { type: 'selectLine'; line: number }
  /** A link that is not a `#fragment`: the host decides (browser for http/https/mailto, editor for workspace files). */
  | { type: 'openLink'; href: string }
  | {
      type: 'snapshot';
      id: number;
      /** innerHTML of the preview root. */
      html: string;
      bodyClass: string;
      scrollY: number;
      /** The source line at the top of the preview. */
      topLine: number;
      cursorLine: number | undefined;
      /** The source line of the block the cursor bar is beside (undefined: no bar shown). */
      markedLine: number | undefined;
      /** Text of the notice bar ('' when hidden). */
      notice: string;
      /** Live <script> elements and event-handler / javascript: attributes in the preview (must stay 0). */
      scripts: number;
      handlers: number;
      /** Scripts of the post that ran (must stay false). */
      pwned: boolean;
      version: number;
    };
