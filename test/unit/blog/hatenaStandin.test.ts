import * as assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FotolifeClient } from '../../../src/blog/fotolifeClient';
import { HatenaApiError } from '../../../src/blog/hatenaEntry';
import { HatenaBlogClient } from '../../../src/blog/hatenaBlogClient';
import { wsseHeader } from '../../../src/blog/wsse';
import { startHatenaStandin, type Standin } from '../../standin/hatenaStandin';

// Tiny but real images: a 1×1 PNG, a minimal JPEG header and a 1×1 GIF.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
const GIF = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

async function rejection(promise: Promise<unknown>, apiKey = 'test-api-key'): Promise<HatenaApiError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof HatenaApiError, `not a HatenaApiError: ${String(e)}`);
    assert.ok(!`${e.message} ${e.serverText ?? ''} ${e.stack ?? ''} ${JSON.stringify(e)}`.includes(apiKey), 'the API key leaked');
    return e;
  }
  assert.fail('expected a rejection');
}

/** A raw signed request, for what the client would never send. */
async function raw(standin: Standin, method: string, path: string, body: Buffer | string, wsse?: string): Promise<{ status: number; text: string }> {
  const header = wsse ?? (await wsseHeader('yasay', 'test-api-key'));
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${standin.origin}${path}`, { method, headers: { 'X-WSSE': header, 'Content-Type': 'application/atom+xml' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HatenaBlogClient against the Hatena stand-in', () => {
  let standin: Standin;
  let api: HatenaBlogClient;
  const path = () => new URL(standin.endpoint).pathname;

  beforeEach(async () => {
    standin = await startHatenaStandin({ pageSize: 2, categories: ['日記'] });
    api = new HatenaBlogClient({ endpoint: standin.endpoint, username: 'yasay', apiKey: 'test-api-key' }, { browserLike: false });
  });
  afterEach(() => standin.close());

  it('reads the service document: the blog title and the entry collection', async () => {
    const service = await api.service();
    assert.equal(service.title, 'yasayの日記');
    assert.equal(service.collectionUrl, `${standin.endpoint}/entry`);
  });

  it('gives every entry its own id (ids are past Number.MAX_SAFE_INTEGER)', async () => {
    const a = standin.seedEntry({ title: 'a', content: 'a' });
    const b = standin.seedEntry({ title: 'b', content: 'b' });
    const c = await api.create({ title: 'c', content: 'c', categories: [], draft: true });
    assert.equal(new Set([a.id, b.id, c.id]).size, 3, `${a.id} ${b.id} ${c.id}`);
  });

  it('create → get → update round trip with Japanese text; every write carries app:draft', async () => {
    const created = await api.create({ title: '初めての投稿 & <テスト>', content: '# 見出し\n\n本文です。\r\n絵文字😀\n', categories: ['日記', '技術'], draft: true, preview: true });
    assert.equal(created.draft, true);
    assert.ok(created.previewUrl, 'a draft with app:preview=yes has a preview link');
    const fetched = await api.get(created.editUrl);
    assert.equal(fetched.title, '初めての投稿 & <テスト>');
    assert.equal(fetched.content, '# 見出し\n\n本文です。\r\n絵文字😀\n');
    assert.deepEqual(fetched.categories, ['日記', '技術']);
    const updated = await api.update(created.editUrl, { title: '更新', content: '新しい本文', categories: [], draft: true, customUrl: 'first-post' });
    assert.equal(updated.draft, true, 'still a draft because app:draft=yes was sent');
    assert.equal(updated.url, 'https://yasay.hatenablog.com/entry/first-post');
    assert.ok(updated.edited! > fetched.edited!, 'app:edited moves on each write');
    const published = await api.update(created.editUrl, { title: '公開', content: '本文', categories: [], draft: false });
    assert.equal(published.draft, false);
    assert.ok(published.published);
    assert.equal(published.url, 'https://yasay.hatenablog.com/entry/first-post', 'a PUT without custom-url keeps it');
    const writes = standin.requests.filter((r) => r.method === 'PUT' || r.method === 'POST');
    assert.equal(writes.length, 3);
    for (const w of writes) assert.match(w.body, /<app:draft>(yes|no)<\/app:draft>/);
    assert.deepEqual(await api.categories(), ['日記', '技術']);
  });

  it('pages newest first across 3 pages of 2, drafts included', async () => {
    for (let i = 1; i <= 5; i++) standin.seedEntry({ title: `記事${i}`, content: `${i}`, draft: i === 3 });
    const titles: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await api.listPage(next);
      titles.push(...page.entries.map((e) => e.title));
      next = page.next;
      pages++;
    } while (next);
    assert.equal(pages, 3);
    assert.deepEqual(titles, ['記事5', '記事4', '記事3', '記事2', '記事1']);
    assert.equal((await api.listPage()).entries.length, 2);
  });

  it('sees remote edits and deletions', async () => {
    const seeded = standin.seedEntry({ title: 'a', content: 'b' });
    const before = await api.get(`${standin.endpoint}/entry/${seeded.id}`);
    standin.editRemotely(seeded.id, { title: 'ブラウザで編集' });
    const after = await api.get(before.editUrl);
    assert.equal(after.title, 'ブラウザで編集');
    assert.ok(after.edited! > before.edited!);
    standin.deleteRemotely(seeded.id);
    assert.equal((await rejection(api.get(before.editUrl))).kind, 'not-found');
  });

  it('a PUT without app:draft publishes (the stand-in keeps the trap)', async () => {
    const draft = standin.seedEntry({ title: 'd', content: 'c', draft: true });
    const body = `<entry xmlns="http://www.w3.org/2005/Atom"><title>d</title><content>c</content></entry>`;
    assert.equal((await raw(standin, 'PUT', `${path()}/entry/${draft.id}`, body)).status, 200);
    assert.equal(standin.entries.find((e) => e.id === draft.id)?.draft, false);
  });

  it("a wrong API key is 'auth', and the key is in no part of the error", async () => {
    const wrong = new HatenaBlogClient({ endpoint: standin.endpoint, username: 'yasay', apiKey: 'wrong-key-xyz' });
    const e = await rejection(wrong.service(), 'wrong-key-xyz');
    assert.equal(e.kind, 'auth');
    assert.equal(e.status, 401);
    assert.match(e.serverText ?? '', /WSSE authentication failed/);
  });

  it('rejects a reused nonce and a stale Created', async () => {
    const header = await wsseHeader('yasay', 'test-api-key');
    assert.equal((await raw(standin, 'GET', path(), '', header)).status, 200);
    assert.equal((await raw(standin, 'GET', path(), '', header)).status, 401);
    const stale = await wsseHeader('yasay', 'test-api-key', { now: new Date(Date.now() - 10 * 60 * 1000) });
    assert.equal((await raw(standin, 'GET', path(), '', stale)).status, 401);
  });

  it('answers a UTF-8 BOM with 400 "XML Parse Failed", malformed XML with 400, a wrong method with 405', async () => {
    const entry = '<entry xmlns="http://www.w3.org/2005/Atom"><title>t</title><content>c</content></entry>';
    const bom = await raw(standin, 'POST', `${path()}/entry`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(entry)]));
    assert.deepEqual(bom, { status: 400, text: 'XML Parse Failed' });
    assert.equal((await raw(standin, 'POST', `${path()}/entry`, '<entry><title>t</entry>')).status, 400);
    assert.equal((await raw(standin, 'DELETE', `${path()}/entry`, '')).status, 405);
    assert.equal(standin.entries.length, 0);
  });

  it("400 is 'bad-request' with the server's text; 404 'not-found'; 500 'server'", async () => {
    standin.failNext(400, 'XML Parse Failed');
    const bad = await rejection(api.service());
    assert.equal(bad.kind, 'bad-request');
    assert.equal(bad.serverText, 'XML Parse Failed');
    assert.equal((await rejection(api.get(`${standin.endpoint}/entry/404404`))).kind, 'not-found');
    standin.failNext(500, 'Internal Server Error');
    const server = await rejection(api.service());
    assert.equal(server.kind, 'server');
    assert.equal(server.status, 500);
  });

  it("no answer is 'timeout' after timeoutMs", async () => {
    const quick = new HatenaBlogClient({ endpoint: standin.endpoint, username: 'yasay', apiKey: 'test-api-key' }, { timeoutMs: 150 });
    standin.hangNext();
    const started = Date.now();
    const e = await rejection(quick.service());
    assert.equal(e.kind, 'timeout');
    assert.ok(Date.now() - started < 2000);
  });

  it("a closed port is 'network'", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = new HatenaBlogClient({ endpoint: `http://127.0.0.1:${port}/yasay/x/atom`, username: 'yasay', apiKey: 'test-api-key' }, { browserLike: false });
    const e = await rejection(offline.service());
    assert.equal(e.kind, 'network');
    assert.equal(e.cors, false);
  });

  it("an endpoint answering HTML is 'protocol'", async () => {
    const html = createServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>はてなブログ</title></head><body><p>ログイン<br></body></html>');
    });
    await new Promise<void>((resolve) => html.listen(0, '127.0.0.1', resolve));
    try {
      const web = new HatenaBlogClient({ endpoint: `http://127.0.0.1:${(html.address() as AddressInfo).port}/`, username: 'yasay', apiKey: 'test-api-key' });
      assert.equal((await rejection(web.service())).kind, 'protocol');
    } finally {
      await new Promise<void>((resolve) => html.close(() => resolve()));
    }
  });
});

describe('FotolifeClient against the Hatena stand-in', () => {
  let standin: Standin;
  let fotolife: FotolifeClient;
  beforeEach(async () => {
    standin = await startHatenaStandin();
    fotolife = new FotolifeClient({ username: 'yasay', apiKey: 'test-api-key', endpoint: standin.fotolifeEndpoint });
  });
  afterEach(() => standin.close());

  it('uploads real PNG, JPEG and GIF bytes; answers syntax, image URL and page; ids unique', async () => {
    const answers = [];
    for (const [mimeType, bytes, letter, ext] of [['image/png', PNG, 'p', 'png'], ['image/jpeg', JPEG, 'j', 'jpg'], ['image/gif', GIF, 'g', 'gif']] as const) {
      const answer = await fotolife.upload({ title: `写真 ${ext}`, mimeType, bytes: new Uint8Array(bytes), folder: 'Hatena Blog' });
      assert.match(answer.syntax, new RegExp(`^f:id:yasay:\\d{14}${letter}:image$`));
      assert.equal(answer.plainSyntax, answer.syntax.replace(/:image$/, ':plain'));
      const id = answer.syntax.split(':')[3].slice(0, 14);
      assert.equal(answer.imageUrl, `https://cdn-ak.f.st-hatena.com/images/fotolife/y/yasay/${id.slice(0, 8)}/${id}.${ext}`);
      assert.equal(answer.pageUrl, `https://f.hatena.ne.jp/yasay/${id}`);
      answers.push(answer.syntax);
    }
    assert.equal(new Set(answers).size, 3);
    assert.deepEqual(standin.uploads.map((u) => [u.mimeType, u.folder, u.title]), [['image/png', 'Hatena Blog', '写真 png'], ['image/jpeg', 'Hatena Blog', '写真 jpg'], ['image/gif', 'Hatena Blog', '写真 gif']]);
    assert.ok(standin.uploads[0].bytes.equals(PNG));
    assert.match(standin.requests[0].body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<entry xmlns="http:\/\/purl.org\/atom\/ns#">/);
  });

  it("bytes that are not the declared type are 'bad-request'", async () => {
    const e = await rejection(fotolife.upload({ title: 'x', mimeType: 'image/png', bytes: new Uint8Array(JPEG) }));
    assert.equal(e.kind, 'bad-request');
    assert.match(e.serverText ?? '', /not image\/png/);
    assert.equal(standin.uploads.length, 0);
  });

  it("a wrong key is 'auth' without the key", async () => {
    const wrong = new FotolifeClient({ username: 'yasay', apiKey: 'nope-key-777', endpoint: standin.fotolifeEndpoint });
    assert.equal((await rejection(wrong.upload({ title: 'x', mimeType: 'image/gif', bytes: new Uint8Array(GIF) }), 'nope-key-777')).kind, 'auth');
  });

  it('an abort rejects with the signal reason and nothing is waited for', async () => {
    standin.hangNext();
    const controller = new AbortController();
    const upload = fotolife.upload({ title: 'x', mimeType: 'image/png', bytes: new Uint8Array(PNG) }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(upload, (e: unknown) => e instanceof DOMException && e.name === 'AbortError');
    await assert.rejects(fotolife.upload({ title: 'x', mimeType: 'image/png', bytes: new Uint8Array(PNG) }, AbortSignal.abort()), (e: unknown) => e instanceof DOMException && e.name === 'AbortError');
  });
});
