import * as assert from 'node:assert/strict';
import { budgetSource, formatBytes, MAX_PREVIEW_CHARS, utf8Length } from '../../../src/preview/renderBudget';

describe('preview render budget', () => {
  it('passes ordinary posts through whole', () => {
    const text = '# 見出し\n\n本文\n';
    const bytes = Buffer.byteLength(text);
    assert.deepEqual(budgetSource(text), { source: text, truncated: false, shownLines: 3, totalChars: text.length, totalBytes: bytes, shownBytes: bytes });
    assert.equal(budgetSource('').shownLines, 0);
    assert.equal(budgetSource('no newline').shownLines, 1);
  });

  it('cuts a huge document at a line end under the cap', () => {
    const line = 'あいうえお かきくけこ\n';
    const cap = 50_000;
    const text = line.repeat(Math.ceil((cap * 5) / line.length));
    const b = budgetSource(text, cap);
    assert.equal(b.truncated, true);
    assert.ok(b.source.length <= cap);
    assert.ok(b.source.endsWith('\n'));
    assert.equal(b.shownLines, b.source.length / line.length);
    assert.equal(b.totalChars, text.length);
  });

  it('previews a 5 MB post whole', () => {
    assert.ok(MAX_PREVIEW_CHARS >= 5 * 1024 * 1024 * 3, 'even 5 MB of one-byte characters three times over');
    const text = 'a line of a long report\n'.repeat(Math.ceil((5 * 1024 * 1024) / 24));
    assert.equal(budgetSource(text).truncated, false);
  });

  it('cuts one enormous line inside it, never between a surrogate pair', () => {
    const b = budgetSource('𝌆'.repeat(10), 5);
    assert.equal(b.truncated, true);
    assert.equal(b.source, '𝌆𝌆');
    const plain = budgetSource('x'.repeat(20), 8);
    assert.equal(plain.source, 'x'.repeat(8));
  });

  it('counts what the file holds on disk: UTF-8 bytes, as a file manager shows them', () => {
    for (const text of ['', 'abc', 'あいう', '😀x', 'é\n\u{10FFFF}', '\ud800 lone surrogate', 'mixed 日本語 and 😀😀 text\n'.repeat(50)]) {
      assert.equal(utf8Length(text), Buffer.byteLength(text), JSON.stringify(text.slice(0, 20)));
    }
    // The 2 MB report of the review: 1,988,723 bytes is 1.9 MB, not "1.2 MB" (its count of UTF-16 code units).
    assert.equal(formatBytes(1_988_723), '1.9 MB');
    assert.equal(formatBytes(500_000), '488 KB');
    assert.equal(formatBytes(900), '900 B');
    const line = 'あいうえお かきくけこ\n';
    const b = budgetSource(line.repeat(Math.ceil((50_000 * 2) / line.length)), 50_000);
    assert.equal(b.totalBytes, Buffer.byteLength(line) * Math.ceil((50_000 * 2) / line.length));
    assert.equal(b.shownBytes, Buffer.byteLength(b.source));
  });
});
