import * as assert from 'node:assert/strict';
import { blogsyncScalar, entryFileText, entryRelativePath, frontMatterAfterPush, readPostFile } from '../../../src/blog/entryFile';
import type { RemoteEntry } from '../../../src/blog/hatenaEntry';

const EDIT = 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/13574176438109133435';

function remote(overrides: Partial<RemoteEntry> = {}): RemoteEntry {
  return {
    editUrl: EDIT,
    id: '13574176438109133435',
    url: 'https://yasay.hatenablog.com/entry/2017/06/04/231803',
    title: 'AWS Summit Tokyo 2017に行ってきました',
    content: '本文\n',
    contentType: 'text/x-markdown',
    categories: ['AWS', 'イベント'],
    updated: '2017-06-04T23:18:03+09:00',
    edited: '2017-06-05T10:00:00+09:00',
    draft: false,
    preview: false,
    scheduled: false,
    ...overrides,
  };
}

describe('entryFile: post files as blogsync writes and reads them', () => {
  it('writes the header in blogsync\'s order, a blank line, the body with a final newline', () => {
    assert.equal(
      entryFileText(remote({ content: '本文' })),
      `---\nTitle: AWS Summit Tokyo 2017に行ってきました\nCategory:\n- AWS\n- イベント\nDate: 2017-06-04T23:18:03+09:00\nURL: https://yasay.hatenablog.com/entry/2017/06/04/231803\nEditURL: ${EDIT}\n---\n\n本文\n`,
    );
    const draft = entryFileText(remote({ draft: true, categories: [], previewUrl: 'https://yasay.hatenablog.com/draft/abc', scheduled: true }));
    assert.match(draft, /\nPreviewURL: https:\/\/yasay\.hatenablog\.com\/draft\/abc\nDraft: true\nScheduled: true\n---\n\n/);
    assert.doesNotMatch(draft, /Category/);
  });

  it('quotes titles as yaml.v2 does: plain when safe, single quotes for indicators, double quotes for other types', () => {
    assert.equal(blogsyncScalar('AWS Summit'), 'AWS Summit');
    assert.equal(blogsyncScalar('Day 1: 基調講演'), "'Day 1: 基調講演'");
    assert.equal(blogsyncScalar("- it's"), "'- it''s'");
    assert.equal(blogsyncScalar('#1'), "'#1'");
    assert.equal(blogsyncScalar('yes'), '"yes"');
    assert.equal(blogsyncScalar('2017'), '"2017"');
    assert.equal(blogsyncScalar(''), '""');
    assert.equal(blogsyncScalar('a\tb'), '"a\\tb"');
    assert.equal(blogsyncScalar('絵文字 🎉'), '絵文字 🎉');
  });

  it('pull → read → write is a fixed point for tricky titles, categories and bodies', () => {
    for (const title of ['Day 1: 基調講演', 'yes', '"quoted" \\ back', '- dash', '#hash', '絵文字 🎉', "it's"]) {
      for (const content of ['', '---\nnot a header\n', 'CRLF\r\nbody\r\n', '\n\nleading blank lines are not kept\n']) {
        const entry = remote({ title, content, categories: ['Go 言語', 'yes'] });
        const file = readPostFile(entryFileText(entry));
        assert.deepEqual(file.problems, [], title);
        assert.equal(file.entry.title, title);
        assert.deepEqual(file.entry.categories, ['Go 言語', 'yes']);
        assert.equal(file.editUrl, EDIT);
        const expected = content.replace(/^(?:\r?\n)+/, '');
        assert.equal(file.entry.content, expected === '' ? '' : expected.endsWith('\n') ? expected : `${expected}\n`, JSON.stringify(content));
      }
    }
  });

  it('reads what a push sends: body after the header and its blank lines, Date as ISO, Draft, CustomPath', () => {
    const file = readPostFile('---\nTitle: t\nDate: 2017-06-04 10:00:00\nDraft: true\nCustomPath: aws/2017\n---\n\n\nbody\n');
    assert.deepEqual(file.entry, { title: 't', content: 'body\n', categories: [], draft: true, updated: '2017-06-04T10:00:00+09:00', customUrl: 'aws/2017' });
    assert.deepEqual(readPostFile('no header\n').entry, { title: '', content: 'no header\n', categories: [], draft: false });
  });

  it('reports header problems with offsets into the whole file', () => {
    const text = '---\nTitle: t\nDraft: maybe\n---\n\nbody\n';
    const [problem] = readPostFile(text).problems;
    assert.equal(problem.code, 'not-a-boolean');
    assert.equal(text.slice(problem.start, problem.end), 'maybe');
  });

  it('places entries as blogsync does: the URL path under entry_directory, drafts under _draft/', () => {
    assert.equal(entryRelativePath(remote(), { entryDirectory: 'entry' }), 'entry/2017/06/04/231803.md');
    assert.equal(entryRelativePath(remote(), { entryDirectory: '' }), '2017/06/04/231803.md');
    assert.equal(entryRelativePath(remote({ url: 'https://yasay.hatenablog.com/entry/aws/%E3%82%B5%E3%83%9F%E3%83%83%E3%83%88' }), { entryDirectory: 'entry' }), 'entry/aws/サミット.md');
    assert.equal(entryRelativePath(remote({ draft: true }), { entryDirectory: 'entry' }), 'entry/_draft/13574176438109133435.md');
    assert.equal(entryRelativePath(remote({ url: 'https://yasay.hatenablog.com/entry/../../etc/passwd' }), { entryDirectory: 'entry' }), 'entry/etc/passwd.md');
    assert.equal(entryRelativePath(remote({ url: 'https://yasay.hatenablog.com/entry/a/%2E%2E/b' }), { entryDirectory: 'entry' }), 'entry/b.md', 'an encoded .. is resolved like a real one, never kept as a segment');
  });

  it('writes back only what Hatena decides; a draft keeps its Date as written', () => {
    assert.deepEqual(frontMatterAfterPush(remote()), { Date: '2017-06-04T23:18:03+09:00', URL: remote().url, EditURL: EDIT, PreviewURL: undefined, Draft: undefined, Scheduled: undefined });
    const draft = frontMatterAfterPush(remote({ draft: true, previewUrl: 'https://p/' }));
    assert.ok(!('Date' in draft));
    assert.equal(draft.Draft, true);
    assert.equal(draft.PreviewURL, 'https://p/');
  });
});
