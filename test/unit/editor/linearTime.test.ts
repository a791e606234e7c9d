import * as assert from 'node:assert/strict';
import { allExcludedRanges, isInCodeOrComment } from '../../../src/editor/codeRegions';
import { hatenaCompletions } from '../../../src/editor/hatenaCompletions';
import { completionsAt } from '../../../src/editor/documentScan';
import { hatenaIdFromImages } from '../../../src/editor/hatenaIdSource';
import { scanNotation } from '../../../src/editor/notationScan';
import { bestCpuTime } from '../cpuTime';
import { FakeDocument } from './fakeDocument';

/*
 * The completion provider runs on trigger characters in documents of any size, so the code-region scanner and the
 * line matchers must stay linear on hostile input. Like the renderer's fuzz linear-time checks (test/unit/fuzz.test.ts):
 * CPU time of this process, ratios between sizes measured in the same run, never a wall-clock limit.
 */

/** Input of about `size` characters. */
type Build = (size: number) => string;
const repeat = (unit: string): Build => (size) => unit.repeat(Math.ceil(size / unit.length));

/**
 * 64× the input may cost at most 160× the time (2.5× linear). A scan that revisits the text per backtick-run length
 * (n^1.5 on the first case) costs about 500× over this range, a quadratic one 4096×.
 */
const SMALL = 16_000;
const LARGE = 1_024_000;
const LIMIT = 160;

/**
 * A linear reference measured side by side: when the machine slows both the same way, their quotient holds. It keeps
 * the offset of every punctuation mark in an array, as the scanners keep their runs and ranges: past ~50 K entries
 * V8 promotes such arrays and bills the collector's threads to this process, a cost that grows with the input but
 * is no fault of the algorithm (a reference that allocates nothing made CI fail at 45× on a linear scan).
 */
const PUNCTUATION = /[`\n\\<>[\]():!*_~-]/g;
const reference = (s: string) => {
  const at: number[] = [];
  PUNCTUATION.lastIndex = 0;
  for (let m = PUNCTUATION.exec(s); m; m = PUNCTUATION.exec(s)) at.push(m.index);
  return at.length;
};

function checkLinear(name: string, build: Build, run: (s: string) => unknown): void {
  it(`${name}: 64× the input costs ≤ ${LIMIT}× the time`, () => {
    const small = build(SMALL);
    const large = build(LARGE);
    bestCpuTime(run, small, 1); // warm the JIT
    let ratio = bestCpuTime(run, large, 3) / bestCpuTime(run, small, 3);
    if (ratio > LIMIT) ratio = Math.min(ratio, bestCpuTime(run, large, 3) / bestCpuTime(run, small, 3)); // one re-measure
    if (ratio <= LIMIT) return;
    const overhead = (source: string) => bestCpuTime(run, source, 3) / bestCpuTime(reference, source, 3);
    const growth = overhead(large) / overhead(small);
    assert.ok(growth <= 2.5, `${name}: 64× input took ${ratio.toFixed(1)}× the time, and relative to a linear reference it grew ${growth.toFixed(1)}×`);
  });
}

describe('linear time: code regions (the scan behind every completion)', function () {
  this.timeout(300_000);
  const scan = (s: string) => isInCodeOrComment(s, s.length);
  const cases: Record<string, Build> = {
    'one paragraph of unmatched backtick runs of many different lengths': (size) => {
      let s = 'a ';
      for (let k = 1; s.length < size; k++) s += `${'`'.repeat(k)} x `;
      return s;
    },
    'code spans after an unmatched backtick': (size) => `a \` b ${'``x`` '.repeat(size / 6)}`,
    'backtick runs of two lengths alternating, none closed': repeat('`x``y'),
    'a backtick per paragraph': repeat('`a\n\n'),
    'empty comments <!-->': repeat('<!--> '),
    'comment openers inside a comment': (size) => `<!-- ${'<!-- '.repeat(size / 5)}-->`,
    'quoted fences': repeat('> ```\n> x\n> ```\n'),
    'an open quoted fence with deep quotes': (size) => `> \`\`\`\n${'> > > x\n'.repeat(size / 8)}`,
    'fences on list items': repeat('- ```\n  x\n  ```\n'),
    'a front matter being typed': (size) => `---\n${'Key: value\n'.repeat(size / 11)}`,
    'a long front matter': (size) => `---\n${'Key: value\n'.repeat(size / 11)}---\n`,
    'escapes and stray <': repeat('\\`<a '),
    'blank-ish lines (paragraph ends)': repeat('  \t \n`x'),
  };
  for (const [name, build] of Object.entries(cases)) checkLinear(name, build, scan);
  checkLinear('image ids counted over a whole document', repeat('[f:id:yasay:20170604220500j:plain] `[f:id:other:20170604220500j:plain]`\n'), (s) => hatenaIdFromImages(s, allExcludedRanges(s)));
});

describe('linear time: what the cursor\'s line offers (decided before anything else is read)', function () {
  this.timeout(300_000);
  const now = new Date(2026, 10, 25, 10, 15, 30);
  const offer = (line: string) => hatenaCompletions({ linePrefix: line, lineSuffix: ']', hatenaId: () => 'yasay', now });
  const lines: Record<string, Build> = {
    '[f: repeated': repeat('[f:'),
    'an image being typed after a long run': (size) => `${'x'.repeat(size)}[f:id:yasay:`,
    'image options': (size) => `[f:id:yasay:20170604220500j:plain${':w300'.repeat(size / 5)}:`,
    '(( repeated': repeat('(('),
    'a footnote with a long body': (size) => `((${'あ'.repeat(size)}`,
    'id: runs': repeat('id:aaa:'),
    'a URL with many colons': (size) => `[https://ex.com/${'a:'.repeat(size / 2)}`,
    '[https://…: repeated': repeat('[https://ex.com/:'),
    'Markdown links': repeat('[text](https://example.com/) '),
    '[ repeated': repeat('['),
    'spaces then [': (size) => `${' '.repeat(size)}[`,
  };
  for (const [name, build] of Object.entries(lines)) checkLinear(name, build, offer);
});

describe('linear time: one completion request over a whole document (what it reads, then the scan)', function () {
  this.timeout(300_000);
  const now = new Date(2026, 10, 25, 10, 15, 30);
  /** The request at the end of the document's last line, or at the end of its first line when it starts with `[`. */
  const request = (s: string) => {
    const doc = new FakeDocument(s);
    const line = s.startsWith('[') ? 0 : doc.lineCount - 1;
    return completionsAt(doc, line, doc.lines[line].length, () => undefined, now);
  };
  const documents: Record<string, Build> = {
    'a front matter being typed, the cursor at its end': (size) => `---\n${'Key: value\n'.repeat(size / 11)}[:`,
    'a --- rule, then one long paragraph': (size) => `---\n${'本文の行\n'.repeat(size / 5)}[:`,
    'a long paragraph after the cursor': (size) => `[:\n${'text `x` \n'.repeat(size / 10)}`,
    '[f: and only images to tell the id': (size) => `[f:\n\n${'[f:id:yasay:20170604220500j:plain]\n\n'.repeat(size / 36)}`,
  };
  for (const [name, build] of Object.entries(documents)) checkLinear(name, build, request);
});

describe('linear time: notation scan (hover, links and Problems on every change)', function () {
  this.timeout(300_000);
  const cases: Record<string, Build> = {
    'a paragraph of unclosed brackets and notes': repeat('[http [f:id: ((x [google: '),
    'one line of link-like brackets before one close': (size) => '[https://a '.repeat(Math.ceil(size / 11)) + ']',
    'image openers without a close': repeat('![a ![b]( '),
    'many valid notations': repeat('[f:id:yasay:20240501123456j:plain] id:yasay ((注 [google:x])) [example.com:embed]\n'),
    'code spans around notation': repeat('`[f:id:ya say:1]` id:abc ``((`` '),
    'colons everywhere': repeat('id:a:b:c::id:'),
  };
  for (const [name, build] of Object.entries(cases)) checkLinear(name, build, (s) => scanNotation(s));
});
