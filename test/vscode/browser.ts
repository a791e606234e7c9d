// Headless Debian Chromium driven by playwright-core, cut off from everything but loopback.
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  const home = path.join(os.tmpdir(), 'hatena-writer-browser');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      // Below Playwright's routing (which does not see every WebSocket or service-worker request): no name but
      // loopback resolves at all.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}

export function isLoopback(url: string): boolean {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol === 'data:' || protocol === 'blob:') return true;
    return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/** What the fixtures themselves point at: Fotolife and profile images, bookmark counters, the embed frames. */
const FIXTURE_HOSTS = /(^|\.)(st-hatena\.com|hatena\.ne\.jp|hatenablog-parts\.com|youtube\.com)$/;

/** Origins that were tried (and aborted) other than the fixtures' own: the editor or the extension phoning out. */
export function unexpectedOrigins(blocked: Iterable<string>): string[] {
  return [...blocked].filter((origin) => {
    try {
      return !FIXTURE_HOSTS.test(new URL(origin).hostname);
    } catch {
      return true;
    }
  });
}

/** Tests never reach the internet: every non-loopback request is aborted (and remembered). */
export async function newOfflineContext(browser: Browser, blocked: Set<string> = new Set()): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.route((url) => !isLoopback(url.href), (route) => {
    blocked.add(new URL(route.request().url()).origin);
    return route.abort('blockedbyclient');
  });
  return context;
}
