import { shiftSourceLines } from '../../src/hatena/sourceLines';
import type { BlockPatch } from '../../src/shared/htmlPatch';

/**
 * What the page does to its tree with a block patch (src/webview/preview.ts applyBlockPatch), done to the HTML string
 * instead: the blocks from the one stamped `fromLine` to the one stamped `toLine` (or to the footnote list, or the end
 * sentinel, or the end) replaced by `insert`, every stamp after them moved. Undefined where the page would refuse.
 */
export function applyBlockPatchToHtml(html: string, patch: BlockPatch): string | undefined {
  const start = openingTagStamped(html, patch.fromLine, 0);
  if (start < 0) return undefined;
  let end: number;
  if (patch.toLine !== null) {
    end = openingTagStamped(html, patch.toLine, start + 1);
  } else {
    const sentinel = html.lastIndexOf('<div class="code-line hatena-preview-end"');
    const limit = sentinel >= 0 ? sentinel : html.length;
    end = patch.footnoteList ? html.lastIndexOf('<div class="footnote">', limit) : limit;
  }
  if (end <= start) return undefined;
  return html.slice(0, start) + patch.insert + shiftSourceLines(html.slice(end), patch.lineDelta);
}

/** Where the first element stamped `line` opens (blocks before it, and their insides, have smaller lines). */
function openingTagStamped(html: string, line: number, from: number): number {
  const at = html.indexOf(` data-line="${line}"`, from);
  return at < 0 ? -1 : html.lastIndexOf('<', at);
}
