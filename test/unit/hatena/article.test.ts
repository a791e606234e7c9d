import * as assert from 'node:assert/strict';
import { renderEntryArticle } from '../../../src/hatena';

describe('renderEntryArticle', () => {
  it('wraps the body in the published page structure', () => {
    assert.equal(renderEntryArticle({
      html: '<p>本文</p>\n',
      frontMatter: { title: 'AWS Summit <Tokyo> & "2017"', date: '2017-06-04T22:05:00+09:00', categories: ['AWS', 'イベント レポート'], draft: true, fields: {} },
    }),
    '<article class="entry"><div class="entry-inner"><header class="entry-header">' +
      '<div class="date entry-date"><time datetime="2017-06-04T22:05:00+09:00"><span class="date-year">2017</span><span class="hyphen">-</span>' +
      '<span class="date-month">06</span><span class="hyphen">-</span><span class="date-day">04</span></time></div>' +
      '<h1 class="entry-title">AWS Summit &lt;Tokyo&gt; &amp; &quot;2017&quot;</h1>' +
      '<div class="entry-categories categories"><a class="entry-category-link category-AWS">AWS</a>' +
      '<a class="entry-category-link category-イベント-レポート">イベント レポート</a></div>' +
      '<span class="entry-draft-badge">下書き</span></header>' +
      '<div class="entry-content hatenablog-entry"><p>本文</p>\n</div></div></article>');
  });

  it('without front matter still has the header and an empty-title placeholder', () => {
    assert.equal(renderEntryArticle({ html: '' }),
      '<article class="entry"><div class="entry-inner"><header class="entry-header"><h1 class="entry-title entry-title-empty">（タイトルなし）</h1></header>' +
      '<div class="entry-content hatenablog-entry"></div></div></article>');
  });

  it('shows an unparseable date as written, escaped; no draft badge unless draft', () => {
    const html = renderEntryArticle({ html: '', frontMatter: { date: '<そのうち>', categories: [], draft: false, fields: {} } });
    assert.match(html, /<div class="date entry-date"><time>&lt;そのうち&gt;<\/time><\/div>/);
    assert.doesNotMatch(html, /entry-draft-badge/);
  });

  it('escapes category names in the class attribute too', () => {
    const html = renderEntryArticle({ html: '', frontMatter: { categories: ['a"><script>'], draft: false, fields: {} } });
    assert.match(html, /<a class="entry-category-link category-a&quot;&gt;&lt;script&gt;">a&quot;&gt;&lt;script&gt;<\/a>/);
  });
});
