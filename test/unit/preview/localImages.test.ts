import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { isLocalPath, localImagesPlugin, rewriteRawImageSources } from '../../../src/preview/localImages';

const resolve = (src: string) => `https://webview/${src.replace(/^\.?\//, '')}`;

describe('preview local images', () => {
  it('knows which paths are local', () => {
    for (const p of ['./a.png', 'a.png', 'img/日本.png', '/images/b.png', '../c.gif']) assert.equal(isLocalPath(p), true, p);
    for (const p of ['https://x/a.png', 'data:image/png;base64,', '//cdn/a.png', '#x', '', 'vscode-resource:/a']) assert.equal(isLocalPath(p), false, p);
  });

  it('rewrites Markdown images and keeps the path as written for the placeholder', () => {
    let current: ((s: string) => string | undefined) | undefined = resolve;
    const md = new MarkdownIt({ html: true }).use(localImagesPlugin, () => current);
    const html = md.render('![a](./img/a.png) ![b](https://example.com/b.png)');
    assert.match(html, /<img src="https:\/\/webview\/img\/a\.png" alt="a" data-hatena-src="\.\/img\/a\.png">/);
    assert.match(html, /<img src="https:\/\/example\.com\/b\.png" alt="b">/);
    current = undefined;
    assert.match(md.render('![a](./img/a.png)'), /<img src="\.\/img\/a\.png"/, 'no resolver: untouched');
  });

  it('rewrites raw HTML <img> in any quoting', () => {
    assert.equal(rewriteRawImageSources('<img src="a.png">', resolve), '<img src="https://webview/a.png" data-hatena-src="a.png">');
    assert.equal(rewriteRawImageSources("<img alt='x' src='b.png'>", resolve), '<img alt=\'x\' src="https://webview/b.png" data-hatena-src="b.png">');
    assert.equal(rewriteRawImageSources('<IMG SRC=c.png>', resolve), '<IMG SRC="https://webview/c.png" data-hatena-src="c.png">');
    assert.equal(rewriteRawImageSources('<img src="https://x/d.png">', resolve), '<img src="https://x/d.png">');
    assert.equal(rewriteRawImageSources('<p data-src="e.png">', resolve), '<p data-src="e.png">');
  });
});
