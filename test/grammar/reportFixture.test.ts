import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { markdownWithHatena } from './expectScopes';
import { REPO_ROOT, tokenizeDocument } from './textmate';

describe('grammar: a real report (test/fixtures/reports/aws-summit-tokyo-2017.md)', () => {
  it('highlights every notation the report uses, flags nothing, and leaves its code and comment alone', async () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'reports', 'aws-summit-tokyo-2017.md'), 'utf8');
    const tokens = tokenizeDocument(await markdownWithHatena(), doc).flat();
    const count = (scope: string) => tokens.filter((t) => t.scopes.includes(scope)).length;
    const texts = (scope: string) => tokens.filter((t) => t.scopes.includes(scope)).map((t) => t.text);

    assert.deepEqual(tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid.'))).map((t) => t.text), []);
    // Four images in Markdown text, one inside the <figure> HTML block (not highlighted: HTML blocks are not Markdown text),
    // and one inside the HTML comment (never highlighted).
    assert.equal(count('constant.numeric.date-time.fotolife.hatena'), 4);
    assert.deepEqual(texts('variable.parameter.user.hatena').filter((u) => u !== 'yasay'), ['awsjp', 'serverless-taro']);
    assert.equal(count('punctuation.definition.tag.footnote.begin.hatena'), 3);
    assert.equal(count('keyword.other.embed.hatena'), 3);
    assert.equal(count('keyword.other.cite.hatena'), 1);
    assert.equal(count('keyword.other.bookmark.hatena'), 1);
    assert.equal(count('keyword.control.more.hatena'), 1);
    assert.equal(count('entity.name.tag.contents.hatena'), 1);
    assert.equal(count('entity.name.tag.tex.hatena'), 1);
    for (const name of ['google', 'wikipedia', 'amazon', 'isbn']) assert.ok(count(`entity.name.tag.${name}.hatena`) >= 1, name);
    assert.equal(count('entity.name.tag.asin.hatena'), 2);
    // `[f:id:...]` in an inline code span and everything inside the code fences stay code.
    for (const t of tokens) {
      if (t.scopes.some((s) => s.startsWith('markup.fenced_code') || s.startsWith('markup.inline.raw') || s.startsWith('comment'))) {
        assert.ok(!t.scopes.some((s) => s.endsWith('.hatena')), `${JSON.stringify(t.text)}: ${t.scopes.join(' ')}`);
      }
    }
  });
});
