import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { diffHtml } from '../../src/shared/htmlPatch';
import type { FromWebview, ToWebview } from '../../src/shared/protocol';
import { launchBrowser, newOfflineContext } from '../vscode/browser';
import { waitFor } from '../vscode/poll';
import { findWebviewFrame, openWorkbench, quickOpen, runCommand, screenshot, type Workbench } from './workbench';

// The preview like a person uses it: palette command, the webview two iframes deep, typing, scrolling, settings.

const CDN = 'https://cdn-ak.f.st-hatena.com/images/fotolife/y/yasay/20170604/20170604220500.jpg';

const hasPreview = (doc: Document) => !!doc.querySelector('#hatena-preview-root article.entry');

/**
 * Polls an expression in the webview. (frame.waitForFunction would eval() a string inside the page, which the
 * preview's CSP rightly refuses; an evaluate from the outside is not the page's own script.)
 */
async function waitInFrame(frame: Frame, predicate: string, timeout = 20_000): Promise<void> {
  await waitFor(async () => Boolean(await frame.evaluate(predicate).catch(() => false)), `the webview: ${predicate}`, timeout);
}

/** The text editor (not the webview) of the first editor group. */
function textEditor(page: Page) {
  return page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first();
}

async function firstVisibleLineNumber(page: Page): Promise<number> {
  return page.evaluate(() => {
    // Monaco renders lines partly scrolled out above the viewport, and sticky-scroll headers over it: skip both.
    const editor = document.querySelector('.editor-group-container:first-child .monaco-editor .overflow-guard');
    const viewportTop = editor?.getBoundingClientRect().top ?? 0;
    const numbers = [...document.querySelectorAll('.editor-group-container:first-child .monaco-editor .line-numbers')]
      .filter((e) => !e.closest('.sticky-widget'))
      .map((e) => ({ n: Number((e.textContent ?? '').trim()), top: e.getBoundingClientRect().top }))
      .filter((e) => Number.isFinite(e.n) && e.n > 0 && e.top >= viewportTop - 2)
      .sort((a, b) => a.top - b.top);
    return numbers[0]?.n ?? 0;
  });
}

describe('e2e: live preview', function () {
  let workbench: Workbench;
  let frame: Frame;

  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  it('"Hatena: Open Preview to the Side" shows report.md as published: Fotolife image, TOC, footnotes', async () => {
    const { page } = workbench;
    await quickOpen(page, 'report.md');
    await runCommand(page, 'Hatena: Open Preview to the Side');
    frame = await findWebviewFrame(page, hasPreview);

    assert.equal(await frame.$eval('h1.entry-title', (h) => h.textContent), 'AWS Summit Tokyo 2017に行ってきました');
    assert.ok((await frame.$$('.entry-categories a.entry-category-link')).length >= 2);
    // The Fotolife image: its CDN URL, or (offline, as here) the placeholder that carries it and the notation.
    const image = await frame.$eval(`img.hatena-fotolife`, (img) => ({
      src: img.getAttribute('src'),
      failed: img.getAttribute('data-hatena-failed-src'),
    }));
    assert.ok(image.src === CDN || image.failed === CDN, JSON.stringify(image));
    await frame.$eval('img.hatena-fotolife', (img) => img.scrollIntoView());
    await waitInFrame(frame, `document.querySelector('img.hatena-fotolife').getAttribute('data-hatena-failed-src') === ${JSON.stringify(CDN)}`);
    const notation = await frame.$eval('img.hatena-fotolife', (img) => img.getAttribute('data-hatena-notation'));
    assert.match(notation ?? '', /^\[f:id:yasay:20170604220500j:plain:w600/);
    const size = await frame.$eval('img.hatena-fotolife', (img) => (img as HTMLImageElement).getBoundingClientRect().width);
    assert.ok(size > 100, `the placeholder has the requested size, not a broken-image icon (${size}px)`);

    assert.ok((await frame.$$('ul.table-of-contents li a[href^="#"]')).length >= 3, 'the table of contents');
    assert.ok((await frame.$$('div.footnote p.footnote .footnote-text')).length >= 1, 'the footnotes');
    assert.ok((await frame.$$('a[id^="fn-"]')).length >= 1, 'the footnote references');
  });

  it('updates while typing without replacing untouched elements (the img keeps its identity)', async () => {
    const { page } = workbench;
    await frame.evaluate(() => {
      (document.querySelector('img.hatena-fotolife') as HTMLImageElement & { __kept?: string }).__kept = 'same element';
      (document.querySelector('ul.table-of-contents') as HTMLElement & { __kept?: string }).__kept = 'same element';
    });
    await textEditor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nタイプした文章 typed-in-e2e\n');
    await waitInFrame(frame, `document.getElementById('hatena-preview-root').textContent.includes('typed-in-e2e')`);
    const kept = await frame.evaluate(() => [
      (document.querySelector('img.hatena-fotolife') as HTMLImageElement & { __kept?: string }).__kept,
      (document.querySelector('ul.table-of-contents') as HTMLElement & { __kept?: string }).__kept,
    ]);
    assert.deepEqual(kept, ['same element', 'same element']);

    // A new paragraph above the image: every block below moves down two lines and is still the same element.
    const lineOfImage = () => frame.evaluate(() => Number(document.querySelector('img.hatena-fotolife')!.closest('[data-line]')!.getAttribute('data-line')));
    const before = await lineOfImage();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('inserted-above-the-image');
    await waitInFrame(frame, `document.getElementById('hatena-preview-root').textContent.includes('inserted-above-the-image')`);
    await waitInFrame(frame, `Number(document.querySelector('img.hatena-fotolife').closest('[data-line]').getAttribute('data-line')) === ${before + 2}`);
    assert.equal(await frame.evaluate(() => (document.querySelector('img.hatena-fotolife') as HTMLImageElement & { __kept?: string }).__kept), 'same element');
  });

  it('scrolls the preview with the editor, and the editor with the preview', async () => {
    const { page } = workbench;
    await textEditor(page).click();
    await page.keyboard.press('Control+Home');
    await waitInFrame(frame, 'window.scrollY < 5');
    for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
    await waitInFrame(frame, 'window.scrollY > 200');
    await page.keyboard.press('Control+Home');
    await waitInFrame(frame, 'window.scrollY < 5');

    // Back the other way: wheel over the webview moves the editor (and the echo does not bounce the preview).
    const editorLineBefore = await firstVisibleLineNumber(page);
    const webview = page.locator('iframe.webview').first();
    const box = await webview.boundingBox();
    assert.ok(box, 'the webview iframe is on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 900);
    await waitInFrame(frame, 'window.scrollY > 300');
    await page.waitForFunction(
      (before) => {
        const numbers = [...document.querySelectorAll('.editor-group-container:first-child .monaco-editor .line-numbers')].filter((e) => !e.closest('.sticky-widget'))
          .map((e) => ({ n: Number((e.textContent ?? '').trim()), top: e.getBoundingClientRect().top }))
          .filter((e) => e.n > 0)
          .sort((a, b) => a.top - b.top);
        return (numbers[0]?.n ?? 0) > before + 5;
      },
      editorLineBefore,
      { timeout: 10_000 },
    );
    const settled = await frame.evaluate(() => window.scrollY);
    await page.waitForTimeout(600);
    assert.ok(Math.abs((await frame.evaluate(() => window.scrollY)) - settled) < 40, 'no feedback loop: the preview stays put');
  });

  it('follows a table-of-contents link inside the preview, and the editor follows', async () => {
    const { page } = workbench;
    await textEditor(page).click();
    await page.keyboard.press('Control+Home');
    await waitInFrame(frame, 'window.scrollY < 5');
    const link = 'ul.table-of-contents > li:nth-child(2) > a'; // "Day 2": far enough from both ends to scroll to
    const target = await frame.$eval(link, (a) => decodeURIComponent(a.getAttribute('href')!.slice(1)));
    const headingLine = await frame.evaluate((id) => Number(document.getElementById(id)!.getAttribute('data-line')), target);
    await frame.click(link);
    await waitInFrame(frame, `Math.abs(document.getElementById(${JSON.stringify(target)}).getBoundingClientRect().top) < 5`);
    // The webview did not navigate: the link was handled inside it.
    assert.ok(await frame.evaluate(() => !!document.getElementById('hatena-preview-root')));
    // The heading is among the first lines the editor shows (sticky-scroll headers may cover the very top ones).
    const heading = headingLine + 1;
    const shown = (top: number) => top <= heading && heading - top <= 8;
    let top = 0;
    for (let i = 0; i < 50 && !shown(top); i++) {
      await page.waitForTimeout(200);
      top = await firstVisibleLineNumber(page);
    }
    assert.ok(shown(top), `the editor shows line ${top} at the top, the heading is line ${heading}`);
  });

  it('marks the cursor line and reveals a double-clicked line in the editor', async () => {
    const { page } = workbench;
    await frame.evaluate(() => {
      const h = document.querySelector('h3[data-line]') as HTMLElement;
      h.scrollIntoView({ block: 'center' });
    });
    const heading = await frame.$eval('h3[data-line]', (h) => ({ line: Number(h.getAttribute('data-line')), text: h.textContent }));
    await frame.dblclick('h3[data-line]');
    await waitInFrame(frame, `document.querySelector('.hatena-cursor-marker').dataset.line === document.querySelector('h3[data-line]').dataset.line`);
    // The editor's cursor went to that line (Monaco numbers lines from 1).
    await page.waitForFunction(
      (line) => document.querySelector('.editor-group-container:first-child .line-numbers.active-line-number')?.textContent?.trim() === String(line + 1),
      heading.line,
      { timeout: 10_000 },
    );
    assert.ok(heading.text);
  });

  it('runs no script of a hostile post', async () => {
    const { page } = workbench;
    await textEditor(page).click();
    await quickOpen(page, 'hostile.md');
    await waitInFrame(frame, `document.getElementById('hatena-preview-root').textContent.includes('Still here')`);
    // Give every handler its chance: load errors, hover, clicks on script links and a form.
    await frame.hover('b');
    await frame.click('#js-link');
    await frame.click('#hostile-submit').catch(() => undefined);
    await page.waitForTimeout(1000);
    const pwned = await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
    assert.equal(pwned, undefined);
    assert.equal(await frame.$$eval('#hatena-preview-root script', (s) => s.length), 0);
    // The webview did not navigate away.
    assert.ok(await frame.evaluate(() => !!document.getElementById('hatena-preview-root')));
  });

  it('clicking a command:, vscode: or file: link of the post does nothing; a relative link opens the file', async () => {
    const { page } = workbench; // hostile.md is shown (test before)
    const popups: string[] = [];
    const onPage = (p: Page) => popups.push(p.url());
    page.context().on('page', onPage);
    try {
      for (const id of ['vscode-link', 'command-link', 'passwd-link', 'up-link']) await frame.click(`#${id}`);
      // Messages from the webview are handled in order: once report.md (clicked last) is open, the others were seen.
      await frame.click('#report-link');
      await page.waitForFunction(() => [...document.querySelectorAll('.tabs-container .tab')].some((t) => (t.textContent ?? '').includes('report.md')), undefined, { timeout: 20_000 });
      const workbenchState = await page.evaluate(() => ({
        tabs: [...document.querySelectorAll('.tabs-container .tab')].map((t) => (t.textContent ?? '').trim()),
        dialogs: [...document.querySelectorAll('.monaco-dialog-box')].map((d) => (d.textContent ?? '').slice(0, 120)),
        // Notifications: toasts, and the aria alert region this workbench announces them through (code-server's
        // notification UI keeps no toast in the DOM).
        toasts: [...document.querySelectorAll('.notifications-toasts .notification-toast, .monaco-aria-container .monaco-alert')]
          .map((t) => (t.textContent ?? '').slice(0, 120)),
      }));
      assert.deepEqual(workbenchState.dialogs, [], 'no "open this URI?" dialog: VS Code never saw the vscode: link');
      assert.deepEqual(workbenchState.toasts.filter((t) => /pwned|passwd|uri|extension|unable|cannot|failed/i.test(t)), []);
      assert.ok(!workbenchState.tabs.some((t) => /passwd/.test(t)), `no editor for /etc/passwd: ${workbenchState.tabs.join(' | ')}`);
      assert.deepEqual(popups, [], 'no browser window opened');
      assert.ok(await frame.evaluate(() => !!document.getElementById('hatena-preview-root')), 'the webview did not navigate');
    } finally {
      page.context().off('page', onPage);
    }
  });

  it('a #概要 link (a Japanese heading id) scrolls inside the preview, and VS Code opens nothing', async () => {
    const { page } = workbench;
    await textEditor(page).click(); // focus back in the workbench, not in the webview
    await quickOpen(page, 'preview.md');
    await waitInFrame(frame, `document.querySelector('h1.entry-title')?.textContent === 'プレビューのテスト'`);
    await textEditor(page).click();
    await page.keyboard.press('Control+Home');
    await waitInFrame(frame, 'window.scrollY < 5');
    // [ページ内リンク](#概要): markdown-it writes the href percent-encoded (#%E6%A6%82%E8%A6%81).
    const link = frame.locator('.entry-content p a', { hasText: 'ページ内リンク' });
    assert.equal(decodeURIComponent((await link.getAttribute('href')) ?? ''), '#概要');
    await link.click();
    await waitInFrame(frame, `Math.abs(document.getElementById('概要').getBoundingClientRect().top) < 5`);
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0);
    assert.ok(await frame.evaluate(() => !!document.getElementById('hatena-preview-root')));
  });

  it('"Export HTML" asks before replacing an HTML file it did not write, or its own page edited since', async () => {
    const { page, workspacePath } = workbench;
    const target = path.join(workspacePath, 'preview.html');
    fs.writeFileSync(target, '<!DOCTYPE html><title>hand-written</title>');
    await quickOpen(page, 'preview.md');
    const dialog = page.locator('.monaco-dialog-box');
    const exportAndCancel = async () => {
      await textEditor(page).click();
      await runCommand(page, 'Hatena: Export HTML');
      await dialog.waitFor({ timeout: 20_000 });
      assert.match((await dialog.textContent()) ?? '', /preview\.html/);
      await dialog.locator('.monaco-button', { hasText: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await exportAndCancel();
    assert.equal(fs.readFileSync(target, 'utf8'), '<!DOCTYPE html><title>hand-written</title>', 'cancelled: untouched');
    await textEditor(page).click();
    await runCommand(page, 'Hatena: Export HTML');
    await dialog.waitFor({ timeout: 20_000 });
    await dialog.locator('.monaco-button', { hasText: 'Replace' }).click();
    await waitFor(() => /<meta name="generator" content="Hatena Writer; fnv1a32=[0-9a-f]{8}">/.test(fs.readFileSync(target, 'utf8')), 'the export replaced the file', 20_000);
    // Its own page, untouched since, is replaced without asking next time.
    const written = fs.statSync(target).mtimeMs;
    await textEditor(page).click();
    await runCommand(page, 'Hatena: Export HTML');
    await waitFor(() => fs.statSync(target).mtimeMs !== written, 'the second export', 20_000);
    assert.equal(await dialog.count(), 0);
    // Edited by hand after the export: asked about like any other file (Cancel keeps the edit).
    const edited = fs.readFileSync(target, 'utf8').replace('<title>', '<title>my notes: ');
    fs.writeFileSync(target, edited);
    await exportAndCancel();
    assert.equal(fs.readFileSync(target, 'utf8'), edited, 'the hand edit survives');
    fs.unlinkSync(target);
  });

  it('"Export HTML" onto a folder named preview.html says so and writes nothing', async () => {
    const { page, workspacePath } = workbench;
    const target = path.join(workspacePath, 'preview.html');
    fs.mkdirSync(target);
    try {
      await quickOpen(page, 'preview.md');
      await textEditor(page).click();
      await runCommand(page, 'Hatena: Export HTML');
      // The error notification (this workbench announces notifications through its aria alert region; the toast
      // itself is not in the DOM in code-server's modern notification UI).
      await page.waitForFunction(
        () => [...document.querySelectorAll('.monaco-aria-container .monaco-alert')].some((a) => (a.textContent ?? '').includes('preview.html is a folder')),
        undefined,
        { timeout: 20_000 },
      );
      assert.deepEqual(fs.readdirSync(target), [], 'nothing written into the folder');
      assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no "replace it?" question about a folder');
    } finally {
      fs.rmSync(target, { recursive: true });
    }
  });

  it('in a dark theme the Hatena look stays the published page (the theme look follows the theme); screenshots of both', async () => {
    const { page, workspacePath } = workbench;
    await textEditor(page).click(); // focus back in the workbench, not in the webview
    await quickOpen(page, 'preview.md'); // untouched by the tests above: header, TOC, image, card, table, code
    // Found again rather than polled in the old frame: on a busy machine the workbench may have re-created the
    // webview's frame while it followed the editors of the tests above, and a detached frame never answers.
    frame = await findWebviewFrame(page, (doc) => doc.querySelector('h1.entry-title')?.textContent === 'プレビューのテスト', 60_000);
    const settings = (values: Record<string, unknown>) => {
      fs.mkdirSync(path.join(workspacePath, '.vscode'), { recursive: true });
      fs.writeFileSync(path.join(workspacePath, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': 'Default Dark Modern', ...values }));
    };
    settings({});
    await page.waitForSelector('.monaco-workbench.vs-dark', { timeout: 20_000 });
    await waitInFrame(frame, `document.body.classList.contains('vscode-dark') && !!document.querySelector('img.hatena-image-unavailable')`);
    const colours = () => frame.evaluate(() => {
      const c = (el: Element | null, prop: string) => (el ? getComputedStyle(el).getPropertyValue(prop) : 'missing');
      const code = document.querySelector('.entry-content p code');
      return { code: c(code, 'color'), codeBg: c(code, 'background-color'), kbd: c(document.querySelector('.entry-content kbd'), 'color'),
        body: c(document.body, 'color'), page: c(document.documentElement, 'background-color'), link: c(document.querySelector('.entry-content a'), 'color'),
        placeholder: c(document.querySelector('img.hatena-image-unavailable'), 'background-color') };
    });
    assert.deepEqual(await colours(), {
      code: 'rgb(51, 51, 51)', codeBg: 'rgb(245, 245, 245)', kbd: 'rgb(51, 51, 51)', body: 'rgb(69, 69, 69)', page: 'rgb(255, 255, 255)', link: 'rgb(20, 135, 189)',
      placeholder: 'rgb(245, 245, 245)',
    });
    await textEditor(page).click();
    await page.keyboard.press('Control+Home');
    await waitInFrame(frame, `window.scrollY < 5 && !!document.querySelector('img.hatena-image-unavailable')`);
    await page.waitForTimeout(300);
    await screenshot(page, 'preview-hatena');

    settings({ 'hatenaWriter.preview.style': 'vscode' });
    await waitInFrame(frame, `document.body.classList.contains('vscode-look')`);
    const themed = await colours();
    assert.notEqual(themed.page, 'rgb(255, 255, 255)', 'the theme look is dark in a dark theme');
    assert.notEqual(themed.code, 'rgb(51, 51, 51)');
    assert.notEqual(themed.placeholder, 'rgb(245, 245, 245)', 'an image placeholder takes the theme colours too');
    await page.waitForTimeout(300);
    await screenshot(page, 'preview-vscode');
  });
});

const REPO = path.join(__dirname, '..', '..', '..');

/** What VS Code's webview host injects (pre/index.html, `@layer vscode-default`), with Default Dark Modern's colours. */
const DARK_VSCODE_DEFAULT_LAYER = `
:root { --vscode-editor-foreground: #cccccc; --vscode-editor-background: #1f1f1f; --vscode-textLink-foreground: #4daafc;
  --vscode-textPreformat-foreground: #d0d0d0; --vscode-textPreformat-background: #3c3c3c; --vscode-keybindingLabel-foreground: #cccccc;
  --vscode-keybindingLabel-background: rgba(128,128,128,.17); --vscode-textBlockQuote-background: #2b2b2b; --vscode-textBlockQuote-border: #616161;
  --vscode-scrollbarSlider-background: rgba(121,121,121,.4); --vscode-editorCursor-foreground: #aeafad; }
@layer vscode-default {
  html { scrollbar-color: var(--vscode-scrollbarSlider-background) var(--vscode-editor-background); }
  body { background-color: transparent; color: var(--vscode-editor-foreground); font-weight: 300; margin: 0; padding: 0 20px; }
  a, a code { color: var(--vscode-textLink-foreground); }
  code { color: var(--vscode-textPreformat-foreground); background-color: var(--vscode-textPreformat-background); padding: 1px 3px; border-radius: 4px; }
  blockquote { background: var(--vscode-textBlockQuote-background); border-color: var(--vscode-textBlockQuote-border); }
  kbd { background-color: var(--vscode-keybindingLabel-background); color: var(--vscode-keybindingLabel-foreground); border-style: solid; border-width: 1px; }
}`;

// The webview script alone in Chromium (no workbench): the message protocol's edge cases, driven directly.
describe('e2e: the preview webview script in isolation', function () {
  let browser: Browser;
  let page: Page;
  const posted = () => page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted.splice(0));
  const send = (message: ToWebview) => page.evaluate((m) => window.postMessage(m, '*'), message);
  const article = (body: string) =>
    `<article class="entry"><div class="entry-inner"><header class="entry-header"><h1 class="entry-title">t</h1></header>` +
    `<div class="entry-content hatenablog-entry">${body}</div></div></article>`;
  const update = (seq: number, html: string, extra: Partial<Extract<ToWebview, { type: 'update' }>> = {}): ToWebview => ({
    type: 'update',
    uri: 'file:///post.md',
    seq,
    version: seq,
    body: { kind: 'full', html },
    notice: { kind: 'none' },
    locked: false,
    style: 'hatena',
    ...extra,
  });

  before(async () => {
    browser = await launchBrowser();
    page = await (await newOfflineContext(browser)).newPage();
    await page.route('http://preview.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><body><div id="hatena-preview-notice" hidden></div><main id="hatena-preview-root"></main></body>' }),
    );
    await page.goto('http://preview.test/');
    await page.evaluate(() => {
      const w = window as unknown as { __posted: unknown[]; __hostSaw: string[]; acquireVsCodeApi: () => unknown };
      w.__posted = [];
      w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), getState: () => undefined, setState: () => undefined });
      // VS Code's webview host (pre/index.html handleInnerClick): a click listener on the content window, bubble
      // phase, registered before the page's script runs, that opens any link it sees (defaultPrevented or not).
      w.__hostSaw = [];
      for (const type of ['click', 'auxclick']) {
        window.addEventListener(type, (e) => {
          for (const node of e.composedPath()) {
            const el = node as Element;
            if (el.localName === 'a' || el.localName === 'area') w.__hostSaw.push(`${type}:${el.getAttribute('href')}`);
          }
        });
      }
    });
    // The webview's stylesheets, under a stand-in for the styles VS Code injects into every webview in a dark theme.
    await page.addStyleTag({ content: DARK_VSCODE_DEFAULT_LAYER });
    for (const css of ['hatena.css', 'vscode-theme.css', 'preview.css']) await page.addStyleTag({ path: path.join(REPO, 'media', css) });
    await page.addScriptTag({ path: path.join(REPO, 'dist', 'webview', 'preview.js') });
    assert.deepEqual(await posted(), [{ type: 'ready' }]);
  });
  after(async () => {
    await browser?.close();
  });

  it('applies patches to the last render, keeps untouched blocks, and asks for the whole page when a patch does not fit', async () => {
    const first = article('<p data-line="0">a</p>\n<p data-line="2"><img src="./a.png" class="x"></p>\n<p data-line="4">c</p>');
    await send(update(1, first));
    await page.evaluate(() => ((document.querySelector('img') as HTMLImageElement & { __kept?: boolean }).__kept = true));
    // A new paragraph above the image: every block below moves down two lines.
    const second = article('<p data-line="0">a</p>\n<p data-line="2">new</p>\n<p data-line="4"><img src="./a.png" class="x"></p>\n<p data-line="6">c</p>');
    await send(update(2, '', { body: { kind: 'patch', baseSeq: 1, patch: diffHtml(first, second) } }));
    await page.waitForFunction(() => document.querySelectorAll('#hatena-preview-root p').length === 4);
    assert.equal(await page.evaluate(() => (document.querySelector('img') as HTMLImageElement & { __kept?: boolean }).__kept), true);
    assert.equal(await page.evaluate(() => document.querySelector('img')!.closest('p')!.getAttribute('data-line')), '4');
    assert.deepEqual((await posted()).map((m) => m.type), ['applied', 'applied']);

    // A stale render (older seq) is dropped; a patch against another base asks for the whole page, in the one
    // answer to that update (no separate message the host could handle after a render slipped in).
    await send(update(1, article('<p data-line="0">stale</p>')));
    await send(update(3, '', { body: { kind: 'patch', baseSeq: 1, patch: diffHtml(first, article('<p>x</p>')) } }));
    await waitFor(async () => (await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted.length)) >= 2, 'the answers');
    assert.doesNotMatch(await page.$eval('#hatena-preview-root', (r) => r.textContent ?? ''), /stale|x$/);
    assert.deepEqual(await posted(), [
      { type: 'applied', seq: 1, uri: 'file:///post.md', version: 2, ms: 0 },
      { type: 'applied', seq: 3, uri: 'file:///post.md', version: 2, ms: 0, problem: { kind: 'resync' } },
    ]);
  });

  it('shows the post\'s raw HTML inert and turns an image that cannot load into its notation box', async () => {
    await send(update(10, article(
      '<p data-line="0"><img src="https://cdn-ak.f.st-hatena.com/images/fotolife/y/yasay/20170604/20170604220500.jpg" class="hatena-fotolife" style="width:350px" onerror="window.__pwned=1"></p>' +
      '<script>window.__pwned=2</script><a href="javascript:window.__pwned=3" id="j">j</a>',
    )));
    await page.waitForFunction(() => !!document.querySelector('img.hatena-image-unavailable'));
    const img = await page.$eval('img.hatena-fotolife', (i) => ({ src: i.getAttribute('src')!, notation: i.getAttribute('data-hatena-notation'), width: i.getBoundingClientRect().width }));
    assert.match(img.src, /^data:image\/svg\+xml/);
    assert.equal(img.notation, '[f:id:yasay:20170604220500j:plain:w350]');
    assert.equal(Math.round(img.width), 350);
    await page.click('#j');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    assert.equal(await page.$$eval('#hatena-preview-root script, #hatena-preview-root [onerror]', (e) => e.length), 0);
    // The next render of the same image shows the placeholder at once (no retry, no flicker).
    await send(update(11, article('<p data-line="0"><img src="https://cdn-ak.f.st-hatena.com/images/fotolife/y/yasay/20170604/20170604220500.jpg" class="hatena-fotolife" style="width:350px"></p><p data-line="2">more</p>')));
    await page.waitForFunction(() => document.querySelectorAll('#hatena-preview-root p').length === 2);
    assert.match(await page.$eval('img.hatena-fotolife', (i) => i.getAttribute('src')!), /^data:image\/svg\+xml/);
  });

  /** The answers to updates (scroll reports left out: a scroll soon after a click counts as the reader's). */
  const answers = async () => (await posted()).filter((m) => m.type !== 'revealLine');
  const hostSaw = () => page.evaluate(() => (window as unknown as { __hostSaw: string[] }).__hostSaw.splice(0));
  /** Waits two animation frames: what a scroll handler schedules has run by then. */
  const frames = () => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  const tall = '<p style="height:1500px">spacer</p>';

  it('hands links to the host (VS Code\'s own link handler never sees the click), scrolls to #fragments, never navigates', async () => {
    await send(update(20, article(
      '<p data-line="0"><a href="https://example.com/" id="ext">ext</a> <a href="vscode://x.y/pwned" id="vs">vs</a> ' +
        '<a href="command:workbench.action.quit" id="cmd">cmd</a> <a href="./other.md#x" id="rel">rel</a> ' +
        '<a href="#概要" id="toc">toc</a> <a href="#%E8%A9%B3%E7%B4%B0" id="toc-encoded">enc</a> <a href="#f-1" id="fn">*1</a></p>' +
        '<p data-line="2"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" usemap="#m" width="100" height="20" id="mapped">' +
        '<map name="m"><area shape="rect" coords="0,0,100,20" href="https://example.com/area" id="area"></map>' +
        '<svg width="40" height="20"><a href="https://example.com/svg" id="svg-link"><rect width="40" height="20"></rect></a></svg></p>' +
        tall + '<h2 id="概要" data-line="4">概要</h2>' + tall + '<h2 id="詳細" data-line="6">詳細</h2>' + tall +
        '<p data-line="8"><a href="#fn-1" name="f-1">*1</a> note</p>' + tall,
    )));
    await page.waitForSelector('#ext');
    await posted();
    await hostSaw();
    for (const id of ['ext', 'vs', 'cmd', 'rel']) await page.click(`#${id}`);
    await page.click('#mapped', { position: { x: 50, y: 10 } }); // on the image map's <area>
    await page.click('#svg-link rect');
    await page.click('#ext', { button: 'middle' });
    assert.deepEqual((await posted()).filter((m) => m.type === 'openLink').map((m) => (m as { href: string }).href), [
      'https://example.com/', 'vscode://x.y/pwned', 'command:workbench.action.quit', './other.md#x', 'https://example.com/area', 'https://example.com/svg',
    ], 'the host decides (and refuses vscode:/command:); a middle click opens nothing');

    const topOf = (id: string) => page.evaluate((i) => document.getElementById(i)!.getBoundingClientRect().top, id);
    await page.click('#toc');
    await waitFor(async () => Math.abs(await topOf('概要')) < 2, 'the #概要 link scrolled to its heading');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('#toc-encoded');
    await waitFor(async () => Math.abs(await topOf('詳細')) < 2, 'the percent-encoded #詳細 link scrolled to its heading');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('#fn');
    await waitFor(() => page.evaluate(() => Math.abs(document.getElementsByName('f-1')[0].getBoundingClientRect().top) < 2), 'the footnote link scrolled to name="f-1"');
    assert.deepEqual(await hostSaw(), [], "VS Code's window-level click listener saw none of these clicks");
    assert.equal(page.url(), 'http://preview.test/');
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('takes messages only from the host: an embedded frame posting an update is ignored', async () => {
    await send(update(30, article('<p data-line="0">from the host</p>')));
    await page.waitForFunction(() => document.getElementById('hatena-preview-root')!.textContent!.includes('from the host'));
    const forged = update(1e9, article('<p data-line="0">FORGED</p>'));
    // A live embed posts to the preview, and so does a frame inside the embed (not one of the page's own frames).
    await page.route('http://embed.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<script>parent.postMessage(${JSON.stringify(forged)}, '*');</script><iframe src="http://inner.embed.test/"></iframe>` }),
    );
    await page.route('http://inner.embed.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<script>parent.parent.postMessage(${JSON.stringify(forged)}, '*'); document.title = 'posted';</script>` }),
    );
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = 'http://embed.test/';
      frame.id = 'embed';
      document.body.appendChild(frame);
    });
    await waitFor(() => page.frame({ url: 'http://inner.embed.test/' })?.evaluate(() => document.title === 'posted').catch(() => false), 'the embeds posted');
    // A frame on the page's own origin (about:blank, srcdoc) is one of the page's frames: ignored as well.
    await page.evaluate((m) => {
      const frame = document.createElement('iframe');
      frame.id = 'same-origin';
      document.body.appendChild(frame);
      (frame.contentWindow as unknown as { eval(code: string): unknown }).eval(`parent.postMessage(${JSON.stringify(m)}, '*')`);
    }, forged);
    await frames();
    // The forged seq would have made every real update "stale": the next one still applies.
    await send(update(31, article('<p data-line="0">still from the host</p>')));
    await page.waitForFunction(() => document.getElementById('hatena-preview-root')!.textContent!.includes('still from the host'));
    assert.doesNotMatch(await page.$eval('#hatena-preview-root', (r) => r.textContent ?? ''), /FORGED/);
    assert.deepEqual((await posted()).filter((m) => m.type === 'applied').map((m) => (m as { seq: number }).seq), [30, 31]);
    await page.evaluate(() => ['embed', 'same-origin'].forEach((id) => document.getElementById(id)!.remove()));
  });

  it('DOM clobbering in the post neither breaks the page nor freezes the preview', async () => {
    const first = article(
      '<p data-line="0"><img name="elementFromPoint" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><img name="body"><img name="documentElement">' +
        '<img name="getElementById" id="c1"><iframe name="getElementsByName"></iframe></p>' +
        '<form name="createElement" data-line="2"><input name="attributes"><input id="submit"><button name="getAttributeNames" type="button">b</button></form>' +
        tall + '<p data-line="4">before</p>',
    );
    await send(update(40, first));
    await page.waitForFunction(() => document.getElementById('hatena-preview-root')!.textContent!.includes('before'));
    await page.evaluate(() => window.scrollTo(0, 200)); // so that the next update looks for the block at the top
    const second = first.replace('before', 'after');
    await send(update(41, '', { body: { kind: 'patch', baseSeq: 40, patch: diffHtml(first, second) } }));
    await page.waitForFunction(() => document.getElementById('hatena-preview-root')!.textContent!.includes('after'));
    const page_ = await page.evaluate(() => ({
      elementFromPoint: typeof document.elementFromPoint,
      body: document.body.localName,
      documentElement: document.documentElement.localName,
      getElementById: typeof document.getElementById,
      named: document.querySelectorAll('#hatena-preview-root [name]').length,
      submitId: !!document.querySelector('#hatena-preview-root #submit'),
    }));
    assert.deepEqual(page_, { elementFromPoint: 'function', body: 'body', documentElement: 'html', getElementById: 'function', named: 0, submitId: false });
    assert.deepEqual((await answers()).map((m) => m.type), ['applied', 'applied']);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('an update that throws leaves an empty page and asks again, instead of freezing with its state advanced', async () => {
    const first = article('<p data-line="0">one</p>' + tall + '<p data-line="2">two</p>');
    await send(update(50, first));
    await page.waitForFunction(() => document.getElementById('hatena-preview-root')!.textContent!.includes('two'));
    await posted();
    await page.evaluate(() => {
      window.scrollTo(0, 100);
      // The next update's first measurement throws once (whatever might: a DOM the post confused, a bug of ours):
      // the root's box, which only applying an update measures (a scroll or a resize handler measures blocks).
      const real = Element.prototype.getBoundingClientRect;
      Element.prototype.getBoundingClientRect = function (this: Element) {
        if (this.id !== 'hatena-preview-root') return real.call(this);
        Element.prototype.getBoundingClientRect = real;
        throw new Error('boom');
      };
    });
    const second = first.replace('two', 'three');
    await send(update(51, '', { body: { kind: 'patch', baseSeq: 50, patch: diffHtml(first, second) } }));
    const answerTo = (seq: number) =>
      waitFor(async () => (await page.evaluate((s) => (window as unknown as { __posted: FromWebview[] }).__posted.some((m) => m.type === 'applied' && m.seq === s), seq)), `the answer to update ${seq}`);
    await answerTo(51);
    // One answer, saying what happened: the host sends the whole page next, and nothing can slip in between.
    assert.deepEqual(await answers(), [
      { type: 'applied', seq: 51, uri: 'file:///post.md', version: -1, ms: 0, problem: { kind: 'failed', full: false, error: 'Error: boom' } },
    ]);
    assert.equal(await page.$eval('#hatena-preview-root', (r) => r.childElementCount), 0, 'no half-applied page');
    // Its base is gone: a patch against update 50 is refused (resync) and the whole HTML applies.
    const third = first.replace('two', 'four');
    await send(update(52, '', { body: { kind: 'patch', baseSeq: 50, patch: diffHtml(first, third) } }));
    await answerTo(52);
    assert.deepEqual((await answers()).map((m) => m.type === 'applied' && m.problem), [{ kind: 'resync' }]);
    await send(update(53, third));
    await page.waitForFunction(() => document.getElementById('hatena-preview-root')!.textContent!.includes('four'));
    assert.deepEqual((await answers()).map((m) => m.type === 'applied' && [m.version, m.problem]), [[53, undefined]]);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('after an update that failed, the same post comes back with its cursor bar and at the line it was scrolled to', async () => {
    const first = article('<p data-line="0">one</p>' + tall + '<p data-line="2">two</p>' + tall + '<p data-line="4">end</p>');
    await send(update(55, first));
    await page.waitForFunction(() => document.getElementById('hatena-preview-root')!.textContent!.includes('end'));
    await send({ type: 'cursorLine', line: 2 });
    await page.waitForSelector('.hatena-cursor-marker[data-line="2"]');
    await page.evaluate(() => window.scrollTo(0, 1200));
    await frames();
    await posted();
    await page.evaluate(() => {
      const real = Element.prototype.getBoundingClientRect;
      Element.prototype.getBoundingClientRect = function (this: Element) {
        if (this.id !== 'hatena-preview-root') return real.call(this);
        Element.prototype.getBoundingClientRect = real;
        throw new Error('boom');
      };
    });
    await send(update(56, '', { body: { kind: 'patch', baseSeq: 55, patch: diffHtml(first, first.replace('two', 'three')) } }));
    await page.waitForFunction(() => document.getElementById('hatena-preview-root')!.childElementCount === 0);
    assert.equal(await page.evaluate(() => (document.querySelector('.hatena-cursor-marker') as HTMLElement).hidden), true, 'no bar on an empty page');
    // The host sends the whole page again (and, the cursor not having moved, no cursor line).
    await send(update(57, first.replace('two', 'three')));
    await page.waitForFunction(() => document.getElementById('hatena-preview-root')!.textContent!.includes('three'));
    const after = await page.evaluate(() => {
      const m = document.querySelector('.hatena-cursor-marker') as HTMLElement;
      const block = document.querySelector('p[data-line="2"]')!.getBoundingClientRect();
      return { hidden: m.hidden, line: m.dataset.line, top: Math.round(m.getBoundingClientRect().top), blockTop: Math.round(block.top), scrollY: window.scrollY };
    });
    assert.deepEqual({ ...after, scrollY: undefined }, { hidden: false, line: '2', top: after.blockTop, blockTop: after.blockTop, scrollY: undefined }, 'the bar is back beside the block');
    assert.ok(Math.abs(after.scrollY - 1200) <= 2, `back at the line it showed (scrollY ${after.scrollY}, not the top)`);
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('a scroll while a pointer is held down moves the editor however long the drag lasts; after release it stops', async () => {
    await send(update(60, article(`<p data-line="0">a</p>${tall}<p data-line="10">b</p>${tall}<p data-line="20">c</p>${tall}`)));
    await page.waitForFunction(() => document.querySelectorAll('#hatena-preview-root p').length >= 4);
    await page.evaluate(() => {
      // A clock the test can move: "held for five seconds" without waiting five seconds.
      const real = performance.now.bind(performance);
      const w = window as unknown as { __skew: number };
      w.__skew = 0;
      performance.now = () => real() + w.__skew;
    });
    const skew = (ms: number) => page.evaluate((m) => ((window as unknown as { __skew: number }).__skew += m), ms);
    const reveals = async () => (await posted()).filter((m) => m.type === 'revealLine').length;
    await skew(5000); // the clicks of the tests before are long past
    await frames();
    await posted();
    // A real mouse press on the page's scrollbar (its right edge), held.
    const width = await page.evaluate(() => window.innerWidth);
    await page.mouse.move(width - 4, 40);
    await page.mouse.down();
    await skew(5000);
    await page.evaluate(() => window.scrollTo(0, 900));
    await frames();
    assert.equal(await reveals(), 1, 'still dragging after 5 s: the editor follows');
    await page.mouse.up();
    await skew(5000);
    await page.evaluate(() => window.scrollTo(0, 1800));
    await frames();
    assert.equal(await reveals(), 0, 'released 5 s ago: a scroll now is not the reader\'s');
    // A touch drag: finger down, a long pause, finger moves.
    await page.evaluate(() => window.dispatchEvent(new TouchEvent('touchstart', { touches: [new Touch({ identifier: 1, target: document.body, clientX: 10, clientY: 10 })] })));
    await skew(5000);
    await page.evaluate(() => window.scrollTo(0, 900));
    await frames();
    assert.equal(await reveals(), 1, 'a finger held for 5 s is still scrolling');
    await page.evaluate(() => window.dispatchEvent(new TouchEvent('touchend', { touches: [] })));
    await skew(5000);
    await page.evaluate(() => window.scrollTo(0, 0));
    await frames();
    assert.equal(await reveals(), 0);
  });

  it('marks the cursor line beside the block without touching the code block\'s language label; raw HTML gets a real height', async () => {
    await send(update(70, article(
      '<p data-line="0">a</p><pre class="code lang-go" data-lang="go" data-line="2"><code>x := 1\ny := 2\nz := 3</code></pre>' +
        '<div class="code-line" data-line="7"></div><table><tr><td style="height:80px">raw HTML</td></tr></table><p data-line="10">b</p>',
    )));
    await page.waitForSelector('pre.code');
    const label = () => page.$eval('pre.code', (pre) => {
      const before = getComputedStyle(pre, '::before');
      return { content: before.content, float: before.float, position: before.position };
    });
    const plain = await label();
    assert.deepEqual(plain, { content: '"go"', float: 'right', position: 'static' });
    const markerBox = () => page.evaluate(() => {
      const m = document.querySelector('.hatena-cursor-marker') as HTMLElement;
      const r = m.getBoundingClientRect();
      return { hidden: m.hidden, top: Math.round(r.top), height: Math.round(r.height), left: Math.round(r.left) };
    });
    const boxOf = (selector: string) => page.$eval(selector, (e) => {
      const r = e.getBoundingClientRect();
      return { top: Math.round(r.top), height: Math.round(r.height), left: Math.round(r.left) };
    });
    await send({ type: 'cursorLine', line: 3 });
    await page.waitForSelector('.hatena-cursor-marker[data-line="2"]');
    assert.deepEqual(await label(), plain, 'the label stays in its corner with the cursor in the fence');
    assert.deepEqual(await page.$eval('pre.code', (pre) => pre.getAttributeNames()), ['class', 'data-lang', 'data-line'], 'the block itself is not touched');
    const pre = await boxOf('pre.code');
    const inFence = await markerBox();
    assert.equal(inFence.hidden, false);
    assert.deepEqual([inFence.top, inFence.height], [pre.top, pre.height], 'the marker spans the code block');
    assert.ok(inFence.left < pre.left, 'in the margin, left of the block');

    await send({ type: 'cursorLine', line: 8 });
    await page.waitForSelector('.hatena-cursor-marker[data-line="7"]');
    const table = await boxOf('table');
    const onHtml = await markerBox();
    assert.deepEqual([onHtml.hidden, onHtml.top, onHtml.height], [false, table.top, table.height], 'the raw HTML block\'s height, not its empty marker div\'s');
    await send({ type: 'cursorLine', line: 0 });
    assert.equal((await markerBox()).height, (await boxOf('p[data-line="0"]')).height);
  });

  it('the cursor bar and the scroll positions follow the notice bar above the post as it comes, goes and rewraps', async () => {
    await send(update(75, article(`<p data-line="0">a</p>${tall}<p data-line="10" id="target">b</p>${tall}`)));
    await page.waitForSelector('#target');
    await send({ type: 'cursorLine', line: 10 });
    await page.waitForSelector('.hatena-cursor-marker[data-line="10"]');
    // Measured right after each message is handled (a listener added after the page's own runs next), before any
    // observer could catch up: the bar is beside its block at every moment, not one notice-height off for a while.
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __measure: () => void };
      w.__gaps = [];
      w.__measure = () => {
        const m = document.querySelector('.hatena-cursor-marker') as HTMLElement;
        const target = document.getElementById('target');
        if (target && !m.hidden) w.__gaps.push(Math.round(m.getBoundingClientRect().top) - Math.round(target.getBoundingClientRect().top));
      };
      window.addEventListener('message', w.__measure);
    });
    const gaps = () => page.evaluate(() => (window as unknown as { __gaps: number[] }).__gaps.splice(0));
    const noticeShown = () => page.evaluate(() => !document.getElementById('hatena-preview-notice')!.hidden);
    const targetTop = () => page.$eval('#target', (t) => Math.round(t.getBoundingClientRect().top));
    try {
      await send({ type: 'scrollToLine', line: 0 }); // the block positions are measured (and kept) now
      await frames();
      // "Catching up…" comes (its own message) and pushes the post down.
      await send({ type: 'notice', notice: { kind: 'behind', text: 'The preview is catching up with your typing…' } });
      assert.equal(await noticeShown(), true);
      assert.deepEqual(await gaps(), [0, 0], 'the bar moved down with its block');
      // Scroll sync measures the blocks where they are now, not where they were before the notice.
      await send({ type: 'scrollToLine', line: 10 });
      await frames();
      assert.ok(Math.abs(await targetTop()) <= 1, `line 10 at the top (its block at ${await targetTop()} px)`);
      // The next update takes the notice away: the bar is placed after that, not before.
      await send(update(76, article(`<p data-line="0">a</p>${tall}<p data-line="10" id="target">b</p>${tall}`)));
      await page.waitForFunction(() => document.getElementById('hatena-preview-notice')!.hidden);
      assert.deepEqual(await gaps(), [0, 0], 'after the scroll message, and after the update');
      // The notice rewraps (a font loads, its text changes height): nothing but the bar's own size changed.
      await send(update(77, article(`<p data-line="0">a</p>${tall}<p data-line="10" id="target">b</p>${tall}`), { notice: { kind: 'truncated', text: 'Large document' } }));
      assert.deepEqual(await gaps(), [0]);
      await page.evaluate(() => (document.getElementById('hatena-preview-notice')!.style.paddingBottom = '60px'));
      await waitFor(async () => (await page.evaluate(() => {
        const m = document.querySelector('.hatena-cursor-marker')!.getBoundingClientRect().top;
        return Math.round(m) === Math.round(document.getElementById('target')!.getBoundingClientRect().top);
      })), 'the bar followed the taller notice');
    } finally {
      await page.evaluate(() => {
        const w = window as unknown as { __measure: () => void };
        window.removeEventListener('message', w.__measure);
        document.getElementById('hatena-preview-notice')!.style.paddingBottom = '';
      });
      await send(update(78, article('<p data-line="0">x</p>')));
      await page.waitForFunction(() => document.getElementById('hatena-preview-notice')!.hidden);
      await page.evaluate(() => window.scrollTo(0, 0));
      await posted();
    }
  });

  it('an <a name> or <a id> without href (a footnote\'s or an anchor\'s target) is no link: clicks go through, a double-click selects its line', async () => {
    await send(update(79, article(
      '<p data-line="0">x</p><p data-line="3"><a name="anchor" id="named">named anchor</a> and <a id="id-only">id only</a></p>' +
        '<details data-line="5" id="details"><summary><a name="in-summary" id="in-summary">toggle</a></summary><p>inside</p></details>',
    )));
    await page.waitForSelector('#named');
    await posted();
    await page.evaluate(() => {
      const w = window as unknown as { __prevented: boolean[] };
      w.__prevented = [];
      window.addEventListener('click', (e) => w.__prevented.push(e.defaultPrevented));
    });
    await page.click('#in-summary');
    assert.equal(await page.$eval('#details', (d) => (d as HTMLDetailsElement).open), true, 'the <summary> toggled: its click was not taken as a link\'s');
    await page.click('#id-only');
    await page.dblclick('#named');
    const messages = await posted();
    assert.deepEqual(messages.filter((m) => m.type === 'openLink'), []);
    assert.deepEqual(messages.filter((m) => m.type === 'selectLine'), [{ type: 'selectLine', line: 3 }], 'the double-click put the cursor on its line');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __prevented: boolean[] }).__prevented), [false, false, false, false]);
  });

  it('an image with a srcset, or inside <picture>, that cannot load becomes the placeholder too', async () => {
    await send(update(80, article(
      '<p data-line="0"><img srcset="http://broken.test/a.png 1x, http://broken.test/a2.png 2x" alt="srcset" id="s" width="200" height="100"></p>' +
        '<p data-line="2"><picture><source srcset="http://broken.test/b.webp" type="image/webp"><img src="http://broken.test/b.jpg" alt="pic" id="p" width="120" height="90"></picture></p>',
    )));
    await page.waitForFunction(() => document.querySelectorAll('img.hatena-image-unavailable').length === 2);
    const state = await page.$$eval('#s, #p', (imgs) => imgs.map((i) => ({
      src: (i.getAttribute('src') ?? '').slice(0, 18), srcset: i.getAttribute('srcset'), loaded: (i as HTMLImageElement).naturalWidth > 0,
      notation: i.getAttribute('data-hatena-notation'),
    })));
    assert.deepEqual(state.map((s) => [s.src, s.srcset, s.loaded]), [['data:image/svg+xml', null, true], ['data:image/svg+xml', null, true]]);
    assert.equal(await page.$eval('picture source', (s) => s.hasAttribute('srcset')), false, 'the <source> no longer wins over the placeholder');
    // The next render of the same images shows the placeholders at once.
    await send(update(81, article(
      '<p data-line="0"><img srcset="http://broken.test/a.png 1x, http://broken.test/a2.png 2x" alt="srcset" id="s" width="200" height="100"></p>' +
        '<p data-line="2"><picture><source srcset="http://broken.test/b.webp" type="image/webp"><img src="http://broken.test/b.jpg" alt="pic" id="p" width="120" height="90"></picture></p><p data-line="4">more</p>',
    )));
    await page.waitForFunction(() => document.querySelectorAll('#hatena-preview-root p').length === 3);
    assert.equal(await page.$$eval('img.hatena-image-unavailable', (i) => i.length), 2);
  });

  it('the Hatena look ignores the colours VS Code gives every webview (a dark theme here); the theme look uses them', async () => {
    await send(update(90, article(
      '<p data-line="0">text <code id="code">inline</code> <kbd id="kbd">Ctrl</kbd> <a href="https://example.com/" id="link"><code id="link-code">linked</code></a></p>' +
        '<pre data-line="2"><code id="block">block</code></pre><blockquote data-line="4" id="quote"><p>q</p></blockquote>',
    ), { style: 'hatena' }));
    await page.waitForSelector('#code');
    const colours = () => page.evaluate(() => {
      const c = (sel: string, prop: string) => getComputedStyle(document.querySelector(sel)!).getPropertyValue(prop);
      return {
        bodyClass: document.body.className,
        html: c('html', 'background-color'), body: c('body', 'color'), weight: c('body', 'font-weight'), scrollbar: c('html', 'scrollbar-color'),
        code: c('#code', 'color'), codeBg: c('#code', 'background-color'), kbd: c('#kbd', 'color'), link: c('#link', 'color'),
        linkCode: c('#link-code', 'color'), block: c('#block', 'color'), quote: c('#quote', 'background-color'),
      };
    });
    assert.deepEqual(await colours(), {
      bodyClass: 'hatena-look', html: 'rgb(255, 255, 255)', body: 'rgb(69, 69, 69)', weight: '400', scrollbar: 'rgba(0, 0, 0, 0.28) rgb(255, 255, 255)',
      code: 'rgb(51, 51, 51)', codeBg: 'rgb(245, 245, 245)', kbd: 'rgb(51, 51, 51)', link: 'rgb(20, 135, 189)',
      linkCode: 'rgb(20, 135, 189)', block: 'rgb(51, 51, 51)', quote: 'rgb(245, 245, 245)',
    });
    // The look comes with every update (a page reloaded from an older shell converges on the current look).
    await send(update(91, article('<p data-line="0">text <code id="code">inline</code></p>'), { style: 'vscode' }));
    await page.waitForFunction(() => document.body.classList.contains('vscode-look'));
    const dark = await page.evaluate(() => ({ code: getComputedStyle(document.getElementById('code')!).color, html: getComputedStyle(document.documentElement).backgroundColor }));
    assert.deepEqual(dark, { code: 'rgb(204, 204, 204)', html: 'rgb(31, 31, 31)' });
    await send(update(92, article('<p data-line="0">x</p>')));
    await page.waitForFunction(() => document.body.classList.contains('hatena-look'));
  });
});
