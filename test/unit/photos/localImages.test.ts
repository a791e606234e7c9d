import * as assert from 'node:assert/strict';
import { checkFotolifeBody } from '../../../src/hatena';
import { findLocalImages, fotolifeNotation, hasLocalImages, indentedCodeRanges } from '../../../src/photos/localImages';

const paths = (text: string) => findLocalImages(text).map((r) => r.path);

describe('photos: local images in a post', () => {
  it('finds ![alt](path "title") with its alt, title and exact source', () => {
    const text = 'Intro ![会場](img/hall.jpg "メイン会場") and ![](<my photo.png>) and ![x](a%20b.gif \'t\')\n';
    const found = findLocalImages(text);
    assert.deepEqual(found.map((r) => [r.alt, r.title, r.path]), [
      ['会場', 'メイン会場', 'img/hall.jpg'],
      ['', undefined, 'my photo.png'],
      ['x', 't', 'a b.gif'],
    ]);
    assert.equal(text.slice(found[0].start, found[0].end), '![会場](img/hall.jpg "メイン会場")');
    assert.equal(found[0].source, '![会場](img/hall.jpg "メイン会場")');
  });

  it('skips URLs, data:, anchors and protocol-relative links; keeps /root paths and ../ paths', () => {
    assert.deepEqual(paths('![a](https://example.com/a.png) ![b](data:image/png;base64,AAA) ![c](#x) ![d](//cdn/x.png) ![e](/images/e.png) ![f](../f.png?v=2)'), ['/images/e.png', '../f.png']);
  });

  it('never looks inside fenced code, indented code, code spans, HTML comments or the front matter', () => {
    const text = [
      '---', 'Title: ![fm](fm.png)', '---', '',
      '![keep1](a.png)', '',
      '```', '![fenced](b.png)', '```', '',
      '    ![indented](c.png)', '',
      'Text `![span](d.png)` text', '',
      '<!-- ![comment](e.png) -->', '',
      '<!--', '![multi](f.png)', '-->', '',
      '\\![escaped](g.png)', '',
      '- item', '',
      '    ![in list](h.png)', '',
      '![keep2](i.png)', '',
    ].join('\n');
    assert.deepEqual(paths(text), ['a.png', 'h.png', 'i.png']);
  });

  it('an indented block starts only after a blank line, and continues over blank lines', () => {
    const text = 'para\n    ![lazy](a.png)\n\n    code\n\n    ![code](b.png)\nafter\n';
    assert.deepEqual(paths(text), ['a.png']);
    assert.equal(indentedCodeRanges(text).length, 1);
  });

  it('hasLocalImages: what Publish asks', () => {
    assert.equal(hasLocalImages('![a](a.png)'), true);
    assert.equal(hasLocalImages('[f:id:yasay:20240501123456p:plain] ![a](https://x/a.png) `![b](b.png)`'), false);
  });
});

describe('photos: the Fotolife notation that replaces a local image', () => {
  it('is the plain syntax with title= and alt= (hatenablog-workflows\' order), empty ones left out', () => {
    assert.equal(fotolifeNotation('f:id:yasay:20240501123456p:plain', '会場', 'メイン会場'), '[f:id:yasay:20240501123456p:plain:title=メイン会場:alt=会場]');
    assert.equal(fotolifeNotation('f:id:yasay:20240501123456p:plain', '', undefined), '[f:id:yasay:20240501123456p:plain]');
    assert.equal(fotolifeNotation('[f:id:yasay:20240501123456j:plain]', 'a'), '[f:id:yasay:20240501123456j:plain:alt=a]');
  });

  it('renders with the text the writer gave (brackets and option-like colons made safe)', () => {
    const cases: [string, string][] = [['a]b [c]', 'title'], ['see: left', 'x:left'], ['time 12:30', 'a:w300:b']];
    for (const [alt, title] of cases) {
      const notation = fotolifeNotation('f:id:yasay:20240501123456p:plain', alt, title);
      const checked = checkFotolifeBody(notation.slice(1, -1));
      assert.ok('image' in checked, notation);
      assert.ok(!notation.slice(1, -1).includes(']'), notation);
      assert.equal(checked.image.kind, 'plain', notation);
      assert.equal(checked.image.width, undefined, notation);
      assert.equal(checked.image.align, undefined, notation);
    }
  });
});
