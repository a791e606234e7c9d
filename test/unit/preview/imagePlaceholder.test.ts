import * as assert from 'node:assert/strict';
import { placeholderDataUrl, placeholderLabel, placeholderSize, wrapLabel } from '../../../src/webview/imagePlaceholder';

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
});
