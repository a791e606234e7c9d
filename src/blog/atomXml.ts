// Hatena Blog's AtomPub documents: reading entries, feeds (with `rel="next"`), the service document and the category
// document, and writing the entry a POST or PUT sends. Namespace-correct: elements are matched by namespace URI.
import { HatenaApiError, type BlogService, type EntryPage, type EntryToSend, type RemoteEntry } from './hatenaEntry';
import { attribute, childElements, childText, firstChild, isElement, parseXmlRoot, type XmlElement } from './xmlDocument';
import { assertXmlChars, escapeAttribute, escapeText } from './xmlText';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const APP_NS = 'http://www.w3.org/2007/app';
export const HATENABLOG_NS = 'http://www.hatena.ne.jp/info/xmlns#hatenablog';

/** A link's href, resolved against the document's URL (Hatena sends absolute ones; a relative one still works). */
function linkHref(parent: XmlElement, rel: string, baseUrl: string | undefined): string | undefined {
  const link = childElements(parent, ATOM_NS, 'link').find((l) => (attribute(l, 'rel') ?? 'alternate') === rel);
  const href = link && attribute(link, 'href');
  if (href === undefined) return undefined;
  try {
    return baseUrl ? new URL(href, baseUrl).href : href;
  } catch {
    return href;
  }
}

function yes(value: string | undefined): boolean {
  return value?.trim() === 'yes';
}

function trimmed(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/** An `atom:entry` element as a RemoteEntry; 'protocol' when it has no edit link. */
export function readEntryElement(entry: XmlElement, baseUrl?: string): RemoteEntry {
  const editUrl = linkHref(entry, 'edit', baseUrl);
  if (!editUrl) throw new HatenaApiError('protocol', 'The entry in the answer has no link rel="edit".');
  const content = firstChild(entry, ATOM_NS, 'content');
  const control = firstChild(entry, APP_NS, 'control');
  const controlText = (ns: string, name: string) => (control ? childText(control, ns, name) : undefined);
  const author = firstChild(entry, ATOM_NS, 'author');
  const result: RemoteEntry = {
    editUrl,
    id: decodeURIComponent(new URL(editUrl, 'http://x/').pathname.split('/').filter((s) => s !== '').pop() ?? ''),
    title: childText(entry, ATOM_NS, 'title') ?? '',
    content: content?.textContent ?? '',
    contentType: (content && attribute(content, 'type')) ?? 'text/plain',
    categories: childElements(entry, ATOM_NS, 'category').map((c) => attribute(c, 'term')).filter((t): t is string => t !== undefined),
    draft: yes(controlText(APP_NS, 'draft')),
    preview: yes(controlText(APP_NS, 'preview')),
    // Documented inside app:control; also read beside it, where some writers put it.
    scheduled: yes(controlText(HATENABLOG_NS, 'scheduled') ?? childText(entry, HATENABLOG_NS, 'scheduled')),
  };
  const optional: Partial<RemoteEntry> = {
    url: linkHref(entry, 'alternate', baseUrl),
    previewUrl: linkHref(entry, 'preview', baseUrl),
    updated: trimmed(childText(entry, ATOM_NS, 'updated')),
    published: trimmed(childText(entry, ATOM_NS, 'published')),
    edited: trimmed(childText(entry, APP_NS, 'edited')),
    customUrl: trimmed(childText(entry, HATENABLOG_NS, 'custom-url')),
    author: author ? trimmed(childText(author, ATOM_NS, 'name')) : undefined,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (result as unknown as Record<string, unknown>)[key] = value;
  return result;
}

function expectRoot(text: string, ns: string, localName: string, what: string): XmlElement {
  const root = parseXmlRoot(text, what);
  if (!isElement(root, ns, localName)) throw new HatenaApiError('protocol', `Expected ${what} but the answer's root element is <${root.tagName}>.`);
  return root;
}

/** A member document (GET member, the answer to POST/PUT). */
export function parseEntry(text: string, baseUrl?: string): RemoteEntry {
  return readEntryElement(expectRoot(text, ATOM_NS, 'entry', 'an Atom entry'), baseUrl);
}

/** A page of the collection; `next` from `link rel="next"`. */
export function parseFeed(text: string, baseUrl?: string): EntryPage {
  const feed = expectRoot(text, ATOM_NS, 'feed', 'an Atom feed');
  const next = linkHref(feed, 'next', baseUrl);
  return { entries: childElements(feed, ATOM_NS, 'entry').map((e) => readEntryElement(e, baseUrl)), ...(next ? { next } : {}) };
}

/** Whether an `app:accept` value takes entries: `application/atom+xml;type=entry` with any other parameters. */
function acceptsEntries(accept: string): boolean {
  const [type, ...params] = accept.split(';').map((p) => p.trim().toLowerCase());
  return type === 'application/atom+xml' && params.some((p) => p.replace(/\s*=\s*/, '=').replace(/"/g, '') === 'type=entry');
}

/** The service document: the blog's title, the entry collection (Hatena also lists fixed pages, `…/atom/page`). */
export function parseService(text: string, baseUrl?: string): BlogService {
  const service = expectRoot(text, APP_NS, 'service', 'an AtomPub service document');
  const resolve = (href: string) => (baseUrl ? new URL(href, baseUrl).href : href);
  for (const workspace of childElements(service, APP_NS, 'workspace')) {
    const collections = childElements(workspace, APP_NS, 'collection').filter((c) => attribute(c, 'href') && childElements(c, APP_NS, 'accept').some((a) => acceptsEntries(a.textContent ?? '')));
    // Prefer the entry collection over the fixed pages one, which accepts entries too.
    const collection = collections.find((c) => /\/entry\/?$/.test(attribute(c, 'href') ?? '')) ?? collections[0];
    if (!collection) continue;
    const categories = firstChild(collection, APP_NS, 'categories');
    const categoriesHref = categories && attribute(categories, 'href');
    const title = trimmed(childText(workspace, ATOM_NS, 'title')) ?? trimmed(childText(collection, ATOM_NS, 'title')) ?? '';
    return { title, collectionUrl: resolve(attribute(collection, 'href') ?? ''), ...(categoriesHref ? { categoriesUrl: resolve(categoriesHref) } : {}) };
  }
  throw new HatenaApiError('protocol', 'The service document names no collection that accepts application/atom+xml;type=entry.');
}

/** The category document's terms, in its order. */
export function parseCategories(text: string): string[] {
  const categories = expectRoot(text, APP_NS, 'categories', 'an AtomPub category document');
  return childElements(categories, ATOM_NS, 'category').map((c) => attribute(c, 'term')).filter((t): t is string => t !== undefined);
}

/**
 * The entry a POST or PUT sends. `app:draft` is always written, since a PUT without it publishes; `custom-url` only
 * when given, since a PUT without it keeps the URL. Throws 'bad-request' for characters XML cannot carry.
 */
export function entryXml(entry: EntryToSend): string {
  assertXmlChars('title', entry.title);
  assertXmlChars('content', entry.content);
  entry.categories.forEach((c) => assertXmlChars('category', c));
  if (entry.customUrl !== undefined) assertXmlChars('custom URL', entry.customUrl);
  if (entry.author !== undefined) assertXmlChars('author', entry.author);
  if (entry.updated !== undefined) assertXmlChars('date', entry.updated);
  const yesNo = (v: boolean | undefined) => (v ? 'yes' : 'no');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<entry xmlns="${ATOM_NS}" xmlns:app="${APP_NS}" xmlns:hatenablog="${HATENABLOG_NS}">`,
    `  <title>${escapeText(entry.title)}</title>`,
    ...(entry.author !== undefined ? [`  <author><name>${escapeText(entry.author)}</name></author>`] : []),
    `  <content type="text/plain">${escapeText(entry.content)}</content>`,
    ...(entry.updated !== undefined ? [`  <updated>${escapeText(entry.updated)}</updated>`] : []),
    ...entry.categories.map((c) => `  <category term="${escapeAttribute(c)}" />`),
    '  <app:control>',
    `    <app:draft>${yesNo(entry.draft)}</app:draft>`,
    `    <app:preview>${yesNo(entry.preview)}</app:preview>`,
    ...(entry.scheduled !== undefined ? [`    <hatenablog:scheduled>${yesNo(entry.scheduled)}</hatenablog:scheduled>`] : []),
    '  </app:control>',
    ...(entry.customUrl !== undefined ? [`  <hatenablog:custom-url>${escapeText(entry.customUrl)}</hatenablog:custom-url>`] : []),
    '</entry>',
    '',
  ];
  return lines.join('\n');
}
