import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { waitFor } from '../vscode/poll';
import { editorLines, editorText, openWorkbench, quickOpen, screenshot, type Workbench } from './workbench';

// Issue 6's promise, with a real keyboard: scaffold a report without Ctrl+Space (the IME switch for many
// Japanese users). Ctrl+K A opens the section picker; typing `[f:` opens Hatena completions by itself.

function waitForEditorText(page: Page, test: (text: string) => boolean, what: string): Promise<string> {
  return waitFor(async () => {
    const text = await editorText(page);
    return test(text) ? text : undefined;
  }, `the editor to show ${what}`, 20_000);
}

describe('e2e: writing a report without Ctrl+Space', function () {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench({ settings: { 'hatenaWriter.hatenaId': 'yasay', 'hatenaWriter.posts': ['**/*.md'] } });
  });
  after(async () => {
    await workbench?.close();
  });

  it('Ctrl+K A picks a report section and inserts it as a snippet', async () => {
    const { page } = workbench;
    await quickOpen(page, 'slice.md');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('A');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('kansou');
    // Enter once the filtered list holds just the 感想 section and it is the focused row.
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.quick-input-list .monaco-list-row')];
      return rows.length === 1 && rows[0].classList.contains('focused') && (rows[0].textContent ?? '').includes('hatena-kansou');
    }, undefined, { timeout: 20_000 });
    await page.keyboard.press('Enter');
    await waitForEditorText(page, (t) => t.includes('## 感想'), 'the 感想 section');
  });

  it('typing [f: offers Fotolife completions with the Hatena id, and accepting one inserts the notation', async () => {
    const { page } = workbench;
    await page.keyboard.press('Escape'); // leave snippet mode
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('[f:');
    const suggest = page.locator('.editor-widget.suggest-widget .monaco-list-row');
    await suggest.first().waitFor({ state: 'visible', timeout: 20_000 });
    const labels = await suggest.allTextContents();
    assert.ok(labels.some((l) => l.includes('yasay')), `the suggestions offer id yasay: ${labels.join(' | ')}`);
    await screenshot(page, 'completion-fotolife');
    await page.keyboard.press('Enter');
    // slice.md already holds [f:id:yasay:20170604220500j:plain]: look for the inserted one, with its hhmmss field.
    await waitForEditorText(page, (t) => /\[f:id:yasay:\d{8}hhmmss/.test(t), 'an inserted [f:id:yasay:YYYYMMDDhhmmss…');
    // If auto-closing put a `]` after `[`, the completion must take it over, not leave a second one.
    const inserted = (await editorLines(page)).filter((l) => l.includes('hhmmss'));
    assert.equal(inserted.length, 1, `one inserted notation: ${inserted.join(' | ')}`);
    assert.match(inserted[0], /^\[f:id:yasay:\d{8}hhmmssj:plain\]$/, `one complete notation on the line, one ], nothing doubled: ${inserted[0]}`);
  });
});
