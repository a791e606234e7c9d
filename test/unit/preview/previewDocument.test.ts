import * as assert from 'node:assert/strict';
import { buildPreviewShell, buildStandalonePage, GENERATOR_META, lookClass } from '../../../src/preview/previewDocument';

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

  it('builds a standalone page with the CSS inlined and the title escaped', () => {
    const page = buildStandalonePage({ title: '<AWS> & Summit', articleHtml: '<article class="entry"></article>', css: 'body{} </style><script>' });
    assert.match(page, /<title>&#60;AWS&#62; &#38; Summit<\/title>/);
    assert.match(page, /<article class="entry"><\/article>/);
    assert.doesNotMatch(page, /<\/style><script>/, 'CSS cannot close the style element');
    // Export recognises its own earlier output by this marker, within the first 2 KB it reads back.
    assert.ok(page.indexOf(GENERATOR_META) > 0 && page.indexOf(GENERATOR_META) < 2048 - GENERATOR_META.length);
  });
});
