// The real-editor layers: integration (mocha inside the extension host, from the source folder) and
// e2e (Playwright driving the workbench, with the packaged .vsix installed). Usage:
//   node out/test/vscode/runVscodeTests.js [--integration] [--e2e] [--grep PATTERN]
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { currentWorkbench, screenshot } from '../e2e/workbench';
import { copyWorkspace, createState, ensureCodeServer, installVsix, REPO_ROOT, startCodeServer } from './codeServer';
import { findTests, runMochaLayer } from './mochaLayer';
import { printSummary, type LayerResult } from './results';
import { runIntegration } from './runIntegration';

const OUT_TEST = path.join(REPO_ROOT, 'out', 'test');

export interface VscodeLayerOptions {
  integration: boolean;
  e2e: boolean;
  grep?: string;
}

/** `npm run package` (production bundles + vsce), written into test-output/ instead of the repository root. */
export function packageVsix(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const out = path.join(REPO_ROOT, 'test-output', `${manifest.name}-${manifest.version}.vsix`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.rmSync(out, { force: true });
  // The npm that runs `npm test` (npm_execpath), else the one on PATH.
  const npmCli = process.env.npm_execpath;
  const [command, prefix] = npmCli && /\.c?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
  execFileSync(command, [...prefix, 'run', '--silent', 'package', '--', '--out', out], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return out;
}

async function integrationLayer(grep: string | undefined): Promise<LayerResult> {
  console.log('\n== integration: mocha inside the real VS Code extension host (code-server) ==');
  const state = createState('integration');
  const server = await startCodeServer(state);
  try {
    return await runIntegration({
      server,
      workspace: copyWorkspace(),
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(OUT_TEST, 'integration', 'index.js'),
      env: grep ? { HATENA_TEST_GREP: grep } : {},
      timeoutMs: 10 * 60_000,
    });
  } finally {
    server.stop();
  }
}

async function e2eLayer(grep: string | undefined): Promise<LayerResult> {
  console.log('\n== e2e: Playwright drives the real workbench, extension installed from the .vsix ==');
  const vsix = packageVsix();
  console.log(`  packaged ${path.relative(REPO_ROOT, vsix)} (${(fs.statSync(vsix).size / 1024).toFixed(0)} KB)`);
  const state = createState('e2e');
  installVsix(state, vsix);
  const installed = fs.readdirSync(state.extensionsDir).filter((d) => d.startsWith('hatena-writer.hatena-writer-'));
  if (installed.length !== 1) throw new Error(`the .vsix did not install: ${fs.readdirSync(state.extensionsDir).join(', ')}`);
  const server = await startCodeServer(state);
  process.env.HATENA_CS_URL = server.url;
  process.env.HATENA_VSIX_EXTENSION_DIR = path.join(state.extensionsDir, installed[0]);
  process.env.HATENA_CS_USER_DATA_DIR = state.userDataDir;
  try {
    return await runMochaLayer('e2e', findTests(path.join(OUT_TEST, 'e2e')), {
      timeout: 180_000,
      reporter: 'spec',
      grep,
      rootHooks: {
        async afterEach(this: Mocha.Context) {
          const workbench = currentWorkbench();
          if (this.currentTest?.state === 'failed' && workbench) {
            const name = `FAILED-${this.currentTest.fullTitle().replace(/[^\w-]+/g, '_').slice(0, 80)}`;
            console.log(`  screenshot: ${await screenshot(workbench.page, name).catch((e) => String(e))}`);
          }
        },
      },
    });
  } finally {
    server.stop();
  }
}

/** A layer that could not even start (no code-server, no .vsix …) is one failure with the reason, not a crash. */
async function guarded(layer: string, run: () => Promise<LayerResult>): Promise<LayerResult> {
  try {
    return await run();
  } catch (e) {
    console.error(e);
    return { layer, passed: 0, failed: 1, failures: [`the layer did not run: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`] };
  }
}

export async function runVscodeLayers(options: VscodeLayerOptions): Promise<LayerResult[]> {
  let setup: Error | undefined;
  try {
    ensureCodeServer();
  } catch (e) {
    setup = e instanceof Error ? e : new Error(String(e));
  }
  const layer = (name: string, run: (grep: string | undefined) => Promise<LayerResult>) =>
    guarded(name, () => (setup ? Promise.reject(new Error(`code-server is not installed: ${setup.message}`)) : run(options.grep)));
  const results: LayerResult[] = [];
  if (options.integration) results.push(await layer('integration', integrationLayer));
  if (options.e2e) results.push(await layer('e2e', e2eLayer));
  return results;
}

function parseArgs(argv: string[]): VscodeLayerOptions {
  const grepIndex = argv.indexOf('--grep');
  const only = { integration: argv.includes('--integration'), e2e: argv.includes('--e2e') };
  const both = !only.integration && !only.e2e;
  return { integration: both || only.integration, e2e: both || only.e2e, grep: grepIndex >= 0 ? argv[grepIndex + 1] : undefined };
}

if (require.main === module) {
  const options = parseArgs(process.argv.slice(2));
  runVscodeLayers(options)
    .then((results) => {
      process.exitCode = printSummary(results, { filtered: options.grep !== undefined }) ? 0 : 1;
    })
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => setTimeout(() => process.exit(), 1000).unref());
}
