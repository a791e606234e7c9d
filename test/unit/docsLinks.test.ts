import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

// The README is the Marketplace page and docs/ the contributors' map: a moved or renamed file must not leave a
// dead link or a broken image behind, and the README must stay a short product page.
const ROOT = path.resolve(__dirname, '..', '..', '..');

function docFiles(): string[] {
  const docs = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => path.join('docs', f));
  return ['README.md', 'README.ja.md', 'CONTRIBUTING.md', ...docs];
}

/** Markdown with fenced code blocks and code spans blanked out, so `[a](b)` inside code is not a link. */
function withoutCode(markdown: string): string {
  return markdown
    .replace(/^(```+|~~~+)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '')
    .replace(/(`+)[\s\S]*?\1/g, '');
}

/** Targets of inline links and images `[text](target)` / `![alt](target "title")`, and of `<img src="…">`. */
export function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const targets: string[] = [];
  for (const m of text.matchAll(/!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) targets.push(m[1]);
  for (const m of text.matchAll(/<img\b[^>]*\bsrc="([^"]+)"/gi)) targets.push(m[1]);
  return targets;
}

/** Relative targets only (not http:, mailto:, a bare #fragment), without their fragment and query. */
export function relativeFiles(targets: string[]): string[] {
  return targets
    .filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'))
    .map((t) => decodeURIComponent(t.replace(/[#?].*$/, '')));
}

describe('docs: links and images', () => {
  it('finds links and images, and leaves code and absolute URLs out', () => {
    const sample = '[a](docs/x.md#top) ![i](images/p.png "t") [w](https://example.com) [f](#frag) `[c](code.md)`\n```\n[d](fenced.md)\n```\n<img src="a%20b.png">';
    assert.deepEqual(relativeFiles(linkTargets(sample)), ['docs/x.md', 'images/p.png', 'a b.png']);
  });

  for (const file of docFiles()) {
    it(`every relative link and image in ${file} resolves to a file`, () => {
      const markdown = fs.readFileSync(path.join(ROOT, file), 'utf8');
      const missing = relativeFiles(linkTargets(markdown)).filter((target) => {
        const resolved = path.resolve(ROOT, path.dirname(file), target);
        return !fs.existsSync(resolved) || !fs.statSync(resolved).isFile();
      });
      assert.deepEqual(missing, [], `${file} links to files that do not exist`);
    });
  }

  it('README.md is at most 10 KB', () => {
    const bytes = fs.statSync(path.join(ROOT, 'README.md')).size;
    assert.ok(bytes <= 10 * 1024, `README.md is ${bytes} bytes`);
  });

  it('the READMEs link to each other', () => {
    assert.ok(linkTargets(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).includes('README.ja.md'));
    assert.ok(linkTargets(fs.readFileSync(path.join(ROOT, 'README.ja.md'), 'utf8')).includes('README.md'));
  });
});
