// Applying a new render to the live preview with as little DOM work as the edit needs. Typing changes one block
// of the entry body; every other block must stay the same node (no image or iframe reload, no layout work) and be
// recognised as unchanged cheaply: reading attributes through the DOM costs microseconds per element, which at
// 100 KB is most of a frame. So each body block is keyed by its serialized HTML (without data-line), the body is
// diffed as a list (common prefix and suffix kept, new line numbers copied over), and morphdom morphs only the
// changed middle, so an edited paragraph keeps its images.
import morphdom from 'morphdom';

const IGNORED = new Set(['data-line', 'data-hatena-active']);
const DATA_LINE = / data-line="\d+"/g;

/** What a live body node was created from: its HTML with and without data-line. */
interface NodeKey {
  full: string;
  key: string;
}
const liveKeys = new WeakMap<Node, NodeKey>();

function keyOf(node: Node): NodeKey {
  if (node.nodeType === Node.ELEMENT_NODE) {
    const full = (node as Element).outerHTML;
    return { full, key: full.replace(DATA_LINE, '') };
  }
  const text = `${node.nodeType}:${node.nodeValue ?? ''}`;
  return { full: text, key: text };
}

/**
 * A live block changed on its own (an image turned into its placeholder): key it by what the next render of it will
 * look like (the same placeholder substitution is applied to every render), minus the preview's runtime marker.
 */
export function rekeyBlock(block: Element): void {
  const clone = block.cloneNode(true) as Element;
  for (const el of [clone, ...clone.querySelectorAll('[data-hatena-active]')]) el.removeAttribute('data-hatena-active');
  liveKeys.set(block, keyOf(clone));
}

/** The new render's body nodes with their keys. */
export interface KeyedRender {
  container: Element | null;
  nodes: Node[];
  keys: NodeKey[];
}

export function keyRender(root: Element, containerSelector: string): KeyedRender {
  const container = root.querySelector(containerSelector);
  const nodes = container ? Array.from(container.childNodes) : [];
  return { container, nodes, keys: nodes.map(keyOf) };
}

/** morphdom's onBeforeElUpdated inside a changed block: skip subtrees equal but for data-line. */
function onBeforeElUpdated(fromEl: HTMLElement, toEl: HTMLElement): boolean {
  if (equalIgnoringLines(fromEl, toEl)) {
    copyLines(fromEl, toEl);
    return false;
  }
  // A <details> the reader opened stays open while the text around it changes.
  if (fromEl instanceof HTMLDetailsElement && fromEl.open) toEl.setAttribute('open', '');
  return true;
}

/**
 * Makes the live `root` show the parsed render `next` (an inert tree): the entry header and the body blocks are
 * reconciled separately when both trees have the article structure, else (first render, an error block) morphdom
 * morphs the whole root.
 */
export function applyRender(root: Element, next: Element, containerSelector: string, headerSelector: string): void {
  const render = keyRender(next, containerSelector);
  const liveContainer = root.querySelector(containerSelector);
  const liveHeader = root.querySelector(headerSelector);
  const nextHeader = next.querySelector(headerSelector);
  if (!render.container || !liveContainer || !liveHeader || !nextHeader) {
    morphdom(root, next, { childrenOnly: true, onBeforeElUpdated });
    rememberKeys(root.querySelector(containerSelector), render);
    return;
  }
  if (liveHeader.outerHTML !== nextHeader.outerHTML) morphdom(liveHeader, nextHeader, { onBeforeElUpdated });
  reconcileBody(liveContainer, render);
}

function rememberKeys(container: Element | null, render: KeyedRender): void {
  if (!container) return;
  const live = container.childNodes;
  if (live.length !== render.nodes.length) return;
  for (let i = 0; i < live.length; i++) liveKeys.set(live[i], render.keys[i]);
}

function liveKey(node: Node): NodeKey {
  let key = liveKeys.get(node);
  if (!key) {
    key = keyOf(node);
    liveKeys.set(node, key);
  }
  return key;
}

/** List diff of the body: keep the common prefix and suffix, morph the changed middle pairwise. */
function reconcileBody(container: Element, render: KeyedRender): void {
  const live = Array.from(container.childNodes);
  const next = render.nodes;
  const m = live.length;
  const n = next.length;
  let prefix = 0;
  while (prefix < m && prefix < n && liveKey(live[prefix]).key === render.keys[prefix].key) prefix++;
  let suffix = 0;
  while (suffix < m - prefix && suffix < n - prefix && liveKey(live[m - 1 - suffix]).key === render.keys[n - 1 - suffix].key) suffix++;

  const keep = (from: Node, index: number) => {
    const to = render.keys[index];
    if (liveKey(from).full !== to.full && from.nodeType === Node.ELEMENT_NODE) copyLines(from as Element, next[index] as Element);
    liveKeys.set(from, to);
  };
  for (let i = 0; i < prefix; i++) keep(live[i], i);
  for (let i = 0; i < suffix; i++) keep(live[m - 1 - i], n - 1 - i);

  const anchor = suffix > 0 ? live[m - suffix] : null;
  const oldMiddle = live.slice(prefix, m - suffix);
  const newMiddle = next.slice(prefix, n - suffix);
  const paired = Math.min(oldMiddle.length, newMiddle.length);
  for (let i = 0; i < paired; i++) {
    const from = oldMiddle[i];
    const to = newMiddle[i];
    const key = render.keys[prefix + i];
    if (from.nodeType === Node.ELEMENT_NODE && to.nodeType === Node.ELEMENT_NODE && (from as Element).tagName === (to as Element).tagName) {
      morphdom(from, to, { onBeforeElUpdated });
      liveKeys.set(from, key);
    } else {
      container.replaceChild(to, from);
      liveKeys.set(to, key);
    }
  }
  for (let i = paired; i < oldMiddle.length; i++) oldMiddle[i].remove();
  for (let i = paired; i < newMiddle.length; i++) {
    container.insertBefore(newMiddle[i], anchor);
    liveKeys.set(newMiddle[i], render.keys[prefix + i]);
  }
}

function sameAttributes(a: Element, b: Element): boolean {
  const namesA = a.getAttributeNames();
  const namesB = b.getAttributeNames();
  let countA = 0;
  for (const name of namesA) {
    if (IGNORED.has(name)) continue;
    countA++;
    if (b.getAttribute(name) !== a.getAttribute(name)) return false;
  }
  let countB = 0;
  for (const name of namesB) if (!IGNORED.has(name)) countB++;
  return countA === countB;
}

export function equalIgnoringLines(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a.nodeType !== Node.ELEMENT_NODE) return a.nodeValue === b.nodeValue;
  const ea = a as Element;
  const eb = b as Element;
  if (ea.tagName !== eb.tagName || !sameAttributes(ea, eb)) return false;
  let ca = a.firstChild;
  let cb = b.firstChild;
  while (ca && cb) {
    if (!equalIgnoringLines(ca, cb)) return false;
    ca = ca.nextSibling;
    cb = cb.nextSibling;
  }
  return ca === null && cb === null;
}

/** After an equal comparison: the new source positions onto the kept element and its descendants. */
export function copyLines(from: Element, to: Element): void {
  const line = to.getAttribute('data-line');
  if (line !== null && from.getAttribute('data-line') !== line) from.setAttribute('data-line', line);
  if (!to.firstElementChild) return;
  const fromLines = from.querySelectorAll('[data-line]');
  const toLines = to.querySelectorAll('[data-line]');
  const n = Math.min(fromLines.length, toLines.length);
  for (let i = 0; i < n; i++) {
    const value = toLines[i].getAttribute('data-line')!;
    if (fromLines[i].getAttribute('data-line') !== value) fromLines[i].setAttribute('data-line', value);
  }
}
