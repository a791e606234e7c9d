import * as assert from 'node:assert/strict';
import { frontMatterLength } from '../../../src/editor/codeRegions';
import { findHatenaId as findInDocument, frontMatterCloseLine, hatenaIdFromFrontMatter, hatenaIdFromImages, hatenaIdFromSetting, isHatenaId } from '../../../src/editor/hatenaIdSource';
import { prng } from '../cpuTime';
import { FakeDocument } from './fakeDocument';
import { fotolifeDatePrefix, fotolifeTimestamp } from '../../../src/editor/fotolifeTimestamp';

/** findHatenaId over a whole string. */
const findHatenaId = (text: string, setting?: string) => findInDocument(new FakeDocument(text), setting);

const FRONT = '---\nTitle: t\nEditURL: https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/1\n---\n';

describe('findHatenaId: the writer\'s Hatena id', () => {
  it('prefers the setting (tolerating an id: prefix), then EditURL, then images in the document', () => {
    const doc = `${FRONT}[f:id:other:20170604220500j:plain]`;
    assert.deepEqual(findHatenaId(doc, 'id:writer'), { id: 'writer', origin: 'setting' });
    assert.deepEqual(findHatenaId(doc, ''), { id: 'yasay', origin: 'frontMatter' });
    assert.deepEqual(findHatenaId('[f:id:other:20170604220500j:plain]', undefined), { id: 'other', origin: 'document' });
  });

  it('ignores an invalid setting and falls back', () => {
    assert.equal(findHatenaId(FRONT, 'no spaces allowed')?.origin, 'frontMatter');
    assert.equal(findHatenaId(FRONT, 'ab')?.origin, 'frontMatter', 'ids have at least 3 characters');
  });

  it('counts the most used id, first seen on a tie, outside code', () => {
    const doc = [
      '[f:id:alice:20170604220500j:plain] [f:id:bob:20170604220501j:plain]',
      '[f:id:bob:20170604220502p:image]',
      '```', '[f:id:carol:20170604220500j:plain] [f:id:carol:20170604220500j:plain] [f:id:carol:20170604220500j:plain]', '```',
      '`[f:id:carol:20170604220500j:plain]`',
    ].join('\n');
    assert.equal(findHatenaId(doc)?.id, 'bob');
    assert.equal(findHatenaId('[f:id:alice:20170604220500j:plain] [f:id:bob:20170604220501j:plain]')?.id, 'alice');
  });

  it('returns undefined when nothing says who the writer is', () => {
    assert.equal(findHatenaId('# no images\n[f:id:x:1]'), undefined);
    assert.equal(findHatenaId('---\nEditURL: https://example.com/a/b\n---\n'), undefined);
  });

  it('its parts work on what the completion provider reads: the setting, the front matter block, the whole text', () => {
    assert.deepEqual(hatenaIdFromSetting(' id:writer '), { id: 'writer', origin: 'setting' });
    assert.equal(hatenaIdFromSetting(''), undefined);
    assert.deepEqual(hatenaIdFromFrontMatter(FRONT.slice(0, -1)), { id: 'yasay', origin: 'frontMatter' });
    assert.equal(hatenaIdFromFrontMatter(''), undefined);
    const doc = '[f:id:alice:20170604220500j:plain] `[f:id:bob:20170604220500j:plain] [f:id:bob:20170604220500j:plain]`';
    assert.equal(hatenaIdFromImages(doc)?.id, 'alice', 'code is skipped');
    assert.equal(hatenaIdFromImages(doc, [])?.id, 'bob', 'with the caller\'s (here: no) excluded ranges');
  });

  it('reads nothing for the setting, the front matter for an EditURL, the whole text only after that', () => {
    const body = '\n本文\n'.repeat(1000);
    let doc = new FakeDocument(`${FRONT}${body}`);
    assert.equal(findInDocument(doc, 'writer')?.id, 'writer');
    assert.deepEqual([doc.charsRead, doc.lineReads], [0, 0]);
    doc = new FakeDocument(`${FRONT}${body}`);
    assert.equal(findInDocument(doc)?.id, 'yasay');
    assert.equal(doc.wholeReads, 0);
    assert.ok(doc.charsRead <= 3 * FRONT.length, `${doc.charsRead} characters read for a ${FRONT.length}-character front matter`);
    doc = new FakeDocument(`${body}[f:id:other:20170604220500j:plain]`);
    assert.equal(findInDocument(doc)?.id, 'other');
    assert.equal(doc.wholeReads, 1);
  });

  it('isHatenaId follows Hatena\'s rules', () => {
    for (const ok of ['yasay', 'serverless-taro', 'a_b', 'abc']) assert.equal(isHatenaId(ok), true, ok);
    for (const bad of ['ab', '1abc', 'a'.repeat(33), 'a b', '']) assert.equal(isHatenaId(bad), false, bad);
  });
});

describe('frontMatterCloseLine: where a front matter at line 0 closes, as frontMatterLength says', () => {
  it('finds the closing line, also past a blank line, a long block and CRLF line breaks', () => {
    assert.equal(frontMatterCloseLine(new FakeDocument(FRONT)), 3);
    assert.equal(frontMatterCloseLine(new FakeDocument('---\nA: 1\n\nB: 2\n...\nbody')), 4, '... closes too');
    assert.equal(frontMatterCloseLine(new FakeDocument(`---\n${'Key: v\n'.repeat(100)}---\nbody`)), 101);
    assert.equal(frontMatterCloseLine(new FakeDocument('---\r\nA: 1\r\n---\r\nbody')), 2);
  });

  it('is -1 without one: no opening line, an unclosed block, a single line', () => {
    for (const text of ['text\n---\nA: 1\n---', '---\nA: 1\nbody', '---', '', '----\nA: 1\n---', ' ---\nA: 1\n---']) {
      assert.equal(frontMatterCloseLine(new FakeDocument(text)), -1, JSON.stringify(text));
    }
  });

  it('agrees with frontMatterLength on generated documents', () => {
    const lines = ['---', '...', '--- ', 'A: 1', '', '- x', 'text', '---x'];
    const SEED = 11;
    const random = prng(SEED);
    for (let n = 0; n < 2000; n++) {
      const count = 1 + Math.floor(random() * 40);
      const text = Array.from({ length: count }, () => lines[Math.floor(random() * lines.length)]).join(random() < 0.2 ? '\r\n' : '\n');
      const length = frontMatterLength(text);
      const expected = length === 0 ? -1 : text.slice(0, length).split('\n').length - 1;
      assert.equal(frontMatterCloseLine(new FakeDocument(text)), expected, `seed ${SEED} document ${n} ${JSON.stringify(text)}`);
    }
  });
});

describe('fotolifeTimestamp', () => {
  it('formats local time as YYYYMMDDhhmmss and the date prefix', () => {
    const date = new Date(2026, 4, 3, 7, 8, 9);
    assert.equal(fotolifeTimestamp(date), '20260503070809');
    assert.equal(fotolifeDatePrefix(date), '20260503');
  });
});
