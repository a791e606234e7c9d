import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHatenaRenderer } from '../../../src/hatena';

// Compiled to out/test/unit/hatena; fixtures stay in the source tree.
const ROOT = join(__dirname, '..', '..', '..', '..');
const REPORT = join(ROOT, 'test', 'fixtures', 'reports', 'aws-summit-tokyo-2017.md');

const REPORTS_DIR = join(ROOT, 'test', 'fixtures', 'reports');

describe('every report fixture, end to end', () => {
  for (const name of readdirSync(REPORTS_DIR).filter((f) => f.endsWith('.md'))) {
    describe(name, () => {
      const file = join(REPORTS_DIR, name);
      const golden = file.replace(/\.md$/, '.html');
      const html = createHatenaRenderer().render(readFileSync(file, 'utf8')).html;

      it('matches its reviewed golden HTML (UPDATE_GOLDEN=1 rewrites it)', () => {
        if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, html);
        // A missing golden file fails: writing it here would pass whatever the renderer produced.
        assert.ok(existsSync(golden), `${golden} is missing: review the output, then write it with UPDATE_GOLDEN=1`);
        assert.equal(html, readFileSync(golden, 'utf8'));
      });

      it('every footnote ref has its note and every TOC link its heading', () => {
        assert.doesNotMatch(html, /hatena-render-error/);
        const refs = [...html.matchAll(/<a href="#f-([0-9a-f]{8})" id="fn-\1"/g)].map((m) => m[1]);
        const notes = [...html.matchAll(/<a href="#fn-([0-9a-f]{8})" id="f-\1"/g)].map((m) => m[1]);
        assert.deepEqual(notes, refs);
        const toc = /<ul class="table-of-contents">(.*?)<\/ul>\n/.exec(html)?.[1] ?? '';
        assert.ok(toc.length > 0, 'the report has a table of contents');
        for (const [, id] of toc.matchAll(/<a href="#([^"]+)">/g)) assert.match(html, new RegExp(`<h[1-6] id="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">`), id);
      });
    });
  }
});

describe('the AWS Summit report fixture, in detail', () => {
  const source = readFileSync(REPORT, 'utf8');
  const entry = createHatenaRenderer().render(source);
  const html = entry.html;

  it('exposes the blogsync front matter and never prints it', () => {
    assert.equal(entry.frontMatter?.title, 'AWS Summit Tokyo 2017に行ってきました');
    assert.deepEqual(entry.frontMatter?.categories, ['AWS', 'イベントレポート', 'AWS Summit']);
    assert.equal(entry.frontMatter?.draft, true);
    assert.doesNotMatch(html, /EditURL|Title:/);
  });

  it('renders every notation the report uses', () => {
    const count = (re: RegExp) => (html.match(re) ?? []).length;
    assert.equal(count(/<img src="https:\/\/cdn-ak\.f\.st-hatena\.com\/images\/fotolife\/y\/yasay\//g), 6);
    assert.equal(count(/<figure class="figure-image figure-image-fotolife" title="展示ブースの様子"><span itemscope/g), 1);
    assert.equal(count(/class="footnote-number">\*\d<\/a>/g), 3);
    assert.equal(count(/<ul class="table-of-contents">/g), 1);
    assert.equal(count(/<li><a href="#/g), 8);
    assert.equal(count(/<h[23] id="/g), 8);
    assert.equal(count(/<iframe src="https:\/\/hatenablog-parts\.com\/embed\?url=/g), 2);
    assert.equal(count(/embed-blogcard/g), 1);
    assert.equal(count(/<iframe width="459" height="344" src="https:\/\/www\.youtube\.com\/embed\/dQw4w9WgXcQ\?feature=oembed"/g), 1);
    assert.equal(count(/<cite class="hatena-citation">/g), 1);
    assert.equal(count(/class="hatena-more"/g), 1);
    assert.equal(count(/<pre class="code lang-(javascript|yaml|json|sh)" data-lang="\1" data-unlink>/g), 4);
    assert.equal(count(/<pre class="code shell" data-lang="shell" data-unlink>/g), 1);
    assert.equal(count(/class="hatena-id-link"/g), 3);
    assert.equal(count(/class="hatena-id-image"/g), 1);
    assert.equal(count(/class="hatena-(google|wikipedia|amazon|asin)"/g), 6);
    assert.equal(count(/class="hatena-asin-detail"/g), 1);
    assert.equal(count(/class="hatena-tex"/g), 1);
    assert.equal(count(/class="http-bookmark"/g), 2);
    assert.match(html, /エスケープの例: \(\(これは脚注になりません\)\) と \(\(これも脚注になりません\)\)。/);
    assert.match(html, /<!-- \[f:id:yasay:20170604220500j:plain\] -->/);
    assert.match(html, /<code>\[f:id:\.\.\.\]<\/code>/);
  });

  it('the workspace copy used by the editor tests is the same report', () => {
    assert.equal(readFileSync(join(ROOT, 'test', 'fixtures', 'workspace', 'report.md'), 'utf8'), source);
  });
});
