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

/** `vsce package` into test-output/, exactly as `npm run package` does (production bundles). */
export function packageVsix(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const out = path.join(REPO_ROOT, 'test-output', `${manifest.name}-${manifest.version}.vsix`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

export async function runVscodeLayers(options: VscodeLayerOptions): Promise<LayerResult[]> {
  ensureCodeServer();
  const results: LayerResult[] = [];
  if (options.integration) results.push(await integrationLayer(options.grep));
  if (options.e2e) results.push(await e2eLayer(options.grep));
  return results;
}

function parseArgs(argv: string[]): VscodeLayerOptions {
  const grepIndex = argv.indexOf('--grep');
  const only = { integration: argv.includes('--integration'), e2e: argv.includes('--e2e') };
  const both = !only.integration && !only.e2e;
  return { integration: both || only.integration, e2e: both || only.e2e, grep: grepIndex >= 0 ? argv[grepIndex + 1] : undefined };
}

if (require.main === module) {
  runVscodeLayers(parseArgs(process.argv.slice(2)))
    .then((results) => {
      process.exitCode = printSummary(results) ? 0 : 1;
    })
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    .finally(() => setTimeout(() => process.exit(), 1000).unref());
}
