// Where in a post's front matter a category is being typed (for completion from the blog's category document).
import { findFrontMatter } from '../hatena';

/** Whether `offset` is where a Category item is typed: a `- ` item under `Category:`, or inside `Category: [ … ]`. */
export function inCategoryList(text: string, offset: number): boolean {
  const span = findFrontMatter(text);
  if (!span || offset < span.yamlStart || offset > span.yamlEnd) return false;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const line = text.slice(lineStart, offset);
  if (/^Category:\s*\[[^\]]*$/.test(line)) return true;
  if (!/^\s*-\s+[^:]*$/.test(line) && !/^\s*-\s*$/.test(line)) return false;
  // Walk up over the list's other items to the key that owns it.
  let at = lineStart;
  while (at > span.yamlStart) {
    const prevStart = text.lastIndexOf('\n', at - 2) + 1;
    const prev = text.slice(prevStart, at - 1);
    if (/^\s*-/.test(prev) || prev.trim() === '') {
      at = prevStart;
      continue;
    }
    return /^Category:\s*$/.test(prev);
  }
  return false;
}
