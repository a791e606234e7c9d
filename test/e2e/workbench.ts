// Drives the real VS Code workbench (code-server in headless Chromium) like a person would.
// The e2e runner (test/vscode/runVscodeTests.ts) starts code-server with the packaged .vsix installed
// and passes its URL in HATENA_CS_URL.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchBrowser, newOfflineContext } from '../vscode/browser';
import { copyWorkspace, REPO_ROOT } from '../vscode/codeServer';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output', 'screenshots');

export interface Workbench {
  page: Page;
  /** A fresh copy of test/fixtures/workspace opened as the folder. */
  workspacePath: string;
  /** Origins the page tried to reach outside loopback (all were aborted). */
  blocked: Set<string>;
  close(): Promise<void>;
}

let current: Workbench | undefined;
/** The open workbench, for failure screenshots. */
export function currentWorkbench(): Workbench | undefined {
  return current;
}

export async function openWorkbench(options: { settings?: Record<string, unknown> } = {}): Promise<Workbench> {
  const url = process.env.HATENA_CS_URL;
  if (!url) throw new Error('HATENA_CS_URL is not set: run the e2e layer through test/vscode/runVscodeTests.js');
  const workspacePath = copyWorkspace();
  if (options.settings) {
    fs.mkdirSync(path.join(workspacePath, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspacePath, '.vscode', 'settings.json'), JSON.stringify(options.settings, null, 2));
  }
  const browser: Browser = await launchBrowser();
  const blocked = new Set<string>();
  const context = await newOfflineContext(browser, blocked);
  const page = await context.newPage();
  await page.goto(`${url}/?folder=${encodeURIComponent(workspacePath)}`);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row, .monaco-workbench .part.editor', { timeout: 60_000 });
  await page.waitForSelector('.statusbar', { timeout: 60_000 });
  const workbench: Workbench = {
    page,
    workspacePath,
    blocked,
    async close() {
      if (current === workbench) current = undefined;
      await browser.close();
    },
  };
  current = workbench;
  return workbench;
}

async function pick(page: Page, opener: string, text: string, row: string = text): Promise<void> {
  await page.keyboard.press(opener);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.type(text);
  // Enter accepts the focused row: wait until the list has settled on the wanted one (it re-sorts as it filters).
  await page.waitForFunction(
    (t) => (document.querySelector('.quick-input-list .monaco-list-row.focused')?.textContent ?? '').includes(t),
    row,
    { timeout: 20_000 },
  );
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/** Quick Open (Ctrl+P) a file of the workspace and wait until its editor is active. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await pick(page, 'Control+P', fileName);
  await page.waitForFunction(
    (name) => (document.querySelector('.tabs-container .tab.active')?.textContent ?? '').includes(name),
    fileName,
    { timeout: 30_000 },
  );
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: 30_000 });
}

/** Run a command from the Command Palette (F1) by its full title, e.g. "Hatena: Open Preview to the Side". */
export async function runCommand(page: Page, title: string): Promise<void> {
  await pick(page, 'F1', title);
}

/** Webviews sit two iframes deep; find the frame whose document satisfies `predicate`. */
export async function findWebviewFrame(
  page: Page,
  predicate: (doc: Document) => boolean,
  timeoutMs = 30_000,
): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  const source = `(${predicate.toString()})(document)`;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      try {
        if (await frame.evaluate(source)) return frame;
      } catch {
        /* frame navigating or cross-origin during load */
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no webview frame matched ${predicate.toString()}; frames:\n${page.frames().map((f) => f.url().slice(0, 120)).join('\n')}`);
}

/** Saves test-output/screenshots/NAME.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** The text of the active editor (the editor renders spaces as U+00A0). */
export async function editorText(page: Page): Promise<string> {
  return page.$eval('.editor-instance .monaco-editor .view-lines', (e) => (e.textContent ?? '').replace(/\u00a0/g, ' '));
}

/** The visible lines of the active editor, top to bottom (rendered lines are absolutely positioned). */
export async function editorLines(page: Page): Promise<string[]> {
  return page.$$eval('.editor-instance .monaco-editor .view-lines .view-line', (lines) =>
    lines
      .map((l) => ({ top: parseFloat((l as HTMLElement).style.top) || 0, text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text),
  );
}
