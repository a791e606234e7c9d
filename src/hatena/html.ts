// Small HTML helpers shared by every notation. Kept here (not md.utils) so that code without a
// markdown-it instance, such as renderEntryArticle, escapes exactly the same way.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const HTML_ESCAPE_TEST = /[&<>"]/;
const HTML_ESCAPE_ALL = /[&<>"]/g;

/** Escapes text for element content and double-quoted attribute values (every attribute we write is double-quoted),
 *  byte-for-byte like markdown-it's escapeHtml so our output matches the rest of the document. */
export function escapeHtml(text: string): string {
  return HTML_ESCAPE_TEST.test(text) ? text.replace(HTML_ESCAPE_ALL, (c) => HTML_ESCAPES[c]) : text;
}

/** `name="value"` pairs, every value escaped. `true` gives a bare boolean attribute, `undefined`/`false` none. */
export function attrs(pairs: ReadonlyArray<readonly [string, string | boolean | undefined]>): string {
  let out = '';
  for (const [name, value] of pairs) {
    if (value === undefined || value === false) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`;
  }
  return out;
}

/** True for absolute http(s) URLs without whitespace, double quotes or angle brackets: the only URLs notation may
 *  emit. (`'` is fine — `O'Reilly` pages exist — since every attribute we write is double-quoted and escaped.) */
export function isHttpUrl(url: string): boolean {
  return /^https?:\/\/[^\s"<>`\\]+$/i.test(url) && /^https?:\/\/[^/?#\s]/i.test(url);
}

/** The host of an http(s) URL, or '' when it cannot be parsed. */
export function hostOf(url: string): string {
  const m = /^https?:\/\/(?:[^@/?#]*@)?([^/?#:]+)/i.exec(url);
  return m ? m[1].toLowerCase() : '';
}
