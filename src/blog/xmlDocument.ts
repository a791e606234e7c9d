// Reading XML answers with @xmldom/xmldom (namespace-aware, no Node built-ins, so it bundles for the browser), and
// the few tree helpers the Atom readers need. Elements are matched by namespace URI and local name, never prefix.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { HatenaApiError } from './hatenaEntry';

export type XmlElement = Element;

/** The document element of `text`, or a 'protocol' HatenaApiError when `text` is not well-formed XML. */
export function parseXmlRoot(text: string, what: string): XmlElement {
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') {
        problem ??= message;
        throw new Error(message);
      }
    },
  });
  let root: Element | null = null;
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (e) {
    problem ??= e instanceof Error ? e.message : String(e);
  }
  if (problem !== undefined || !root) throw new HatenaApiError('protocol', `Expected ${what} (XML) but the answer is not XML${problem ? `: ${problem.split('\n')[0].slice(0, 120)}` : ''}.`);
  return root;
}

export function isElement(el: Element, ns: string, localName: string): boolean {
  return el.namespaceURI === ns && el.localName === localName;
}

/** The element children of `parent` with this namespace and local name, in document order. */
export function childElements(parent: Element, ns: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 && isElement(node as Element, ns, localName)) found.push(node as Element);
  }
  return found;
}

export function firstChild(parent: Element, ns: string, localName: string): Element | undefined {
  return childElements(parent, ns, localName)[0];
}

/** The text content of the first such child, or undefined when there is none. */
export function childText(parent: Element, ns: string, localName: string): string | undefined {
  const el = firstChild(parent, ns, localName);
  return el ? (el.textContent ?? '') : undefined;
}

/** An attribute without a namespace (Atom's `rel`, `href`, `term` …), or undefined. */
export function attribute(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? undefined) : undefined;
}
