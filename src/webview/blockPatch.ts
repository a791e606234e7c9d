// Which live top-level elements of the entry body a block patch replaces. Pure (elements seen through accessors),
// so it is unit-tested without a DOM.
import type { BlockRange } from '../shared/htmlPatch';

/** What the page shows of one top-level element of the entry body. */
export interface ChildFacts {
  /** Its data-line, if stamped. */
  line: number | undefined;
  /** The end sentinel (always the last child) or the footnote list. */
  kind: 'end' | 'footnotes' | 'block';
}

/**
 * The index of the child stamped `line`, by binary search (stamps of top-level blocks rise in document order; raw
 * HTML's unstamped elements sit between them). -1: none.
 */
export function findChildByLine(count: number, lineAt: (index: number) => number | undefined, line: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    let probe = mid;
    while (probe <= hi && lineAt(probe) === undefined) probe++;
    if (probe > hi) {
      hi = mid - 1;
      continue;
    }
    const value = lineAt(probe)!;
    if (value === line) return probe;
    if (value < line) lo = probe + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The children [from, to) the patch's blocks replace, or undefined when the page does not hold them as the host
 * describes (then the page re-parses the whole HTML).
 */
export function blockRangeIn(count: number, facts: (index: number) => ChildFacts, range: BlockRange): { from: number; to: number } | undefined {
  const lineAt = (i: number) => facts(i).line;
  const from = findChildByLine(count, lineAt, range.fromLine);
  if (from < 0) return undefined;
  let to: number;
  if (range.toLine !== null) {
    to = findChildByLine(count, lineAt, range.toLine);
  } else {
    // Up to the footnote list (if the post has one) before the end sentinel.
    to = count - 1;
    if (to < 0 || facts(to).kind !== 'end') return undefined;
    if (range.footnoteList) {
      to--;
      if (to < 0 || facts(to).kind !== 'footnotes') return undefined;
    }
  }
  return to > from ? { from, to } : undefined;
}
