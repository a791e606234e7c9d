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
    // Every `[f:id:` of the report is an image, unless it sits in code or a comment (the caption <figure> included).
    const lines = doc.split('\n');
    let images = 0;
    lines.forEach((text, line) => {
      for (let at = text.indexOf('[f:id:'); at >= 0; at = text.indexOf('[f:id:', at + 1)) {
        const token = tokens.find((t) => t.line === line && t.start <= at && at < t.end)!;
        const quoted = token.scopes.some((s) => /^(markup\.fenced_code|markup\.inline\.raw|comment)\b/.test(s));
        assert.equal(token.scopes.includes('meta.image.fotolife.hatena'), !quoted, `line ${line + 1}: ${text}`);
        if (!quoted) images++;
      }
    });
    assert.ok(images >= 5, `${images} images`);
    const users = texts('variable.parameter.user.hatena');
    for (const user of ['awsjp', 'serverless-taro']) assert.ok(users.includes(user), users.join(', '));
    for (const scope of [
      'punctuation.definition.tag.footnote.begin.hatena', 'keyword.other.embed.hatena', 'keyword.other.cite.hatena',
      'keyword.other.bookmark.hatena', 'keyword.control.more.hatena', 'entity.name.tag.contents.hatena', 'entity.name.tag.tex.hatena',
      'entity.name.tag.google.hatena', 'entity.name.tag.wikipedia.hatena', 'entity.name.tag.amazon.hatena',
      'entity.name.tag.asin.hatena', 'entity.name.tag.isbn.hatena', 'keyword.other.detail.hatena', 'meta.footnote.escaped.hatena',
    ]) {
      assert.ok(count(scope) >= 1, scope);
    }
    // `[f:id:...]` in an inline code span and everything inside the code fences stay code.
    for (const t of tokens) {
      if (t.scopes.some((s) => s.startsWith('markup.fenced_code') || s.startsWith('markup.inline.raw') || s.startsWith('comment'))) {
        assert.ok(!t.scopes.some((s) => s.endsWith('.hatena')), `${JSON.stringify(t.text)}: ${t.scopes.join(' ')}`);
      }
    }
  });
});
