import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCtrlKChords, type Platform } from './vscodeDefaultChords';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
interface Keybinding { command: string; key: string; mac?: string; win?: string; linux?: string; when?: string }
const keybindings = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.keybindings as Keybinding[]);
const PLATFORMS: Platform[] = ['windows', 'linux', 'macos'];

/** The chord a keybinding has on a platform, as VS Code reads package.json. */
function chordOn(binding: Keybinding, platform: Platform): string {
  const key = platform === 'macos' ? binding.mac : platform === 'windows' ? binding.win : binding.linux;
  return (key ?? binding.key).toLowerCase();
}

/**
 * Keys input methods take for themselves: Ctrl+Space / Shift+Space / Ctrl+Shift+Space and Win+Space switch IMEs,
 * Alt+` is 半角/全角 on US keyboards, Ctrl+Alt+… is AltGr, and Japanese IMEs use Ctrl+Shift+… for mode changes.
 */
const IME_KEYS = /(?:^|\+)(?:ctrl\+space|shift\+space|ctrl\+shift\+|alt\+`|ctrl\+alt\+|(?:win|meta)\+space)|^(?:ctrl\+)?space$/;

describe('keybindings: no clash with VS Code\'s defaults on any platform, desktop or web', () => {
  it('the table of VS Code\'s Ctrl+K chords holds what it claims (it includes built-in extensions and the web-only chords)', () => {
    assert.equal(defaultCtrlKChords('linux', false)['ctrl+k v'], 'markdown.showPreviewToSide');
    assert.equal(defaultCtrlKChords('macos', false)['cmd+k v'], 'markdown.showPreviewToSide');
    assert.equal(defaultCtrlKChords('windows', true)['ctrl+k n'], 'workbench.action.files.newUntitledFile');
    assert.equal(defaultCtrlKChords('windows', false)['ctrl+k n'], undefined, 'desktop Windows keeps Ctrl+N for a new file');
    for (const platform of PLATFORMS) assert.ok(Object.keys(defaultCtrlKChords(platform, false)).length > 60, platform);
  });

  it('every contributed keybinding is a Ctrl+K / Cmd+K chord, so the table of those is the whole check', () => {
    assert.ok(keybindings.some((b) => b.command === 'hatenaWriter.insertReportSection'));
    assert.equal(keybindings.filter((b) => b.command === 'hatenaWriter.insertReportSection').length, 1);
    for (const binding of keybindings) {
      assert.match(chordOn(binding, 'windows'), /^ctrl\+k [^ ]+$/, binding.command);
      assert.match(chordOn(binding, 'linux'), /^ctrl\+k [^ ]+$/, binding.command);
      assert.match(chordOn(binding, 'macos'), /^cmd\+k [^ ]+$/, binding.command);
    }
  });

  for (const binding of keybindings) {
    for (const platform of PLATFORMS) {
      for (const web of [false, true]) {
        const where = `${platform}${web ? ' (web)' : ''}`;
        it(`${binding.command}: ${chordOn(binding, platform)} is free on ${where}`, () => {
          const chord = chordOn(binding, platform);
          const user = defaultCtrlKChords(platform, web)[chord];
          assert.equal(user, undefined, `${chord} is VS Code's default for ${user} on ${where}`);
        });
      }
    }

    it(`${binding.command}: no input-method switch in ${binding.key} / ${binding.mac ?? binding.key}`, () => {
      for (const platform of PLATFORMS) {
        for (const part of chordOn(binding, platform).split(' ')) assert.doesNotMatch(part, IME_KEYS, `${platform}: ${part}`);
      }
    });
  }

  it('the extension\'s own chords differ from each other on every platform', () => {
    for (const platform of PLATFORMS) {
      const chords = keybindings.map((b) => chordOn(b, platform));
      assert.equal(new Set(chords).size, chords.length, `${platform}: ${chords.join(', ')}`);
    }
  });
});
