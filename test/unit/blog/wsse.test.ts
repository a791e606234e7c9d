import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { bytesToBase64 } from '../../../src/blog/base64';
import { wsseHeader } from '../../../src/blog/wsse';

describe('wsseHeader: the X-WSSE UsernameToken', () => {
  const nonce = Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 10, 20, 30, 40, 50, 60, 70]);
  const now = new Date('2024-05-06T07:08:09.123Z');

  it('digests nonce bytes + Created + API key with SHA-1, as node:crypto computes it', async () => {
    const header = await wsseHeader('yasay', 'secret-キー', { now, nonce });
    const created = '2024-05-06T07:08:09Z';
    const expected = createHash('sha1').update(Buffer.concat([Buffer.from(nonce), Buffer.from(created + 'secret-キー', 'utf8')])).digest('base64');
    assert.equal(header, `UsernameToken Username="yasay", PasswordDigest="${expected}", Nonce="${Buffer.from(nonce).toString('base64')}", Created="${created}"`);
  });

  it('never contains the API key, and uses a fresh nonce each time', async () => {
    const a = await wsseHeader('yasay', 'test-api-key');
    const b = await wsseHeader('yasay', 'test-api-key');
    assert.ok(!a.includes('test-api-key'));
    assert.notEqual(/Nonce="([^"]+)"/.exec(a)?.[1], /Nonce="([^"]+)"/.exec(b)?.[1]);
    assert.match(a, /Created="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
  });
});

describe('bytesToBase64', () => {
  it('matches Buffer for every padding length and large inputs', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100, 20000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 256);
      assert.equal(bytesToBase64(bytes), Buffer.from(bytes).toString('base64'), `length ${length}`);
    }
  });
});
