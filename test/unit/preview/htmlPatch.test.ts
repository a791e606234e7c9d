import * as assert from 'node:assert/strict';
import { applyHtmlPatch, diffHtml, isWorthPatching } from '../../../src/shared/htmlPatch';

describe('preview HTML patches', () => {
  const cases: [string, string][] = [
    ['<p>abc</p><p>x</p>', '<p>abXc</p><p>x</p>'],
    ['<p>abc</p>', '<p>abc</p>'],
    ['', '<p>new</p>'],
    ['<p>gone</p>', ''],
    ['<p>aaa</p>', '<p>aaaa</p>'],
    ['<p>𝌆𝌆</p>', '<p>𝌆𝌇</p>'],
    ['<p data-line="3">a</p><p data-line="5">b</p>', '<p data-line="3">a\nc</p><p data-line="6">b</p>'],
  ];

  it('round-trips: base + patch = next', () => {
    for (const [base, next] of cases) assert.equal(applyHtmlPatch(base, diffHtml(base, next)), next, `${base} → ${next}`);
  });

  it('sends only the changed middle', () => {
    const block = '<p data-line="1">段落</p>\n';
    const base = block.repeat(1000);
    const next = `${block.repeat(500)}<p data-line="1">段落X</p>\n${block.repeat(499)}`;
    const patch = diffHtml(base, next);
    assert.ok(patch.insert.length <= 2, `insert ${JSON.stringify(patch.insert)}`);
    assert.equal(applyHtmlPatch(base, patch), next);
    assert.equal(isWorthPatching(patch, next.length), true);
    assert.equal(isWorthPatching(diffHtml('abc', 'xyz'), 3), false);
  });

  it('never splits a surrogate pair', () => {
    const patch = diffHtml('x𝌆', 'x𝌇');
    assert.equal(patch.insert, '𝌇');
  });

  it('refuses a patch for a different base', () => {
    const patch = diffHtml('<p>a</p>', '<p>b</p>');
    assert.equal(applyHtmlPatch('<p>aa</p>', patch), undefined);
    assert.equal(applyHtmlPatch('<p>a</p>', { ...patch, end: 99 }), undefined);
  });
});
