import * as assert from 'node:assert/strict';
import { buildContentSecurityPolicy, createNonce, LIVE_EMBED_ORIGINS } from '../../../src/preview/csp';

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    assert.ok(!map.has(name), `${name} appears once`);
    map.set(name, values);
  }
  return map;
}

describe('preview CSP', () => {
  const base = { cspSource: 'https://*.vscode-cdn.net', nonce: 'abc123' };

  it('runs only the nonce-carrying script: no unsafe-inline or unsafe-eval for scripts', () => {
    const d = directives(buildContentSecurityPolicy({ ...base, liveEmbeds: false }));
    assert.deepEqual(d.get('default-src'), ["'none'"]);
    assert.deepEqual(d.get('script-src'), ["'nonce-abc123'"]);
    assert.ok(!buildContentSecurityPolicy({ ...base, liveEmbeds: true }).includes('unsafe-eval'));
    assert.deepEqual(d.get('object-src'), ["'none'"]);
    assert.deepEqual(d.get('form-action'), ["'none'"]);
    assert.deepEqual(d.get('connect-src'), ["'none'"]);
    assert.deepEqual(d.get('base-uri'), [base.cspSource]);
  });

  it('allows no frames unless live embeds are on, then exactly Hatena\'s card host and YouTube', () => {
    assert.deepEqual(directives(buildContentSecurityPolicy({ ...base, liveEmbeds: false })).get('frame-src'), ["'none'"]);
    assert.deepEqual(directives(buildContentSecurityPolicy({ ...base, liveEmbeds: true })).get('frame-src'), [
      'https://hatenablog-parts.com',
      'https://www.youtube.com',
    ]);
    assert.deepEqual([...LIVE_EMBED_ORIGINS], ['https://hatenablog-parts.com', 'https://www.youtube.com']);
  });

  it('loads images from the extension/workspace, https (Fotolife CDN, hotlinked images) and data: placeholders', () => {
    const d = directives(buildContentSecurityPolicy({ ...base, liveEmbeds: false }));
    assert.deepEqual(d.get('img-src'), [base.cspSource, 'https:', 'data:']);
    assert.deepEqual(d.get('style-src'), [base.cspSource, "'unsafe-inline'"]);
  });

  it('refuses a nonce that could break out of the policy', () => {
    assert.throws(() => buildContentSecurityPolicy({ ...base, nonce: "x'; script-src *", liveEmbeds: false }));
  });

  it('creates a fresh 128-bit nonce each time', () => {
    const a = createNonce();
    const b = createNonce();
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.notEqual(a, b);
  });
});
