// Activation benchmark in the real editor (code-server + Chromium, the packaged .vsix), not a test: the activation
// time "Developer: Show Running Extensions" reports for Hatena Writer, next to an empty extension that activates on
// the same event (bench/empty-extension), in the same code-server, after opening a Markdown file. Three windows, so
// one slow start does not decide it.
//   node out/bench/activation.js          (after npm run build && npm run compile; also run by npm run bench)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { openWorkbench, quickOpen, runCommand } from '../test/e2e/workbench';
import { createState, ensureCodeServer, installVsix, REPO_ROOT, runTempDir, startCodeServer } from '../test/vscode/codeServer';
import { packageVsix } from '../test/vscode/runVscodeTests';

const WINDOWS = 3;

function packageEmptyExtension(): string {
  const dir = path.join(REPO_ROOT, 'bench', 'empty-extension');
  const out = path.join(runTempDir(), 'empty-markdown-extension.vsix');
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: dir, stdio: 'pipe' });
  return out;
}

/** The activation time (ms) of the extension whose row shows `name`, as Show Running Extensions lists it. */
async function activationMs(page: Page, name: string): Promise<number | undefined> {
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: name }).first();
  await row.waitFor({ timeout: 20_000 });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  const ms = /(\d+)\s*ms/.exec(text)?.[1];
  return ms === undefined ? undefined : Number(ms);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function runActivationBench(): Promise<void> {
  ensureCodeServer();
  const state = createState('bench-activation');
  installVsix(state, packageVsix());
  installVsix(state, packageEmptyExtension());
  const server = await startCodeServer(state);
  process.env.HATENA_CS_URL = server.url;
  const ours: number[] = [];
  const empty: number[] = [];
  try {
    for (let i = 0; i < WINDOWS; i++) {
      const workbench = await openWorkbench();
      try {
        await quickOpen(workbench.page, 'report.md');
        await workbench.page.waitForTimeout(1500);
        await runCommand(workbench.page, 'Developer: Show Running Extensions');
        const a = await activationMs(workbench.page, 'Hatena Writer');
        const b = await activationMs(workbench.page, 'Empty Markdown Extension');
        if (a !== undefined) ours.push(a);
        if (b !== undefined) empty.push(b);
      } finally {
        await workbench.close();
      }
    }
  } finally {
    server.stop();
  }
  console.log('\nactivation (Show Running Extensions, ms, median of windows): Hatena Writer vs an empty extension on onLanguage:markdown');
  console.log(`hatena-writer ${ours.join(' / ')} → ${ours.length ? median(ours) : 'n/a'} ms; empty ${empty.join(' / ')} → ${empty.length ? median(empty) : 'n/a'} ms (goal: ≤ 20 ms)`);
  fs.mkdirSync(path.join(REPO_ROOT, 'test-output'), { recursive: true });
}

// bench/index.ts runs it after the others (one code-server at a time).
if (require.main === module) {
  runActivationBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
