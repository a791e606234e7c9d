// Writing XML text by hand, safely: escaping for element text and attributes, and refusing characters XML 1.0 cannot
// carry at all (Hatena would answer 400 for them; the writer gets a clear message first). Pure.
import { HatenaApiError } from './hatenaEntry';

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; lone surrogates are not.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Throws HatenaApiError('bad-request') naming the field and the character when `value` cannot be sent as XML. */
export function assertXmlChars(field: string, value: string): void {
  const m = FORBIDDEN.exec(value);
  if (!m) return;
  const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const line = value.slice(0, m.index).split('\n').length;
  throw new HatenaApiError('bad-request', `The ${field} contains U+${code} (line ${line}), a character XML cannot carry; remove it before sending.`);
}

/** Element text: `&`, `<`, `>` escaped; CR kept as `&#13;` (a parser would otherwise turn CRLF into LF). */
export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute value in double quotes: also `"`, and whitespace that attribute normalisation would flatten. */
export function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
