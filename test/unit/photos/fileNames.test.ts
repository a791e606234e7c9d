import * as assert from 'node:assert/strict';
import { markdownDestination, markdownImage, relativePath, safeFileName, uniqueFileName } from '../../../src/photos/fileNames';

describe('photos: file names for photos kept in the workspace', () => {
  it('never takes a name that is taken: stem-1, stem-2 … as VS Code does', () => {
    const taken = new Set(['image.png', 'image-1.png', 'slide.jpg']);
    assert.equal(uniqueFileName('image.png', (n) => taken.has(n)), 'image-2.png');
    assert.equal(uniqueFileName('slide.jpg', (n) => taken.has(n)), 'slide-1.jpg');
    assert.equal(uniqueFileName('new.gif', (n) => taken.has(n)), 'new.gif');
    assert.equal(uniqueFileName('README', (n) => n === 'README'), 'README-1');
    assert.equal(uniqueFileName('.hidden', (n) => n === '.hidden'), '.hidden-1');
  });

  it('makes a name safe: no folders, no reserved characters, never empty', () => {
    assert.equal(safeFileName('../../etc/passwd'), 'passwd');
    assert.equal(safeFileName('C:\\Users\\me\\shot.png'), 'shot.png');
    assert.equal(safeFileName('a:b?.png'), 'a-b-.png');
    assert.equal(safeFileName(''), 'image');
    assert.equal(safeFileName('...'), 'image');
    assert.equal(safeFileName('会場 の写真.jpg'), '会場 の写真.jpg');
  });

  it('links a kept file relative to the post', () => {
    assert.equal(relativePath('/w/entry/2024', '/w/entry/2024/image.png'), 'image.png');
    assert.equal(relativePath('/w/entry/2024', '/w/images/image.png'), '../../images/image.png');
    assert.equal(relativePath('/w/entry', '/w/entry/img/a.png'), 'img/a.png');
  });

  it('writes a destination Markdown reads back: spaces and brackets encoded, Japanese kept', () => {
    assert.equal(markdownDestination('会場 (1).png'), '会場%20%281%29.png');
    assert.equal(markdownImage('a b.png'), '![](a%20b.png)');
    assert.equal(markdownImage('x.png', 'a]b'), '![a\\]b](x.png)');
    assert.equal(decodeURIComponent(markdownDestination('100% [ok] #1?.png')), '100% [ok] #1?.png');
  });
});
