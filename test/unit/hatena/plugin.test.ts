import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { createHatenaRenderer, hatenaPlugin } from '../../../src/hatena';
import { render, renderInline } from './helpers';

/** A stand-in for VS Code's built-in preview: its own front_matter rule, a highlighter, line stamping. */
function vscodeLikeMarkdownIt(): MarkdownIt {
  const md = new MarkdownIt({ html: true, highlight: (code, lang) => (lang === 'go' ? `<span class="hljs-keyword">${code.trim()}</span>` : '') });
  md.block.ruler.before('table', 'front_matter', (state, start, end, silent) => {
    if (start !== 0 || state.src.slice(0, 4) !== '---\n') return false;
    let line = 1;
    while (line < end && state.src.slice(state.bMarks[line], state.eMarks[line]) !== '---') line++;
    if (line >= end) return false;
    if (!silent) { const t = state.push('front_matter', '', 0); t.hidden = true; t.map = [0, line + 1]; }
    state.line = line + 1;
    return true;
  });
  md.core.ruler.push('source_line', (state) => {
    for (const t of state.tokens) if (t.map && t.type !== 'inline') { t.attrSet('data-line', String(t.map[0])); t.attrJoin('class', 'code-line'); }
  });
  return md;
}

describe('hatenaPlugin on a foreign markdown-it (VS Code built-in preview)', () => {
  it('leaves front matter to a front_matter rule the host adds after the plugins (as VS Code does)', () => {
    const md = new MarkdownIt({ html: true }).use(hatenaPlugin);
    let hostSaw = '';
    md.block.ruler.before('fence', 'front_matter', (state, start, _end, silent) => {
      if (start !== 0 || state.src.slice(0, 4) !== '---\n') return false;
      const close = state.src.indexOf('\n---\n', 3);
      if (close < 0) return false;
      if (!silent) { hostSaw = state.src.slice(4, close); state.push('front_matter', '', 0).hidden = true; }
      state.line = state.src.slice(0, close + 5).split('\n').length - 1;
      return true;
    });
    assert.equal(md.render('---\nTitle: x\n---\nbody\n'), '\n<p>body</p>\n'); // (the host's hidden token adds the newline)
    assert.equal(hostSaw, 'Title: x');
  });

  it('renders notation and leaves front matter to the host rule that came first', () => {
    const md = vscodeLikeMarkdownIt().use(hatenaPlugin, { embeds: 'card' });
    const html = md.render('---\nTitle: x\n---\n\n[f:id:yasay:20170604220500j:plain]((注))\n\n[https://example.com/:embed]\n');
    assert.doesNotMatch(html, /Title/);
    assert.match(html, /<p data-line="4" class="code-line"><span itemscope itemtype="http:\/\/schema.org\/Photograph"><img src="https:\/\/cdn-ak\.f\.st-hatena\.com\/images\/fotolife\/y\/yasay\/20170604\/20170604220500\.jpg"/);
    assert.match(html, /<div class="footnote">/);
    assert.match(html, /<div class="hatena-block-notation code-line" data-line="6"><div class="hatena-embed-card hatena-embed-card-web" data-url="https:\/\/example.com\/">/);
  });

  it('renders the same tokens twice with different env objects (VS Code parses and renders separately)', () => {
    const md = vscodeLikeMarkdownIt().use(hatenaPlugin);
    const tokens = md.parse('[:contents]\n\n## A((n))\n', {});
    const first = md.renderer.render(tokens, md.options, {});
    assert.equal(md.renderer.render(tokens, md.options, { other: true }), first);
    assert.match(first, /<ul class="table-of-contents code-line" data-line="0"><li><a href="#A">A<\/a><\/li><\/ul>/);
  });

  it("uses the host's highlighter inside Hatena's <pre>, keeping the line stamp", () => {
    const md = vscodeLikeMarkdownIt().use(hatenaPlugin);
    assert.equal(md.render('```go\nfunc\n```\n'), '<pre class="code lang-go code-line" data-line="0" data-lang="go" data-unlink><span class="hljs-keyword">func</span></pre>\n');
    assert.equal(md.render('```ruby\n<x>\n```\n'), '<pre class="code lang-ruby code-line" data-line="0" data-lang="ruby" data-unlink>&lt;x&gt;\n</pre>\n');
  });

  it('applying it twice to one instance is harmless', () => {
    const md = new MarkdownIt().use(hatenaPlugin).use(hatenaPlugin);
    assert.equal(md.render('a((b))\n').match(/class="footnote-number"/g)?.length, 1);
  });
});

describe('notation in context', () => {
  it('nothing inside code spans, fences, code blocks or HTML comments is notation', () => {
    assert.equal(renderInline('`[f:id:yasay:20170604220500j:plain] ((x)) id:yasay [google:x] [tex:x]`'),
      '<code>[f:id:yasay:20170604220500j:plain] ((x)) id:yasay [google:x] [tex:x]</code>');
    assert.equal(renderInline('a <!-- ((x)) id:yasay [https://example.com/:embed] --> b'), 'a <!-- ((x)) id:yasay [https://example.com/:embed] --> b');
    assert.equal(render('<!--\n((x))\n[f:id:yasay:20170604220500j:plain]\n-->\n'), '<!--\n((x))\n[f:id:yasay:20170604220500j:plain]\n-->\n');
    assert.equal(renderInline('a <!--\n((x)) id:yasay\n--> b'), 'a <!--\n((x)) id:yasay\n--> b');
  });

  it('bold, emphasis, strikethrough, links and code around inline notation keep working', () => {
    assert.equal(renderInline('**太字 [google:AWS] と id:yasay**'),
      '<strong>太字 <a href="https://www.google.com/search?q=AWS&amp;ie=utf-8&amp;oe=utf-8" class="hatena-google">google:AWS</a> と <a href="https://blog.hatena.ne.jp/yasay/" class="hatena-id-link">id:yasay</a></strong>');
    assert.equal(renderInline('~~[https://example.com/:title=古い]~~ `code` [リンク](https://example.com/)'),
      '<s><a href="https://example.com/">古い</a></s> <code>code</code> <a href="https://example.com/">リンク</a>');
    assert.match(render('*[tex:x\\_1]*((note **b**))\n'),
      /^<p><em><span class="hatena-tex">\[tex:x_1\]<\/span><\/em><a href="#f-[0-9a-f]{8}" [^>]*>\*1<\/a><\/p>\n<div class="footnote">\n.*<span class="footnote-text">note <strong>b<\/strong><\/span><\/p>\n<\/div>\n$/);
    assert.match(renderInline('[**太字** [google:x]](https://example.com/)'), /^<a href="https:\/\/example\.com\/"><strong>太字<\/strong> \[google:x\]<\/a>$/);
  });

  it('a backslash escapes notation', () => {
    assert.equal(renderInline('\\[f:id:yasay:20170604220500j:plain]'), '[f:id:yasay:20170604220500j:plain]');
  });

  it('Markdown features Hatena keeps: tables, autolinks, raw HTML, single newlines', () => {
    assert.equal(renderInline('a\nhttps://example.com/ <b>x</b>'), 'a\n<a href="https://example.com/">https://example.com/</a> <b>x</b>');
  });
});

describe('options', () => {
  it('sourceLines stamps every block with data-line and code-line, html_block via a marker div', () => {
    assert.equal(render('# t\n\n[:contents]\n\n<!-- more -->\n\n<div>x</div>\n\n```go\nx\n```\n', { sourceLines: true }),
      '<h1 id="t" class="code-line" data-line="0">t</h1>\n' +
      '<ul class="table-of-contents code-line" data-line="2"><li><a href="#t">t</a></li></ul>\n' +
      '<div class="hatena-more code-line" data-line="4" role="separator" aria-label="続きを読む"><!-- more --><span class="hatena-more-label">続きを読む</span></div>\n' +
      '<div class="code-line" data-line="6"></div><div>x</div>\n' +
      '<pre class="code lang-go code-line" data-line="8" data-lang="go" data-unlink>x\n</pre>\n');
  });

  it('without sourceLines there are no data-line attributes', () => {
    assert.doesNotMatch(render('# t\n\ntext\n'), /data-line/);
  });

  it('render() never throws and reports a failure as visible text', () => {
    const renderer = createHatenaRenderer();
    const original = renderer.md.renderer.rules.text;
    renderer.md.renderer.rules.text = () => { throw new Error('boom <x>'); };
    assert.deepEqual(renderer.render('hi'), {
      html: '<pre class="hatena-render-error">Hatena Writer could not render this document: boom &lt;x&gt;</pre>\n',
      error: 'boom <x>',
    });
    renderer.md.renderer.rules.text = original;
    assert.deepEqual(renderer.render(undefined as unknown as string), { html: '' });
  });
});
