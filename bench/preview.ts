// Live-preview benchmark in the real editor (code-server + Chromium, the packaged .vsix), not a test:
// from a key pressed in the editor to the changed DOM in the preview webview, on 10 KB and 100 KB reports,
// p50/p95, next to the baseline measured in the same run (the same key to the editor's own text on screen).
// Also the extension's activation time as VS Code reports it, and the .vsix size.
//   node out/bench/preview.js          (after npm run build && npm run compile; also run by npm run bench)
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { findWebviewFrame, openWorkbench, quickOpen, runCommand, screenshot, type Workbench } from '../test/e2e/workbench';
import { createState, ensureCodeServer, installVsix, REPO_ROOT, startCodeServer } from '../test/vscode/codeServer';
import { packageVsix } from '../test/vscode/runVscodeTests';

const KEYS_PER_SIZE = 40;
/** Pause between keys: a brisk typist (~8 keys/s), so every key is measured on its own render. */
const KEY_INTERVAL_MS = 120;

const REPORT = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'reports', 'aws-summit-tokyo-2017.md'), 'utf8');
const FRONT = /^---\n[\s\S]*?\n---\n/;

/** A realistic report of about `bytes` bytes: the AWS Summit report's sections repeated, headings kept distinct. */
function reportOfSize(bytes: number, title: string): string {
  const section = REPORT.replace(FRONT, '').replace(/^\[:contents\]$|^<!-- more -->$/gm, '');
  let doc = `---\nTitle: ${title}\nCategory:\n- bench\n---\n\n[:contents]\n\n`;
  for (let n = 1; Buffer.byteLength(doc) < bytes; n++) doc += section.replace(/^(#+ .*)$/gm, `$1 (${n})`);
  return `${doc}\n最後の段落`;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Timestamps on one clock across the workbench page and the webview frame (both high-resolution, epoch based). */
const NOW = 'performance.timeOrigin + performance.now()';

async function armEditorProbe(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const w = window;
    if (w.__benchObserver) w.__benchObserver.disconnect();
    const first = !w.__bench;
    w.__bench = { key: 0, editor: 0 };
    if (first) 
    window.addEventListener('keydown', (e) => { w.__bench.key = performance.timeOrigin + e.timeStamp; }, true);
    const lines = document.querySelector('.editor-group-container .monaco-editor .view-lines');
    w.__benchObserver = new MutationObserver(() => { if (!w.__bench.editor) w.__bench.editor = ${NOW}; });
    w.__benchObserver.observe(lines, { subtree: true, childList: true, characterData: true });
  })()`);
}

async function armPreviewProbe(frame: Frame): Promise<void> {
  await frame.evaluate(`(() => {
    if (window.__bench) return;
    window.__bench = { dom: 0 };
    new MutationObserver(() => { if (!window.__bench.dom) window.__bench.dom = ${NOW}; })
      .observe(document.getElementById('hatena-preview-root'), { subtree: true, childList: true, characterData: true });
  })()`);
}

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`benchmark timed out waiting for the preview (last: ${String(v)})`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function measureTyping(page: Page, frame: Frame): Promise<{ preview: number[]; editor: number[] }> {
  await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n\n');
  await page.waitForTimeout(500);
  await armEditorProbe(page);
  await armPreviewProbe(frame);
  const preview: number[] = [];
  const editor: number[] = [];
  for (let i = 0; i < KEYS_PER_SIZE + 3; i++) {
    await page.evaluate('window.__bench.key = 0; window.__bench.editor = 0');
    await frame.evaluate('window.__bench.dom = 0');
    // Letters: Playwright sends real keydown/keypress/input for them (other characters are inserted as text), and
    // each one changes the rendered paragraph (a trailing space would not).
    await page.keyboard.press('abcdefghij'[i % 10]);
    const dom = await until(() => frame.evaluate('window.__bench.dom') as Promise<number>, (t) => t > 0);
    const { key, editor: shown } = (await page.evaluate('window.__bench')) as { key: number; editor: number };
    if (i >= 3) {
      // The first keys warm up the JIT on both sides.
      preview.push(dom - key);
      editor.push(shown - key);
    }
    await page.waitForTimeout(KEY_INTERVAL_MS);
  }
  return { preview, editor };
}

/** "Developer: Show Running Extensions" lists each extension's activation time. */
async function activationTime(page: Page): Promise<string> {
  await runCommand(page, 'Developer: Show Running Extensions');
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Hatena Writer' }).first();
  await row.waitFor({ timeout: 20_000 });
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  return /(\d+\s*ms)/.exec(text)?.[1] ?? `(not shown: "${text.slice(0, 80)}")`;
}

export async function runPreviewBench(): Promise<void> {
  ensureCodeServer();
  const vsix = packageVsix();
  const state = createState('bench');
  installVsix(state, vsix);
  const server = await startCodeServer(state);
  process.env.HATENA_CS_URL = server.url;
  let workbench: Workbench | undefined;
  try {
    workbench = await openWorkbench();
    const { page, workspacePath } = workbench;
    const sizes = [
      { label: '10 KB', bytes: 10_000 },
      { label: '100 KB', bytes: 100_000 },
    ];
    for (const size of sizes) {
      fs.writeFileSync(path.join(workspacePath, `bench-${size.bytes}.md`), reportOfSize(size.bytes, `Bench ${size.label}`));
    }
    console.log('\npreview (real editor): key pressed → preview DOM changed, ms; baseline = the same key → editor text on screen');
    console.log(`size     keys  preview p50   p95   editor p50   p95   p50 ratio  (goal at 100 KB: p50 ≤ 50, p95 ≤ 150)`);
    let opened = false;
    for (const size of sizes) {
      await quickOpen(page, `bench-${size.bytes}.md`);
      if (!opened) {
        await runCommand(page, 'Hatena: Open Preview to the Side');
        opened = true;
      }
      const title = `Bench ${size.label}`;
      const frame = await findWebviewFrame(page, new Function('doc', `return (doc.querySelector('h1.entry-title')?.textContent ?? '') === ${JSON.stringify(title)}`) as (d: Document) => boolean);
      const { preview, editor } = await measureTyping(page, frame);
      const p50 = percentile(preview, 50);
      const e50 = percentile(editor, 50);
      console.log(
        `${size.label.padEnd(8)} ${String(preview.length).padStart(4)} ${p50.toFixed(1).padStart(12)} ${percentile(preview, 95).toFixed(1).padStart(6)} ` +
          `${e50.toFixed(1).padStart(12)} ${percentile(editor, 95).toFixed(1).padStart(6)} ${(p50 / Math.max(0.1, e50)).toFixed(1).padStart(9)}×`,
      );
    }
    console.log(`activation (Show Running Extensions): ${await activationTime(page)}`);
    console.log(`.vsix: ${(fs.statSync(vsix).size / 1024).toFixed(0)} KB`);
  } catch (error) {
    if (workbench) console.error(`screenshot: ${await screenshot(workbench.page, 'bench-preview-failure')}`);
    throw error;
  } finally {
    await workbench?.close();
    server.stop();
  }
}

// bench/index.ts runs it after the others (one code-server at a time).
if (require.main === module) {
  runPreviewBench().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
