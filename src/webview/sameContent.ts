// morphdom's "is this block unchanged?" test. Typing one line shifts the data-line of every block below it; those
// blocks are otherwise identical and must be left alone (no image reload, no iframe reload, no layout work), so
// the comparison ignores data-line and the preview's own runtime marker, then copies the new line numbers over.

const IGNORED = new Set(['data-line', 'data-hatena-active']);

function sameAttributes(a: Element, b: Element): boolean {
  let countA = 0;
  for (const attr of Array.from(a.attributes)) {
    if (IGNORED.has(attr.name)) continue;
    countA++;
    if (b.getAttribute(attr.name) !== attr.value) return false;
  }
  let countB = 0;
  for (const attr of Array.from(b.attributes)) if (!IGNORED.has(attr.name)) countB++;
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

/** After equalIgnoringLines: the new source positions onto the kept element and its descendants. */
export function copyLines(from: Element, to: Element): void {
  const line = to.getAttribute('data-line');
  if (line !== null) from.setAttribute('data-line', line);
  const fromLines = from.querySelectorAll('[data-line]');
  const toLines = to.querySelectorAll('[data-line]');
  const n = Math.min(fromLines.length, toLines.length);
  for (let i = 0; i < n; i++) fromLines[i].setAttribute('data-line', toLines[i].getAttribute('data-line')!);
}
