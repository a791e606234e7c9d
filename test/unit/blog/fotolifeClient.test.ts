import * as assert from 'node:assert/strict';
import { DOMParser } from '@xmldom/xmldom';
import { FOTOLIFE_ENDPOINT, FotolifeClient } from '../../../src/blog/fotolifeClient';
import { fotolifeUploadXml, parseFotolifeUpload, plainSyntax } from '../../../src/blog/fotolifeXml';
import { HatenaApiError } from '../../../src/blog/hatenaEntry';

const ANSWER = `<?xml version="1.0" encoding="utf-8"?><entry xmlns="http://purl.org/atom/ns#"><link rel="alternate" type="text/html" href="https://f.hatena.ne.jp/yasay/20240506070809"/><h:imageurl xmlns:h="http://www.hatena.ne.jp/info/xmlns#">https://cdn-ak.f.st-hatena.com/images/fotolife/y/yasay/20240506/20240506070809.png</h:imageurl><h:syntax xmlns:h="http://www.hatena.ne.jp/info/xmlns#">f:id:yasay:20240506070809p:image</h:syntax></entry>`;

describe('Fotolife: upload body and answer', () => {
  it('writes an Atom 0.3 entry with base64 content and the folder as dc:subject', () => {
    const xml = fotolifeUploadXml({ title: '写真 & <1>', mimeType: 'image/png', bytes: Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), folder: 'Hatena Blog' });
    const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement!;
    assert.equal(root.namespaceURI, 'http://purl.org/atom/ns#');
    const content = root.getElementsByTagNameNS('http://purl.org/atom/ns#', 'content')[0];
    assert.equal(content.getAttribute('mode'), 'base64');
    assert.equal(content.getAttribute('type'), 'image/png');
    assert.equal(content.textContent, 'iVBORw==');
    assert.equal(root.getElementsByTagNameNS('http://purl.org/atom/ns#', 'title')[0].textContent, '写真 & <1>');
    assert.equal(root.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'subject')[0].textContent, 'Hatena Blog');
    assert.ok(!xml.includes('dc:subject') || xml.includes('xmlns:dc="http://purl.org/dc/elements/1.1/"'));
    assert.ok(!fotolifeUploadXml({ title: 't', mimeType: 'image/gif', bytes: new Uint8Array() }).includes('subject'));
  });

  it('refuses a type Fotolife does not take', () => {
    assert.throws(() => fotolifeUploadXml({ title: 't', mimeType: 'image/webp', bytes: new Uint8Array() }), (e: unknown) => e instanceof HatenaApiError && e.kind === 'bad-request');
  });

  it('reads hatena:syntax by namespace; plainSyntax rewrites only the trailing :image', () => {
    assert.deepEqual(parseFotolifeUpload(ANSWER), {
      syntax: 'f:id:yasay:20240506070809p:image',
      plainSyntax: 'f:id:yasay:20240506070809p:plain',
      imageUrl: 'https://cdn-ak.f.st-hatena.com/images/fotolife/y/yasay/20240506/20240506070809.png',
      pageUrl: 'https://f.hatena.ne.jp/yasay/20240506070809',
    });
    assert.equal(plainSyntax('f:id:image:20240506070809p:image'), 'f:id:image:20240506070809p:plain');
    assert.throws(() => parseFotolifeUpload('<entry xmlns="http://purl.org/atom/ns#"/>'), (e: unknown) => e instanceof HatenaApiError && e.kind === 'protocol');
  });

  it('POSTs to f.hatena.ne.jp by default with WSSE', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetch = (async (url: string | URL | Request, init: RequestInit = {}) => {
      calls.push({ url: String(url), init });
      return new Response(ANSWER, { status: 201 });
    }) as typeof globalThis.fetch;
    const answer = await new FotolifeClient({ username: 'yasay', apiKey: 'k3y-secret' }, { fetch }).upload({ title: 't', mimeType: 'image/png', bytes: new Uint8Array([1]) });
    assert.equal(answer.plainSyntax, 'f:id:yasay:20240506070809p:plain');
    assert.equal(calls[0].url, FOTOLIFE_ENDPOINT);
    assert.equal(calls[0].init.method, 'POST');
    assert.match((calls[0].init.headers as Record<string, string>)['X-WSSE'], /Username="yasay"/);
    assert.ok(!JSON.stringify(calls).includes('k3y-secret'));
  });
});
