import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { diffHtml } from '../../src/preview/htmlPatch';
import type { FromWebview, ToWebview } from '../../src/preview/protocol';
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
    await waitInFrame(frame, `document.querySelector('h3[data-line]').hasAttribute('data-hatena-active')`);
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

  it('screenshots both looks for the README', async () => {
    const { page, workspacePath } = workbench;
    await textEditor(page).click(); // focus back in the workbench, not in the webview
    await quickOpen(page, 'preview.md'); // untouched by the tests above: header, TOC, image, card, table, code
    await waitInFrame(frame, `document.querySelector('h1.entry-title')?.textContent === 'プレビューのテスト'`);
    await textEditor(page).click();
    await page.keyboard.press('Control+Home');
    await waitInFrame(frame, `window.scrollY < 5 && !!document.querySelector('img.hatena-image-unavailable')`);
    await page.waitForTimeout(300);
    await screenshot(page, 'preview-hatena');

    fs.mkdirSync(path.join(workspacePath, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspacePath, '.vscode', 'settings.json'), JSON.stringify({ 'hatenaWriter.preview.style': 'vscode' }));
    await waitInFrame(frame, `document.body.classList.contains('vscode-look')`);
    await page.waitForTimeout(300);
    await screenshot(page, 'preview-vscode');
  });
});

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
      const w = window as unknown as { __posted: unknown[]; acquireVsCodeApi: () => unknown };
      w.__posted = [];
      w.acquireVsCodeApi = () => ({ postMessage: (m: unknown) => w.__posted.push(m), getState: () => undefined, setState: () => undefined });
    });
    await page.addScriptTag({ path: path.join(__dirname, '..', '..', '..', 'dist', 'webview', 'preview.js') });
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

    // A stale render (older seq) is dropped; a patch against another base asks for a resync.
    await send(update(1, article('<p data-line="0">stale</p>')));
    await send(update(3, '', { body: { kind: 'patch', baseSeq: 1, patch: diffHtml(first, article('<p>x</p>')) } }));
    await page.waitForTimeout(100);
    assert.doesNotMatch(await page.$eval('#hatena-preview-root', (r) => r.textContent ?? ''), /stale|x$/);
    assert.deepEqual((await posted()).map((m) => m.type), ['applied', 'applied', 'resync']);
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

  it('hands links to the host, except #fragments, and never navigates', async () => {
    await send(update(20, article('<p data-line="0"><a href="https://example.com/" id="ext">ext</a> <a href="#f-1" id="frag">frag</a></p><p id="f-1" data-line="2">note</p>')));
    await page.waitForSelector('#ext');
    await posted();
    await page.click('#ext');
    await page.click('#frag');
    assert.deepEqual((await posted()).filter((m) => m.type === 'openLink'), [{ type: 'openLink', href: 'https://example.com/' }]);
    assert.equal(page.url(), 'http://preview.test/');
  });
});
