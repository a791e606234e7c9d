import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { hatenaPlugin } from '../../../src/hatena';
import { GithubSlugs, githubSlug, plainHeadingText, vscodeHeadingIds } from '../../../src/hatena/vscodeHeadingIds';
import { render } from './helpers';

const slugsOf = (headings: string[]) => {
  const slugs = new GithubSlugs();
  return headings.map((h) => slugs.add(h));
};

describe("VS Code's built-in preview heading ids (github-slugger style)", () => {
  // The cases of VS Code's own test (extensions/markdown-language-features/src/test/slugify.test.ts).
  it('a duplicate whose generated id is taken gets the next free suffix', () => {
    assert.deepEqual(slugsOf(['Foo', 'Foo-1', 'Foo']), ['foo', 'foo-1', 'foo-2']);
  });

  it('a heading whose slug collides with a generated id is suffixed further', () => {
    assert.deepEqual(slugsOf(['Foo', 'Foo', 'Foo 1', 'Foo']), ['foo', 'foo-1', 'foo-1-1', 'foo-2']);
  });

  it('repeated headings get -1, -2', () => {
    assert.deepEqual(slugsOf(['Foo', 'Foo', 'Foo']), ['foo', 'foo-1', 'foo-2']);
  });

  it('lower-cases, drops punctuation and symbols, turns each space into -', () => {
    assert.equal(githubSlug('Hello World'), 'hello-world');
    assert.equal(githubSlug('  What is it? 42!  '), 'what-is-it-42');
    assert.equal(githubSlug('snake_case and kebab-case'), 'snake_case-and-kebab-case');
    assert.equal(githubSlug('a  b'), 'a--b');
    assert.equal(githubSlug('C# & F# (2024)'), 'c--f-2024');
    assert.equal(githubSlug('Crème brûlée'), 'crème-brûlée');
    assert.equal(githubSlug('a\tb'), 'ab', 'a tab is a control character: removed, not a -');
    assert.equal(githubSlug('?!'), '');
  });

  it('Japanese headings: kana, kanji and ー stay; full-width punctuation, brackets and spaces go', () => {
    assert.equal(githubSlug('Day 2（5/31）'), 'day-2531');
    assert.equal(githubSlug('Auth0 環境設定'), 'auth0-環境設定');
    assert.equal(githubSlug('Module定義ファイル(.mod)'), 'module定義ファイルmod');
    assert.equal(githubSlug('「セッション」レポート'), 'セッションレポート');
    assert.equal(githubSlug('まとめ・感想'), 'まとめ感想');
    assert.equal(githubSlug('第1回：サーバーの話'), '第1回サーバーの話');
    assert.equal(githubSlug('ＡＷＳ　Ｓｕｍｍｉｔ'), 'ａｗｓｓｕｍｍｉｔ', 'full-width letters lower-cased, the ideographic space removed');
    assert.equal(githubSlug('🎉 まとめ'), '-まとめ', 'trimmed before the emoji goes');
    assert.deepEqual(slugsOf(['感想', '感想', '感想-1']), ['感想', '感想-1', '感想-1-1']);
  });

  it('reads the heading text as VS Code does: text, code spans and image alt, not notation it does not know', () => {
    const md = new MarkdownIt();
    hatenaPlugin(md, { headingIds: 'vscode' });
    const tokens = md.parse('## **Amazon** `EC2` ![図](x.png) id:yasay さん\n', {});
    assert.equal(plainHeadingText(tokens[1]), 'Amazon EC2 図  さん');
    assert.deepEqual([...vscodeHeadingIds(tokens).values()], ['amazon-ec2-図--さん']);
  });
});

describe("[:contents] with headingIds 'vscode'", () => {
  it('links to the ids VS Code gives the headings and leaves the headings to it', () => {
    const html = render('[:contents]\n\n## Day 2（5/31）\n\n### 感想\n\n## Day 3（6/1）\n\n### 感想\n', { headingIds: 'vscode' });
    assert.equal(html,
      '<ul class="table-of-contents"><li><a href="#day-2531">Day 2（5/31）</a><ul><li><a href="#感想">感想</a></li></ul></li>' +
      '<li><a href="#day-361">Day 3（6/1）</a><ul><li><a href="#感想-1">感想</a></li></ul></li></ul>\n' +
      '<h2>Day 2（5/31）</h2>\n<h3>感想</h3>\n<h2>Day 3（6/1）</h2>\n<h3>感想</h3>\n');
  });

  it('links to the ids the host sets on the heading tokens while rendering, whatever its numbering of repeats', () => {
    const md = new MarkdownIt();
    hatenaPlugin(md, { headingIds: 'vscode' });
    // A host heading rule added after the plugins, as VS Code's is: VS Code 1.139 numbers Foo, Foo, Foo 1 as
    // foo, foo-1, foo-1 (its main branch: foo-1-1).
    const seen = new Map<string, number>();
    md.renderer.rules.heading_open = (tokens, idx, options, _env, self) => {
      const slug = githubSlug(plainHeadingText(tokens[idx + 1]));
      const count = seen.get(slug);
      seen.set(slug, (count ?? -1) + 1);
      tokens[idx].attrSet('id', count === undefined ? slug : `${slug}-${count + 1}`);
      return self.renderToken(tokens, idx, options);
    };
    const html = md.render('[:contents]\n\n## Foo\n\n## Foo\n\n## Foo 1\n\n## <&>\n');
    assert.match(html, /^<ul class="table-of-contents"><li><a href="#foo">Foo<\/a><\/li><li><a href="#foo-1">Foo<\/a><\/li><li><a href="#foo-1">Foo 1<\/a><\/li><li><a href="#">&lt;&amp;&gt;<\/a><\/li><\/ul>\n<h2 id="foo">/);
    assert.doesNotMatch(html, /\uE000/, 'no placeholder left');
  });

  it("Hatena's ids otherwise", () => {
    assert.match(render('[:contents]\n\n## Day 2（5/31）\n'), /<a href="#Day-2（531）">[\s\S]*<h2 id="Day-2（531）">/);
  });
});
