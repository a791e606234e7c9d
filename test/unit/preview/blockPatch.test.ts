import * as assert from 'node:assert/strict';
import { blockRangeIn, findChildByLine, type ChildFacts } from '../../../src/webview/blockPatch';

// The page's side of a block patch: which live top-level elements it replaces, found by their stamps.

/** A body as the page holds it: stamped blocks, raw HTML's unstamped elements, the footnote list, the end sentinel. */
function body(lines: (number | undefined)[], footnotes: boolean): ChildFacts[] {
  const children: ChildFacts[] = lines.map((line) => ({ line, kind: 'block' }));
  if (footnotes) children.push({ line: undefined, kind: 'footnotes' });
  children.push({ line: 9999, kind: 'end' });
  return children;
}

describe('block patches in the page', () => {
  it('finds a stamp by binary search, unstamped elements between', () => {
    const lines = [0, 2, undefined, undefined, 7, 9, undefined, 12, 15, undefined];
    for (const [index, line] of lines.entries()) {
      if (line !== undefined) assert.equal(findChildByLine(lines.length, (i) => lines[i], line), index, `line ${line}`);
    }
    for (const missing of [-1, 1, 3, 8, 13, 16]) assert.equal(findChildByLine(lines.length, (i) => lines[i], missing), -1);
    assert.equal(findChildByLine(0, () => undefined, 0), -1);
    // Thousands of blocks: a handful of probes, not a walk over all of them.
    let probes = 0;
    const many = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 2 ? undefined : i * 2));
    assert.equal(findChildByLine(many.length, (i) => (probes++, many[i]), 2 * 76_543), 76_543);
    assert.ok(probes < 200, `${probes} probes`);
  });

  it('replaces the children between the two stamps, or up to the footnote list or the end', () => {
    const children = body([0, 3, undefined, 8, 11], true);
    const facts = (i: number) => children[i];
    assert.deepEqual(blockRangeIn(children.length, facts, { fromLine: 3, toLine: 11, footnoteList: true }), { from: 1, to: 4 });
    assert.deepEqual(blockRangeIn(children.length, facts, { fromLine: 8, toLine: null, footnoteList: true }), { from: 3, to: 5 });
    const plain = body([0, 3], false);
    assert.deepEqual(blockRangeIn(plain.length, (i) => plain[i], { fromLine: 3, toLine: null, footnoteList: false }), { from: 1, to: 2 });
  });

  it('refuses when the page does not hold the blocks the host names (then it re-parses everything)', () => {
    const children = body([0, 3, 8], false);
    const facts = (i: number) => children[i];
    assert.equal(blockRangeIn(children.length, facts, { fromLine: 4, toLine: 8, footnoteList: false }), undefined, 'no such block');
    assert.equal(blockRangeIn(children.length, facts, { fromLine: 3, toLine: 5, footnoteList: false }), undefined, 'no such end');
    assert.equal(blockRangeIn(children.length, facts, { fromLine: 8, toLine: 3, footnoteList: false }), undefined, 'backwards');
    assert.equal(blockRangeIn(children.length, facts, { fromLine: 8, toLine: null, footnoteList: true }), undefined, 'no footnote list');
    const unterminated = children.slice(0, -1);
    assert.equal(blockRangeIn(unterminated.length, (i) => unterminated[i], { fromLine: 3, toLine: null, footnoteList: false }), undefined, 'no sentinel');
  });
});
