import * as assert from 'node:assert/strict';
import { budgetSource, MAX_PREVIEW_CHARS } from '../../../src/preview/renderBudget';

describe('preview render budget', () => {
  it('passes ordinary posts through whole', () => {
    const text = '# 見出し\n\n本文\n';
    assert.deepEqual(budgetSource(text), { source: text, truncated: false, shownLines: 3, totalChars: text.length });
    assert.equal(budgetSource('').shownLines, 0);
    assert.equal(budgetSource('no newline').shownLines, 1);
  });

  it('cuts a huge document at a line end under the cap', () => {
    const line = 'あいうえお かきくけこ\n';
    const text = line.repeat(Math.ceil((MAX_PREVIEW_CHARS * 5) / line.length));
    const b = budgetSource(text);
    assert.equal(b.truncated, true);
    assert.ok(b.source.length <= MAX_PREVIEW_CHARS);
    assert.ok(b.source.endsWith('\n'));
    assert.equal(b.shownLines, b.source.length / line.length);
    assert.equal(b.totalChars, text.length);
  });

  it('cuts one enormous line inside it, never between a surrogate pair', () => {
    const b = budgetSource('𝌆'.repeat(10), 5);
    assert.equal(b.truncated, true);
    assert.equal(b.source, '𝌆𝌆');
    const plain = budgetSource('x'.repeat(20), 8);
    assert.equal(plain.source, 'x'.repeat(8));
  });
});
