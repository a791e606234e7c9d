import * as assert from 'node:assert/strict';
import { unexpectedOrigins } from '../vscode/browser';
import { findWebviewFrame, openWorkbench, quickOpen, runCommand, screenshot, type Workbench } from './workbench';

// The vertical slice, like a person: open a report, run the palette command, see the Fotolife image.
describe('e2e: the packaged extension in the real workbench', function () {
  let workbench: Workbench;
  before(async () => {
    workbench = await openWorkbench();
  });
  after(async () => {
    await workbench?.close();
  });

  it('"Hatena: Open Preview to the Side" renders the Fotolife image from the CDN URL', async () => {
    const { page } = workbench;
    await quickOpen(page, 'slice.md');
    await runCommand(page, 'Hatena: Open Preview to the Side');
    const frame = await findWebviewFrame(page, (doc) => !!doc.querySelector('img.hatena-fotolife'));
    // Offline (as in tests) the image fails to load and its placeholder keeps the CDN URL it asked for.
    const cdn = 'https://cdn-ak.f.st-hatena.com/images/fotolife/y/yasay/20170604/20170604220500.jpg';
    const image = await frame.$eval('img.hatena-fotolife', (img) => ({ src: img.getAttribute('src'), failed: img.getAttribute('data-hatena-failed-src') }));
    assert.ok(image.src === cdn || image.failed === cdn, JSON.stringify(image));
    await screenshot(page, 'slice-preview');
  });

  it('reached nothing outside loopback', () => {
    // Requests are aborted anyway; this tells us when something tried (CDN images are expected).
    assert.deepEqual(unexpectedOrigins(workbench.blocked), []);
  });
});
