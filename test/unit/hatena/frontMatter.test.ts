import * as assert from 'node:assert/strict';
import { createHatenaRenderer, parseFrontMatter } from '../../../src/hatena';
import { render } from './helpers';

const BLOGSYNC = `---
Title: AWS Summit Tokyo 2017に行ってきました
Category:
- AWS
- イベント
Date: 2017-06-04T22:05:00+09:00
URL: https://yasay.hatenablog.com/entry/2017/06/04/220500
EditURL: https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/1
Draft: true
CustomPath: aws-summit-2017
---

本文
`;

describe('front matter', () => {
  it('is parsed, exposed and never rendered as text', () => {
    const entry = createHatenaRenderer().render(BLOGSYNC);
    assert.equal(entry.html, '<p>本文</p>\n');
    assert.deepEqual(entry.frontMatter, {
      title: 'AWS Summit Tokyo 2017に行ってきました',
      date: '2017-06-04T22:05:00+09:00',
      categories: ['AWS', 'イベント'],
      draft: true,
      fields: {
        Title: 'AWS Summit Tokyo 2017に行ってきました',
        Category: ['AWS', 'イベント'],
        Date: '2017-06-04T22:05:00+09:00',
        URL: 'https://yasay.hatenablog.com/entry/2017/06/04/220500',
        EditURL: 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/1',
        Draft: true,
        CustomPath: 'aws-summit-2017',
      },
    });
  });

  it('reads scalar and flow-list categories, quoted strings and comments', () => {
    assert.deepEqual(parseFrontMatter('Category: AWS').categories, ['AWS']);
    assert.deepEqual(parseFrontMatter('Category: [AWS, "イベント, 東京", \'It\'\'s\']').categories, ['AWS', 'イベント, 東京', "It's"]);
    assert.equal(parseFrontMatter('Title: "Quote \\"A\\" \\u3042"').title, 'Quote "A" あ');
    assert.equal(parseFrontMatter("Title: 'It''s: fine'").title, "It's: fine");
    assert.equal(parseFrontMatter('Title: C# 入門 # a comment').title, 'C# 入門');
    assert.deepEqual(parseFrontMatter('# comment\nCategory:\n  - a\n\n  - b\nTitle: t').categories, ['a', 'b']);
  });

  it('Draft is true only for a true value; missing keys are undefined', () => {
    assert.equal(parseFrontMatter('Draft: yes').draft, true);
    assert.equal(parseFrontMatter('Draft: false').draft, false);
    assert.equal(parseFrontMatter('Draft: "true"').draft, false);
    assert.deepEqual(parseFrontMatter(''), { title: undefined, date: undefined, categories: [], draft: false, fields: {} });
  });

  it('never throws on junk and ignores what it cannot read', () => {
    const fm = parseFrontMatter('Title: [unclosed\n: no key\n- stray\nCategory: [a, [b]]\n\u0000: x\nDate:');
    assert.equal(fm.title, undefined, 'an unclosed flow list is no title');
    assert.equal(fm.date, undefined);
    assert.deepEqual(parseFrontMatter('- a\n- b'), { title: undefined, date: undefined, categories: [], draft: false, fields: {} });
    assert.equal(parseFrontMatter('a: &x [*x]\nTitle: t').title, 't');
  });

  it('reads real YAML: block scalars, flow lists over lines, YAML 1.1 booleans as blogsync does, strings as written', () => {
    assert.equal(parseFrontMatter('Title: >\n  AWS Summit\n  Tokyo\n').title, 'AWS Summit Tokyo\n');
    assert.equal(parseFrontMatter('Title: |-\n  一行目\n  二行目').title, '一行目\n二行目');
    assert.deepEqual(parseFrontMatter('Category: [AWS,\n  イベント]\nTitle: t').categories, ['AWS', 'イベント']);
    assert.equal(parseFrontMatter('Draft: on').draft, true);
    assert.equal(parseFrontMatter('Draft: Off').draft, false);
    assert.equal(parseFrontMatter('Title: yes').title, 'yes', 'blogsync reads Title as a string: the text as written');
    assert.equal(parseFrontMatter('Title:').title, undefined);
    assert.equal(parseFrontMatter('Title: 2017').title, '2017');
    assert.equal(parseFrontMatter('Title: 0x1F').title, '0x1F', 'numbers keep their spelling');
    assert.equal(parseFrontMatter('Title: "on"').title, 'on');
  });

  it('must start on the first line and be closed; otherwise it is Markdown', () => {
    assert.equal(render('\n---\nTitle: x\n---\n'), '<hr>\n<h2>Title: x</h2>\n'.replace('<h2>', '<h2 id="Title-x">'));
    assert.equal(render('---\nTitle: x\n'), '<hr>\n<p>Title: x</p>\n');
    assert.equal(createHatenaRenderer().render('---\nTitle: x\n...\nbody\n').frontMatter?.title, 'x');
  });

  it('keeps source line numbers of the body (map) intact', () => {
    assert.equal(render('---\nTitle: x\n---\n# h\n', { sourceLines: true }), '<h1 id="h" class="code-line" data-line="3">h</h1>\n');
  });
});
