import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Runtime messages go through vscode.l10n.t; a Japanese VS Code shows l10n/bundle.l10n.ja.json's text.
const ROOT = path.resolve(__dirname, '..', '..', '..');

function messagesInSource(): Set<string> {
  const found = new Set<string>();
  const files = (fs.readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
  for (const file of files) {
    const text = fs.readFileSync(path.join(ROOT, 'src', file), 'utf8');
    for (const m of text.matchAll(/l10n\.t\(\s*(['`])((?:\\.|(?!\1)[^\\])*)\1/g)) found.add(m[2].replace(/\\(['"`\\])/g, '$1'));
  }
  return found;
}

describe('l10n: Japanese bundle', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;

  it('the manifest points VS Code at the bundle folder', () => {
    assert.equal(manifest.l10n, './l10n');
  });

  it('translates every message the extension shows, and nothing stale', () => {
    const source = messagesInSource();
    assert.ok(source.size >= 10, `found ${source.size} messages`);
    assert.deepEqual([...source].filter((m) => !(m in bundle)), [], 'messages without a translation');
    assert.deepEqual(Object.keys(bundle).filter((m) => !source.has(m)), [], 'translations of messages no longer used');
  });

  it('keeps every {n} placeholder in the translation', () => {
    for (const [en, ja] of Object.entries(bundle)) {
      const holes = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(holes(ja), holes(en), en);
    }
  });
});
