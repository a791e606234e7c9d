import * as assert from 'node:assert/strict';
import { applyReplacements, entryHeaderEdits, findFrontMatter, isEntryDate, postHeaderEdits, validateEntryHeader, yamlScalar } from '../../../src/hatena';
import type { EntryHeaderProblemCode } from '../../../src/hatena';

function codes(yaml: string): Array<[EntryHeaderProblemCode, string | undefined, string]> {
  return validateEntryHeader(yaml).map((p) => [p.code, p.field, yaml.slice(p.start, p.end)]);
}

const BLOGSYNC = `Title: AWS Summit Tokyo 2017に行ってきました
Category:
- AWS
- イベント
Date: 2017-06-04T23:18:03+09:00
URL: https://yasay.hatenablog.com/entry/2017/06/04/231803
EditURL: https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/10328749687254667593
Draft: true
`;

describe('entry header (blogsync front matter)', () => {
  describe('validateEntryHeader: what blogsync would reject or ignore', () => {
    it('accepts what blogsync writes, and an empty header', () => {
      assert.deepEqual(codes(BLOGSYNC), []);
      assert.deepEqual(codes(''), []);
      assert.deepEqual(codes('# only a comment\n'), []);
      assert.deepEqual(codes('Title:\nDraft:\n'), [], 'empty values are zero values to blogsync');
    });

    it('names the field and points at the value', () => {
      assert.deepEqual(codes('Date: tomorrow\n'), [['not-a-date', 'Date', 'tomorrow']]);
      assert.deepEqual(codes('Draft: maybe\n'), [['not-a-boolean', 'Draft', 'maybe']]);
      assert.deepEqual(codes('Draft: "yes"\n'), [['not-a-boolean', 'Draft', '"yes"']], 'yaml.v2 will not read a quoted string into a bool');
      assert.deepEqual(codes('Category: AWS\n'), [['not-a-list', 'Category', 'AWS']]);
      assert.deepEqual(codes('Category:\n- [a, b]\n'), [['not-a-string', 'Category', '[a, b]']]);
      assert.deepEqual(codes('Title: [a]\n'), [['not-a-string', 'Title', '[a]']]);
      assert.deepEqual(codes('EditURL: https://example.com/\n'), [['not-an-edit-url', 'EditURL', 'https://example.com/']]);
      assert.deepEqual(codes('title: x\n'), [['field-case', 'title', 'title']]);
      assert.equal(validateEntryHeader('title: x\n')[0].detail, 'Title');
      assert.deepEqual(codes('Title: a\nTitle: b\n'), [['duplicate-field', 'Title', 'Title']]);
      assert.deepEqual(codes('- a\n'), [['not-a-mapping', undefined, '- a\n']]);
    });

    it('reports YAML syntax errors with their place, and never throws', () => {
      const problems = validateEntryHeader('Title: "unclosed\nDraft: true\n');
      assert.ok(problems.some((p) => p.code === 'yaml-syntax' && p.end > p.start && typeof p.detail === 'string'));
      for (const junk of ['\u0000', ': :', '[', '{a: [}', 'a: &x [*x, *x]', '\t- x', 'Title: >\n\tx', '%YAML 9\n---\n']) {
        assert.doesNotThrow(() => validateEntryHeader(junk), junk);
      }
    });
  });

  it('isEntryDate takes the forms yaml.v2 reads into a time, on real calendar dates only', () => {
    for (const ok of ['2017-06-04T23:18:03+09:00', '2017-06-04T23:18:03Z', '2017-06-04', '2017-6-4 9:05:00', '2017-06-04 23:18:03 +09:00', '2016-02-29']) {
      assert.ok(isEntryDate(ok), ok);
    }
    for (const bad of ['tomorrow', '2017-06-04T23:18:03', '2017-13-01', '2017-02-30', '2017-06-04T25:00:00Z', '2017/06/04', '', '2017-06-04T23:18:03+0900x']) {
      assert.ok(!isEntryDate(bad), bad);
    }
  });

  it('yamlScalar writes plain text plainly and quotes what YAML would read as something else', () => {
    assert.equal(yamlScalar('AWS Summit Tokyo 2017に行ってきました'), 'AWS Summit Tokyo 2017に行ってきました');
    assert.equal(yamlScalar('https://example.com/entry/2017/06/04/231803'), 'https://example.com/entry/2017/06/04/231803');
    assert.equal(yamlScalar('2017-06-04T23:18:03+09:00'), '2017-06-04T23:18:03+09:00');
    assert.equal(yamlScalar(true), 'true');
    for (const risky of ['yes', 'on', 'No', '2017', '1.5', '~', 'null', '', ' lead', 'trail ', 'a: b', 'a #b', '- x', '[x]', '"q"', "'q'", '#c', '@x', 'two\nlines', '12:30']) {
      const written = yamlScalar(risky);
      assert.ok(written.startsWith('"'), `${JSON.stringify(risky)} → ${written}`);
      assert.equal(JSON.parse(written), risky);
    }
  });

  describe('entryHeaderEdits: only the changed fields, every other byte kept', () => {
    it('replaces a value in place, keeping comments, quoting and order', () => {
      const yaml = '# mine\nTitle: "引用"  # keep\nDraft: true # still a draft\nCustomPath: x\n';
      const out = applyReplacements(yaml, entryHeaderEdits(yaml, { Draft: false })!);
      assert.equal(out, '# mine\nTitle: "引用"  # keep\nDraft: false # still a draft\nCustomPath: x\n');
    });

    it('inserts a new field where blogsync writes it, and removes one with its line', () => {
      const out = applyReplacements(BLOGSYNC, entryHeaderEdits(BLOGSYNC, { PreviewURL: 'https://p.example/x', Draft: undefined })!);
      assert.equal(out, BLOGSYNC.replace('Draft: true\n', '').replace('EditURL: https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/10328749687254667593\n', (l) => `${l}PreviewURL: https://p.example/x\n`));
      const top = applyReplacements('Draft: true', entryHeaderEdits('Draft: true', { Title: 'T', Scheduled: true })!);
      assert.equal(top, 'Title: T\nDraft: true\nScheduled: true\n');
    });

    it('writes lists as blogsync does and replaces a block list whole', () => {
      const out = applyReplacements(BLOGSYNC, entryHeaderEdits(BLOGSYNC, { Category: ['AWS', 'yes'] })!);
      assert.equal(out, BLOGSYNC.replace('- イベント\n', '- "yes"\n'));
      const flow = applyReplacements('Category: [a, b]\nTitle: t\n', entryHeaderEdits('Category: [a, b]\nTitle: t\n', { Category: ['c'] })!);
      assert.equal(flow, 'Category:\n- c\nTitle: t\n');
    });

    it('leaves a field that already holds the value untouched (no edit at all)', () => {
      assert.deepEqual(entryHeaderEdits(BLOGSYNC, { Draft: true, Category: ['AWS', 'イベント'] }), []);
    });

    it('refuses YAML it cannot edit safely', () => {
      assert.equal(entryHeaderEdits('Title: "unclosed\n', { Draft: true }), undefined);
      assert.equal(entryHeaderEdits('- a\n', { Draft: true }), undefined);
      assert.equal(entryHeaderEdits('Draft: true\nDraft: false\n', { Draft: true }), undefined);
    });

    it('fills an empty value', () => {
      assert.equal(applyReplacements('Title:\nDraft: true\n', entryHeaderEdits('Title:\nDraft: true\n', { Title: 'T' })!), 'Title: T\nDraft: true\n');
    });
  });

  describe('whole posts', () => {
    it('findFrontMatter finds the block the renderer hides', () => {
      const post = `---\n${BLOGSYNC}---\n\n本文\n`;
      const span = findFrontMatter(post)!;
      assert.equal(post.slice(span.yamlStart, span.yamlEnd), BLOGSYNC);
      assert.equal(post.slice(span.end), '\n本文\n');
      assert.equal(span.closeLine, BLOGSYNC.split('\n').length);
      assert.equal(findFrontMatter('---\nTitle: x\n'), undefined, 'unclosed');
      assert.equal(findFrontMatter('\n---\nTitle: x\n---\n'), undefined, 'not on the first line');
      assert.equal(findFrontMatter('---\r\nTitle: x\r\n---\r\nbody')?.closeLine, 2);
    });

    it('postHeaderEdits edits inside the front matter, or writes one in front of a post that has none', () => {
      const post = `---\n${BLOGSYNC}---\n\n本文\n`;
      assert.equal(applyReplacements(post, postHeaderEdits(post, { Draft: false })!), post.replace('Draft: true', 'Draft: false'));
      const bare = '# 見出し\n本文\n';
      assert.equal(applyReplacements(bare, postHeaderEdits(bare, { Title: 'T', Draft: true })!), '---\nTitle: T\nDraft: true\n---\n\n# 見出し\n本文\n');
    });
  });
});
