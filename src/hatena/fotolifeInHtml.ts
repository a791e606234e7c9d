import { parseFotolife, renderFotolife } from './fotolife';
import { htmlCommentEnd } from './htmlComment';

/**
 * Elements whose content is never notation, up to their end tag (code, and the raw-text elements), each with the
 * search for that end tag, matched case-insensitively (`</PRE >`). Built once; `lastIndex` is set before each use.
 */
const RAW_ELEMENT_ENDS = new Map(['pre', 'code', 'script', 'style', 'textarea'].map((name) => [name, new RegExp(`</${name}[\\s/>]`, 'gi')]));

/**
 * Hatena's editor writes captioned images as one line of HTML around the notation —
 * `<figure class="figure-image figure-image-fotolife" title="CAP">[f:id:…:plain]<figcaption>CAP</figcaption></figure>` —
 * and Hatena expands the notation there too. markdown-it keeps html_block content raw, so the plugin's pass over the
 * block tokens expands Fotolife notation in it with this: in text only, never inside a tag's attributes, an HTML comment, CDATA, or a `<pre>`, `<code>`,
 * `<script>`, `<style>` or `<textarea>` element (anywhere in the block, up to its end tag or the end of the block).
 *
 * One pass from left to right: the next `<` and the next `[f:id:` are each searched for again only once the scan
 * has passed them, so the block costs linear time whatever it holds.
 */
export function expandFotolifeInHtml(html: string): string {
  let next = html.indexOf('[f:id:');
  if (next < 0) return html;
  let out = '';
  let copied = 0;
  let pos = 0;
  let lt = html.indexOf('<');
  while (next >= 0) {
    if (lt >= 0 && lt < pos) lt = html.indexOf('<', pos);
    if (lt >= 0 && lt < next) {
      pos = skipMarkup(html, lt);
      if (next < pos) next = html.indexOf('[f:id:', pos);
      continue;
    }
    const parsed = parseFotolife(html.slice(next, next + 512));
    if (parsed) {
      out += html.slice(copied, next) + renderFotolife(parsed.image);
      copied = pos = next + parsed.length;
    } else {
      pos = next + 1;
    }
    next = html.indexOf('[f:id:', pos);
  }
  return out + html.slice(copied);
}

/** Index after the markup that starts with the `<` at `lt`: a comment, CDATA, a tag (and a raw element's content
 *  with its end tag), or just that `<` when it opens nothing. */
function skipMarkup(html: string, lt: number): number {
  if (html.startsWith('<!--', lt)) {
    const end = htmlCommentEnd(html, lt); // `<!-->` and `<!--->` are whole (empty) comments
    return end < 0 ? html.length : end;
  }
  if (html.startsWith('<![CDATA[', lt)) return endOf(html, ']]>', lt + 9);
  const c = html.charCodeAt(lt + 1);
  if (c === 0x2f || c === 0x21 || c === 0x3f) return tagEnd(html, lt + 1); // </x>, <!DOCTYPE>, <?x?>
  if (!isAsciiLetter(c)) return lt + 1;
  let nameEnd = lt + 2;
  while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
  const end = tagEnd(html, nameEnd);
  const name = html.slice(lt + 1, nameEnd).toLowerCase();
  // `<code/>` opens one too: browsers ignore the slash on elements that are not void.
  const close = RAW_ELEMENT_ENDS.get(name);
  if (!close) return end;
  // Up to the end tag; without one, to the end of the block.
  close.lastIndex = end;
  const m = close.exec(html);
  return m ? tagEnd(html, m.index + 2) : html.length;
}

function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
}

function isNameChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;
}

function endOf(html: string, needle: string, from: number): number {
  const at = html.indexOf(needle, from);
  return at < 0 ? html.length : at + needle.length;
}

/** Index after the `>` closing the tag whose name ends at `from`, stepping over quoted attribute values. */
function tagEnd(html: string, from: number): number {
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") {
      const close = html.indexOf(c, i + 1);
      if (close < 0) return html.length;
      i = close;
    }
  }
  return html.length;
}
