// Applying a new render to the live preview with as little DOM work as the edit needs. Typing changes one block
// of the entry body; every other block must stay the same node (no image or iframe reload, no layout work) and be
// recognised as unchanged cheaply: reading attributes through the DOM costs microseconds per element, which at
// 100 KB is most of a frame. So the body is diffed as a list (common prefix and suffix kept), a block counting as
// unchanged when it is equal node for node (isEqualNode, native: no serializing) or else when its serialized HTML
// without data-line is (new line numbers are copied over); keys are computed only for the blocks that need them
// (about 6 → 2 ms per keystroke at 100 KB). morphdom morphs only the changed middle, so an edited paragraph keeps
// its images.
import morphdom from 'morphdom';

/** The one attribute two renders of the same block may differ in. */
const IGNORED = 'data-line';
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
 * look like (the same placeholder substitution is applied to every render).
 */
export function rekeyBlock(block: Element): void {
  liveKeys.set(block, keyOf(block));
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
  const container = next.querySelector(containerSelector);
  const liveContainer = root.querySelector(containerSelector);
  const liveHeader = root.querySelector(headerSelector);
  const nextHeader = next.querySelector(headerSelector);
  if (!container || !liveContainer || !liveHeader || !nextHeader) {
    const nodes = container ? Array.from(container.childNodes) : [];
    const keys = nodes.map(keyOf);
    morphdom(root, next, { childrenOnly: true, onBeforeElUpdated });
    rememberKeys(root.querySelector(containerSelector), keys);
    return;
  }
  if (!liveHeader.isEqualNode(nextHeader) && liveHeader.outerHTML !== nextHeader.outerHTML) morphdom(liveHeader, nextHeader, { onBeforeElUpdated });
  reconcileBody(liveContainer, Array.from(container.childNodes));
}

function rememberKeys(container: Element | null, keys: NodeKey[]): void {
  if (!container) return;
  const live = container.childNodes;
  if (live.length !== keys.length) return;
  for (let i = 0; i < live.length; i++) liveKeys.set(live[i], keys[i]);
}

function liveKey(node: Node): NodeKey {
  let key = liveKeys.get(node);
  if (!key) {
    key = keyOf(node);
    liveKeys.set(node, key);
  }
  return key;
}

/**
 * List diff of the body: keep the common prefix and suffix, morph the changed middle pairwise. A block is kept when
 * it is the same node for node (isEqualNode: native, no serializing: what a keystroke leaves of almost every block),
 * or failing that, when its HTML without data-line is the same (blocks that moved down a line get the new lines).
 * Keys of the new render are computed only for the blocks that need them.
 */
function reconcileBody(container: Element, next: Node[]): void {
  reconcileRange(container, Array.from(container.childNodes), next, null);
}

/**
 * The list diff of reconcileBody over a run of the body's nodes only: `live` (consecutive children of `container`,
 * ending before `after`) becomes `next`. A block patch re-parses only its blocks, and only they are compared.
 */
export function reconcileRange(container: Element, live: ChildNode[], next: Node[], after: Node | null): void {
  const m = live.length;
  const n = next.length;
  const nextKeys: (NodeKey | undefined)[] = new Array(n);
  const keyAt = (i: number): NodeKey => (nextKeys[i] ??= keyOf(next[i]));

  /** Keeps live node `from` for new node `i` if they are the same block; returns whether it did. */
  const keep = (from: Node, i: number): boolean => {
    // A live block whose image became a placeholder, or that moved to other lines: then only its key can tell.
    if (from.isEqualNode(next[i])) return true;
    const key = liveKey(from);
    const to = keyAt(i);
    if (key.key !== to.key) return false;
    if (key.full !== to.full && from.nodeType === Node.ELEMENT_NODE) copyLines(from as Element, next[i] as Element);
    liveKeys.set(from, to);
    return true;
  };
  let prefix = 0;
  while (prefix < m && prefix < n && keep(live[prefix], prefix)) prefix++;
  let suffix = 0;
  while (suffix < m - prefix && suffix < n - prefix && keep(live[m - 1 - suffix], n - 1 - suffix)) suffix++;

  const anchor = suffix > 0 ? live[m - suffix] : after;
  const oldMiddle = live.slice(prefix, m - suffix);
  const newMiddle = next.slice(prefix, n - suffix);
  const paired = Math.min(oldMiddle.length, newMiddle.length);
  for (let i = 0; i < paired; i++) {
    const from = oldMiddle[i];
    const to = newMiddle[i];
    // Before morphdom: it moves nodes out of `to`.
    const key = keyAt(prefix + i);
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
    const key = keyAt(prefix + i);
    container.insertBefore(newMiddle[i], anchor);
    liveKeys.set(newMiddle[i], key);
  }
}

function sameAttributes(a: Element, b: Element): boolean {
  const namesA = a.getAttributeNames();
  const namesB = b.getAttributeNames();
  let countA = 0;
  for (const name of namesA) {
    if (name === IGNORED) continue;
    countA++;
    if (b.getAttribute(name) !== a.getAttribute(name)) return false;
  }
  let countB = 0;
  for (const name of namesB) if (name !== IGNORED) countB++;
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

/**
 * Lines were inserted or removed above `first`: it and every element after it (its descendants included) show
 * their stamps moved by `delta`, as the host's patch moved them in the HTML. Their remembered keys held the old
 * stamps, so they are forgotten (computed again if ever needed).
 */
export function shiftLinesFrom(first: Element | null, delta: number): void {
  if (delta === 0) return;
  const shift = (el: Element) => {
    const line = el.getAttribute('data-line');
    if (line !== null) el.setAttribute('data-line', String(Number(line) + delta));
  };
  for (let el = first; el; el = el.nextElementSibling) {
    liveKeys.delete(el);
    shift(el);
    if (el.firstElementChild) for (const inner of el.querySelectorAll('[data-line]')) shift(inner);
  }
}
