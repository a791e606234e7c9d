import * as assert from 'node:assert/strict';
import { lineForOffset, markerExtent, normalizeBlocks, offsetForLine, type LineBlock } from '../../../src/webview/scrollMath';

// A post: header (no line), then blocks at source lines 10, 12, 20 (a list with an item on 20 too), 30.
const raw: LineBlock[] = [
  { line: 10, top: 200, height: 40 },
  { line: 12, top: 260, height: 300 },
  { line: 20, top: 600, height: 100 }, // <ul>
  { line: 20, top: 600, height: 30 }, // its first <li>: same line, dropped
  { line: 30, top: 750, height: 50 },
];
const blocks = normalizeBlocks(raw);

describe('preview scroll math', () => {
  it('keeps one block per line, in line order, dropping blocks whose top goes backwards (floats)', () => {
    assert.deepEqual(blocks.map((b) => b.line), [10, 12, 20, 30]);
    const withFloat = normalizeBlocks([...raw, { line: 25, top: 100, height: 10 }]);
    assert.deepEqual(withFloat.map((b) => b.line), [10, 12, 20, 30]);
  });

  it('maps a line to the top of its block and interpolates inside long blocks', () => {
    assert.equal(offsetForLine(blocks, 12), 260);
    assert.equal(offsetForLine(blocks, 16), 260 + (4 / 8) * (600 - 260));
    assert.equal(offsetForLine(blocks, 30), 750);
    assert.equal(offsetForLine(blocks, 31), 800, 'past the last block: to its bottom');
    assert.equal(offsetForLine(blocks, 0), 0, 'the front matter lines map into the header');
    assert.equal(offsetForLine(blocks, 5), 100);
    assert.equal(offsetForLine([], 5), 0);
  });

  it('maps an offset back to the same line (round trip)', () => {
    for (const line of [10, 11, 12, 15.5, 20, 27, 30]) {
      assert.ok(Math.abs(lineForOffset(blocks, offsetForLine(blocks, line)) - line) < 1e-9, `line ${line}`);
    }
    assert.equal(lineForOffset(blocks, 0), 0);
    assert.equal(lineForOffset(blocks, 100), 5);
    assert.equal(lineForOffset([], 100), 0);
  });

  it('gives the cursor marker the block\'s extent, or for a raw HTML block the elements after its empty marker div', () => {
    assert.deepEqual(markerExtent({ top: 100, bottom: 140 }, [{ top: 140, bottom: 300 }]), { top: 100, bottom: 140 });
    // <div class="code-line" data-line="7"></div><table>…</table><p>…</p>: zero height, then the HTML's elements.
    assert.deepEqual(markerExtent({ top: 200, bottom: 200 }, [{ top: 200, bottom: 260 }, { top: 0, bottom: 0 }, { top: 270, bottom: 300 }]), { top: 200, bottom: 300 });
    assert.equal(markerExtent({ top: 200, bottom: 200 }, []), undefined, 'nothing visible (a <style> block): no marker');
  });
});
