import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The runner installs the packaged .vsix into code-server; what landed is what users get.
describe('e2e: the packaged .vsix', () => {
  const dir = process.env.HATENA_VSIX_EXTENSION_DIR ?? '';
  const files = () => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());

  it('ships the bundles, assets, nls files and docs', () => {
    // vsce stores the docs as readme.md, changelog.md and LICENSE.txt; README.ja.md (linked from the README) keeps its name.
    const shipped = new Set(files());
    for (const f of ['package.json', 'package.nls.json', 'package.nls.ja.json', 'l10n/bundle.l10n.ja.json', 'readme.md', 'README.ja.md', 'changelog.md', 'LICENSE.txt',
      'dist/extension.js', 'dist/web/extension.js', 'dist/webview/preview.js', 'dist/cli.js',
      'syntaxes/hatena-markdown.injection.tmLanguage.json', 'syntaxes/hatena-markdown-block.injection.tmLanguage.json', 'snippets/hatena.code-snippets', 'media/hatena.css', 'media/builtin-preview.css', 'media/preview-light.svg', 'media/preview-dark.svg', 'images/icon.png']) {
      assert.ok(shipped.has(f), `${f} is in the .vsix`);
    }
  });

  it('ships no sources, tests, source maps or node_modules', () => {
    // The icon's SVG source stays out (images/icon.svg); the editor-title icons in media/ are assets.
    const unwanted = files().filter((f) => /^(src|test|bench|out|node_modules|\.vscode-test)\/|\.map$|\.ts$|^images\/.*\.svg$|tsconfig|esbuild/.test(f));
    assert.deepEqual(unwanted, []);
  });

  it('declares an icon that is in the package', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { icon?: string };
    assert.equal(manifest.icon, 'images/icon.png');
    assert.ok(fs.statSync(path.join(dir, manifest.icon)).size > 1000);
  });

  it('ships minified production bundles', () => {
    const bundle = fs.readFileSync(path.join(dir, 'dist', 'extension.js'), 'utf8');
    assert.ok(!bundle.includes('sourceMappingURL'), 'no source map reference');
    // Minified output is a few very long lines (template literals keep their own newlines).
    assert.ok(Math.max(...bundle.split('\n').map((l) => l.length)) > 10_000, 'minified');
  });
});
