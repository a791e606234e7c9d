import * as assert from 'node:assert/strict';
import { isbnToAsin } from '../../../src/hatena/keywordLinks';
import { render, renderInline } from './helpers';

describe('google / wikipedia / amazon / asin / isbn', () => {
  it('[google:Q] and [google:search:Q] link to the search, showing the notation text', () => {
    assert.equal(renderInline('[google:AWS Summit]'),
      '<a href="https://www.google.com/search?q=AWS%20Summit&amp;ie=utf-8&amp;oe=utf-8" class="hatena-google">google:AWS Summit</a>');
    assert.equal(renderInline('[google:search:東京]'),
      '<a href="https://www.google.com/search?q=%E6%9D%B1%E4%BA%AC&amp;ie=utf-8&amp;oe=utf-8" class="hatena-google">google:search:東京</a>');
    assert.equal(renderInline('[google:image:猫]'), '<a href="https://www.google.com/search?q=%E7%8C%AB&amp;tbm=isch" class="hatena-google">google:image:猫</a>');
    assert.equal(renderInline('[google:news:AWS]'), '<a href="https://news.google.com/search?q=AWS" class="hatena-google">google:news:AWS</a>');
  });

  it('[wikipedia:Q] links Japanese Wikipedia; [wikipedia:en:Q] another language', () => {
    assert.equal(renderInline('[wikipedia:はてな]'), '<a href="https://ja.wikipedia.org/wiki/%E3%81%AF%E3%81%A6%E3%81%AA" class="hatena-wikipedia">wikipedia:はてな</a>');
    assert.equal(renderInline('[wikipedia:en:Amazon Web Services]'), '<a href="https://en.wikipedia.org/wiki/Amazon_Web_Services" class="hatena-wikipedia">wikipedia:en:Amazon Web Services</a>');
  });

  it('[amazon:Q] searches Amazon.co.jp', () => {
    assert.equal(renderInline('[amazon:AWS & Linux]'), '<a href="https://www.amazon.co.jp/s?k=AWS%20%26%20Linux" class="hatena-amazon">amazon:AWS &amp; Linux</a>');
  });

  it('[asin:X] and [isbn:N] link the product page; ISBN-13 becomes the ISBN-10 ASIN', () => {
    assert.equal(renderInline('[asin:b00example]'), '<a href="https://www.amazon.co.jp/dp/B00EXAMPLE" class="hatena-asin">asin:b00example</a>');
    assert.equal(renderInline('[isbn:978-4-7741-4204-4]'), '<a href="https://www.amazon.co.jp/dp/4774142042" class="hatena-asin">isbn:978-4-7741-4204-4</a>');
    assert.equal(renderInline('[isbn:4774142042:title]'), '<a href="https://www.amazon.co.jp/dp/4774142042" class="hatena-asin">isbn:4774142042</a>');
    assert.equal(isbnToAsin('9784297100339'), '4297100339');
    assert.equal(isbnToAsin('9784798155074'), '4798155071');
    assert.equal(isbnToAsin('9780804429573'), '080442957X');
    assert.equal(renderInline('[isbn:9791234567896]'), '<a href="https://www.amazon.co.jp/s?k=9791234567896" class="hatena-asin">isbn:9791234567896</a>');
  });

  it('[asin:X:detail] is the div.hatena-asin-detail card, taken out of its <p>', () => {
    assert.equal(render('[asin:4774142042:detail]\n'),
      '<div class="hatena-block-notation"><div class="hatena-asin-detail"><div class="hatena-asin-detail-info">' +
      '<p class="hatena-asin-detail-title"><a href="https://www.amazon.co.jp/dp/4774142042">asin:4774142042</a></p>' +
      '<ul class="hatena-asin-detail-meta"><li>ASIN: 4774142042</li></ul>' +
      '<a href="https://www.amazon.co.jp/dp/4774142042" class="asin-detail-buy">Amazonで見る</a></div></div></div>\n');
  });

  it('invalid bodies stay as typed', () => {
    for (const text of ['[google:]', '[wikipedia: ]', '[amazon:]', '[asin:123]', '[asin:4774142042:huge]', '[isbn:12345]', '[gooogle:x]', '[asin:"x"]']) {
      assert.equal(renderInline(text), text.replace(/"/g, '&quot;'), text);
    }
  });

  it('a bracket notation ends at its first `]`, backticks or not: its body is not Markdown (as for [tex:…])', () => {
    assert.equal(renderInline('[google:a `]` b]'),
      '<a href="https://www.google.com/search?q=a%20%60&amp;ie=utf-8&amp;oe=utf-8" class="hatena-google">google:a `</a>` b]');
    assert.equal(renderInline('[https://example.com/:title=a `]` b]'), '<a href="https://example.com/">a `</a>` b]');
    assert.equal(renderInline('[tex:a `]` b]'), '<span class="hatena-tex">[tex:a `]</span>` b]');
    // A code span around the whole notation still hides it.
    assert.equal(renderInline('`[google:a]` b]'), '<code>[google:a]</code> b]');
  });
});
