import * as assert from 'node:assert/strict';
import { buildPreviewShell, buildStandalonePage, fnv1a32, isUntouchedExport } from '../../../src/preview/previewDocument';
import { lookClass } from '../../../src/shared/elementIds';

describe('preview documents', () => {
  const shell = buildPreviewShell({
    cspSource: 'https://res.example',
    nonce: 'n0nce',
    liveEmbeds: false,
    style: 'vscode',
    scriptUri: 'https://res.example/dist/webview/preview.js',
    styleUris: ['https://res.example/media/hatena.css', 'https://res.example/media/preview.css'],
  });

  it('carries the CSP, the stylesheets, an empty root and exactly one script with the nonce', () => {
    assert.match(shell, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-n0nce&#39;;/);
    assert.equal(shell.match(/<script/g)?.length, 1);
    assert.match(shell, /<script nonce="n0nce" src="https:\/\/res\.example\/dist\/webview\/preview\.js"><\/script>/);
    assert.match(shell, /<link rel="stylesheet" href="https:\/\/res\.example\/media\/hatena\.css">/);
    assert.match(shell, /<body class="vscode-look">/);
    assert.match(shell, /<main id="hatena-preview-root"><\/main>/);
    assert.equal(lookClass('hatena'), 'hatena-look');
  });

  it('carries the placeholder sentences the host localised, escaped, on the body', () => {
    const page = buildPreviewShell({
      cspSource: 'https://res.example', nonce: 'n0nce', liveEmbeds: false, style: 'hatena', scriptUri: 's.js', styleUris: [],
      placeholderStrings: { notLoaded: '画像を"読み込めません"', fotolifeHint: 'オフライン<か>' },
    });
    assert.match(page, /<body class="hatena-look" data-image-not-loaded="画像を&#34;読み込めません&#34;" data-fotolife-hint="オフライン&#60;か&#62;">/);
  });

  it('builds a standalone page with the CSS inlined and the title escaped', () => {
    const page = buildStandalonePage({ title: '<AWS> & Summit', articleHtml: '<article class="entry"></article>', css: 'body{} </style><script>' });
    assert.match(page, /<title>&#60;AWS&#62; &#38; Summit<\/title>/);
    assert.match(page, /<article class="entry"><\/article>/);
    assert.doesNotMatch(page, /<\/style><script>/, 'CSS cannot close the style element');
  });

  it('hashes with FNV-1a (32 bits): the published test vectors', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    assert.equal(fnv1a32(bytes('')), 0x811c9dc5);
    assert.equal(fnv1a32(bytes('a')), 0xe40c292c);
    assert.equal(fnv1a32(bytes('foobar')), 0xbf9cf968);
  });

  describe('an exported page knows whether it was edited since', () => {
    const page = buildStandalonePage({
      title: 'AWS Summit Tokyo 2017に行ってきました',
      articleHtml: '<article class="entry"><div class="entry-content"><p>本文</p><!-- more --><p>続き</p></div></article>',
      css: 'body { line-height: 1.6; }',
    });

    it('stamps the page with the hash of its content', () => {
      assert.match(page, /<meta name="generator" content="Hatena Writer; fnv1a32=[0-9a-f]{8}">/);
      assert.doesNotMatch(page, /fnv1a32=00000000/);
      assert.equal(isUntouchedExport(page), true);
      // The hash is of the content: another post gives another stamp.
      const other = buildStandalonePage({ title: 'other', articleHtml: '<article></article>', css: '' });
      assert.notEqual(/fnv1a32=(\w+)/.exec(other)?.[1], /fnv1a32=(\w+)/.exec(page)?.[1]);
      assert.equal(isUntouchedExport(other), true);
    });

    it('any edit, anywhere, even one character or a line ending, makes it a page to ask about', () => {
      const edits: [string, string][] = [
        ['title', page.replace('<title>AWS', '<title>old AWS')],
        ['article', page.replace('<p>本文</p>', '<p>本文。</p>')],
        ['css', page.replace('line-height: 1.6', 'line-height: 1.7')],
        ['appended', `${page}<!-- my notes -->`],
        ['prepended', ` ${page}`],
        ['line endings', page.replace(/\n/g, '\r\n')],
        ['the stamp itself', page.replace(/fnv1a32=([0-9a-f])/, (_, c: string) => `fnv1a32=${c === '0' ? '1' : '0'}`)],
      ];
      for (const [what, edited] of edits) {
        assert.notEqual(edited, page, what);
        assert.equal(isUntouchedExport(edited), false, what);
      }
      // Every single-character change of the body text is seen (a 32-bit hash, not a length or a prefix check).
      const at = page.indexOf('本文');
      for (const c of 'あいうえおabc0') assert.equal(isUntouchedExport(page.slice(0, at) + c + page.slice(at + 1)), false, c);
    });

    it('a hand-written page, or an export without the hash (an older version), is not one of its own', () => {
      assert.equal(isUntouchedExport('<!DOCTYPE html><title>hand-written</title>'), false);
      assert.equal(isUntouchedExport(page.replace(/<meta name="generator"[^>]*>/, '<meta name="generator" content="Hatena Writer">')), false);
      // The stamp copied into another page does not vouch for it.
      const stamp = /<meta name="generator"[^>]*>/.exec(page)![0];
      assert.equal(isUntouchedExport(`<!DOCTYPE html><head>${stamp}</head><body>mine</body>`), false);
      assert.equal(isUntouchedExport(''), false);
    });
  });
});
