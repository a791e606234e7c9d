import * as assert from 'node:assert/strict';
import { fotolifeUrl, isFotolifeTimestamp, parseFotolifeBody } from '../../../src/hatena/fotolife';
import { CDN, PHOTO_OPEN, render, renderInline } from './helpers';

const img = (attrs: string) => `<img ${attrs}>`;

describe('Fotolife [f:id:USER:ID{ext}:kind(:option)*]', () => {
  it(':plain renders the published span + img with the CDN URL', () => {
    assert.equal(
      renderInline('[f:id:yasay:20170604220500j:plain]'),
      `${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" loading="lazy" title="" class="hatena-fotolife" itemprop="image"`)}</span>`,
    );
  });

  it(':image links the img to its Fotolife page', () => {
    assert.equal(
      renderInline('[f:id:yasay:20170604220500p:image]'),
      `${PHOTO_OPEN}<a href="https://f.hatena.ne.jp/yasay/20170604220500" class="hatena-fotolife" itemprop="url">` +
        `${img(`src="${CDN}/y/yasay/20170604/20170604220500.png" loading="lazy" title="" class="hatena-fotolife" itemprop="image"`)}</a></span>`,
    );
  });

  it(':movie shows like :image (no Flash player today)', () => {
    assert.match(renderInline('[f:id:yasay:20170604220500f:movie]'), /<a href="https:\/\/f\.hatena\.ne\.jp\/yasay\/20170604220500" class="hatena-fotolife" itemprop="url"><img src="[^"]+20170604220500\.jpg"/);
  });

  it('maps j/p/g/f to jpg/png/gif/jpg', () => {
    for (const [letter, ext] of [['j', 'jpg'], ['p', 'png'], ['g', 'gif'], ['f', 'jpg']]) {
      assert.equal(fotolifeUrl(parseFotolifeBody(`f:id:hatenablog:20200101000000${letter}:plain`)!), `${CDN}/h/hatenablog/20200101/20200101000000.${ext}`);
    }
  });

  it(':w and :h give style width/height', () => {
    assert.equal(
      renderInline('[f:id:yasay:20170604220500j:plain:w350]'),
      `${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" loading="lazy" title="" class="hatena-fotolife" style="width:350px" itemprop="image"`)}</span>`,
    );
    assert.match(renderInline('[f:id:yasay:20170604220500j:plain:h200]'), / style="height:200px" /);
    assert.match(renderInline('[f:id:yasay:20170604220500j:plain:w350:h200]'), / style="width:350px;height:200px" /);
  });

  it(':left / :right add the float classes', () => {
    assert.match(renderInline('[f:id:yasay:20170604220500j:plain:left]'), / class="hatena-fotolife hatena-image-left" /);
    assert.match(renderInline('[f:id:yasay:20170604220500j:plain:right]'), / class="hatena-fotolife hatena-image-right" /);
  });

  it(':title= and :alt= set the attributes, values may contain colons, and are escaped', () => {
    assert.equal(
      renderInline('[f:id:yasay:20170604220500j:plain:title=会場: 基調講演 "A&B":alt=<壇上>]'),
      `${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" alt="&lt;壇上&gt;" loading="lazy" title="会場: 基調講演 &quot;A&amp;B&quot;" class="hatena-fotolife" itemprop="image"`)}</span>`,
    );
  });

  it(':small and :medium use the _m / _120 JPEG thumbnails', () => {
    assert.match(renderInline('[f:id:yasay:20170604220500p:plain:small]'), new RegExp(`src="${CDN}/y/yasay/20170604/20170604220500_m\\.jpg"`));
    assert.match(renderInline('[f:id:yasay:20170604220500p:plain:medium]'), new RegExp(`src="${CDN}/y/yasay/20170604/20170604220500_120\\.jpg"`));
  });

  it('accepts options in any order, the kind included', () => {
    const a = renderInline('[f:id:yasay:20170604220500j:plain:w300:left:title=x]');
    assert.equal(renderInline('[f:id:yasay:20170604220500j:title=x:left:w300:plain]'), a);
    assert.equal(renderInline('[f:id:yasay:20170604220500j:left:plain:title=x:w300]'), a);
  });

  it('a missing kind is a linked image (the old はてな記法 default)', () => {
    assert.match(renderInline('[f:id:yasay:20170604220500j]'), /<a href="https:\/\/f\.hatena\.ne\.jp\/yasay\/20170604220500"/);
  });

  it('stays as typed for invalid user ids, impossible timestamps, unknown letters and options', () => {
    for (const text of [
      '[f:id:ya:20170604220500j:plain]', // user id too short
      '[f:id:1yasay:20170604220500j:plain]', // must start with a letter
      '[f:id:ya.say:20170604220500j:plain]',
      '[f:id:yasay:20171304220500j:plain]', // month 13
      '[f:id:yasay:20170230220500j:plain]', // 30 February
      '[f:id:yasay:20170604250500j:plain]', // hour 25
      '[f:id:yasay:2017060422050j:plain]', // 13 digits
      '[f:id:yasay:20170604220500x:plain]', // unknown extension letter
      '[f:id:yasay:20170604220500j:plain:w0]',
      '[f:id:yasay:20170604220500j:plain:image]', // two kinds
      '[f:id:yasay:20170604220500j:plain:huge]', // unknown option
      '[f:id:yasay:20170604220500j:plain',
    ]) {
      assert.equal(renderInline(text), text, text);
    }
  });

  it('validates real dates, leap years included', () => {
    assert.ok(isFotolifeTimestamp('20200229235959'));
    assert.ok(!isFotolifeTimestamp('20190229000000'));
    assert.ok(!isFotolifeTimestamp('21000229000000'));
    assert.ok(isFotolifeTimestamp('20000229000000'));
    assert.ok(!isFotolifeTimestamp('20200100000000'));
  });

  it('works inline in text, bold, headings, tables and link text', () => {
    const plain = `${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" loading="lazy" title="" class="hatena-fotolife" itemprop="image"`)}</span>`;
    assert.equal(renderInline('前 [f:id:yasay:20170604220500j:plain] 後'), `前 ${plain} 後`);
    assert.equal(renderInline('**[f:id:yasay:20170604220500j:plain]**'), `<strong>${plain}</strong>`);
    assert.equal(render('## 会場 [f:id:yasay:20170604220500j:plain]\n'), `<h2 id="会場">会場 ${plain}</h2>\n`);
    assert.match(render('| 写真 |\n|---|\n| [f:id:yasay:20170604220500j:plain] |\n'), new RegExp(`<td>${plain.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}</td>`));
    // Inside a Markdown link, :image does not nest a second <a>.
    assert.equal(
      renderInline('[[f:id:yasay:20170604220500j:image]](https://example.com/)'),
      `<a href="https://example.com/">${plain}</a>`,
    );
  });

  it('expands inside the figure HTML Hatena\'s editor writes for captions, but not in comments or <pre>', () => {
    const fig = '<figure class="figure-image figure-image-fotolife" title="会場">[f:id:yasay:20170604220500j:plain]<figcaption>会場</figcaption></figure>';
    assert.equal(
      render(`${fig}\n`),
      `<figure class="figure-image figure-image-fotolife" title="会場">${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" loading="lazy" title="" class="hatena-fotolife" itemprop="image"`)}</span><figcaption>会場</figcaption></figure>\n`,
    );
    assert.equal(render('<div><!-- [f:id:yasay:20170604220500j:plain] --></div>\n'), '<div><!-- [f:id:yasay:20170604220500j:plain] --></div>\n');
    assert.equal(render('<pre>[f:id:yasay:20170604220500j:plain]</pre>\n'), '<pre>[f:id:yasay:20170604220500j:plain]</pre>\n');
    // Never inside an attribute value, where the inserted markup would break out of the quotes.
    assert.equal(render('<div title="[f:id:yasay:20170604220500j:plain]" data-x=\'>[f:id:yasay:20170604220500j:plain]\'>x</div>\n'),
      '<div title="[f:id:yasay:20170604220500j:plain]" data-x=\'>[f:id:yasay:20170604220500j:plain]\'>x</div>\n');
  });
});
