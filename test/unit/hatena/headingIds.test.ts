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
