import * as assert from 'node:assert/strict';
import * as https from 'node:https';

// The code-server route promises that nothing on the extension host's side reaches the internet: VS Code's proxy
// support sends its http/https and fetch to a closed loopback port (test/vscode/codeServer.ts). Offline, a request
// that escaped the proxy would fail too, but with a DNS error: a failure naming 127.0.0.1:9 shows the proxy took it.
// (`npm run test:electron` runs on a networked desktop without that proxy, so there the check does not apply.)
describe('integration: the extension host is offline', function () {
  before(function () {
    if (process.env.HATENA_TEST_OFFLINE !== '1') this.skip();
  });

  it('https requests go to the dead loopback proxy', async () => {
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => {
      const request = https.get('https://example.com/', () => resolve(new Error('a response arrived') as NodeJS.ErrnoException));
      request.on('error', (e: NodeJS.ErrnoException) => resolve(e));
      request.setTimeout(10_000, () => request.destroy(new Error('timed out')));
    });
    assert.match(error.message, /127\.0\.0\.1:9\b/);
  });

  it('fetch goes to the dead loopback proxy too', async () => {
    const error = await fetch('https://example.com/', { signal: AbortSignal.timeout(10_000) }).then(
      () => new Error('a response arrived'),
      (e: Error) => e,
    );
    const cause = (error as Error & { cause?: NodeJS.ErrnoException }).cause;
    assert.match(`${error.message} ${cause?.message ?? ''}`, /127\.0\.0\.1:9\b/);
  });
});
