import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { openWorkbench, quickOpen, runCommand, screenshot, type Workbench } from './workbench';

// The injection grammar as a writer sees it: colours in the real editor, and the scopes VS Code's own
// "Developer: Inspect Editor Tokens and Scopes" reports (1.139 has no command that returns them to a test).

const EDITOR = '.editor-group-container .monaco-editor .view-lines';

/** The rendered token span (Monaco's `span.mtkN`) whose text is `text` (exactly, or containing it), nth on screen. */
function tokenSpan(page: Page, text: string, nth = 0, exact = true) {
  // Monaco renders spaces as U+00A0.
  const pattern = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \u00a0]');
  return page.locator(`${EDITOR} .view-line span > span`).filter({ hasText: new RegExp(exact ? `^${pattern}$` : pattern) }).nth(nth);
}

async function colorOf(page: Page, text: string, nth = 0): Promise<string> {
  return tokenSpan(page, text, nth).evaluate((e) => getComputedStyle(e).color);
}

/** Clicks into `text`, opens the inspector, returns its text (the TextMate scopes among it), closes it. */
async function inspectScopes(page: Page, text: string, nth = 0, exact = true): Promise<string> {
  await tokenSpan(page, text, nth, exact).click({ position: { x: 4, y: 4 } });
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForFunction(() => /textmate scopes/i.test(document.querySelector('.token-inspect-widget')?.textContent ?? ''), undefined, { timeout: 15_000 });
  const content = (await widget.textContent()) ?? '';
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  return content;
}

describe('e2e: Hatena notation highlighted in the real editor', function () {
  let workbench: Workbench;

  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  it('colours the Fotolife timestamp unlike the prose around it, and leaves code as code', async () => {
    const { page } = workbench;
    await quickOpen(page, 'grammar-sample.md');
    const stamp = tokenSpan(page, '20170604220500');
    await stamp.waitFor({ timeout: 30_000 });
    // Tokens are coloured asynchronously (TextMate runs in a worker): wait until the id's colour differs from prose.
    const plain = await colorOf(page, '会場の様子です');
    await page.waitForFunction(
      ([selector, prose]) => {
        const span = [...document.querySelectorAll(`${selector} .view-line span > span`)].find((e) => e.textContent === '20170604220500');
        return !!span && getComputedStyle(span).color !== prose;
      },
      [EDITOR, plain] as const,
      { timeout: 30_000 },
    );
    assert.notEqual(await colorOf(page, '20170604220500'), plain, 'the 14-digit image id is coloured');
    assert.notEqual(await colorOf(page, 'yasay'), plain, 'the user id is coloured');
    assert.equal(await colorOf(page, '会場の様子です'), plain, 'prose keeps the text colour');
    await screenshot(page, 'grammar');
  });

  it('"Inspect Editor Tokens and Scopes" shows the Hatena scopes, and none inside the code fence', async () => {
    const { page } = workbench;
    const image = await inspectScopes(page, '20170604220500');
    assert.match(image, /constant\.numeric\.date-time\.fotolife\.hatena/);
    assert.match(image, /meta\.image\.fotolife\.hatena/);
    const invalid = await inspectScopes(page, '2017060422050');
    assert.match(invalid, /invalid\.illegal\.date-time\.fotolife\.hatena/);
    // The caption <figure>: the block grammar's rule, whose options come from the inline grammar (an include
    // across grammars that VS Code resolves by scope name).
    const caption = await inspectScopes(page, '20170604224500');
    assert.match(caption, /constant\.numeric\.date-time\.fotolife\.hatena/);
    assert.match(await inspectScopes(page, 'w', 1), /entity\.other\.attribute-name\.width\.fotolife\.hatena/);
    const more = await inspectScopes(page, 'more', 0);
    assert.match(more, /keyword\.control\.more\.hatena/);
    // The line inside ```javascript: a JavaScript comment token, no Hatena scope.
    const fenced = await inspectScopes(page, 'コードの中は記法になりません', 0, false);
    assert.match(fenced, /markup\.fenced_code\.block\.markdown/);
    assert.doesNotMatch(fenced, /\.hatena/);
  });
});
