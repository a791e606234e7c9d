import * as assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { entryXml, parseCategories, parseEntry, parseFeed, parseService } from '../../../src/blog/atomXml';
import { HatenaApiError } from '../../../src/blog/hatenaEntry';

const ENTRY_WITH_PREFIXES = `<?xml version="1.0" encoding="utf-8"?>
<a:entry xmlns:a="http://www.w3.org/2005/Atom" xmlns:p="http://www.w3.org/2007/app" xmlns:hb="http://www.hatena.ne.jp/info/xmlns#hatenablog">
  <a:link rel="edit" href="https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/2500000000"/>
  <a:link rel="alternate" type="text/html" href="https://yasay.hatenablog.com/entry/aws-summit"/>
  <a:link rel="preview" href="https://yasay.hatenablog.com/draft/abc"/>
  <a:author><a:name>yasay</a:name></a:author>
  <a:title>AWS &amp; 夏</a:title>
  <a:updated>2017-06-04T23:18:03+09:00</a:updated>
  <p:edited>2017-06-05T10:00:00+09:00</p:edited>
  <a:content type="text/x-markdown">本文 &lt;b&gt;</a:content>
  <a:category term="AWS"/><a:category term="イベント"/>
  <p:control><p:draft>yes</p:draft><p:preview>yes</p:preview><hb:scheduled>yes</hb:scheduled></p:control>
  <hb:custom-url>aws-summit</hb:custom-url>
  <title>not Atom: ignored</title>
</a:entry>`;

describe('atomXml: reading Hatena Blog documents', () => {
  it('reads an entry by namespace URI, whatever the prefixes', () => {
    assert.deepEqual(parseEntry(ENTRY_WITH_PREFIXES), {
      editUrl: 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/2500000000',
      id: '2500000000',
      url: 'https://yasay.hatenablog.com/entry/aws-summit',
      previewUrl: 'https://yasay.hatenablog.com/draft/abc',
      title: 'AWS & 夏',
      content: '本文 <b>',
      contentType: 'text/x-markdown',
      categories: ['AWS', 'イベント'],
      updated: '2017-06-04T23:18:03+09:00',
      edited: '2017-06-05T10:00:00+09:00',
      draft: true,
      preview: true,
      scheduled: true,
      customUrl: 'aws-summit',
      author: 'yasay',
    });
  });

  it('ignores elements of the right name in the wrong namespace', () => {
    const xml = `<entry xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:other"><link rel="edit" href="https://h/atom/entry/1"/><x:title>wrong</x:title><x:control><x:draft>yes</x:draft></x:control><content>c</content></entry>`;
    const entry = parseEntry(xml);
    assert.equal(entry.title, '');
    assert.equal(entry.draft, false);
  });

  it('reads a feed page and its next link; the last page has none', () => {
    const feed = (next: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><link rel="first" href="https://h/atom/entry"/>${next}<entry><link rel="edit" href="https://h/atom/entry/1"/><title>t</title></entry></feed>`;
    const page = parseFeed(feed('<link rel="next" href="https://h/atom/entry?page=1377584217"/>'));
    assert.equal(page.next, 'https://h/atom/entry?page=1377584217');
    assert.deepEqual(page.entries.map((e) => e.id), ['1']);
    assert.equal(parseFeed(feed('')).next, undefined);
  });

  it("reads Hatena's service document (accept with charset, a fixed-pages collection first)", () => {
    const xml = `<service xmlns="http://www.w3.org/2007/app"><workspace><atom:title xmlns:atom="http://www.w3.org/2005/Atom">ブログタイトル</atom:title>
      <collection href="https://h/atom/page"><accept>application/atom+xml;charset=utf-8;type=entry</accept></collection>
      <collection href="https://h/atom/entry"><atom:title xmlns:atom="http://www.w3.org/2005/Atom">記事一覧</atom:title><accept>application/atom+xml;charset=utf-8;type=entry</accept></collection>
      </workspace></service>`;
    assert.deepEqual(parseService(xml), { title: 'ブログタイトル', collectionUrl: 'https://h/atom/entry' });
  });

  it('reads the category document in order', () => {
    const xml = `<app:categories xmlns:app="http://www.w3.org/2007/app" xmlns:atom="http://www.w3.org/2005/Atom" fixed="no"><atom:category term="Scala"/><atom:category term="日記"/></app:categories>`;
    assert.deepEqual(parseCategories(xml), ['Scala', '日記']);
  });

  it("HTML, non-XML and the wrong root are 'protocol' errors", () => {
    for (const text of ['<!DOCTYPE html><html><body><p>Sign in<br></body></html>', 'not xml at all', '', '<feed xmlns="http://www.w3.org/2005/Atom"/>']) {
      assert.throws(() => parseEntry(text), (e: unknown) => e instanceof HatenaApiError && e.kind === 'protocol', JSON.stringify(text));
    }
    assert.throws(() => parseService('<service xmlns="http://www.w3.org/2007/app"><workspace/></service>'), /no collection/);
  });
});

describe('atomXml: writing the entry a POST or PUT sends', () => {
  const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml').documentElement!;

  it('always writes app:draft (yes or no), escapes, and reads back exactly', () => {
    for (const draft of [true, false]) {
      const xml = entryXml({ title: 'A & B <c> "q"', content: '# 見出し\r\n\n<script>&amp;</script>\t', categories: ['C&D', 'x"y'], draft });
      assert.ok(xml.includes(`<app:draft>${draft ? 'yes' : 'no'}</app:draft>`));
      assert.ok(!xml.startsWith('\ufeff'));
      assert.ok(!xml.includes('hatenablog:custom-url'), 'no custom-url unless given: a PUT without it keeps the URL');
      const back = parseEntry(xml.replace('<title>', '<link rel="edit" href="https://h/atom/entry/1"/><title>'));
      assert.equal(back.title, 'A & B <c> "q"');
      assert.equal(back.content, '# 見出し\r\n\n<script>&amp;</script>\t');
      assert.deepEqual(back.categories, ['C&D', 'x"y']);
      assert.equal(back.draft, draft);
    }
  });

  it('writes the optional fields in their namespaces', () => {
    const root = parse(entryXml({ title: 't', content: 'c', categories: [], draft: true, preview: true, scheduled: true, updated: '2017-06-04T23:18:03+09:00', customUrl: 'aws', author: 'yasay' }));
    const ns = (el: string) => Array.from(root.getElementsByTagName(el)).map((e) => `${e.namespaceURI} ${e.textContent}`);
    assert.deepEqual(ns('app:preview'), ['http://www.w3.org/2007/app yes']);
    assert.deepEqual(ns('hatenablog:scheduled'), ['http://www.hatena.ne.jp/info/xmlns#hatenablog yes']);
    assert.deepEqual(ns('hatenablog:custom-url'), ['http://www.hatena.ne.jp/info/xmlns#hatenablog aws']);
    assert.deepEqual(ns('updated'), ['http://www.w3.org/2005/Atom 2017-06-04T23:18:03+09:00']);
    assert.deepEqual(ns('name'), ['http://www.w3.org/2005/Atom yasay']);
  });

  it("refuses characters XML 1.0 forbids with a clear 'bad-request' before anything is sent", () => {
    for (const [field, entry] of [
      ['title', { title: 'bell\u0007', content: '' }],
      ['content', { title: '', content: 'line\n\u001b[0m' }],
      ['content', { title: '', content: 'lone \ud800 surrogate' }],
    ] as const) {
      assert.throws(
        () => entryXml({ ...entry, categories: [], draft: true }),
        (e: unknown) => e instanceof HatenaApiError && e.kind === 'bad-request' && e.message.includes(field) && /U\+[0-9A-F]{4}/.test(e.message),
      );
    }
    assert.doesNotThrow(() => entryXml({ title: '絵文字 😀', content: 'tab\tcr\r\n', categories: [], draft: false }));
  });
});
