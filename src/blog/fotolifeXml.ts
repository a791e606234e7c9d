// Hatena Fotolife's AtomAPI documents (Atom 0.3): the entry an upload POSTs and the answer's `hatena:syntax`,
// image URL and page link. Namespace-correct, like atomXml.ts.
import { bytesToBase64 } from './base64';
import { HatenaApiError, type FotolifeImage, type FotolifeUpload } from './hatenaEntry';
import { attribute, childElements, childText, isElement, parseXmlRoot } from './xmlDocument';
import { assertXmlChars, escapeAttribute, escapeText } from './xmlText';

export const ATOM03_NS = 'http://purl.org/atom/ns#';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';
export const HATENA_NS = 'http://www.hatena.ne.jp/info/xmlns#';

export const FOTOLIFE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif'];

/** The upload body: title, the bytes as base64 content, the folder as `dc:subject`. */
export function fotolifeUploadXml(image: FotolifeImage): string {
  assertXmlChars('image title', image.title);
  if (image.folder !== undefined) assertXmlChars('Fotolife folder', image.folder);
  if (!FOTOLIFE_TYPES.includes(image.mimeType)) throw new HatenaApiError('bad-request', `Fotolife takes JPEG, PNG or GIF images, not ${image.mimeType}.`);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<entry xmlns="${ATOM03_NS}">`,
    `  <title>${escapeText(image.title)}</title>`,
    `  <content mode="base64" type="${escapeAttribute(image.mimeType)}">${bytesToBase64(image.bytes)}</content>`,
    ...(image.folder !== undefined ? [`  <dc:subject xmlns:dc="${DC_NS}">${escapeText(image.folder)}</dc:subject>`] : []),
    '</entry>',
    '',
  ].join('\n');
}

/** `f:id:USER:ID:image` → `f:id:USER:ID:plain` (`:image` would link the picture to its Fotolife page). */
export function plainSyntax(syntax: string): string {
  return syntax.replace(/:image$/, ':plain');
}

/** The answer to an upload; 'protocol' without `hatena:syntax`. */
export function parseFotolifeUpload(text: string): FotolifeUpload {
  const entry = parseXmlRoot(text, 'a Fotolife entry');
  if (!isElement(entry, ATOM03_NS, 'entry')) throw new HatenaApiError('protocol', `Expected a Fotolife entry but the answer's root element is <${entry.tagName}>.`);
  const syntax = childText(entry, HATENA_NS, 'syntax')?.trim();
  if (!syntax) throw new HatenaApiError('protocol', 'The Fotolife answer has no hatena:syntax.');
  const imageUrl = childText(entry, HATENA_NS, 'imageurl')?.trim();
  const link = childElements(entry, ATOM03_NS, 'link').find((l) => attribute(l, 'rel') === 'alternate');
  const pageUrl = link && attribute(link, 'href');
  return { syntax, plainSyntax: plainSyntax(syntax), ...(imageUrl ? { imageUrl } : {}), ...(pageUrl ? { pageUrl } : {}) };
}
