// The script inside the preview webview: applies rendered HTML with morphdom, keeps scroll in step with the editor,
// marks the cursor line, turns unloadable images into placeholders and hands links to the host.
import type { FromWebview, PreviewNotice, PreviewState, PreviewStyle, ToWebview } from '../preview/protocol';
import { PREVIEW_NOTICE_ID, PREVIEW_ROOT_ID, lookClass } from '../preview/previewDocument';
import { applyHtmlPatch } from '../preview/htmlPatch';
import { placeholderDataUrl, placeholderLabel, type ImageFacts } from './imagePlaceholder';
import { isUnsafeAttribute, neutralize } from './sanitize';
import { lineForOffset, normalizeBlocks, offsetForLine, type LineBlock } from './scrollMath';
import { applyRender, rekeyBlock } from './sameContent';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById(PREVIEW_ROOT_ID) as HTMLElement;
const noticeBar = document.getElementById(PREVIEW_NOTICE_ID) as HTMLElement;
const post = (message: FromWebview) => vscode.postMessage(message);

const saved = vscode.getState();
let state: PreviewState = saved ?? { uri: '', locked: false, line: 0 };
let currentUri: string | undefined;
let lastVersion = -1;
/** The last applied render: the base the host's next patch applies to. */
let lastSeq = -1;
let lastHtml = '';
let cursorLine: number | undefined;
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
/** Set by wheel/keys/pointer in the preview: only scrolls that follow real input move the editor. */
let lastUserInput = -Infinity;

function scrollToY(y: number): void {
  const target = Math.max(0, Math.min(Math.round(y), document.documentElement.scrollHeight - window.innerHeight));
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
    // Only the reader's own scrolling moves the editor (not the find widget, not layout settling).
    if (performance.now() - lastUserInput > 1500) return;
    if (!revealFrame) {
      revealFrame = requestAnimationFrame(() => {
        revealFrame = 0;
        post({ type: 'revealLine', line: Math.max(0, Math.floor(anchorLine)) });
      });
    }
  },
  { passive: true },
);
for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart']) {
  window.addEventListener(type, () => (lastUserInput = performance.now()), { passive: true, capture: true });
}

let resizeFrame = 0;
window.addEventListener('resize', () => {
  invalidateLayout();
  if (!resizeFrame) {
    resizeFrame = requestAnimationFrame(() => {
      resizeFrame = 0;
      scrollToAnchor();
    });
  }
});

function saveState(): void {
  state = { ...state, line: anchorLine };
  vscode.setState(state);
}

// ---- the cursor line ----------------------------------------------------------------------------------------------

const ACTIVE_ATTRIBUTE = 'data-hatena-active';

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
  for (const el of root.querySelectorAll(`[${ACTIVE_ATTRIBUTE}]`)) if (el !== best) el.removeAttribute(ACTIVE_ATTRIBUTE);
  // The end sentinel is not a block a reader can see.
  if (best && !best.classList.contains('hatena-preview-end') && !best.hasAttribute(ACTIVE_ATTRIBUTE)) best.setAttribute(ACTIVE_ATTRIBUTE, '');
}

// ---- images that cannot load --------------------------------------------------------------------------------------

const FAILED_ATTRIBUTE = 'data-hatena-failed-src';
/** Image URLs that failed once in this preview: later renders show their placeholder at once, without retrying. */
const failedSources = new Set<string>();

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

function toPlaceholder(img: Element, src: string): void {
  const facts = factsOf(img, src);
  const cacheKey = JSON.stringify(facts);
  let placeholder = placeholderCache.get(cacheKey);
  if (!placeholder) {
    placeholder = { url: placeholderDataUrl(facts), label: placeholderLabel(facts) };
    placeholderCache.set(cacheKey, placeholder);
  }
  img.setAttribute(FAILED_ATTRIBUTE, src);
  img.setAttribute('src', placeholder.url);
  img.setAttribute('data-hatena-notation', placeholder.label);
  img.classList.add('hatena-image-unavailable');
}

document.addEventListener(
  'error',
  (event) => {
    const img = event.target;
    if (!(img instanceof HTMLImageElement) || !root.contains(img)) return;
    const src = img.getAttribute('src');
    if (!src || src.startsWith('data:') || img.hasAttribute(FAILED_ATTRIBUTE)) return;
    failedSources.add(src);
    toPlaceholder(img, src);
    const block = img.closest(`${ENTRY_BODY} > *`);
    if (block) rekeyBlock(block);
    invalidateLayout();
  },
  true,
);
document.addEventListener(
  'load',
  (event) => {
    if (event.target instanceof HTMLImageElement || event.target instanceof HTMLIFrameElement) {
      invalidateLayout();
      // An image above the anchor changed the layout: keep showing the same source line.
      if (performance.now() - lastUserInput > 1500) scrollToAnchor();
    }
  },
  true,
);

// ---- applying a render --------------------------------------------------------------------------------------------

const parser = document.createElement('template');
/** The entry body: its children are the blocks compared by their HTML. */
const ENTRY_BODY = 'div.entry-content';
const ENTRY_HEADER = 'header.entry-header';

/** The source-mapped block at the top of the viewport, found by hit-testing (no walk over every block). */
function topBlock(): { element: Element; top: number; line: number } | undefined {
  const rect = root.getBoundingClientRect();
  for (const y of [4, 24, 64]) {
    const hit = document.elementFromPoint(rect.left + rect.width / 2, y);
    const element = hit?.closest('[data-line]');
    if (element && root.contains(element)) {
      return { element, top: element.getBoundingClientRect().top, line: Number(element.getAttribute('data-line')) };
    }
  }
  return undefined;
}

function apply(update: Extract<ToWebview, { type: 'update' }>): void {
  const started = performance.now();
  if (update.seq <= lastSeq) {
    post({ type: 'applied', uri: update.uri, version: update.version, ms: 0 });
    return;
  }
  const html = update.body.kind === 'full'
    ? update.body.html
    : update.body.baseSeq === lastSeq ? applyHtmlPatch(lastHtml, update.body.patch) : undefined;
  if (html === undefined) {
    // Not the base the host diffed against (the webview reloaded, a message was lost): ask for the whole page.
    post({ type: 'applied', uri: update.uri, version: -1, ms: 0 });
    post({ type: 'resync' });
    return;
  }
  lastSeq = update.seq;
  lastHtml = html;
  const newDocument = update.uri !== currentUri;
  if (newDocument) {
    currentUri = update.uri;
    anchorLine = update.scrollToLine ?? (state.uri === update.uri ? state.line : 0);
    cursorLine = undefined;
  } else if (update.scrollToLine !== undefined) {
    anchorLine = update.scrollToLine;
  }
  lastVersion = update.version;
  state = { uri: update.uri, locked: update.locked, line: anchorLine };

  // A <template> parses inertly: nothing loads or runs until morphdom moves nodes into the page, and by then the
  // post's scripts and handlers are gone.
  parser.innerHTML = `<main>${html}</main>`;
  const next = parser.content.firstElementChild as HTMLElement;
  neutralize(next);
  for (const img of next.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src')!;
    if (failedSources.has(src)) toPlaceholder(img, src);
  }
  // Keep what the reader sees in place: the block at the top of the viewport stays where it is.
  const anchorBefore = newDocument || update.scrollToLine !== undefined ? undefined : topBlock();
  applyRender(root, next, ENTRY_BODY, ENTRY_HEADER);
  parser.innerHTML = '';
  invalidateLayout();
  markCursorLine();
  showNotice(update.notice);
  if (anchorBefore?.element.isConnected) {
    const moved = anchorBefore.element.getBoundingClientRect().top - anchorBefore.top;
    if (Math.abs(moved) >= 1) scrollToY(window.scrollY + moved);
    // Lines inserted above shift its source line: the anchor follows the block, as the reader's eyes do.
    const line = Number(anchorBefore.element.getAttribute('data-line'));
    if (Number.isFinite(line)) anchorLine += line - anchorBefore.line;
  } else if (newDocument || update.scrollToLine !== undefined || window.scrollY >= 1) {
    scrollToAnchor();
  }
  vscode.setState(state);
  post({ type: 'applied', uri: update.uri, version: update.version, ms: performance.now() - started });
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

function setStyle(style: PreviewStyle): void {
  document.body.classList.remove('hatena-look', 'vscode-look');
  document.body.classList.add(lookClass(style));
}

// ---- links and double-click ---------------------------------------------------------------------------------------

function scrollToFragment(fragment: string): void {
  let id = fragment;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    /* keep it as written */
  }
  const target = document.getElementById(id) ?? document.getElementsByName(id)[0];
  if (!target) return;
  lastUserInput = performance.now(); // following a link is the reader moving: the editor follows
  target.scrollIntoView({ block: 'start' });
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest?.('a');
  if (!link) return;
  // The webview must never navigate itself: every link is handled here or by the host.
  event.preventDefault();
  const href = link.getAttribute('href');
  if (!href) return;
  if (href.startsWith('#')) scrollToFragment(href.slice(1));
  else post({ type: 'openLink', href });
});
document.addEventListener('auxclick', (event) => {
  if ((event.target as Element | null)?.closest?.('a')) event.preventDefault();
});

document.addEventListener('dblclick', (event) => {
  if ((event.target as Element | null)?.closest?.('a')) return;
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

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
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
      setStyle(message.style);
      invalidateLayout();
      scrollToAnchor();
      break;
    case 'locked':
      state = { ...state, locked: message.locked };
      vscode.setState(state);
      break;
    case 'notice':
      showNotice(message.notice);
      break;
    case 'requestSnapshot':
      post({
        type: 'snapshot',
        id: message.id,
        html: root.innerHTML,
        bodyClass: document.body.className,
        scrollY: window.scrollY,
        topLine: lineForOffset(blocks(), window.scrollY),
        cursorLine,
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
