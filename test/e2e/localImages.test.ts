import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame } from 'playwright-core';
import { waitFor } from '../vscode/poll';
import { findWebviewFrame, openWorkbench, quickOpen, runCommand, type Workbench } from './workbench';

// A workspace image in the post (`![点](./img/dot.png)`) loads in the webview, and shows the new file after it is
// saved again on disk (a cache-busting version on its URL).

type ImageState = { src: string; loaded: boolean; failed: boolean } | null;

async function imageState(frame: Frame): Promise<ImageState> {
  // (An evaluate from the outside: the preview's CSP refuses Playwright's waitForFunction, which evals in the page.)
  return frame.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>('img[data-hatena-src="./img/dot.png"]');
    if (!img) return null;
    return { src: img.getAttribute('src') ?? '', loaded: img.complete && img.naturalWidth > 0, failed: img.hasAttribute('data-hatena-failed-src') };
  });
}

function waitForImage(frame: Frame, test: (s: NonNullable<ImageState>) => boolean, what: string): Promise<NonNullable<ImageState>> {
  return waitFor(async () => {
    const state = await imageState(frame).catch(() => null);
    return state && test(state) ? state : undefined;
  }, `the workspace image to be ${what}`, 30_000);
}

describe('e2e: workspace images in the preview', function () {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  it('loads ./img/dot.png through the webview, and again after the file is saved on disk', async () => {
    const { page, workspacePath } = workbench;
    await quickOpen(page, 'preview.md');
    await runCommand(page, 'Hatena: Open Preview to the Side');
    const frame = await findWebviewFrame(page, (doc) => !!doc.querySelector('img[data-hatena-src="./img/dot.png"]'));
    const first = await waitForImage(frame, (s) => s.loaded, 'loaded');
    assert.equal(first.failed, false);

    const file = path.join(workspacePath, 'img', 'dot.png');
    fs.writeFileSync(file, fs.readFileSync(file)); // saved again, as an image editor would
    const second = await waitForImage(frame, (s) => s.src !== first.src && s.loaded, 'reloaded under a new URL');
    assert.match(second.src, /hatena-version/);
    assert.equal(second.failed, false);
  });
});
