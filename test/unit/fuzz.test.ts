import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { createHatenaRenderer, type HatenaRenderer } from '../../src/hatena';
import { bestCpuTime, prng } from './cpuTime';

/*
 * Generated documents against the Hatena renderer. Seeded (FUZZ_SEED, FUZZ_DOCS override), so a failure message's
 * seed and document index reproduce it exactly. Hostile payloads carry the marker "pwn". Raw HTML passes through
 * Markdown by design (Hatena allows it), so the generator never lets a payload open a tag of its own with attributes
 * (`<` is always followed by a space, `<x-pwn>` has none): any attribute named like the marker in the output is
 * notation breaking out of a quote.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20170604);
const DOCS = Number(process.env.FUZZ_DOCS ?? 100_000);

const PAYLOADS = [
  '"', "'", '"><x-pwn>', '" onpwn="1"', "' onpwn='1'", '"pwn=1', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)',
  'data:text/html,pwn', '&quot;', '&#34;', '&amp;', '< ', '>', '`', '\\', ']', '[', ':', '((', '))', ')', '(', '\n', ' ',
  'title=', 'alt=', 'embed', 'cite', '日本語', '　', '\u0000', '\u202e', '%22', '&#x6A;avascript:', 'w350', '*', '_', '**',
];
const USERS = ['yasay', 'hatenablog', 'a"b', 'ab', '1abc', 'x-pwn"', 'pwn onpwn', 'A_b-c'];
const IDS = ['20170604220500', '20170230000000', '2017060422050', '99999999999999', '20200229235959', '2017060422050"'];
const URLS = [
  'https://aws.amazon.com/jp/', 'http://example.com:8080/a?b=1&c="2"', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  'https://youtu.be/dQw4w9WgXcQ"pwn', 'https://staff.hatenablog.com/entry/1', 'javascript:alert(1)//', 'JAVASCRIPT://x',
  'https://ex.com/"onpwn="1', "https://ex.com/'onpwn='1", 'https://ex.com/<x-pwn>', 'https://', 'ftp://ex.com/', 'https://ex.com/%"',
];
const HTML = [
  '<div class="box">', '</div>', '<span title="ok">', '</span>', '<b>', '</b>', '<!-- ', ' -->', '<!-- more -->',
  '<figure class="figure-image figure-image-fotolife" title="cap">', '<figcaption>cap</figcaption></figure>', '<br>',
  '<span title="[f:id:yasay:20170604220500j:plain]">', '<pre>', '</pre>',
];

function generator(random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const payload = () => (random() < 0.5 ? pick(PAYLOADS) : pick(PAYLOADS) + pick(PAYLOADS));
  const fragments: Array<() => string> = [
    () => `[f:id:${pick(USERS)}:${pick(IDS)}${pick(['j', 'p', 'g', 'f', 'x', ''])}${pick([':plain', ':image', ':movie', ''])}` +
      `${Array.from({ length: Math.floor(random() * 3) }, () => pick([':w350', ':h20', ':left', ':right', ':small', ':medium', `:title=${payload()}`, `:alt=${payload()}`, `:${payload()}`])).join('')}]`,
    () => `[${pick(URLS)}${random() < 0.3 ? payload() : ''}:${pick(['title', `title=${payload()}`, 'embed', 'embed:cite', 'bookmark', payload()])}]`,
    () => `((${payload()}${random() < 0.3 ? `[f:id:yasay:20170604220500j:plain]` : ''}${payload()}))`,
    () => pick([')((', '(((', ')))', '))(', '((', '))']),
    () => pick([`[^${pick(['1', 'a', payload()])}]`, `\n[^${pick(['1', 'a'])}]: ${payload()}\n`, '\n    続き', '[^']),
    // Definitions whose text refers to notes: themselves, each other, `((…))` and code spans around the end.
    () => `\n[^${pick(['1', 'a', 'b'])}]: ${payload()}${pick(['[^1]', '[^a]', '[^b]', '((x[^a]))', '`[^a]`', ''])}${payload()}\n`,
    () => pick(['((`))`))', '((a `b)) c`', '[google:`]` x]', '[^a`]`]', '``', '\\`((x))']),
    () => `id:${pick(USERS)}${pick(['', ':detail', ':image', payload()])}`,
    () => `[${pick(['google', 'google:search', 'google:image', 'wikipedia', 'wikipedia:en', 'amazon', 'asin', 'isbn'])}:${payload()}${pick(['', ':detail', ':title'])}]`,
    () => pick(['[asin:4774142042:detail]', '[isbn:978-4-7741-4204-4]', '[asin:B00EXAMPLE]']),
    () => `[tex:${payload()}${pick(['\\sqrt[3]{x}', 'a_1', '[', ']'])}]`,
    () => pick(['\n[:contents]\n', '\n<!-- more -->\n', '\n## 見出し ', '\n### ', '\n- ', '\n> ', '\n\n', '\n```' + pick(['go', 'shell', '', 'x"pwn']) + '\n', '\n---\n', '\n    ']),
    () => pick(HTML),
    () => pick(['**', '*', '_', '~~', '`', '[', ']', '](', ')', '[link](https://ex.com/)', '<https://ex.com/>', '\\']),
    () => payload(),
    () => pick(['AWS Summit Tokyo 2017 に参加しました。', '基調講演', ' ', 'Lambda']),
  ];
  return (): string => {
    let doc = random() < 0.1 ? `---\nTitle: ${payload()}\nCategory: [${payload()}, b]\nDraft: ${payload()}\n---\n` : '';
    const n = 1 + Math.floor(random() * 14);
    for (let i = 0; i < n; i++) doc += pick(fragments)();
    if (random() < 0.02) doc += pick(['[', '((', '[f:id:', 'id:', '`', '*', '[tex:']).repeat(200 + Math.floor(random() * 300));
    return doc;
  };
}

interface Tag { name: string; attrs: Array<[string, string]> }

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

/** A small, linear HTML tag scanner: enough to see every attribute a browser would see. */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    i = lt + 1;
    if (html.charCodeAt(i) === 0x2f) i++;
    const first = html.charCodeAt(i) | 0x20;
    if (first < 0x61 || first > 0x7a) continue;
    const nameStart = i;
    while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>') i++;
    const tag: Tag = { name: html.slice(nameStart, i).toLowerCase(), attrs: [] };
    for (;;) {
      while (i < n && (isSpace(html.charCodeAt(i)) || html[i] === '/')) i++;
      if (i >= n || html[i] === '>') { i++; break; }
      const attrStart = i;
      i++; // a name is at least one character, even "=" or a quote (as in browsers)
      while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
      const name = html.slice(attrStart, i).toLowerCase();
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      let value = '';
      if (html[i] === '=') {
        i++;
        while (i < n && isSpace(html.charCodeAt(i))) i++;
        const q = html[i];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, i + 1);
          value = html.slice(i + 1, end < 0 ? n : end);
          i = end < 0 ? n : end + 1;
        } else {
          const start = i;
          while (i < n && !isSpace(html.charCodeAt(i)) && html[i] !== '>') i++;
          value = html.slice(start, i);
        }
      }
      tag.attrs.push([name, value]);
    }
    tags.push(tag);
  }
  return tags;
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);?/gi, (_, e: string) => {
    const l = e.toLowerCase();
    if (l[0] === '#') return String.fromCodePoint(Number(l[1] === 'x' ? `0x${l.slice(2)}` : l.slice(1)) || 0xfffd);
    return ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[l];
  });
}

const URL_ATTRS = new Set(['href', 'src', 'data-url', 'action', 'formaction', 'xlink:href']);

/** Every violation of the output contract in one rendered document. */
function violations(html: string): string[] {
  const found: string[] = [];
  if (html.includes('hatena-render-error')) found.push('render threw');
  // Payloads never put `<` right before `>`; a `<>` is a token no renderer rule knows (markdown-it prints its empty tag).
  if (html.includes('<>')) found.push('token rendered as <>');
  for (const tag of scanTags(html)) {
    for (const [name, raw] of tag.attrs) {
      if (name.includes('pwn') || name.startsWith('on')) found.push(`attribute break-out: <${tag.name} ${name}>`);
      if (URL_ATTRS.has(name)) {
        // eslint-disable-next-line no-control-regex
        const url = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(url)) found.push(`unsafe URL: <${tag.name} ${name}="${raw}">`);
      }
    }
  }
  return found;
}

describe('fuzz: generated documents against the renderer', function () {
  this.timeout(300_000);

  it('the break-out detector itself sees a break-out and a javascript: URL', () => {
    assert.deepEqual(violations('<img title="" onpwn="1">'), ['attribute break-out: <img onpwn>']);
    assert.deepEqual(violations('<a href="&#x6A;avascript:x">'), ['unsafe URL: <a href="&#x6A;avascript:x">']);
    assert.deepEqual(violations('<p title="a &quot;onpwn=1">x</p><!-- <a onpwn> -->'), []);
  });

  it(`${DOCS.toLocaleString('en')} documents: never throws, no attribute break-out, no javascript: URL (seed ${SEED})`, () => {
    const random = prng(SEED);
    const next = generator(random);
    const renderers: HatenaRenderer[] = [
      createHatenaRenderer(),
      createHatenaRenderer({ embeds: 'card', sourceLines: true }),
      createHatenaRenderer({ moreDivider: false }),
    ];
    for (let i = 0; i < DOCS; i++) {
      const doc = next();
      let html: string;
      try {
        html = renderers[i % renderers.length].render(doc).html;
      } catch (e) {
        assert.fail(`seed ${SEED} doc #${i} threw ${String(e)}\n${JSON.stringify(doc)}`);
      }
      const bad = violations(html);
      if (bad.length > 0) assert.fail(`seed ${SEED} doc #${i}: ${bad.join('; ')}\ninput: ${JSON.stringify(doc)}\noutput: ${html}`);
    }
  });
});

describe('fuzz: linear time on pathological inputs (ratios within one run, not wall-clock)', function () {
  this.timeout(300_000);
  const renderer = createHatenaRenderer();
  const bare = new MarkdownIt({ html: true, linkify: true });
  const PATTERNS: Record<string, string> = {
    'unclosed [': '[',
    'unclosed [f:id:': '[f:id:yasay:',
    // (`[https://ex.com/` without spaces is quadratic in markdown-it's own linkify, with or without us.)
    'unclosed [URL:': '[https://ex.com/ ',
    'unclosed [tex:[': '[tex:[',
    'unclosed ((': '((',
    'escape openers )((': ')((',
    'escape openers (((': '(((',
    'id: runs': 'id:aaa:',
    'bracket notation runs': '[google:x][asin:4774142042][f:id:yasay:20170604220500j:plain]',
    'footnotes': 'a((b))',
    'more dividers': '<!-- more -->\n',
    'html with notation': '<div title="[f:id:yasay:20170604220500j:plain]"> [f:id:yasay:20170604220500j:plain] <',
    'emphasis around notation': '**[google:x] id:yasay ',
    'code spans hiding the end of ((': '((`))` ',
    'backticks around the ] of [google:': '[google:`]` ',
    'backtick runs of two lengths': '((`` ` ',
    'attribute backticks before notes': '<b title="`">((a ` b)) ',
  };

  /** Inputs that grow inside one construct rather than by repetition: size → document. */
  const GROWING: Record<string, (size: number) => string> = {
    'equal headings (one TOC lists them all)': (size) => `[:contents]\n${'## 見出し\n'.repeat(size / 8)}`,
    'front matter with long blank runs': (size) => `---\nTitle: a${' '.repeat(size / 2)}b\nCategory:\n  -${' '.repeat(size / 2)}x\n---\n`,
    'one huge note': (size) => `((${'a '.repeat(size / 2)}))`,
    'Markdown footnote references': (size) => `${'x[^a][^b'.repeat(size / 8)}\n\n[^a]: 注\n`,
    'note full of unclosed tags': (size) => `((${'<b '.repeat(size / 3)}))`,
    'one huge Fotolife title': (size) => `[f:id:yasay:20170604220500j:plain:title=${'a:'.repeat(size / 2)}]`,
    'one huge tex': (size) => `[tex:${'\\'.repeat(size)}x]`,
    'html block with notation and stray <': (size) => `<div>${'< [f:id:yasay:20170604220500j:plain] '.repeat(size / 40)}</div>\n`,
    'html block of [f:id: candidates with no later <': (size) => `<div>\n${'[f:id:x:1'.repeat(size / 9)}`,
    'html block of unclosed <pre>': (size) => `<div>\n${'<pre>[f:id:yasay:20170604220500j:plain]'.repeat(size / 40)}`,
    'chain of Markdown footnote definitions': (size) => `x[^0]\n\n${Array.from({ length: size / 16 }, (_, i) => `[^${i}]: a[^${i + 1}]\n`).join('')}`,
  };
  const cases: Array<[string, (size: number) => string]> = [
    ...Object.entries(PATTERNS).map(([name, unit]): [string, (size: number) => string] => [name, (size) => unit.repeat(Math.ceil(size / unit.length))]),
    ...Object.entries(GROWING),
  ];

  for (const [name, build] of cases) {
    it(`${name}: 8× the input costs ≤ 20× the time`, () => {
      // Sizes big enough that a render takes milliseconds: at 16 KB a sub-millisecond CPU reading is mostly noise,
      // and a busy 2-core machine turned linear inputs into 25-34x "ratios".
      const small = build(32_000);
      const large = build(256_000);
      const ours = (s: string) => renderer.render(s);
      const base = (s: string) => bare.render(s);
      // Fast because it failed is no pass: the large input must render (a stack overflow once returned at once).
      assert.doesNotMatch(renderer.render(large).html, /hatena-render-error/, `${name}: render failed`);
      bestCpuTime(ours, small, 1); // warm the JIT
      let ratio = bestCpuTime(ours, large, 3) / bestCpuTime(ours, small, 3);
      if (ratio > 20) ratio = Math.min(ratio, bestCpuTime(ours, large, 3) / bestCpuTime(ours, small, 3)); // one re-measure
      if (ratio <= 20) return;
      // Over budget: fine only if our share of the cost does not grow with size — markdown-it alone, the GC or a busy
      // machine slowing both the same way. Ours and bare markdown-it are measured side by side at each size, so such
      // effects cancel in their quotient; a quadratic rule of ours multiplies it by about 8 over this range.
      const overhead = (source: string) => bestCpuTime(ours, source, 3) / bestCpuTime(base, source, 3);
      bestCpuTime(base, small, 1);
      const growth = overhead(large) / overhead(small);
      assert.ok(growth <= 3, `${name}: 8× input took ${ratio.toFixed(1)}× the time, and our cost relative to markdown-it alone grew ${growth.toFixed(1)}×`);
    });
  }
});
