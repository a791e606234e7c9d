import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHatenaRenderer, IncrementalRenderer, type HatenaRendererOptions, type IncrementalResult } from '../../../src/hatena';
import { applyBlockPatchToHtml } from '../blockPatchModel';
import { prng } from '../cpuTime';

/*
 * The oracle: after every step of seeded random edit sequences on the real fixtures, the incremental renderer gives
 * exactly what a full render of the same text gives, and its change turns the previous HTML into the new one.
 * ORACLE_SEED and ORACLE_SEQUENCES override the defaults; a failure names the seed, fixture and step.
 */

const SEED = Number(process.env.ORACLE_SEED ?? 13);
const SEQUENCES = Number(process.env.ORACLE_SEQUENCES ?? 1200);
const STEPS = 6;
const ROOT = join(__dirname, '..', '..', '..', '..');
const PREVIEW_OPTIONS: HatenaRendererOptions = { sourceLines: true, embeds: 'card' };

function fixtures(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  for (const dir of ['test/fixtures/reports', 'test/fixtures/workspace']) {
    for (const file of readdirSync(join(ROOT, dir)).filter((f) => f.endsWith('.md')).sort()) {
      found.push({ name: `${dir}/${file}`, text: readFileSync(join(ROOT, dir, file), 'utf8') });
    }
  }
  return found;
}

/** What a writer types or deletes; the notation that is document-wide or spans blocks is over-represented. */
const INSERTS = [
  'a', 'a', 'a', 'あ', ' ', 'x y', '\n', '\n', '\n\n', '```\n', '```go\n', '((', '))', '((note))', '[:contents]\n', '# ',
  '## Heading\n', '### 見出し', '- ', '* ', '1. ', '> ', '    ', '\t', '[^1]', '[^1]: note\n', '[^x]: other\n',
  '[x]: https://example.com/\n', '[x]', '[y][x]', '<div>', '</div>', '<div class="box">\n', '---\n', '---', '...\n',
  '|a|b|\n|-|-|\n', '<!-- more -->\n', '<!--', '-->', '*', '**', '`', '[f:id:yasay:20170604220500j:plain]',
  '[https://example.com/:embed]', 'data-line="3"', '<p data-line="7">', '\r\n', '===\n', '<pre>\n', '</pre>\n',
];

type Edit = (text: string) => string;

function editor(random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  let cursor = -1;
  /** Mostly near the last edit (typing), sometimes anywhere, sometimes at a line start. */
  const position = (text: string): number => {
    if (cursor < 0 || cursor > text.length || random() < 0.25) cursor = Math.floor(random() * (text.length + 1));
    if (random() < 0.3) cursor = text.lastIndexOf('\n', cursor - 1) + 1;
    return cursor;
  };
  const edits: Edit[] = [
    (text) => {
      const at = position(text);
      const insert = pick(INSERTS);
      cursor = at + insert.length;
      return text.slice(0, at) + insert + text.slice(at);
    },
    (text) => {
      const at = position(text);
      const length = 1 + Math.floor(random() * (random() < 0.8 ? 3 : 40));
      return text.slice(0, at) + text.slice(at + length);
    },
    (text) => {
      // A whole line.
      const at = position(text);
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const end = text.indexOf('\n', at);
      return text.slice(0, start) + (end < 0 ? '' : text.slice(end + 1));
    },
    (text) => {
      // A line moved elsewhere (cut and paste).
      const at = position(text);
      const start = text.lastIndexOf('\n', at - 1) + 1;
      const end = text.indexOf('\n', at);
      if (end < 0) return text;
      const line = text.slice(start, end + 1);
      const rest = text.slice(0, start) + text.slice(end + 1);
      const to = rest.lastIndexOf('\n', Math.floor(random() * rest.length)) + 1;
      return rest.slice(0, to) + line + rest.slice(to);
    },
  ];
  return () => (random() < 0.6 ? edits[0] : pick(edits));
}

function check(result: IncrementalResult, previous: string | undefined, expected: { html: string; frontMatter?: unknown }, where: string): void {
  if (result.html !== expected.html) {
    let i = 0;
    while (i < result.html.length && result.html[i] === expected.html[i]) i++;
    assert.fail(`${where}: differs from a full render at ${i} (${result.kind}):\n  got  ${JSON.stringify(result.html.slice(Math.max(0, i - 80), i + 80))}\n  want ${JSON.stringify(expected.html.slice(Math.max(0, i - 80), i + 80))}`);
  }
  assert.deepEqual(result.frontMatter, expected.frontMatter, `${where}: front matter`);
  const blocks = result.change?.blocks;
  if (blocks && previous !== undefined) {
    // What the page does with it, on the string: the same HTML as a full render.
    const patch = { ...blocks, footnoteList: result.footnoteList, insert: result.change!.insert, lineDelta: result.change!.lineDelta };
    assert.equal(applyBlockPatchToHtml(previous, patch), expected.html, `${where}: its block patch`);
  }
}

describe('incremental renderer', () => {
  it(`gives what a full render gives after every step of ${SEQUENCES} random edit sequences on the fixtures (seed ${SEED})`, function () {
    this.timeout(0);
    const texts = fixtures();
    assert.ok(texts.length >= 4, 'the fixtures are there');
    const random = prng(SEED);
    const oracle = createHatenaRenderer(PREVIEW_OPTIONS);
    const incremental = new IncrementalRenderer(createHatenaRenderer(PREVIEW_OPTIONS));
    let blockPatches = 0;
    for (let sequence = 0; sequence < SEQUENCES; sequence++) {
      const fixture = texts[sequence % texts.length];
      const nextEdit = editor(random);
      let text = fixture.text;
      incremental.reset();
      let previous = incremental.render(text).html;
      for (let step = 0; step < STEPS; step++) {
        text = nextEdit()(text);
        const result = incremental.render(text);
        check(result, previous, oracle.render(text), `seed ${SEED} sequence ${sequence} (${fixture.name}) step ${step}`);
        if (result.change?.blocks) blockPatches++;
        previous = result.html;
      }
    }
    if (process.env.ORACLE_VERBOSE) console.log(incremental.counts, { blockPatches });
    assert.ok(blockPatches > incremental.counts.incremental / 2, `block patches checked: ${blockPatches}`);
    // Not always the fallback: most random edits re-render only their blocks.
    assert.ok(incremental.counts.incremental > incremental.counts.full / 2, JSON.stringify(incremental.counts));
  });

  it('re-renders only the blocks around typing in the middle of a large post', () => {
    const report = readFileSync(join(ROOT, 'test/fixtures/reports/aws-summit-tokyo-2017.md'), 'utf8');
    const body = report.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^\[:contents\]$/gm, '');
    let text = report;
    for (let i = 0; i < 20; i++) text += `\n${body}`;
    const oracle = createHatenaRenderer(PREVIEW_OPTIONS);
    const incremental = new IncrementalRenderer(createHatenaRenderer(PREVIEW_OPTIONS));
    incremental.render(text);
    assert.equal(incremental.lastRenderKind, 'full');
    // The middle of an ordinary paragraph: a line of prose with blank lines around it.
    const lines = text.split('\n');
    let line = Math.floor(lines.length / 2);
    while (!(/^[^\s#>*\-|`<[\d]/.test(lines[line]) && lines[line - 1] === '' && !/[([\]]/.test(lines[line]))) line++;
    let at = lines.slice(0, line).join('\n').length + 1 + Math.floor(lines[line].length / 2);
    let previous = incremental.render(text).html;
    for (const typed of ['あ', 'い', ' ', 'x', '\n', 'y', '\n\n', 'z']) {
      text = text.slice(0, at) + typed + text.slice(at);
      at += typed.length;
      const result = incremental.render(text);
      assert.equal(result.kind, 'incremental', `typing ${JSON.stringify(typed)}`);
      assert.ok(result.change?.blocks && result.change.insert.length < 2000, `a small block change: ${result.change?.insert.length}`);
      check(result, previous, oracle.render(text), `typing ${JSON.stringify(typed)}`);
      previous = result.html;
    }
    assert.equal(incremental.render(text).kind, 'unchanged');
  });

  it('falls back to a full render for the document-wide parts', () => {
    const base = '---\nTitle: t\n---\n\n# A\n\nOne para.\n\nTwo para.\n\n[x]: https://example.com/\n\nThree [x].\n\nFour.\n';
    const cases: [string, (t: string) => string][] = [
      ['a footnote', (t) => t.replace('Two para.', 'Two ((note)) para.')],
      ['a Markdown footnote reference', (t) => t.replace('Two para.', 'Two[^1] para.')],
      ['a reference definition', (t) => t.replace('Four.', '[y]: https://example.org/\n\nFour.')],
      ['a heading', (t) => t.replace('Two para.', '## Two')],
      ['a table of contents', (t) => t.replace('Two para.', '[:contents]')],
      ['the front matter', (t) => t.replace('Title: t', 'Title: u')],
    ];
    for (const [what, edit] of cases) {
      const incremental = new IncrementalRenderer(createHatenaRenderer(PREVIEW_OPTIONS));
      incremental.render(base);
      const result = incremental.render(edit(base));
      assert.equal(result.kind, 'full', what);
      check(result, undefined, createHatenaRenderer(PREVIEW_OPTIONS).render(edit(base)), what);
    }
    const incremental = new IncrementalRenderer(createHatenaRenderer(PREVIEW_OPTIONS));
    incremental.render(base);
    assert.equal(incremental.render(base.replace('One para.', 'One paragraph.')).kind, 'incremental', 'prose');
  });
});
