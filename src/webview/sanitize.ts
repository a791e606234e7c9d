// Makes the post's raw HTML inert before it enters the live page. The CSP already refuses every script that lacks
// the nonce (including inline handlers and javascript: URLs); this removes them as well, so nothing depends on one
// layer alone, and drops the elements that would change the page itself (<base>, <meta refresh>, plugins).

/** Elements removed with their content. */
const REMOVED_ELEMENTS = new Set(['script', 'base', 'meta', 'link', 'object', 'embed', 'applet', 'frame', 'frameset', 'portal', 'noscript']);

/** Attributes holding a URL that a browser may navigate to or execute. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'lowsrc']);

/**
 * True for an attribute that could run script: event handlers, script URLs, srcdoc documents, SVG animations of href,
 * data: documents. An <img> may show any data:image (SVG in an image never runs script; the placeholders are SVG).
 */
export function isUnsafeAttribute(name: string, value: string, tag = ''): boolean {
  const n = name.toLowerCase();
  if (n.startsWith('on')) return true;
  if (n === 'srcdoc') return true;
  if (URL_ATTRIBUTES.has(n) || n === 'to' || n === 'values' || n === 'from') {
    // Browsers ignore whitespace and control characters inside the scheme: "java\tscript:".
    const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
    if (/^(?:javascript|vbscript|livescript):/.test(compact)) return true;
    const safeData = tag.toLowerCase() === 'img' ? /^data:image\// : /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp)[;,]/;
    if (compact.startsWith('data:') && !safeData.test(compact) && n !== 'values' && n !== 'from' && n !== 'to') return true;
    if ((n === 'values' || n === 'from' || n === 'to') && /javascript:|data:/.test(compact)) return true;
  }
  return false;
}

function mayBeUnsafe(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('on') || n === 'srcdoc' || URL_ATTRIBUTES.has(n) || n === 'to' || n === 'values' || n === 'from';
}

/** Removes dangerous elements and attributes under `root` (an inert template's content). Returns how many it removed. */
export function neutralize(root: DocumentFragment | Element): number {
  let removed = 0;
  const walker = (root.ownerDocument ?? (root as unknown as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  const doomed: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    const tag = el.localName.toLowerCase();
    if (REMOVED_ELEMENTS.has(tag)) {
      doomed.push(el);
      continue;
    }
    // getAttributeNames + a name test first: most elements carry only class/id/data-line, and reading every
    // attribute value through the DOM is what makes this walk cost milliseconds on a long post.
    for (const name of el.getAttributeNames()) {
      if (!mayBeUnsafe(name)) continue;
      if (isUnsafeAttribute(name, el.getAttribute(name) ?? '', tag)) {
        el.removeAttribute(name);
        removed++;
      }
    }
    // A <template> keeps its own inert fragment: clean that too (it could be cloned by nothing here, but be thorough).
    if (el instanceof HTMLTemplateElement) removed += neutralize(el.content);
  }
  for (const el of doomed) {
    el.remove();
    removed++;
  }
  return removed;
}
