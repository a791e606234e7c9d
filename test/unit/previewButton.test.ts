import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The editor-title button of "Hatena: Open Preview to the Side" sits beside VS Code's own Open Preview button on
// every Markdown file, so it needs an icon of its own, for light and dark themes, shipped in the package.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const command = manifest.contributes.commands.find((c: { command: string }) => c.command === 'hatenaWriter.showPreviewToSide');

describe('the editor-title preview button', () => {
  it('is in the editor title bar of Markdown files', () => {
    const entry = manifest.contributes.menus['editor/title'].find((m: { command: string }) => m.command === command.command);
    assert.equal(entry?.group, 'navigation');
    assert.match(entry.when, /editorLangId == markdown/);
  });

  it('has its own light and dark icon, not the codicon VS Code\'s Open Preview uses', () => {
    assert.equal(typeof command.icon, 'object', `icon: ${JSON.stringify(command.icon)}`);
    assert.deepEqual(Object.keys(command.icon).sort(), ['dark', 'light']);
    assert.notEqual(command.icon.light, command.icon.dark);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`the ${theme} icon is a 16×16 SVG that is packaged`, () => {
      const file: string = command.icon[theme];
      const svg = fs.readFileSync(path.join(ROOT, file), 'utf8');
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="16" height="16" viewBox="0 0 16 16"/);
      assert.doesNotMatch(svg, /<script|<image|href=/i, 'self-contained: no script, no linked image');
      const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n');
      assert.ok(ignore.includes(`!${path.dirname(file)}/**`) || ignore.includes(`!${file}`), `${file} is in the .vsix`);
    });
  }

  it('the dark icon is light on dark, the light icon dark on light', () => {
    const stroke = (theme: 'light' | 'dark') => /stroke="#([0-9a-f]{6})"/i.exec(fs.readFileSync(path.join(ROOT, command.icon[theme]), 'utf8'))![1];
    const luminance = (hex: string) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)).reduce((a, b) => a + b, 0) / 3;
    assert.ok(luminance(stroke('light')) < 100 && luminance(stroke('dark')) > 150, `${stroke('light')} / ${stroke('dark')}`);
  });
});
