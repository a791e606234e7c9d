import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startHatenaStandin, type Standin } from '../standin/hatenaStandin';
import { PNG_1X1 } from '../unit/photos/tinyImages';
import { waitFor } from '../vscode/poll';
import { editorText, findWebviewFrame, openWorkbench, quickOpen, runCommand, screenshot, type Workbench } from './workbench';

// Publishing as a writer does it, in the real workbench: Sign In… through the two input boxes, Save as Draft,
// Publish through the modal dialog, then a photo pasted into the post goes to Fotolife. Hatena is the loopback
// stand-in started here (the extension host, on the same machine, talks to it; the browser never does).

const API_KEY = `e2e-key-${Math.random().toString(36).slice(2, 10)}`;
const TITLE = 'E2Eで公開するレポート';
const POST = 'report-publish.md';

function waitForEditorText(page: Page, test: (text: string) => boolean, what: string, timeout = 30_000): Promise<string> {
  return waitFor(async () => {
    const text = await editorText(page).catch(() => '');
    return test(text) ? text : undefined;
  }, `the editor to show ${what}`, timeout);
}

/**
 * Waits for a notification with `text`. In the headless workbench toasts do not always pop up (the bell gets its
 * dot, the message is in the Notifications center), so after a few seconds the center is opened and read too.
 */
async function waitForNotification(page: Page, text: string | RegExp): Promise<string> {
  const matches = (t: string) => (typeof text === 'string' ? t.includes(text) : text.test(t));
  const read = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('.notifications-toasts .notification-list-item, .notifications-center .notification-list-item')].map(
        (e) => e.textContent ?? '',
      ),
    );
  const started = Date.now();
  let opened = false;
  try {
    return await waitFor(async () => {
      const found = (await read()).find(matches);
      if (found) return found;
      if (!opened && Date.now() - started > 3000) {
        opened = true;
        await page.locator('[id="status.notifications"]').click();
      }
      return undefined;
    }, `a notification ${String(text)}`, 30_000);
  } finally {
    if (opened) await page.locator('[id="status.notifications"]').click().catch(() => undefined);
  }
}

/** Every file under `dir` (not following symlinks), for looking for the key. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

describe('e2e: publish flow (sign in, save as draft, publish, photo paste) against the Hatena stand-in', function () {
  let standin: Standin;
  let workbench: Workbench;

  before(async () => {
    standin = await startHatenaStandin({ apiKey: API_KEY });
    workbench = await openWorkbench({
      settings: {
        'hatenaWriter.posts': ['**/*.md'],
        'hatenaWriter.fotolife.endpoint': standin.fotolifeEndpoint,
      },
    });
    fs.writeFileSync(
      path.join(workbench.workspacePath, POST),
      `---\nTitle: ${TITLE}\nCategory:\n- イベントレポート\nDraft: true\n---\n\n会場の様子をまとめます。\n\n## 感想\n\n楽しかった。\n`,
    );
  });
  after(async () => {
    await workbench?.close();
    await standin?.close();
  });

  it('Hatena: Sign In… takes the endpoint and the API key in two input boxes and says whose blog it is', async () => {
    const { page } = workbench;
    await quickOpen(page, POST);
    await runCommand(page, 'Hatena: Sign In…');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type(standin.endpoint);
    await page.keyboard.press('Enter');
    const password = page.locator('.quick-input-widget input[type="password"]');
    await password.waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.type(API_KEY);
    await page.keyboard.press('Enter');
    const toast = await waitForNotification(page, /Signed in to|Could not sign in/);
    assert.match(toast, /Signed in to “yasayの日記”/, toast);
  });

  it('Hatena: Save as Draft posts a draft and writes EditURL into the front matter', async () => {
    const { page } = workbench;
    await quickOpen(page, POST);
    await runCommand(page, 'Hatena: Save as Draft');
    const text = await waitForEditorText(page, (t) => t.includes('EditURL:'), 'EditURL: in the front matter');
    assert.match(text, /Draft: true/);
    assert.equal(standin.entries.length, 1, 'one entry on the stand-in');
    assert.equal(standin.entries[0].title, TITLE);
    assert.equal(standin.entries[0].draft, true, 'it is a draft');
    assert.ok(text.includes(standin.entries[0].id), `the EditURL names the entry ${standin.entries[0].id}: ${text.slice(0, 400)}`);
  });

  it('Hatena: Publish asks in a modal dialog, and after "Publish" the entry is public and the file has its URL', async () => {
    const { page } = workbench;
    await runCommand(page, 'Hatena: Open Preview to the Side');
    // The README picture wants the rendered preview beside the post.
    await findWebviewFrame(page, (doc) => !!doc.querySelector('#hatena-preview-root article.entry h1.entry-title'), 60_000);
    // Back to the post (the preview took focus), then Publish.
    await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click();
    await runCommand(page, 'Hatena: Publish');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    const question = (await dialog.textContent()) ?? '';
    assert.match(question, new RegExp(`Publish the changes to “${TITLE}” on yasay\\.hatenablog\\.com\\?`), question);
    assert.equal(standin.entries[0].draft, true, 'nothing is public before the answer');
    await screenshot(page, 'publish');
    await dialog.locator('.monaco-button', { hasText: /^Publish$/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });

    // (A draft already has a URL: the entry's future address. Publishing takes Draft: away.)
    const text = await waitForEditorText(page, (t) => !t.includes('Draft:'), 'the front matter without Draft:');
    assert.match(text.replace(/(Edit|Preview)URL: \S+/g, ''), /\bURL: https:\/\/yasay\.hatenablog\.com\/entry\//, 'URL: in the front matter');
    await waitFor(() => standin.entries[0]?.draft === false, 'the stand-in entry to be public', 20_000);
    assert.equal(standin.entries.length, 1, 'the same entry, not a second one');
    await waitForNotification(page, `Published “${TITLE}”`);
  });

  it('the API key is in no file of the workspace and not in the user settings.json', async () => {
    const { workspacePath } = workbench;
    // Let VS Code flush the editor and the settings.
    await waitFor(() => fs.readFileSync(path.join(workspacePath, POST), 'utf8').includes('EditURL:'), `${POST} saved with its EditURL`, 20_000).catch(() => undefined);
    const holding = filesUnder(workspacePath).filter((f) => fs.readFileSync(f).includes(API_KEY));
    assert.deepEqual(holding, [], 'files in the workspace holding the key');
    const userData = process.env.HATENA_CS_USER_DATA_DIR;
    if (!userData) {
      console.log('    (HATENA_CS_USER_DATA_DIR not set: user settings.json not checked)');
      return;
    }
    // blog.endpoint is machine-overridable: code-server keeps it in Machine/settings.json, beside User/settings.json.
    const settingsFiles = () => ['User', 'Machine'].map((d) => path.join(userData, d, 'settings.json')).filter((f) => fs.existsSync(f));
    const settings = await waitFor(() => {
      const all = settingsFiles().map((f) => fs.readFileSync(f, 'utf8')).join('\n');
      return all.includes(standin.endpoint) ? all : undefined;
    }, `the endpoint in ${userData}/{User,Machine}/settings.json`, 20_000);
    assert.ok(!settings.includes(API_KEY), `the key is in none of ${settingsFiles().join(', ')}`);
  });

  it('a PNG pasted into the post is uploaded to Fotolife and becomes [f:id:yasay:…p:plain]', async () => {
    const { page } = workbench;
    await page.locator('.editor-group-container').first().locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    // The clipboard as a browser hands it to VS Code: a paste event whose DataTransfer holds a PNG file.
    await page.evaluate((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'kaijou.png', { type: 'image/png' }));
      (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, composed: true, clipboardData: data }));
    }, [...PNG_1X1]);
    const text = await waitForEditorText(page, (t) => /\[f:id:yasay:\d{14}p:plain\]/.test(t), 'the Fotolife notation', 45_000);
    assert.doesNotMatch(text, /Uploading/, 'no placeholder left');
    assert.equal(standin.uploads.length, 1, 'one upload on the stand-in Fotolife');
    assert.equal(standin.uploads[0].mimeType, 'image/png');
    assert.ok(text.includes(`[f:id:yasay:${standin.uploads[0].id}p:plain]`), `the notation is the uploaded photo ${standin.uploads[0].id}`);
  });
});
