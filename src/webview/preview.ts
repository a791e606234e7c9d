// The script inside the preview webview: applies rendered HTML with morphdom, keeps scroll in step with the editor,
// marks the cursor line, turns unloadable images into placeholders and hands links to the host.
import type { ApplyProblem, FromWebview, PreviewNotice, PreviewState, PreviewStyle, ToWebview } from '../shared/protocol';
import { PREVIEW_NOTICE_ID, PREVIEW_ROOT_ID, lookClass } from '../shared/elementIds';
import { applyHtmlPatch, type BlockPatch } from '../shared/htmlPatch';
import { blockRangeIn, type ChildFacts } from './blockPatch';
import { DEFAULT_PLACEHOLDER_STRINGS, placeholderDataUrl, placeholderLabel, type ImageFacts, type PlaceholderStrings } from './imagePlaceholder';
import { isUnsafeAttribute, neutralize } from './sanitize';
import { lineForOffset, markerExtent, normalizeBlocks, offsetForLine, type Extent, type LineBlock } from './scrollMath';
import { applyRender, reconcileRange, rekeyBlock, shiftLinesFrom } from './sameContent';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
// The page's own objects, taken before any post's HTML is in the page. The sanitizer drops the names that would
// shadow document properties; these references are the second line (nothing the post holds can replace them).
const page = document;
const body = page.body;
const html = page.documentElement;
const getElementById = Document.prototype.getElementById;
const getElementsByName = Document.prototype.getElementsByName;
const elementFromPoint = Document.prototype.elementFromPoint;
const byId = (id: string) => getElementById.call(page, id) as HTMLElement | null;

const root = byId(PREVIEW_ROOT_ID) as HTMLElement;
/** Parses each render inertly. */
const parser = page.createElement('template');
/** The entry body: its children are the blocks compared by their HTML. */
const ENTRY_BODY = 'div.entry-content';
const ENTRY_HEADER = 'header.entry-header';
const noticeBar = byId(PREVIEW_NOTICE_ID) as HTMLElement;
const post = (message: FromWebview) => vscode.postMessage(message);

const saved = vscode.getState();
let state: PreviewState = saved ?? { uri: '', locked: false, line: 0 };
let currentUri: string | undefined;
let lastVersion = -1;
/** The last applied render: the base the host's next patch applies to (no HTML string after a block update). */
let lastSeq = -1;
let lastHtml: string | undefined = '';
let cursorLine: number | undefined;
/** The line at the top when an update failed and emptied the page: shown again by the next render. */
let lineBeforeFailure: number | undefined;
/** The source line kept at the top of the preview, through re-renders, image loads and resizes. */
let anchorLine = state.line;

// ---- scroll position ⇄ source line -------------------------------------------------------------------------------

interface ElementBlock extends LineBlock {
  element: Element;
}
let blocksCache: ElementBlock[] | undefined;

function blocks(): ElementBlock[] {
  if (blocksCache) return blocksCache;
  const scrollY = window.scrollY;
  const found: ElementBlock[] = [];
  for (const element of root.querySelectorAll('[data-line]')) {
    const line = Number(element.getAttribute('data-line'));
    const rect = element.getBoundingClientRect();
    found.push({ line, top: rect.top + scrollY, height: rect.height, element });
  }
  blocksCache = normalizeBlocks(found);
  return blocksCache;
}

function invalidateLayout(): void {
  blocksCache = undefined;
}

/** The scroll offset we set last: the scroll event it causes is ours, not the user's, and is not echoed back. */
let programmaticY: number | undefined;

// What the reader is doing. Only scrolls that follow real input move the editor (not the find widget, not layout
// settling): the wheel and keys count for a while after they happen; a mouse button, pen or finger held down (a
// scrollbar drag, a touch drag) counts until it is released, however long that takes, and for a while after (the
// fling of a touch scroll).
const INPUT_WINDOW_MS = 1500;
let lastUserInput = -Infinity;
const pointersDown = new Set<number>();
let touchesDown = 0;
const noteInput = () => (lastUserInput = performance.now());

function readerIsScrolling(): boolean {
  return pointersDown.size > 0 || touchesDown > 0 || performance.now() - lastUserInput <= INPUT_WINDOW_MS;
}

const passiveCapture = { passive: true, capture: true };
window.addEventListener('wheel', noteInput, passiveCapture);
window.addEventListener('keydown', noteInput, passiveCapture);
window.addEventListener('pointerdown', (e) => (pointersDown.add(e.pointerId), noteInput()), passiveCapture);
for (const type of ['pointerup', 'pointercancel'] as const) {
  window.addEventListener(type, (e) => (pointersDown.delete(e.pointerId), noteInput()), passiveCapture);
}
for (const type of ['touchstart', 'touchend', 'touchcancel'] as const) {
  window.addEventListener(type, (e) => ((touchesDown = e.touches.length), noteInput()), passiveCapture);
}
// A release this page did not see (the button let go outside the webview): a mouse moving with no button down is
// not dragging anything, and a page that lost focus is not being dragged either.
window.addEventListener(
  'pointermove',
  (e) => {
    if (e.pointerType === 'mouse' && e.buttons === 0) pointersDown.delete(e.pointerId);
  },
  passiveCapture,
);
window.addEventListener('blur', () => {
  pointersDown.clear();
  touchesDown = 0;
});

function scrollToY(y: number): void {
  const target = Math.max(0, Math.min(Math.round(y), html.scrollHeight - window.innerHeight));
  if (Math.abs(target - window.scrollY) < 1) return;
  programmaticY = target;
  window.scrollTo(0, target);
}

function scrollToAnchor(): void {
  scrollToY(offsetForLine(blocks(), anchorLine));
}

let revealFrame = 0;
window.addEventListener(
  'scroll',
  () => {
    if (programmaticY !== undefined && Math.abs(window.scrollY - programmaticY) <= 1) {
      programmaticY = undefined;
      return;
    }
    programmaticY = undefined;
    anchorLine = lineForOffset(blocks(), window.scrollY);
    saveState();
    if (!readerIsScrolling()) return;
    if (!revealFrame) {
      revealFrame = requestAnimationFrame(() => {
        revealFrame = 0;
        post({ type: 'revealLine', line: Math.max(0, Math.floor(anchorLine)) });
      });
    }
  },
  { passive: true },
);

/**
 * Layout changed (window size, an image or a font loaded, a <details> toggled, the notice bar above the post shown,
 * hidden or rewrapped): block positions are measured again on demand, the cursor bar at once.
 */
function layoutChanged(): void {
  invalidateLayout();
  positionMarker();
}

let resizeFrame = 0;
window.addEventListener('resize', () => {
  layoutChanged();
  if (!resizeFrame) {
    resizeFrame = requestAnimationFrame(() => {
      resizeFrame = 0;
      scrollToAnchor();
    });
  }
});
// The notice bar is in the flow above the root: it moves the whole post without changing the root's size.
const resizes = new ResizeObserver(layoutChanged);
resizes.observe(root);
resizes.observe(noticeBar, { box: 'border-box' });

function saveState(): void {
  state = { ...state, line: anchorLine };
  vscode.setState(state);
}

// ---- the cursor line ----------------------------------------------------------------------------------------------

/**
 * The bar in the margin next to the block holding the editor's cursor, like VS Code's own preview. An element of its
 * own outside the rendered HTML (not a ::before of the block: code blocks use theirs for the language label, and the
 * zero-height marker div of a raw HTML block would give a bar of no height), placed from the block's box. The block
 * is kept here, not marked in the post's DOM (an attribute would cost a query per cursor move and make the block
 * differ from its next render); the bar's data-line says which source line it marks.
 */
const marker = page.createElement('div');
marker.className = 'hatena-cursor-marker';
marker.setAttribute('aria-hidden', 'true');
marker.hidden = true;
body.appendChild(marker);
let activeBlock: Element | undefined;

/** Marks the innermost block holding the cursor line: the last one in document order that starts at or before it. */
function markCursorLine(): void {
  let best: Element | undefined;
  let bestLine = -1;
  if (cursorLine !== undefined) {
    for (const el of root.querySelectorAll('[data-line]')) {
      const line = Number(el.getAttribute('data-line'));
      if (line <= cursorLine && line >= bestLine) {
        best = el;
        bestLine = line;
      }
    }
  }
  // The end sentinel is not a block a reader can see.
  if (best?.classList.contains('hatena-preview-end')) best = undefined;
  activeBlock = best;
  positionMarker();
}

function hideMarker(): void {
  marker.hidden = true;
  delete marker.dataset.line;
}

function pageExtent(rect: DOMRect, scrollY: number): Extent {
  return { top: rect.top + scrollY, bottom: rect.bottom + scrollY };
}

function positionMarker(): void {
  const block = activeBlock;
  if (!block || !block.isConnected) {
    hideMarker();
    return;
  }
  const scrollY = window.scrollY;
  const own = block.getBoundingClientRect();
  const following: Extent[] = [];
  if (own.height < 1) {
    // The elements of a raw HTML block follow its marker div, up to the next source-mapped block.
    for (let el = block.nextElementSibling; el && !el.hasAttribute('data-line'); el = el.nextElementSibling) {
      const rect = el.getBoundingClientRect();
      if (rect.width > 0 || rect.height > 0) following.push(pageExtent(rect, scrollY));
    }
  }
  const extent = markerExtent(pageExtent(own, scrollY), following);
  if (!extent) {
    hideMarker();
    return;
  }
  const column = (root.querySelector(ENTRY_BODY) ?? root).getBoundingClientRect();
  marker.style.left = `${Math.round(column.left + window.scrollX - 12)}px`;
  marker.style.top = `${Math.round(extent.top)}px`;
  marker.style.height = `${Math.round(extent.bottom - extent.top)}px`;
  marker.dataset.line = block.getAttribute('data-line') ?? '';
  marker.hidden = false;
}

// ---- images that cannot load --------------------------------------------------------------------------------------

const FAILED_ATTRIBUTE = 'data-hatena-failed-src';
/**
 * Images that failed once in this preview, by everything they load from (src, srcset, the <source>s of their
 * <picture>), with the URL that failed: later renders show their placeholder at once, without retrying.
 */
const failedSources = new Map<string, string>();

function pictureOf(img: Element): Element | undefined {
  const parent = img.parentElement;
  return parent?.localName === 'picture' ? parent : undefined;
}

function sourcesOf(img: Element): string {
  const parts = [img.getAttribute('src') ?? '', img.getAttribute('srcset') ?? ''];
  for (const source of pictureOf(img)?.children ?? []) if (source.localName === 'source') parts.push(source.getAttribute('srcset') ?? '');
  return parts.join('\n');
}

function factsOf(img: Element, src: string): ImageFacts {
  return {
    // Workspace images carry the path as written (the src is a long webview URL by now).
    src: img.getAttribute('data-hatena-src') ?? src,
    alt: img.getAttribute('alt') ?? undefined,
    title: img.getAttribute('title') ?? undefined,
    className: img.getAttribute('class') ?? undefined,
    style: img.getAttribute('style') ?? undefined,
    widthAttr: img.getAttribute('width') ?? undefined,
    heightAttr: img.getAttribute('height') ?? undefined,
    linked: img.parentElement?.matches('a.hatena-fotolife') ?? false,
  };
}

/** Turns an <img> (live or inert) into its placeholder; the same attributes either way, so morphdom sees no change. */
const placeholderCache = new Map<string, { url: string; label: string }>();
/** The host writes the box's sentences, localised, on the shell's body (previewDocument.ts). */
const placeholderStrings: PlaceholderStrings = {
  notLoaded: page.body?.dataset.imageNotLoaded ?? DEFAULT_PLACEHOLDER_STRINGS.notLoaded,
  fotolifeHint: page.body?.dataset.fotolifeHint ?? DEFAULT_PLACEHOLDER_STRINGS.fotolifeHint,
};

function toPlaceholder(img: Element, failedUrl: string): void {
  const facts = factsOf(img, failedUrl);
  const cacheKey = JSON.stringify(facts);
  let placeholder = placeholderCache.get(cacheKey);
  if (!placeholder) {
    placeholder = { url: placeholderDataUrl(facts, placeholderStrings), label: placeholderLabel(facts) };
    placeholderCache.set(cacheKey, placeholder);
  }
  img.setAttribute(FAILED_ATTRIBUTE, failedUrl);
  // A srcset (or a <source> of the <picture>) would win over the placeholder's src.
  img.removeAttribute('srcset');
  img.removeAttribute('sizes');
  for (const source of pictureOf(img)?.children ?? []) if (source.localName === 'source') source.removeAttribute('srcset');
  img.setAttribute('src', placeholder.url);
  img.setAttribute('data-hatena-notation', placeholder.label);
  img.classList.add('hatena-image-unavailable');
}

page.addEventListener(
  'error',
  (event) => {
    const img = event.target;
    if (!(img instanceof HTMLImageElement) || !root.contains(img) || img.hasAttribute(FAILED_ATTRIBUTE)) return;
    const failedUrl = img.currentSrc || img.getAttribute('src') || '';
    if (!failedUrl || failedUrl.startsWith('data:')) return;
    failedSources.set(sourcesOf(img), failedUrl);
    toPlaceholder(img, failedUrl);
    const block = img.closest(`${ENTRY_BODY} > *`);
    if (block) rekeyBlock(block);
    layoutChanged();
  },
  true,
);
page.addEventListener(
  'load',
  (event) => {
    if (event.target instanceof HTMLImageElement || event.target instanceof HTMLIFrameElement) {
      layoutChanged();
      // An image above the anchor changed the layout: keep showing the same source line.
      if (!readerIsScrolling()) scrollToAnchor();
    }
  },
  true,
);

// ---- applying a render --------------------------------------------------------------------------------------------

/** The source-mapped block at the top of the viewport, found by hit-testing (no walk over every block). */
function topBlock(): { element: Element; top: number; line: number } | undefined {
  const rect = root.getBoundingClientRect();
  for (const y of [4, 24, 64]) {
    const hit = elementFromPoint.call(page, rect.left + rect.width / 2, y);
    const element = hit?.closest('[data-line]');
    if (element && root.contains(element)) {
      return { element, top: element.getBoundingClientRect().top, line: Number(element.getAttribute('data-line')) };
    }
  }
  return undefined;
}

type Update = Extract<ToWebview, { type: 'update' }>;

/**
 * Tells the host that update `seq` is done with, what the preview shows now, and, in the same message, why it was
 * not applied (so the host never acts on the ack before it knows the page dropped the base of its next patch).
 */
function acknowledge(seq: number, ms: number, problem?: ApplyProblem): void {
  post({ type: 'applied', seq, uri: currentUri ?? '', version: lastVersion, ms, ...(problem ? { problem } : {}) });
}

function apply(update: Update): void {
  const started = performance.now();
  setStyle(update.style);
  if (update.seq <= lastSeq) {
    acknowledge(update.seq, 0);
    return;
  }
  const body = update.body;
  // A block update needs only the tree it was made against; a string patch, the string.
  const next = body.kind === 'full' ? body.html
    : body.baseSeq !== lastSeq ? undefined
    : body.kind === 'blocks' ? null
    : lastHtml === undefined ? undefined : applyHtmlPatch(lastHtml, body.patch);
  if (next === undefined) {
    // Not the base the host diffed against (the webview reloaded or recovered, a message was lost): ask for the
    // whole page.
    acknowledge(update.seq, 0, { kind: 'resync' });
    return;
  }
  try {
    render(update, next);
  } catch (error) {
    if (error instanceof BlockMismatch) {
      // Nothing changed, but the page holds no base the host's later block updates could apply to.
      lastSeq = -1;
      lastHtml = undefined;
      acknowledge(update.seq, 0, { kind: 'resync' });
      return;
    }
    // Whatever threw (a DOM the post managed to confuse, a bug), the preview must not freeze on a half-applied page
    // with its state advanced: start from an empty page, and the host sends the whole HTML (or says what failed).
    recover(update, error);
    return;
  }
  acknowledge(update.seq, performance.now() - started);
}

/** `next`: the whole HTML, or null for a block update. */
function render(update: Update, next: string | null): void {
  const newDocument = update.uri !== currentUri;
  // The page was emptied after a failure (which scrolled it to the top): back to the line shown before.
  const restoring = !newDocument && lineBeforeFailure !== undefined;
  let nextAnchor = restoring ? lineBeforeFailure! : anchorLine;
  if (newDocument) nextAnchor = update.scrollToLine ?? (state.uri === update.uri ? state.line : 0);
  else if (update.scrollToLine !== undefined) nextAnchor = update.scrollToLine;

  // Keep what the reader sees in place: the block at the top of the viewport stays where it is.
  const anchorBefore = newDocument || restoring || update.scrollToLine !== undefined ? undefined : topBlock();
  // A block patch re-parses only its blocks (a keystroke in a 5 MB post); anything else, the whole HTML.
  if (next === null) {
    // The page does not hold the blocks the host names: it holds no base of the host's, and asks for the whole HTML.
    if (newDocument || restoring || update.body.kind !== 'blocks' || !applyBlockPatch(update.body.patch)) throw new BlockMismatch();
  } else {
    try {
      applyRender(root, parseInert(next), ENTRY_BODY, ENTRY_HEADER);
    } finally {
      parser.innerHTML = '';
    }
  }
  // The page shows `next` now: it is the base of the next patch.
  lineBeforeFailure = undefined;
  lastSeq = update.seq;
  lastHtml = next ?? undefined;
  lastVersion = update.version;
  if (newDocument) {
    currentUri = update.uri;
    cursorLine = undefined;
  }
  anchorLine = nextAnchor;
  state = { uri: update.uri, locked: update.locked, line: anchorLine };

  // The notice bar first: it moves the post, so everything is measured after it.
  showNotice(update.notice);
  invalidateLayout();
  markCursorLine();
  if (anchorBefore?.element.isConnected) {
    const moved = anchorBefore.element.getBoundingClientRect().top - anchorBefore.top;
    if (Math.abs(moved) >= 1) scrollToY(window.scrollY + moved);
    // Lines inserted above shift its source line: the anchor follows the block, as the reader's eyes do.
    const line = Number(anchorBefore.element.getAttribute('data-line'));
    if (Number.isFinite(line)) anchorLine += line - anchorBefore.line;
  } else if (newDocument || restoring || update.scrollToLine !== undefined || window.scrollY >= 1) {
    scrollToAnchor();
  }
  vscode.setState(state);
}

/**
 * A <template> parses inertly: nothing loads or runs until morphdom moves nodes into the page, and by then the
 * post's scripts and handlers are gone. Images that failed before are placeholders at once. The caller empties the
 * parser once it has moved what it needs.
 */
function parseInert(html: string): HTMLElement {
  parser.innerHTML = `<main>${html}</main>`;
  const tree = parser.content.firstElementChild as HTMLElement;
  neutralize(tree);
  if (failedSources.size > 0) {
    for (const img of tree.querySelectorAll('img')) {
      const failedUrl = failedSources.get(sourcesOf(img));
      if (failedUrl !== undefined) toPlaceholder(img, failedUrl);
    }
  }
  return tree;
}

function childFacts(el: Element): ChildFacts {
  const line = el.getAttribute('data-line');
  const kind = el.classList.contains('hatena-preview-end') ? 'end' : el.localName === 'div' && el.classList.contains('footnote') ? 'footnotes' : 'block';
  return { line: line === null ? undefined : Number(line), kind };
}

/**
 * Applies a patch of whole top-level blocks to the live body: only `insert` is parsed, only the live nodes between
 * the two stamps are compared and replaced, and the stamps after them move by the lines the edit added. False when
 * the page does not hold those blocks as the host describes them (nothing has changed then).
 */
function applyBlockPatch(patch: BlockPatch): boolean {
  const container = root.querySelector(ENTRY_BODY);
  if (!container) return false;
  const children = container.children;
  const at = blockRangeIn(children.length, (i) => childFacts(children[i]), patch);
  if (!at) return false;
  const first = children[at.from];
  const after = children[at.to];
  const live: ChildNode[] = [];
  for (let node: ChildNode | null = first; node && node !== after; node = node.nextSibling) live.push(node);
  try {
    const tree = parseInert(patch.insert);
    reconcileRange(container, live, Array.from(tree.childNodes), after);
  } finally {
    parser.innerHTML = '';
  }
  shiftLinesFrom(after, patch.lineDelta);
  return true;
}

/** A block update the page cannot place (checked before anything changes). */
class BlockMismatch extends Error {}

/**
 * After a failure: no base for patches any more, an empty page. Still the same document, though: the cursor line
 * (the host sends it only when it moves) and the line at the top come back with the whole HTML that follows.
 */
function recover(update: Update, error: unknown): void {
  lineBeforeFailure ??= anchorLine;
  lastSeq = -1;
  lastHtml = '';
  lastVersion = -1;
  activeBlock = undefined;
  try {
    root.replaceChildren();
  } catch {
    root.textContent = '';
  }
  layoutChanged();
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  acknowledge(update.seq, 0, { kind: 'failed', full: update.body.kind === 'full', error: message });
}

function showNotice(notice: PreviewNotice): void {
  if (notice.kind === 'none') {
    noticeBar.hidden = true;
    noticeBar.textContent = '';
    noticeBar.removeAttribute('data-kind');
    return;
  }
  noticeBar.textContent = notice.text;
  noticeBar.setAttribute('data-kind', notice.kind);
  noticeBar.hidden = false;
}

/** Returns whether the look changed. */
function setStyle(style: PreviewStyle): boolean {
  const wanted = lookClass(style);
  if (body.classList.contains(wanted)) return false;
  body.classList.remove('hatena-look', 'vscode-look');
  body.classList.add(wanted);
  return true;
}

// ---- links and double-click ---------------------------------------------------------------------------------------

const XLINK = 'http://www.w3.org/1999/xlink';

/**
 * The link a click is on: an <a> (HTML or SVG) or an image map's <area> with an href, like VS Code's own handler.
 * An <a name="…"> or <a id="…"> (a footnote's or a hand-written anchor's target) is no link: a click or double-click
 * on its text is one on the text.
 */
function linkOf(event: Event): Element | undefined {
  for (const node of event.composedPath()) {
    if (node instanceof Element && (node.localName === 'a' || node.localName === 'area') && (node.hasAttribute('href') || node.hasAttributeNS(XLINK, 'href'))) {
      return node;
    }
  }
  return undefined;
}

function scrollToFragment(fragment: string): void {
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    /* keep it as written */
  }
  // Hatena's ids are the heading text (`#概要`); a link may carry it percent-encoded. Footnotes use name="…".
  const target =
    byId(decoded) ?? byId(fragment) ?? (getElementsByName.call(page, decoded)[0] as HTMLElement | undefined) ?? null;
  noteInput(); // following a link is the reader moving: the editor follows
  if (target && root.contains(target)) target.scrollIntoView({ block: 'start' });
  else if (decoded === '' || decoded.toLowerCase() === 'top') window.scrollTo(0, 0);
}

/**
 * Every link is ours alone. VS Code's webview host listens for clicks on this window too (bubble phase, whether or
 * not the default was prevented) and would open http/https/mailto/vscode: links itself: a second time, or one we
 * refuse. So the click is stopped in the capture phase of the window, before anything else sees it.
 */
function onLinkClick(event: MouseEvent): void {
  const link = linkOf(event);
  if (!link) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  if (event.type !== 'click') return; // a middle click (auxclick) opens nothing
  const href = (link.getAttribute('href') ?? link.getAttributeNS(XLINK, 'href') ?? '').trim();
  if (!href) return;
  if (href.startsWith('#')) scrollToFragment(href.slice(1));
  else post({ type: 'openLink', href });
}
window.addEventListener('click', onLinkClick, true);
window.addEventListener('auxclick', onLinkClick, true);

page.addEventListener('dblclick', (event) => {
  if (linkOf(event)) return;
  const line = Math.floor(lineForOffset(blocks(), event.pageY));
  post({ type: 'selectLine', line: Math.max(0, line) });
});

function countUnsafeAttributes(under: Element): number {
  let n = 0;
  for (const el of under.querySelectorAll('*')) for (const a of Array.from(el.attributes)) if (isUnsafeAttribute(a.name, a.value, el.localName)) n++;
  return n;
}

// ---- messages from the host ---------------------------------------------------------------------------------------

let pendingScrollLine: number | undefined;
let scrollFrame = 0;

/**
 * Only the host talks to this page. VS Code relays its messages from the webview's outer frame, on this page's own
 * origin (it hides that frame: window.parent is set to the page itself, so it cannot be compared by identity). A
 * frame inside the preview (a live embed, a post's <iframe>) can post to this window as well and must not drive it:
 * its origin is another site's, or, for a same-origin frame (about:blank), it is one of the page's own frames.
 */
function fromHost(event: MessageEvent): boolean {
  if (event.origin !== window.origin) return false;
  for (const frame of page.querySelectorAll('iframe')) if (frame.contentWindow === event.source) return false;
  return true;
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (!fromHost(event)) return;
  const message = event.data;
  if (typeof message !== 'object' || message === null) return;
  switch (message.type) {
    case 'update':
      apply(message);
      break;
    case 'scrollToLine':
      // Editor scrolling sends a burst: only the last position of a frame is applied.
      pendingScrollLine = message.line;
      if (!scrollFrame) {
        scrollFrame = requestAnimationFrame(() => {
          scrollFrame = 0;
          if (pendingScrollLine === undefined) return;
          anchorLine = pendingScrollLine;
          pendingScrollLine = undefined;
          // The editor moved while the page was empty after a failure: its line wins over the one shown before.
          if (lineBeforeFailure !== undefined) lineBeforeFailure = anchorLine;
          scrollToAnchor();
          saveState();
        });
      }
      break;
    case 'cursorLine':
      cursorLine = message.line;
      markCursorLine();
      break;
    case 'style':
      if (setStyle(message.style)) {
        layoutChanged();
        scrollToAnchor();
      }
      break;
    case 'locked':
      state = { ...state, locked: message.locked };
      vscode.setState(state);
      break;
    case 'notice':
      showNotice(message.notice);
      layoutChanged();
      break;
    case 'requestSnapshot':
      post({
        type: 'snapshot',
        id: message.id,
        html: root.innerHTML,
        bodyClass: body.className,
        scrollY: window.scrollY,
        topLine: lineForOffset(blocks(), window.scrollY),
        cursorLine,
        markedLine: marker.hidden || marker.dataset.line === undefined ? undefined : Number(marker.dataset.line),
        notice: noticeBar.hidden ? '' : noticeBar.textContent ?? '',
        scripts: root.querySelectorAll('script').length,
        handlers: countUnsafeAttributes(root),
        pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined,
        version: lastVersion,
      });
      break;
  }
});

post({ type: 'ready' });
