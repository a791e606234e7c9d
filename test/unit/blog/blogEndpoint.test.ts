import * as assert from 'node:assert/strict';
import { endpointFromInput, endpointOfEditUrl, endpointParts } from '../../../src/blog/blogEndpoint';

describe('blog endpoint from what the user types', () => {
  it('takes the AtomPub root endpoint as Hatena shows it, and names its id and blog', () => {
    assert.deepEqual(endpointFromInput(' https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/ '), {
      endpoint: 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom',
      hatenaId: 'yasay',
      blogId: 'yasay.hatenablog.com',
    });
  });

  it('takes any http(s) endpoint (a local stand-in in tests)', () => {
    assert.deepEqual(endpointFromInput('http://127.0.0.1:4567/yasay/yasay.hatenablog.com/atom'), {
      endpoint: 'http://127.0.0.1:4567/yasay/yasay.hatenablog.com/atom',
      hatenaId: 'yasay',
      blogId: 'yasay.hatenablog.com',
    });
  });

  it('derives the endpoint from a blog URL and the Hatena id', () => {
    assert.deepEqual(endpointFromInput('https://Example.hatenablog.com/entry/2017/06/04/231803'), { needsHatenaId: true, blogId: 'example.hatenablog.com' });
    assert.deepEqual(endpointFromInput('example.hateblo.jp', 'id:someone'), {
      endpoint: 'https://blog.hatena.ne.jp/someone/example.hateblo.jp/atom',
      hatenaId: 'someone',
      blogId: 'example.hateblo.jp',
    });
  });

  it('refuses what is not an http(s) URL', () => {
    assert.deepEqual(endpointFromInput('not a url'), { error: 'not-a-url' });
    assert.deepEqual(endpointFromInput('ftp://blog.hatena.ne.jp/a/b/atom'), { error: 'not-http' });
  });

  it('finds the parts of an endpoint and the endpoint of an EditURL', () => {
    assert.deepEqual(endpointParts('https://blog.hatena.ne.jp/a%20b/c.hatenablog.com/atom'), { hatenaId: 'a b', blogId: 'c.hatenablog.com' });
    assert.deepEqual(endpointParts('https://example.com/'), {});
    assert.equal(endpointOfEditUrl('https://blog.hatena.ne.jp/a/b.hatenablog.com/atom/entry/123'), 'https://blog.hatena.ne.jp/a/b.hatenablog.com/atom');
    assert.equal(endpointOfEditUrl('https://example.com/x'), undefined);
  });
});
