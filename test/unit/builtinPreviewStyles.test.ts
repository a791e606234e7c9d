import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHatenaRenderer } from '../../src/hatena';

// media/builtin-preview.css is loaded into VS Code's built-in preview of EVERY Markdown file: each rule must select
// only what the Hatena plugin emits (so a README is not restyled), and take its colours from the theme.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const FILE = 'media/builtin-preview.css';
const css = fs.readFileSync(path.join(ROOT, FILE), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** [selectors, declarations] of each rule (the file has no at-rules). */
const rules = [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
  selectors: m[1].split(',').map((s) => s.trim()),
  declarations: m[2].split(/;(?![^(]*\))/).map((d) => d.trim()).filter(Boolean),
}));

/** Every class the renderer puts on the HTML of a post that uses each notation, as the built-in preview renders it. */
const POST = `[:contents]\n\n## Day 2（5/31）\n\n[f:id:yasay:20170604220500j:plain:w350] [f:id:yasay:20170604220500j:image:left] [f:id:yasay:20170604220500j:plain:right] ((脚注))\n\n` +
  '[https://www.awssummit.tokyo/:embed:cite]\n\n[https://www.youtube.com/watch?v=dQw4w9WgXcQ:embed]\n\n[https://yasay.hatenablog.com/entry/1:embed]\n\n<!-- more -->\n\n' +
  'id:yasay:detail id:yasay:image [asin:4774142298:detail] [tex:x] [https://b.example/:bookmark]\n\n```go\nx\n```\n';
const html = createHatenaRenderer({ embeds: 'card', headingIds: 'vscode' }).render(POST).html;
const emitted = new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/)));
/** Hatena's own caption markup (written as raw HTML in posts), styled like the published page. */
const HATENA_HTML = new Set(['figure-image']);
/** VS Code's preview <body> classes: only ever a prefix before one of ours. */
const BODY = new Set(['vscode-high-contrast']);

describe(`${FILE} (the built-in preview's styles for Hatena notation)`, () => {
  it('is contributed as markdown.previewStyles and packaged', () => {
    assert.deepEqual(manifest.contributes['markdown.previewStyles'], [`./${FILE}`]);
    assert.ok(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!media/**'));
    assert.ok(rules.length >= 20, `${rules.length} rules`);
  });

  it('every selector is scoped to a class the Hatena plugin emits (or its footnote mark)', () => {
    for (const selector of rules.flatMap((r) => r.selectors)) {
      const classes = [...selector.matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
      const ours = classes.filter((c) => emitted.has(c) || HATENA_HTML.has(c));
      const footnoteMark = /^a\[id\^="fn-"\]\[name\^="fn-"\]$/.test(selector);
      assert.ok(ours.length > 0 || footnoteMark, `${selector}: scoped by none of the plugin's classes`);
      for (const c of classes) assert.ok(emitted.has(c) || HATENA_HTML.has(c) || BODY.has(c), `${selector}: .${c} is not in the plugin's HTML`);
    }
    assert.match(html, /<a href="#f-[0-9a-f]{8}" id="fn-[0-9a-f]{8}" name="fn-[0-9a-f]{8}"/, 'the footnote mark the attribute selector means');
  });

  it('covers the parts issue 11 names: embed cards, 続きを読む, Fotolife, footnotes and the TOC', () => {
    const all = rules.flatMap((r) => r.selectors).join('\n');
    for (const part of ['.hatena-embed-card-link', '.hatena-embed-card-host', '.hatena-embed-card-url', '.hatena-more', 'img.hatena-fotolife', 'div.footnote', 'ul.table-of-contents', 'cite.hatena-citation']) {
      assert.ok(all.includes(part), part);
    }
    const rule = (selector: string) => rules.find((r) => r.selectors.includes(selector))?.declarations ?? [];
    // The host and the URL were run together as inline spans (www.awssummit.tokyohttps://…): each is its own line.
    assert.ok(rule('.hatena-embed-card .hatena-embed-card-link').includes('flex-direction: column'));
    assert.ok(rule('.hatena-embed-card .hatena-embed-card-host').includes('display: block'));
    assert.ok(rule('.hatena-embed-card .hatena-embed-card-url').includes('display: block'));
  });

  it('takes every colour from the theme (a literal only as the fallback of a --vscode-* variable)', () => {
    for (const declaration of rules.flatMap((r) => r.declarations)) {
      const [property, ...rest] = declaration.split(':');
      const value = rest.join(':').replace(/url\("[^"]*"\)/g, '');
      const themed = value.replace(/var\(--vscode-[\w-]+(?:,\s*(?:rgba?\([^)]*\)|#[0-9a-f]+|[\w-]+|var\(--vscode-[\w-]+\)))?\)/gi, 'THEME');
      assert.doesNotMatch(themed, /#[0-9a-f]{3,8}\b|rgba?\(|\b(?:white|black|gr[ae]y|red|blue)\b/i, `${property}: ${value}`);
    }
  });
});
