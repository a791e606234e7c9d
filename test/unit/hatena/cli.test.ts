import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { runCli } from '../../../src/cli';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const REPORT = join(ROOT, 'test', 'fixtures', 'reports', 'aws-summit-tokyo-2017.md');

function cli(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 30_000 });
}

describe('CLI: node dist/cli.js render', function () {
  this.timeout(60_000);

  before(() => {
    // `npm test` builds first; a bare `mocha` run builds the bundles itself rather than testing a stale one.
    if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
  });

  it('prints the entry body HTML for FILE', () => {
    const r = cli(['render', REPORT]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^<p>5月30日から/);
    assert.match(r.stdout, /<img src="https:\/\/cdn-ak\.f\.st-hatena\.com\/images\/fotolife\/y\/yasay\/20170604\/20170604220500\.jpg"/);
    assert.doesNotMatch(r.stdout, /<html|Title:/);
    // For pasting into Hatena: the cut is the bare comment, no visible label.
    assert.match(r.stdout, /\n<!-- more -->\n/);
    assert.doesNotMatch(r.stdout, /hatena-more/);
  });

  it('reads standard input for -, BOM stripped', () => {
    const r = cli(['render', '-'], '\uFEFF# 見出し\n\nid:yasay((注))\n');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<h1 id="見出し">見出し<\/h1>\n<p><a href="https:\/\/blog\.hatena\.ne\.jp\/yasay\/" class="hatena-id-link">id:yasay<\/a><a href="#f-/);
  });

  it('--page prints a standalone page with the article structure and the title', () => {
    const r = cli(['render', '--page', REPORT]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">/);
    assert.match(r.stdout, /<title>AWS Summit Tokyo 2017に行ってきました<\/title>/);
    assert.match(r.stdout, /<article class="entry"><div class="entry-inner"><header class="entry-header"><div class="date entry-date">/);
    assert.match(r.stdout, /<div class="entry-content hatenablog-entry"><p>5月30日から/);
    assert.match(r.stdout, /<div class="hatena-more" role="separator" aria-label="続きを読む"><!-- more -->/);
    // media/hatena.css is the preview's; when it ships it is inlined.
    if (existsSync(join(ROOT, 'media', 'hatena.css'))) assert.match(r.stdout, /<style>\n/);
    assert.match(r.stdout, /<\/html>\n$/);
  });

  it('a missing file exits 1 with one clear line', () => {
    const r = cli(['render', join(tmpdir(), 'no-such-report.md')]);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^error: cannot read .*no-such-report\.md: no such file\n$/);
  });

  it('a directory exits 1; bad usage exits 2, each with one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hatena-cli-'));
    const r = cli(['render', dir]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /: is a directory\n$/);
    for (const args of [['render'], ['render', '--nope', 'x.md'], ['publish', 'x.md'], ['render', 'a.md', 'b.md']]) {
      const u = cli(args);
      assert.equal(u.status, 2, args.join(' '));
      assert.equal(u.stderr.split('\n').length, 2, u.stderr);
      assert.match(u.stderr, /^error: .*usage: node dist\/cli\.js render \[--page\] FILE\|-/);
    }
    assert.equal(cli([]).status, 2);
  });

  it('a note that refers to itself renders (it once overflowed the stack and still exited 0)', () => {
    const r = cli(['render', '-'], 'x[^a]\n\n[^a]: see [^a]\n');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^<p>x<a href="#f-([0-9a-f]{8})" id="fn-\1" name="fn-\1" title="see \*1">\*1<\/a><\/p>\n<div class="footnote">\n/);
    assert.match(r.stdout, /<span class="footnote-text">see <a href="#f-[0-9a-f]{8}" title="see \*1">\*1<\/a><\/span>/);
  });

  it('runCli: a renderer failure exits 3 with one line on stderr and no HTML', () => {
    const parse = MarkdownIt.prototype.parse;
    MarkdownIt.prototype.parse = () => { throw new RangeError('Maximum call stack size exceeded'); };
    try {
      for (const [args, where] of [[['render', 'a.md'], 'a.md'], [['render', '--page', '-'], 'standard input']] as const) {
        let out = '';
        let err = '';
        const code = runCli(args, {
          stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, readInput: () => 'x\n', cssPath: 'missing.css',
        });
        assert.equal(code, 3);
        assert.equal(out, '');
        assert.equal(err, `error: cannot render ${where}: Maximum call stack size exceeded\n`);
      }
    } finally {
      MarkdownIt.prototype.parse = parse;
    }
  });

  it('runCli: the page works without the CSS file', () => {
    let out = '';
    const dir = mkdtempSync(join(tmpdir(), 'hatena-cli-'));
    const code = runCli(['render', '--page', 'a.md'], {
      stdout: (t) => { out += t; }, stderr: () => undefined,
      readInput: () => '---\nTitle: "</title><script>"\n---\nx\n', cssPath: join(dir, 'missing.css'),
    });
    assert.equal(code, 0);
    assert.doesNotMatch(out, /<style>/);
    assert.match(out, /<title>&lt;\/title&gt;&lt;script&gt;<\/title>/);
  });
});
