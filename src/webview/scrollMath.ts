// Source line ⇄ preview offset, from the positions of the elements stamped with data-line. Pure math on numbers
// (the DOM reading lives in preview.ts), so it is unit-tested in Node.

/** One block of the preview: the source line it starts at and where it sits in the page (px). */
export interface LineBlock {
  line: number;
  top: number;
  height: number;
}

/**
 * Sorted by line, one block per line (the outermost, which comes first in document order), and only blocks whose
 * top does not go backwards (floats and absolutely positioned content would make the mapping jump).
 */
export function normalizeBlocks<T extends LineBlock>(blocks: readonly T[]): T[] {
  const byLine = [...blocks].filter((b) => Number.isFinite(b.line) && b.line >= 0).sort((a, b) => a.line - b.line);
  const out: T[] = [];
  for (const block of byLine) {
    const last = out[out.length - 1];
    if (last && last.line === block.line) continue;
    if (last && block.top < last.top) continue;
    out.push(block);
  }
  return out;
}

/** Index of the last block with `key(block) <= value`, or -1. Blocks are sorted by that key. */
function lastAtOrBefore(blocks: readonly LineBlock[], value: number, key: (b: LineBlock) => number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(blocks[mid]) <= value) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Page offset that shows source `line` (may be fractional) at the top: interpolated between the block that starts
 * at or before the line and the next one, so a long paragraph scrolls smoothly through its lines.
 */
export function offsetForLine(blocks: readonly LineBlock[], line: number): number {
  if (blocks.length === 0 || !Number.isFinite(line)) return 0;
  const i = lastAtOrBefore(blocks, line, (b) => b.line);
  if (i < 0) return Math.max(0, blocks[0].top * (line / Math.max(1, blocks[0].line)));
  const block = blocks[i];
  const next = blocks[i + 1];
  if (!next) return block.top + Math.min(1, line - block.line) * block.height;
  const progress = (line - block.line) / (next.line - block.line);
  return block.top + progress * (next.top - block.top);
}

/** The inverse: the (fractional) source line shown at page offset `offset`. */
export function lineForOffset(blocks: readonly LineBlock[], offset: number): number {
  if (blocks.length === 0 || !Number.isFinite(offset)) return 0;
  const i = lastAtOrBefore(blocks, offset, (b) => b.top);
  if (i < 0) return blocks[0].top <= 0 ? blocks[0].line : blocks[0].line * Math.max(0, offset) / blocks[0].top;
  const block = blocks[i];
  const next = blocks[i + 1];
  if (!next) return block.line + (block.height > 0 ? Math.min(1, (offset - block.top) / block.height) : 0);
  const span = next.top - block.top;
  if (span <= 0) return block.line;
  return block.line + ((offset - block.top) / span) * (next.line - block.line);
}

/** A vertical extent in page coordinates (px). */
export interface Extent {
  top: number;
  bottom: number;
}

/**
 * What the cursor marker spans for a block: the block itself, or, for the empty marker div in front of a raw HTML
 * block (html_block takes no attributes, so the line sits on a zero-height div), the elements that follow it up to
 * the next block. Undefined when nothing visible belongs to the line.
 */
export function markerExtent(own: Extent, following: readonly Extent[]): Extent | undefined {
  if (own.bottom - own.top >= 1) return own;
  let top = Infinity;
  let bottom = -Infinity;
  for (const box of following) {
    if (box.bottom - box.top < 1) continue;
    top = Math.min(top, box.top);
    bottom = Math.max(bottom, box.bottom);
  }
  return bottom > top ? { top, bottom } : undefined;
}
