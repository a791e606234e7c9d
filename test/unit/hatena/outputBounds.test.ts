import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHatenaRenderer } from '../../../src/hatena';
import { tocEntryBudget } from '../../../src/hatena/headingIds';

// Output bounded by input: whatever is typed or pasted, the preview's HTML grows at most linearly with the source.
// Sizes, not time: each hostile document is rendered at two sizes, and the HTML per source character must not grow.

const REPORT = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'reports', 'aws-summit-tokyo-2017.md'), 'utf8')
  .replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^\[:contents\]$/gm, '');

const HOSTILE: Record<string, (n: number) => string> = {
  'pasted copies, each with its own [:contents]': (n) => Array.from({ length: n * 8 }, (_, i) => `[:contents]\n\n${REPORT.replace(/^(#+ .*)$/gm, `$1 (${i})`)}`).join('\n'),
  '[:contents] after every heading': (n) => Array.from({ length: n * 20 }, (_, i) => `## 見出し${i}\n\n[:contents]\n`).join('\n'),
  'thousands of footnotes': (n) => Array.from({ length: n * 200 }, (_, i) => `本文((注${i}))`).join('\n'),
  'a 45,000-character line of notation, repeated': (n) => Array.from({ length: n }, () => '((a [f:id:yasay:20170604220500j:plain] id:yasay [tex:x] '.repeat(800)).join('\n\n'),
  'deeply nested lists': (n) => Array.from({ length: n * 100 }, (_, i) => `${'  '.repeat(i % 200)}- 項目${i}`).join('\n'),
  'deeply nested quotes': (n) => Array.from({ length: n * 100 }, (_, i) => `${'>'.repeat(i % 200)} 引用${i}`).join('\n'),
  '10,000 headings with one [:contents]': (n) => `[:contents]\n\n${Array.from({ length: n * 1250 }, (_, i) => `${'#'.repeat(1 + (i % 4))} 見出し${i}`).join('\n')}`,
};

describe('output bounded by input (HTML size per source character, two sizes)', function () {
  this.timeout(120_000);
  const renderer = createHatenaRenderer();
  const ratio = (source: string) => renderer.render(source).html.length / source.length;

  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`${name}: 8× the source gives at most ~8× the HTML`, () => {
      const small = ratio(make(1));
      const large = ratio(make(8));
      // Linear output keeps the ratio; quadratic output multiplies it by 8.
      assert.ok(large <= small * 1.5 + 1, `HTML per source character ${small.toFixed(1)} → ${large.toFixed(1)}`);
      assert.ok(large < 60, `HTML per source character ${large.toFixed(1)}`);
    });
  }

  it('a second [:contents] still lists every heading (top and bottom of a post); the hundredth copy does not', () => {
    const html = renderer.render(`[:contents]\n\n# A\n\n## B\n\n[:contents]\n`).html;
    assert.equal((html.match(/<ul class="table-of-contents"/g) ?? []).length, 2);
    assert.equal((html.match(/href="#A"/g) ?? []).length, 2);
    const copies = renderer.render(HOSTILE['pasted copies, each with its own [:contents]'](12.5)).html;
    const full = (copies.match(/<ul class="table-of-contents"/g) ?? []).length;
    const omitted = (copies.match(/<ul class="table-of-contents hatena-toc-omitted"/g) ?? []).length;
    assert.equal(full + omitted, 100);
    assert.ok(full >= 4 && full <= 6, `${full} full tables of contents`);
    assert.match(copies, /目次（省略/);
  });

  it('the budget grows with the headings', () => {
    assert.ok(tocEntryBudget(10_000) >= 4 * 10_000);
    assert.ok(tocEntryBudget(0) > 0);
  });
});
