import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { hatenaPlugin } from '../../../src/hatena';
import { fnv1a } from '../../../src/hatena/footnotes';
import { render } from './helpers';

/** Pulls the (hash, number) pairs out of the inline refs, so expectations can be written with them. */
function refs(html: string): string[] {
  return [...html.matchAll(/<a href="#f-([0-9a-f]{8})" id="fn-\1" name="fn-\1" title="[^"]*">\*\d+<\/a>/g)].map((m) => m[1]);
}

/** Expected markup: the inline reference, a second reference, one note of the list, and the list. */
const h = (n: number, source: string) => fnv1a(`${n}:${source}`);
const ref = (hash: string, n: number, title: string) => `<a href="#f-${hash}" id="fn-${hash}" name="fn-${hash}" title="${title}">*${n}</a>`;
const again = (hash: string, n: number, title: string) => `<a href="#f-${hash}" title="${title}">*${n}</a>`;
const note = (hash: string, n: number, html: string) =>
  `<p class="footnote"><a href="#fn-${hash}" id="f-${hash}" name="f-${hash}" class="footnote-number">*${n}</a>` +
  `<span class="footnote-delimiter">:</span><span class="footnote-text">${html}</span></p>\n`;
const list = (...notes: string[]) => `<div class="footnote">\n${notes.join('')}</div>\n`;

describe('footnotes ((…))', () => {
  it('renders Hatena\'s inline ref and the end-of-post div.footnote', () => {
    const html = render('本文((脚注です))。\n');
    const [h] = refs(html);
    assert.equal(h, fnv1a('1:脚注です'));
    assert.equal(html,
      `<p>本文<a href="#f-${h}" id="fn-${h}" name="fn-${h}" title="脚注です">*1</a>。</p>\n` +
      '<div class="footnote">\n' +
      `<p class="footnote"><a href="#fn-${h}" id="f-${h}" name="f-${h}" class="footnote-number">*1</a><span class="footnote-delimiter">:</span><span class="footnote-text">脚注です</span></p>\n` +
      '</div>\n');
  });

  it('numbers notes in document order across blocks, headings and lists', () => {
    const html = render('## 見出し((一))\n\n- 項目((二))\n\n本文((三))\n');
    assert.deepEqual([...html.matchAll(/>\*(\d+)<\/a>/g)].map((m) => m[1]), ['1', '2', '3', '1', '2', '3']);
    assert.equal(new Set(refs(html)).size, 3);
    assert.match(html, /<h2 id="見出し">/);
  });

  it('keeps ids stable while other text changes, and unique for identical notes', () => {
    assert.deepEqual(refs(render('A((同じ))\n')), refs(render('B は違う((同じ))\n')));
    const twice = refs(render('((同じ))((同じ))\n'));
    assert.equal(new Set(twice).size, 2);
  });

  it('inline notation and Markdown inside a note work; the title is its plain text', () => {
    const html = render('x((**太字** と [google:AWS] と `code`))\n');
    const [h] = refs(html);
    assert.match(html, new RegExp(`title="太字 と google:AWS と code">\\*1</a>`));
    assert.match(html, new RegExp(`<span class="footnote-text"><strong>太字</strong> と <a href="https://www.google.com/search\\?q=AWS&amp;ie=utf-8&amp;oe=utf-8" class="hatena-google">google:AWS</a> と <code>code</code></span>`));
    assert.ok(h);
  });

  it('escapes the title attribute, raw HTML in the note included', () => {
    const html = render('x((a "q" <b title="x>y">b</b> & c))\n');
    assert.match(html, /title="a &quot;q&quot; y&quot;&gt;b &amp; c">\*1<\/a>/);
  });

  it(')((x))( and (((x))) are escapes that print ((x))', () => {
    assert.equal(render('a)((x))(b\n'), '<p>a((x))b</p>\n');
    assert.equal(render('a(((x)))b\n'), '<p>a((x))b</p>\n');
    assert.equal(render('a(((**x**)))b\n'), '<p>a((<strong>x</strong>))b</p>\n');
  });

  it('is not a note when empty, unclosed, in code or in link text', () => {
    for (const text of ['(())', '(( ))', '((unclosed', '`((code))`', '[((x))](https://example.com/)', '(x)', 'f(g(x))']) {
      assert.doesNotMatch(render(`${text}\n`), /footnote|id="fn-/, text);
    }
  });

  it('entities and backslash escapes in a note are the characters they stand for', () => {
    const a = h(1, 'a &amp; b \\# c');
    assert.equal(render('x((a &amp; b \\# c))\n'), `<p>x${ref(a, 1, 'a &amp; b # c')}</p>\n${list(note(a, 1, 'a &amp; b # c'))}`);
  });

  it('bare URLs and addresses in a note are linked, as in the body (markdown-it\'s linkify sees the note)', () => {
    const a = h(1, 'see www.example.com and a@b.com');
    assert.equal(render('x((see www.example.com and a@b.com))\n'),
      `<p>x${ref(a, 1, 'see www.example.com and a@b.com')}</p>\n` +
      list(note(a, 1, 'see <a href="http://www.example.com">www.example.com</a> and <a href="mailto:a@b.com">a@b.com</a>')));
  });

  it('the core rules of the host see a note\'s text too (a typographer, a rule pushed after the plugin)', () => {
    const md = new MarkdownIt({ typographer: true }).use(hatenaPlugin);
    md.core.ruler.push('host_rule', (state) => {
      for (const token of state.tokens) if (token.type === 'inline') for (const child of token.children ?? []) if (child.type === 'text') child.content = child.content.replace(/HOST/g, 'host');
    });
    const a = h(1, 'a -- (c) HOST');
    assert.equal(md.render('x((a -- (c) HOST))\n'), `<p>x${ref(a, 1, 'a – © host')}</p>\n${list(note(a, 1, 'a – © host'))}`);
  });

  it('a code span protects the note\'s end: `))` inside backticks does not close it', () => {
    const a = h(1, '例: `f(g(x))` を参照');
    assert.equal(render('本文((例: `f(g(x))` を参照))です\n'),
      `<p>本文${ref(a, 1, '例: f(g(x)) を参照')}です</p>\n${list(note(a, 1, '例: <code>f(g(x))</code> を参照'))}`);
    // A run of N backticks closes only at a run of exactly N.
    const b = h(1, '``a ` b)) c``');
    assert.equal(render('((``a ` b)) c``)) d\n'), `<p>${ref(b, 1, 'a ` b)) c')} d</p>\n${list(note(b, 1, '<code>a ` b)) c</code>'))}`);
    // The code span that starts inside the note and ends after its `))` wins, as in CommonMark: no note.
    assert.equal(render('((a `b)) c`\n'), '<p>((a <code>b)) c</code></p>\n');
    // An escaped backtick opens nothing, and a lone backtick is literal.
    const c = h(1, 'a \\`b');
    assert.equal(render('((a \\`b)) c`\n'), `<p>${ref(c, 1, 'a `b')} c\`</p>\n${list(note(c, 1, 'a `b'))}`);
    // A backtick taken by an HTML tag's attribute before the note pairs with nothing inside it.
    const d = h(1, 'a');
    assert.equal(render('<span title="`">((a)) b`\n'), `<p><span title="\`">${ref(d, 1, 'a')} b\`</p>\n${list(note(d, 1, 'a'))}`);
    const e = h(1, 'a `b` c');
    assert.equal(render('<span title="`">((a `b` c)) d`\n'),
      `<p><span title="\`">${ref(e, 1, 'a b c')} d\`</p>\n${list(note(e, 1, 'a <code>b</code> c'))}`);
    const f = h(1, 'a `))` b');
    assert.equal(render('<span title="`">((a `))` b)) c\n'),
      `<p><span title="\`">${ref(f, 1, 'a )) b')} c</p>\n${list(note(f, 1, 'a <code>))</code> b'))}`);
    // The escapes skip code spans too.
    assert.equal(render('a)((`))(`))(b\n'), '<p>a((<code>))(</code>))b</p>\n');
    assert.equal(render('a(((`)))`)))b\n'), '<p>a((<code>)))</code>))b</p>\n');
  });

  it('one paragraph full of unclosed (( stays text', () => {
    assert.equal(render(`${'(('.repeat(5)}x\n`), `<p>${'(('.repeat(5)}x</p>\n`);
  });
});

describe('Markdown footnotes [^label] (also accepted by Hatena\'s Markdown mode)', () => {
  it('render with the same Hatena markup and numbering as ((…))', () => {
    const html = render('A[^note]と((二))。\n\n[^note]: **一**の注\n');
    const [h1, h2] = refs(html);
    assert.equal(h1, fnv1a('1:**一**の注'));
    assert.equal(html,
      `<p>A<a href="#f-${h1}" id="fn-${h1}" name="fn-${h1}" title="一の注">*1</a>と<a href="#f-${h2}" id="fn-${h2}" name="fn-${h2}" title="二">*2</a>。</p>\n` +
      '<div class="footnote">\n' +
      `<p class="footnote"><a href="#fn-${h1}" id="f-${h1}" name="f-${h1}" class="footnote-number">*1</a><span class="footnote-delimiter">:</span><span class="footnote-text"><strong>一</strong>の注</span></p>\n` +
      `<p class="footnote"><a href="#fn-${h2}" id="f-${h2}" name="f-${h2}" class="footnote-number">*2</a><span class="footnote-delimiter">:</span><span class="footnote-text">二</span></p>\n` +
      '</div>\n');
  });

  it('a definition may come first, continue on indented lines, and interrupt a paragraph', () => {
    const html = render('[^a]: 先に定義\n    二行目\n本文[^a]\n');
    assert.match(html, /^<p>本文<a href="#f-[0-9a-f]{8}" id="fn-[0-9a-f]{8}" name="fn-[0-9a-f]{8}" title="先に定義 二行目">\*1<\/a><\/p>\n/);
    assert.match(render('本文[^a]\n[^a]: 注\n'), /^<p>本文<a [^>]*title="注">\*1<\/a><\/p>\n<div class="footnote">/);
  });

  it('a second reference points at the same note without repeating its id', () => {
    const html = render('x[^a] y[^a]\n\n[^a]: 注\n');
    const [h] = refs(html);
    assert.match(html, new RegExp(`y<a href="#f-${h}" title="注">\\*1</a>`));
    assert.equal((html.match(/id="fn-/g) ?? []).length, 1);
    assert.equal((html.match(/class="footnote-number"/g) ?? []).length, 1);
  });

  it('a note is rendered for its title once, however many references it has', () => {
    const md = new MarkdownIt().use(hatenaPlugin);
    let strong = 0;
    md.renderer.rules.strong_open = () => { strong++; return '<strong>'; };
    const html = md.render('x[^a] y[^a] z[^a]\n\n[^a]: **注**\n');
    assert.equal((html.match(/title="注"/g) ?? []).length, 3);
    assert.equal(strong, 2); // the title, and the note in the list
  });

  it('a definition that refers to itself links its inner reference to the same note', () => {
    const a = h(1, 'see [^a]');
    assert.equal(render('x[^a]\n\n[^a]: see [^a]\n'),
      `<p>x${ref(a, 1, 'see *1')}</p>\n${list(note(a, 1, `see ${again(a, 1, 'see *1')}`))}`);
  });

  it('two definitions that refer to each other: each inner reference links to the other note', () => {
    const a = h(1, '[^b]'), b = h(2, '[^a]');
    assert.equal(render('x[^a]\n\n[^a]: [^b]\n[^b]: [^a]\n'),
      `<p>x${ref(a, 1, '*2')}</p>\n${list(note(a, 1, ref(b, 2, '*1')), note(b, 2, again(a, 1, '*2')))}`);
  });

  it('a chain of 2000 definitions renders every note, in order, without recursion', () => {
    let source = 'x[^0]\n\n';
    for (let i = 0; i < 2000; i++) source += `[^${i}]: 注${i}[^${i + 1}]\n`;
    const html = render(source);
    assert.doesNotMatch(html, /hatena-render-error/);
    const numbers = [...html.matchAll(/class="footnote-number">\*(\d+)<\/a><span class="footnote-delimiter">:<\/span><span class="footnote-text">注(\d+)/g)];
    assert.deepEqual(numbers.map((m) => [Number(m[1]), Number(m[2])]), Array.from({ length: 2000 }, (_, i) => [i + 1, i]));
    // The last definition's [^2000] has no definition and stays text.
    const last = h(2000, '注1999[^2000]');
    assert.ok(html.endsWith(note(last, 2000, '注1999[^2000]') + '</div>\n'));
    const first = h(1, '注0[^1]'), second = h(2, '注1[^2]');
    assert.ok(html.startsWith(`<p>x${ref(first, 1, '注0*2')}</p>\n<div class="footnote">\n${note(first, 1, `注0${ref(second, 2, '注1*3')}`)}`));
  });

  it('numbers notes in reading order: the body first, then notes met inside notes, after the note holding them', () => {
    const outer = h(1, 'outer ((inner))'), inner = h(2, 'inner');
    assert.equal(render('x[^a]\n\n[^a]: outer ((inner))\n'),
      `<p>x${ref(outer, 1, 'outer *2')}</p>\n${list(note(outer, 1, `outer ${ref(inner, 2, 'inner')}`), note(inner, 2, 'inner'))}`);
    // [^b] is met in the body after the note holding it; it is the body's second note, and the reference inside
    // the first note is the second one.
    const a = h(1, 'a [^b]'), b = h(2, 'B');
    assert.equal(render('((a [^b])) and [^b]\n\n[^b]: B\n'),
      `<p>${ref(a, 1, 'a *2')} and ${ref(b, 2, 'B')}</p>\n${list(note(a, 1, `a ${again(b, 2, 'B')}`), note(b, 2, 'B'))}`);
    // Body notes in body order, then the inner ones of each in turn.
    const html = render('x[^p] y[^q] z((r))\n\n[^p]: P((p1))[^s]\n[^q]: Q((q1))\n[^s]: S\n');
    assert.deepEqual([...html.matchAll(/class="footnote-text">(.*?)<\/span><\/p>/g)].map((m) => m[1].replace(/<a [^>]*>(\*\d+)<\/a>/g, '$1')),
      ['P*4*5', 'Q*6', 'r', 'p1', 'S', 'q1']);
  });

  it('a note inside a note gets entities, escapes and bare URLs like any other', () => {
    const outer = h(1, '外 www.example.com [^b]'), inner = h(2, '内 &amp; \\# a@b.com');
    assert.equal(render('x[^a]\n\n[^a]: 外 www.example.com [^b]\n[^b]: 内 &amp; \\# a@b.com\n'),
      `<p>x${ref(outer, 1, '外 www.example.com *2')}</p>\n` + list(
        note(outer, 1, `外 <a href="http://www.example.com">www.example.com</a> ${ref(inner, 2, '内 &amp; # a@b.com')}`),
        note(inner, 2, '内 &amp; # <a href="mailto:a@b.com">a@b.com</a>')));
  });

  it('undefined labels, empty definitions, code and link text stay as typed; the first definition wins', () => {
    assert.equal(render('x[^none]\n'), '<p>x[^none]</p>\n');
    assert.equal(render('`x[^a]`\n\n[^a]: 注\n'), '<p><code>x[^a]</code></p>\n');
    assert.equal(render('[^a]:\n'), '<p>[^a]:</p>\n');
    assert.match(render('x[^a]\n\n[^a]: 一\n[^a]: 二\n'), /title="一"/);
    assert.doesNotMatch(render('[x[^a]](https://example.com/)\n\n[^a]: 注\n'), /id="fn-/);
  });
});
