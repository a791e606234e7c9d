import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { gatedHatenaPlugin, hasEntryHeader, hatenaPlugin } from '../../../src/hatena';

// Compiled to out/test/unit/hatena; fixtures stay in the source tree.
const ROOT = join(__dirname, '..', '..', '..', '..');

/** Ordinary Markdown: this repository's own docs, and what READMEs hold that looks like notation. */
const CORPUS: string[] = [
  ...['README.md', 'CHANGELOG.md', 'LICENSE'].map((f) => readFileSync(join(ROOT, f), 'utf8')),
  ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(ROOT, 'docs', f), 'utf8')),
  'Compute ((a+b)) twice, then ask id:octocat.\n',
  '[https://example.com/:embed]\n\n[:contents]\n\n## Usage\n\n<!-- more -->\n\n[f:id:yasay:20170604220500j:plain]\n',
  '---\ntitle: Jekyll post\nlayout: post\n---\n\n# Hello\n\n[tex:x^2] and [google:vscode]\n',
  '- a\n  - b ((c))\n\n> quote id:user\n\n```js\n((x))\n```\n\n| a | b |\n|---|---|\n| ((1)) | [g:x] |\n',
];

const POST = '---\nTitle: AWS Summit Tokyo 2017に行ってきました\nDate: 2017-06-04T22:05:00+09:00\n---\n\n本文((脚注))です。id:yasay\n\n[:contents]\n\n## 概要\n';

function gated(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: true });
  gatedHatenaPlugin(md, { embeds: 'card', sourceLines: false }, (source, env) => (env as { post?: boolean }).post ?? hasEntryHeader(source ?? ''));
  return md;
}

describe('the Hatena plugin gated per document (VS Code\'s built-in preview)', () => {
  it('renders ordinary Markdown byte for byte as markdown-it does without it', () => {
    const plain = new MarkdownIt({ html: true, linkify: true });
    const md = gated();
    for (const text of CORPUS) assert.equal(md.render(text, {}), plain.render(text, {}));
  });

  it('renders a post exactly as the plugin applied outright does, whatever was rendered before', () => {
    const outright = new MarkdownIt({ html: true, linkify: true }).use(hatenaPlugin, { embeds: 'card', sourceLines: false });
    const plain = new MarkdownIt({ html: true, linkify: true });
    const md = gated();
    const expected = outright.render(POST, {});
    assert.match(expected, /class="footnote-number"/);
    for (let round = 0; round < 3; round++) {
      assert.equal(md.render(POST, {}), expected);
      assert.equal(md.render(CORPUS[3], {}), plain.render(CORPUS[3], {}));
    }
  });

  it('tokens parsed for a post render as a post even after another document was parsed', () => {
    const md = gated();
    const tokens = md.parse(POST, {});
    md.parse(CORPUS[3], {});
    assert.match(md.renderer.render(tokens, md.options, {}), /class="footnote-number"/);
  });

  it('the caller decides from its env (a setting, the file\'s folder) as well as from the text', () => {
    const md = gated();
    assert.match(md.render('本文((脚注))', { post: true }), /footnote-number/);
    assert.doesNotMatch(md.render(POST, { post: false }), /footnote-number/);
  });
});

describe('plugins applied after the gate (VS Code stamps source lines, markdown-mermaid wraps fences)', () => {
  function later(md: MarkdownIt): void {
    md.core.ruler.push('stamp', (state) => {
      for (const token of state.tokens) if (token.map && token.nesting === 1) token.attrSet('data-line', String(token.map[0]));
    });
    const fence = md.renderer.rules.fence!;
    md.renderer.rules.fence = (tokens, idx, options, env, self) => `<div class="wrapped">${fence(tokens, idx, options, env, self)}</div>`;
  }

  it('keep working for ordinary Markdown and for posts alike', () => {
    const md = gated();
    later(md);
    const plain = new MarkdownIt({ html: true, linkify: true });
    later(plain);
    const text = '# README\n\n```js\n((x))\n```\n\nid:octocat\n';
    assert.equal(md.render(text, {}), plain.render(text, {}));
    const html = md.render(POST, {});
    assert.match(html, /<p data-line="5">/);
    assert.match(html, /footnote-number/);
    assert.match(md.render(`${POST}\n\`\`\`js\nx\n\`\`\`\n`, {}), /<div class="wrapped"><pre class="code js"/);
  });
});

describe('hasEntryHeader: blogsync\'s front matter, not any front matter', () => {
  it('an EditURL, or a Title with a date, draft flag, categories or URL', () => {
    assert.ok(hasEntryHeader('---\nEditURL: https://blog.hatena.ne.jp/a/b/atom/entry/1\n---\n'));
    assert.ok(hasEntryHeader('---\nTitle: x\nDraft: true\n---\nbody'));
    assert.ok(hasEntryHeader('---\nTitle: >\n  long\nCategory:\n- a\n---\n'));
  });

  it('not a Title alone, lowercase keys of other generators, no or unclosed front matter', () => {
    assert.equal(hasEntryHeader('---\nTitle: x\n---\n'), false);
    assert.equal(hasEntryHeader('---\ntitle: x\ndate: 2020-01-01\n---\n'), false);
    assert.equal(hasEntryHeader('# README\n\nTitle: x\nDate: y\n'), false);
    assert.equal(hasEntryHeader('---\nTitle: x\nDate: y\n'), false);
  });

  it('a post header with a YAML typo is still a post (the writer is mid-edit; Problems say what is wrong)', () => {
    assert.ok(hasEntryHeader('---\nTitle: [x\nDate: {\n---\n'));
  });
});
