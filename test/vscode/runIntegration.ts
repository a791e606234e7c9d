// Runs test/integration (a mocha suite) inside code-server's real extension host, the way
// @vscode/test-electron does on desktop: the workbench's smoke-test driver reads `payload`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { launchBrowser, newOfflineContext, unexpectedOrigins } from './browser';
import type { RunningServer } from './codeServer';
import type { LayerResult } from './results';

// The workbench's own chatter in the same console channel; everything else (the suite's output) is shown.
const WORKBENCH_NOISE =
  /Creating a socket|reconnection-grace-time|builtin extensions|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\]/;

export interface IntegrationRun {
  server: RunningServer;
  workspace: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  env: Record<string, string>;
  timeoutMs: number;
}

export async function runIntegration(run: IntegrationRun): Promise<LayerResult> {
  const resultsFile = path.join(run.workspace, '..', `integration-results-${process.pid}-${Date.now()}.json`);
  const authority = new URL(run.server.url).host; // code-server's remote authority is its Host header
  const remote = (p: string) => `vscode-remote://${authority}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(run.extensionDevelopmentPath)],
    ['extensionTestsPath', remote(run.extensionTestsPath)],
    // HATENA_TEST_OFFLINE: this route routes the extension host's HTTP to a dead proxy (codeServer.ts); a test checks it.
    ['extensionEnvironment', JSON.stringify({ ...run.env, HATENA_TEST_RESULTS: resultsFile, HATENA_TEST_OFFLINE: '1' })],
  ];
  const url = `${run.server.url}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  const browser = await launchBrowser();
  try {
    const blocked = new Set<string>();
    const context = await newOfflineContext(browser, blocked);
    const page = await context.newPage();
    const exited = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    page.on('console', async (message) => {
      // The remote extension host's console is re-logged by the workbench as ('%c INFO', 'color: …', ...args).
      let args: unknown[];
      try {
        args = await Promise.all(message.args().map((a) => a.jsonValue()));
      } catch {
        args = [message.text()];
      }
      if (typeof args[0] === 'string' && /^%c\s*(INFO|ERR|WARN)$/.test(args[0])) {
        const text = util.format(...args.slice(2));
        if (!WORKBENCH_NOISE.test(text)) console.log(`  ${text}`);
      } else if (process.env.HATENA_TEST_VERBOSE) {
        console.log('[browser]', message.text().slice(0, 300));
      }
    });
    await page.goto(url);
    const timedOut = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), run.timeoutMs).unref());
    const code = await Promise.race([exited, timedOut]);
    if (code === 'timeout') {
      return { layer: 'integration', passed: 0, failed: 1, failures: [`the suite did not finish within ${run.timeoutMs / 1000}s`] };
    }
    if (!fs.existsSync(resultsFile)) {
      return { layer: 'integration', passed: 0, failed: 1, failures: [`the suite exited with ${code} and wrote no results (see the log above)`] };
    }
    const result = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as LayerResult;
    if (code !== 0 && result.failed === 0) {
      result.failed = 1;
      result.failures.push(`the extension host exited with code ${code}`);
    }
    // Every such request was aborted; that it was tried at all is a bug (tests never reach the internet).
    const unexpected = unexpectedOrigins(blocked);
    if (unexpected.length > 0) {
      result.failed += 1;
      result.failures.push(`the workbench tried to reach ${unexpected.join(', ')}`);
    }
    return result;
  } finally {
    await browser.close();
    fs.rmSync(resultsFile, { force: true });
  }
}
