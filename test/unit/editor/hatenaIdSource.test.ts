import * as assert from 'node:assert/strict';
import { findHatenaId, hatenaIdFromFrontMatter, hatenaIdFromImages, hatenaIdFromSetting, isHatenaId } from '../../../src/editor/hatenaIdSource';
import { fotolifeDatePrefix, fotolifeTimestamp } from '../../../src/editor/fotolifeTimestamp';

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

  it('isHatenaId follows Hatena\'s rules', () => {
    for (const ok of ['yasay', 'serverless-taro', 'a_b', 'abc']) assert.equal(isHatenaId(ok), true, ok);
    for (const bad of ['ab', '1abc', 'a'.repeat(33), 'a b', '']) assert.equal(isHatenaId(bad), false, bad);
  });
});

describe('fotolifeTimestamp', () => {
  it('formats local time as YYYYMMDDhhmmss and the date prefix', () => {
    const date = new Date(2026, 4, 3, 7, 8, 9);
    assert.equal(fotolifeTimestamp(date), '20260503070809');
    assert.equal(fotolifeDatePrefix(date), '20260503');
  });
});
