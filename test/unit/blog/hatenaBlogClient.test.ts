import * as assert from 'node:assert/strict';
import { HatenaApiError } from '../../../src/blog/hatenaEntry';
import { HatenaBlogClient } from '../../../src/blog/hatenaBlogClient';

const ENDPOINT = 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom';
const KEY = 'sEcReT-kEy-123';
const SERVICE = `<service xmlns="http://www.w3.org/2007/app"><workspace><atom:title xmlns:atom="http://www.w3.org/2005/Atom">日記</atom:title><collection href="${ENDPOINT}/entry"><accept>application/atom+xml;type=entry</accept></collection></workspace></service>`;

/** A fetch that answers from a list and records what was asked. */
function fakeFetch(answers: (Response | Error | ((init: RequestInit) => Promise<Response>))[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init });
    const next = answers.shift();
    if (!next) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    return typeof next === 'function' ? next(init) : next;
  }) as typeof fetch;
  return { fn, calls };
}

function client(answers: Parameters<typeof fakeFetch>[0], extra: { timeoutMs?: number; browserLike?: boolean } = {}) {
  const f = fakeFetch(answers);
  return { api: new HatenaBlogClient({ endpoint: ENDPOINT, username: 'yasay', apiKey: KEY }, { fetch: f.fn, ...extra }), calls: f.calls };
}

async function rejection(promise: Promise<unknown>): Promise<HatenaApiError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof HatenaApiError, `not a HatenaApiError: ${String(e)}`);
    assert.ok(!`${e.message} ${e.serverText ?? ''} ${e.stack ?? ''} ${JSON.stringify(e)}`.includes(KEY), 'the API key leaked into the error');
    return e;
  }
  assert.fail('expected a rejection');
}

describe('HatenaBlogClient (fake fetch)', () => {
  it('signs with X-WSSE (no key in any header) and reads the collection from the service document', async () => {
    const { api, calls } = client([new Response(SERVICE), new Response('<feed xmlns="http://www.w3.org/2005/Atom"/>')]);
    assert.deepEqual(await api.listPage(), { entries: [] });
    assert.equal(calls[0].url, ENDPOINT);
    assert.equal(calls[1].url, `${ENDPOINT}/entry`);
    const headers = calls[1].init.headers as Record<string, string>;
    assert.match(headers['X-WSSE'], /^UsernameToken Username="yasay", PasswordDigest="/);
    assert.ok(!JSON.stringify(calls).includes(KEY));
  });

  it('sends Content-Type application/atom+xml; charset=utf-8 and app:draft on PUT', async () => {
    const entry = `<entry xmlns="http://www.w3.org/2005/Atom"><link rel="edit" href="${ENDPOINT}/entry/1"/><title>t</title></entry>`;
    const { api, calls } = client([new Response(entry)]);
    await api.update(`${ENDPOINT}/entry/1`, { title: 't', content: 'c', categories: [], draft: false });
    assert.equal(calls[0].init.method, 'PUT');
    assert.equal((calls[0].init.headers as Record<string, string>)['Content-Type'], 'application/atom+xml; charset=utf-8');
    assert.match(String(calls[0].init.body), /<app:draft>no<\/app:draft>/);
  });

  it('maps statuses to kinds, with the server text and without the key', async () => {
    const cases: [number, string, string][] = [
      [401, 'WSSE authentication failed', 'auth'],
      [403, 'Forbidden', 'auth'],
      [400, `XML Parse Failed near ${KEY}`, 'bad-request'],
      [404, 'Not Found', 'not-found'],
      [500, '<html><body>Internal Server Error</body></html>', 'server'],
      [503, 'Service Unavailable', 'server'],
    ];
    for (const [status, body, kind] of cases) {
      const { api } = client([new Response(body, { status })]);
      const e = await rejection(api.get(`${ENDPOINT}/entry/1`));
      assert.equal(e.kind, kind, String(status));
      assert.equal(e.status, status);
      assert.equal(e.serverText, body.replace(/<[^>]*>/g, ' ').replace(KEY, '***').replace(/\s+/g, ' ').trim());
    }
  });

  it("a failed fetch is 'network'; cors only where it could be a browser refusing", async () => {
    const node = await rejection(client([new TypeError('fetch failed')], { browserLike: false }).api.service());
    assert.equal(node.kind, 'network');
    assert.equal(node.cors, false);
    const browser = await rejection(client([new TypeError('Failed to fetch')], { browserLike: true }).api.service());
    assert.equal(browser.kind, 'network');
    assert.equal(browser.cors, true);
    assert.match(browser.message, /CORS/);
  });

  it("no answer within timeoutMs is 'timeout', saying a write may have been applied", async () => {
    const hang = (init: RequestInit) => new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const { api } = client([hang], { timeoutMs: 30 });
    const e = await rejection(api.update(`${ENDPOINT}/entry/1`, { title: 't', content: 'c', categories: [], draft: true }));
    assert.equal(e.kind, 'timeout');
    assert.match(e.message, /may or may not have been applied/);
  });

  it('create reads the entry from the 201 body', async () => {
    const entry = `<entry xmlns="http://www.w3.org/2005/Atom"><link rel="edit" href="${ENDPOINT}/entry/99"/><title>新しい</title></entry>`;
    const { api, calls } = client([new Response(SERVICE), new Response(entry, { status: 201, headers: { Location: `${ENDPOINT}/entry/99` } })]);
    const created = await api.create({ title: '新しい', content: '', categories: [], draft: true });
    assert.equal(created.id, '99');
    assert.equal(calls[1].init.method, 'POST');
  });

  it('refuses control characters before any request', async () => {
    const { api, calls } = client([]);
    const e = await rejection(api.update(`${ENDPOINT}/entry/1`, { title: 'x\u0000', content: '', categories: [], draft: true }));
    assert.equal(e.kind, 'bad-request');
    assert.equal(calls.length, 0);
  });
});
