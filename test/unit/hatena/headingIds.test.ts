import * as assert from 'node:assert/strict';
import { hatenaHeadingId } from '../../../src/hatena/headingIds';
import { render } from './helpers';

describe('heading ids and [:contents]', () => {
  it("follows Hatena's id rule", () => {
    assert.equal(hatenaHeadingId('Auth0 環境設定'), 'Auth0-環境設定');
    assert.equal(hatenaHeadingId('Module定義ファイル(.mod)'), 'Module定義ファイルmod');
    assert.equal(hatenaHeadingId('  snake_case と kebab-case!?  '), 'snake_case-と-kebab-case');
    assert.equal(hatenaHeadingId('Day 1（5/31）'), 'Day-1（531）');
    assert.equal(hatenaHeadingId('a\t \u3000b'), 'a-b');
  });

  it('puts the id on every heading, from its visible text', () => {
    assert.equal(render('## **Amazon** `EC2` の話\n'), '<h2 id="Amazon-EC2-の話"><strong>Amazon</strong> <code>EC2</code> の話</h2>\n');
  });

  it('takes the visible text of notation in the heading, not footnote marks or images', () => {
    assert.match(render('## [https://aws.amazon.com/:title=AWS 公式] と [google:Lambda]((注))[f:id:yasay:20170604220500j:plain]\n'),
      /^<h2 id="AWS-公式-と-googleLambda">/);
    assert.match(render('## [https://aws.amazon.com/:title] 入門\n'), /^<h2 id="httpsawsamazoncom-入門">/);
  });

  it('reads entities and backslash escapes as the characters they show, for the id and the TOC text', () => {
    assert.equal(render('[:contents]\n## &copy; 2024 Tom &amp; Jerry\n## C\\# と F\\#\n## 1\\. Intro\n## &#x41;&#12354;\n'),
      '<ul class="table-of-contents"><li><a href="#©-2024-Tom--Jerry">© 2024 Tom &amp; Jerry</a></li>' +
      '<li><a href="#C-と-F">C# と F#</a></li><li><a href="#1-Intro">1. Intro</a></li><li><a href="#Aあ">Aあ</a></li></ul>\n' +
      '<h2 id="©-2024-Tom--Jerry">© 2024 Tom &amp; Jerry</h2>\n<h2 id="C-と-F">C# と F#</h2>\n<h2 id="1-Intro">1. Intro</h2>\n' +
      '<h2 id="Aあ">Aあ</h2>\n');
  });

  it('the TOC text is the heading\'s visible text: id:USER:detail shows id:USER, :image and TeX as rendered', () => {
    const [toc, h1, h2] = render('[:contents]\n## by id:hatena:detail\n## id:hatena:image と [tex:a\\_1]\n').split('\n');
    assert.equal(toc, '<ul class="table-of-contents"><li><a href="#by-idhatena">by id:hatena</a></li><li><a href="#と-texa_1">と [tex:a_1]</a></li></ul>');
    assert.equal(h1, '<h2 id="by-idhatena">by <a href="https://blog.hatena.ne.jp/hatena/" class="hatena-id-link">' +
      '<img src="https://cdn.profile-image.st-hatena.com/users/hatena/profile.png" width="16" height="16" alt="" class="hatena-id-icon">id:hatena</a></h2>');
    assert.equal(h2, '<h2 id="と-texa_1"><a href="https://blog.hatena.ne.jp/hatena/" class="hatena-id-link">' +
      '<img src="https://cdn.profile-image.st-hatena.com/users/hatena/profile.png" width="60" height="60" alt="id:hatena" class="hatena-id-image"></a>' +
      ' と <span class="hatena-tex">[tex:a_1]</span></h2>');
    // A bare [URL:title] shows the URL as its link does, percent-escapes decoded.
    assert.equal(render('[:contents]\n## [https://example.com/%E3%81%82:title]\n').split('\n')[0],
      '<ul class="table-of-contents"><li><a href="#httpsexamplecomあ">https://example.com/あ</a></li></ul>');
    // So do [URL:bookmark] and an empty title=.
    assert.equal(render('[:contents]\n## [https://example.com/%E3%81%82:bookmark] と [https://example.com/:title=]\n').split('\n')[0],
      '<ul class="table-of-contents"><li><a href="#httpsexamplecomあ-と-httpsexamplecom">https://example.com/あ と https://example.com/</a></li></ul>');
  });

  it('keeps duplicate ids unique (-1, -2, skipping taken ones)', () => {
    assert.equal(render('## まとめ\n## まとめ\n## まとめ-1\n## まとめ\n'),
      '<h2 id="まとめ">まとめ</h2>\n<h2 id="まとめ-1">まとめ</h2>\n<h2 id="まとめ-1-1">まとめ-1</h2>\n<h2 id="まとめ-2">まとめ</h2>\n');
  });

  it('gives a heading of only punctuation a usable id', () => {
    assert.equal(render('## !?\n'), '<h2 id="section">!?</h2>\n');
  });

  it('[:contents] becomes ul.table-of-contents nested by level, outside any <p>', () => {
    assert.equal(render('[:contents]\n\n## Day 1\n### 基調講演\n### Serverless\n## Day 2\n#### 深い\n## まとめ\n').split('\n')[0],
      '<ul class="table-of-contents"><li><a href="#Day-1">Day 1</a><ul><li><a href="#基調講演">基調講演</a></li><li><a href="#Serverless">Serverless</a></li></ul></li>' +
      '<li><a href="#Day-2">Day 2</a><ul><li><a href="#深い">深い</a></li></ul></li><li><a href="#まとめ">まとめ</a></li></ul>');
  });

  it('handles a first heading deeper than later ones', () => {
    assert.equal(render('[:contents]\n### a\n## b\n### c\n').split('\n')[0],
      '<ul class="table-of-contents"><li><a href="#a">a</a></li><li><a href="#b">b</a><ul><li><a href="#c">c</a></li></ul></li></ul>');
  });

  it('a heading between two open levels joins the deeper list (one <ul> per parent, never two side by side)', () => {
    assert.equal(render('[:contents]\n## a\n#### b\n### c\n').split('\n')[0],
      '<ul class="table-of-contents"><li><a href="#a">a</a><ul><li><a href="#b">b</a></li><li><a href="#c">c</a></li></ul></li></ul>');
    assert.equal(render('[:contents]\n## a\n#### b\n### c\n##### d\n### e\n## f\n#### g\n# h\n').split('\n')[0],
      '<ul class="table-of-contents"><li><a href="#a">a</a><ul><li><a href="#b">b</a></li><li><a href="#c">c</a>' +
      '<ul><li><a href="#d">d</a></li></ul></li><li><a href="#e">e</a></li></ul></li><li><a href="#f">f</a>' +
      '<ul><li><a href="#g">g</a></li></ul></li><li><a href="#h">h</a></li></ul>');
  });

  it('links duplicates to their unique ids and escapes text', () => {
    assert.equal(render('[:contents]\n## A&B "x"\n## A&B "x"\n').split('\n')[0],
      '<ul class="table-of-contents"><li><a href="#AB-x">A&amp;B &quot;x&quot;</a></li><li><a href="#AB-x-1">A&amp;B &quot;x&quot;</a></li></ul>');
  });

  it('with no headings is an empty list; only a line of its own is notation', () => {
    assert.equal(render('[:contents]\n'), '<ul class="table-of-contents"></ul>\n');
    assert.equal(render('目次 [:contents]\n'), '<p>目次 [:contents]</p>\n');
    assert.equal(render('`[:contents]`\n'), '<p><code>[:contents]</code></p>\n');
    assert.equal(render('    [:contents]\n'), '<pre><code>[:contents]\n</code></pre>\n');
  });
});
