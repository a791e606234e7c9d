// Makes the post's raw HTML inert before it enters the live page. The CSP already refuses every script that lacks
// the nonce (including inline handlers and javascript: URLs); this removes them as well, so nothing depends on one
// layer alone, drops the elements that would change the page itself (<base>, <meta refresh>, plugins), and the
// names that would clobber the page's own objects (<img name="body"> replaces document.body for every script).

/** Elements removed with their content. */
const REMOVED_ELEMENTS = new Set(['script', 'base', 'meta', 'link', 'object', 'embed', 'applet', 'frame', 'frameset', 'portal', 'noscript']);

/** SVG animation elements: removed when they animate an attribute that holds a URL or a handler. */
const ANIMATION_ELEMENTS = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor', 'discard']);

/** Attributes holding a URL that a browser may navigate to or execute. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'lowsrc', 'codebase', 'cite', 'longdesc']);

/** SVG animation values (`<set attributeName="href" to="javascript:…">`). */
const ANIMATION_VALUES = new Set(['to', 'values', 'from', 'by']);

/**
 * Elements whose `name` makes them a named property of `document` (and of `window`): `<img name="elementFromPoint">`
 * turns document.elementFromPoint into an element. Their `name` is dropped: nothing in a preview needs it.
 */
const DOCUMENT_NAMED = new Set(['img', 'form', 'iframe', 'embed', 'object']);

/**
 * The elements a <form> exposes as its own properties by their name and id (`<input name="attributes">` replaces
 * form.attributes, which breaks every DOM walk over the form). Their `name` is dropped (a preview never submits:
 * CSP form-action 'none'), and an id only when it is the name of a property of a form element.
 */
const FORM_LISTED = new Set(['button', 'fieldset', 'input', 'object', 'output', 'select', 'textarea', 'img']);

function compactUrl(value: string): string {
  // Browsers ignore whitespace and control characters inside the scheme: "java\tscript:".
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

function isScriptUrl(compact: string): boolean {
  return /^(?:javascript|vbscript|livescript):/.test(compact);
}

/** A data: URL that is not a picture a browser decodes as an image (an HTML or SVG document would run its scripts). */
function isDataDocument(compact: string, tag: string): boolean {
  if (!compact.startsWith('data:')) return false;
  // An <img> may show any data:image (SVG in an image never runs script; the placeholders are SVG).
  const safe = tag === 'img' || tag === 'source' ? /^data:image\// : /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp)[;,]/;
  return !safe.test(compact);
}

/**
 * True for an attribute that could run script: event handlers, script URLs, srcdoc documents, SVG animations of href,
 * data: documents, a srcset with a script URL.
 */
export function isUnsafeAttribute(name: string, value: string, tag = ''): boolean {
  const n = name.toLowerCase();
  const t = tag.toLowerCase();
  if (n.startsWith('on')) return true;
  if (n === 'srcdoc') return true;
  if (URL_ATTRIBUTES.has(n)) {
    const compact = compactUrl(value);
    return isScriptUrl(compact) || isDataDocument(compact, t);
  }
  if (n === 'srcset' || n === 'imagesrcset') {
    // Candidates are "URL [descriptor]" separated by commas; a data: URL may hold commas itself, so the test is on
    // every comma-separated piece, which can only err towards removing.
    return value.split(',').some((candidate) => {
      const compact = compactUrl(candidate.trim().split(/\s+/)[0] ?? '');
      return isScriptUrl(compact) || (compact.startsWith('data:') && !compact.startsWith('data:image/'));
    });
  }
  if (ANIMATION_VALUES.has(n)) return /javascript:|vbscript:|data:/.test(compactUrl(value));
  return false;
}

function mayBeUnsafe(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('on') || n === 'srcdoc' || n === 'srcset' || n === 'imagesrcset' || URL_ATTRIBUTES.has(n) || ANIMATION_VALUES.has(n);
}

/** An SVG animation of an attribute that holds a URL or a handler (`<animate attributeName="href" …>`). */
function animatesUnsafeAttribute(attributeName: string | null): boolean {
  if (attributeName === null) return false;
  const n = attributeName.trim().toLowerCase();
  return n.startsWith('on') || URL_ATTRIBUTES.has(n) || n.endsWith(':href') || n === 'srcdoc';
}

/**
 * The few DOM operations the sanitizer needs. In the webview they are Element.prototype's own methods, called on the
 * element: a <form> in the post exposes its inputs as properties, so `form.getAttributeNames` may be an <input>.
 * The unit tests run the same walk over a parse5 tree. The walk is a callback, not an iterator: a generator's
 * resumption per element cost the page's walk ~15% at 400 KB.
 */
export interface SanitizerDom<E, R> {
  /** Calls `visit` for every element under `root`, in document order (template contents excluded). */
  forEachElement(root: R, visit: (el: E) => void): void;
  localName(el: E): string;
  attributeNames(el: E): string[];
  getAttribute(el: E, name: string): string | null;
  removeAttribute(el: E, name: string): void;
  remove(el: E): void;
  /** The inert fragment of a <template>, else undefined. */
  templateContent(el: E): R | undefined;
  /** Ids that would shadow a property of a <form> element (submit, action, attributes, getAttribute …). */
  isFormProperty(name: string): boolean;
}

/** Removes dangerous elements and attributes under `root`. Returns how many it removed. */
export function neutralizeWith<E, R>(dom: SanitizerDom<E, R>, root: R): number {
  let removed = 0;
  const doomed: E[] = [];
  dom.forEachElement(root, (el) => {
    const tag = dom.localName(el).toLowerCase();
    if (REMOVED_ELEMENTS.has(tag) || (ANIMATION_ELEMENTS.has(tag) && animatesUnsafeAttribute(dom.getAttribute(el, 'attributeName')))) {
      doomed.push(el);
      return;
    }
    const clobbers = DOCUMENT_NAMED.has(tag) || FORM_LISTED.has(tag);
    // attributeNames + a name test first: most elements carry only class/id/data-line, and reading every
    // attribute value through the DOM is what makes this walk cost milliseconds on a long post.
    for (const name of dom.attributeNames(el)) {
      let unsafe = false;
      if (mayBeUnsafe(name)) unsafe = isUnsafeAttribute(name, dom.getAttribute(el, name) ?? '', tag);
      else if (clobbers && name === 'name') unsafe = true;
      else if (clobbers && name === 'id' && FORM_LISTED.has(tag)) unsafe = dom.isFormProperty(dom.getAttribute(el, name) ?? '');
      if (unsafe) {
        dom.removeAttribute(el, name);
        removed++;
      }
    }
    // A <template> keeps its own inert fragment: clean that too (nothing here clones it, but be thorough).
    const content = dom.templateContent(el);
    if (content !== undefined) removed += neutralizeWith(dom, content);
  });
  for (const el of doomed) {
    dom.remove(el);
    removed++;
  }
  return removed;
}

let browserDom: SanitizerDom<Element, Node> | undefined;

/** The DOM operations of the page, taken from the prototypes once (before any post's HTML is in the page). */
function pageDom(): SanitizerDom<Element, Node> {
  if (browserDom) return browserDom;
  const E = Element.prototype;
  const localName = Object.getOwnPropertyDescriptor(E, 'localName')!.get!;
  const names = E.getAttributeNames;
  const get = E.getAttribute;
  const removeAttr = E.removeAttribute;
  const removeNode = E.remove;
  const content = Object.getOwnPropertyDescriptor(HTMLTemplateElement.prototype, 'content')!.get!;
  const formProperties = new Set<string>();
  for (let o: object | null = HTMLFormElement.prototype; o; o = Object.getPrototypeOf(o)) {
    for (const key of Object.getOwnPropertyNames(o)) formProperties.add(key);
  }
  browserDom = {
    forEachElement(root, visit) {
      const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) visit(node as Element);
    },
    localName: (el) => localName.call(el) as string,
    attributeNames: (el) => names.call(el),
    getAttribute: (el, name) => get.call(el, name),
    removeAttribute: (el, name) => removeAttr.call(el, name),
    remove: (el) => removeNode.call(el),
    templateContent: (el) => (el instanceof HTMLTemplateElement ? (content.call(el) as DocumentFragment) : undefined),
    isFormProperty: (name) => formProperties.has(name),
  };
  return browserDom;
}

/** Removes dangerous elements and attributes under `root` (an inert template's content). Returns how many it removed. */
export function neutralize(root: DocumentFragment | Element): number {
  return neutralizeWith(pageDom(), root);
}
