import * as assert from 'node:assert/strict';
import { placeholderDataUrl, placeholderLabel, placeholderMessage, placeholderSize, wrapLabel } from '../../../src/webview/imagePlaceholder';

const CDN = 'https://cdn-ak.f.st-hatena.com/images/fotolife/y/yasay/20170604/20170604220500.jpg';

describe('image placeholder', () => {
  it('shows the Fotolife notation the image was written as', () => {
    assert.equal(placeholderLabel({ src: CDN, style: 'width:350px' }), '[f:id:yasay:20170604220500j:plain:w350]');
    assert.equal(
      placeholderLabel({ src: CDN.replace('.jpg', '.png'), linked: true, className: 'hatena-fotolife hatena-image-right', title: '会場' }),
      '[f:id:yasay:20170604220500p:image:right:title=会場]',
    );
    assert.equal(placeholderLabel({ src: CDN.replace('.jpg', '_m.jpg') }), '[f:id:yasay:20170604220500j:plain:small]');
  });

  it('shows other images in Markdown form', () => {
    assert.equal(placeholderLabel({ src: './img/a.png', alt: '図1' }), '![図1](./img/a.png)');
  });

  it('takes the requested size, keeping 4:3 when one side is given', () => {
    assert.deepEqual(placeholderSize({ src: CDN, style: 'width:350px' }), { width: 350, height: 263 });
    assert.deepEqual(placeholderSize({ src: CDN, style: 'height:200px' }), { width: 267, height: 200 });
    assert.deepEqual(placeholderSize({ src: CDN, style: 'width:300px;height:100px' }), { width: 300, height: 100 });
    assert.deepEqual(placeholderSize({ src: 'x', widthAttr: '60', heightAttr: '60' }), { width: 60, height: 60 });
    assert.deepEqual(placeholderSize({ src: 'x' }), { width: 480, height: 270 });
    assert.deepEqual(placeholderSize({ src: CDN.replace('.jpg', '_120.jpg') }), { width: 120, height: 90 }, 'a thumbnail is small');
  });

  it('wraps long labels into the box and ellipsises what does not fit', () => {
    const lines = wrapLabel('x'.repeat(100), 60, 10, 3);
    assert.equal(lines.length, 3);
    assert.ok(lines[2].endsWith('…'));
    assert.deepEqual(wrapLabel('あいう', 20, 10, 5), ['あい', 'う']);
  });

  it('is an SVG data URL of that size with the label escaped', () => {
    const url = placeholderDataUrl({ src: './a<b>.png', alt: '"&' });
    assert.match(url, /^data:image\/svg\+xml;charset=utf-8,/);
    const svg = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    assert.match(svg, /width="480" height="270"/);
    assert.match(svg, /!\[&#34;&#38;\]\(\.\/a&#60;b&#62;\.png\)/);
    assert.doesNotMatch(svg, /<script|on\w+=/);
  });

  const svgText = (url: string) => [...decodeURIComponent(url.slice(url.indexOf(',') + 1)).matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
  const ja = { notLoaded: '画像を読み込めませんでした。', fotolifeHint: 'オフラインか、このフォトライフのIDが存在しない可能性があります。' };

  it('says in words that the image could not be loaded, and for Fotolife that it may be offline or the id wrong', () => {
    assert.equal(placeholderMessage({ src: './img/a.png' }), 'The image could not be loaded.');
    assert.equal(placeholderMessage({ src: CDN }), 'The image could not be loaded. You may be offline, or this Fotolife id may not exist.');
    assert.equal(placeholderMessage({ src: CDN }, ja), `${ja.notLoaded} ${ja.fotolifeHint}`);
    const fotolife = svgText(placeholderDataUrl({ src: CDN, style: 'width:480px;height:270px' }, ja)).replace(/ /g, '');
    assert.ok(fotolife.includes(`${ja.notLoaded}${ja.fotolifeHint}`.replace(/ /g, '')), fotolife);
    assert.ok(fotolife.includes('[f:id:yasay:20170604220500j:plain:w480:h270]'), fotolife);
    const local = svgText(placeholderDataUrl({ src: './img/a.png' }, ja));
    assert.ok(local.includes(ja.notLoaded) && !local.includes('オフライン'), local);
  });

  it('a box too small for words keeps the notation', () => {
    const text = svgText(placeholderDataUrl({ src: CDN, style: 'width:300px;height:30px' }, ja));
    assert.ok(text.startsWith('[f:id:'), text);
    assert.ok(!text.includes('画像'), text);
  });
});
