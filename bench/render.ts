// Renderer benchmark: the full Hatena plugin set vs. bare markdown-it with the same options, on realistic report
// text of 10 KB, 100 KB and 1 MB. Prints ratios measured in this run only (no absolute budget, no timing asserts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { createHatenaRenderer, IncrementalRenderer } from '../src/hatena';

const ROOT = join(__dirname, '..', '..');
const REPORT = readFileSync(join(ROOT, 'test', 'fixtures', 'reports', 'aws-summit-tokyo-2017.md'), 'utf8');

/** The report's body as repeatable sections: no front matter, TOC or more-divider (those appear once per entry). */
const SECTION = REPORT.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^\[:contents\]$|^<!-- more -->$/gm, '');
const HEAD = `${REPORT.match(/^---\n[\s\S]*?\n---\n/)![0]}\n[:contents]\n\n<!-- more -->\n\n`;

/** A report of at least `bytes` UTF-8 bytes; each repetition renumbers the days so headings stay distinct. */
export function reportOfSize(bytes: number): string {
  let doc = HEAD;
  for (let day = 1; Buffer.byteLength(doc) < bytes; day++) doc += SECTION.replace(/Day (\d)/g, (_, d: string) => `Day ${d}-${day}`);
  return doc;
}

type EngineName = 'bare' | 'bareStamped' | 'hatena' | 'preview' | 'keystroke' | 'enter';
const ENGINES: EngineName[] = ['bare', 'bareStamped', 'hatena', 'preview'];
const KEYSTROKE_ENGINES: EngineName[] = ['bare', 'preview', 'keystroke', 'enter'];

/**
 * Where a writer types in the middle of the post: the middle of a line of prose with a blank line above it (no
 * notation that is document-wide, so the incremental path is what is measured).
 */
function typingPosition(source: string): number {
  const lines = source.split('\n');
  let line = Math.floor(lines.length / 2);
  while (!(/^[^\s#>*\-|`<[\d]/.test(lines[line]) && lines[line - 1] === '' && !/[([\]]/.test(lines[line]))) line++;
  return lines.slice(0, line).join('\n').length + 1 + Math.floor(lines[line].length / 2);
}

/**
 * A keystroke in the preview's incremental renderer: each step types `typed` in the middle of the post or deletes
 * it again (so the post keeps its size). 'enter' types a line break: every block below moves a line.
 */
function createKeystrokes(source: string, typed: string): () => unknown {
  const incremental = new IncrementalRenderer(createHatenaRenderer({ sourceLines: true, embeds: 'card' }));
  incremental.render(source);
  const at = typingPosition(source);
  const withKey = source.slice(0, at) + typed + source.slice(at);
  let odd = false;
  return () => {
    odd = !odd;
    const result = incremental.render(odd ? withKey : source);
    if (result.kind !== 'incremental') throw new Error(`the keystroke took the ${result.kind} path`);
    return result;
  };
}

function createEngine(name: EngineName, source: string): () => unknown {
  if (name === 'keystroke') return createKeystrokes(source, 'あ');
  if (name === 'enter') return createKeystrokes(source, '\n');
  const render = createRenderEngine(name);
  return () => render(source);
}

function createRenderEngine(name: EngineName): (source: string) => unknown {
  if (name === 'hatena') {
    const hatena = createHatenaRenderer();
    return (s) => hatena.render(s);
  }
  if (name === 'preview') {
    const preview = createHatenaRenderer({ sourceLines: true, embeds: 'card' });
    return (s) => preview.render(s);
  }
  const md = new MarkdownIt({ html: true, linkify: true, breaks: false });
  if (name === 'bareStamped') {
    // The baseline for the preview options: markdown-it stamping source lines the way VS Code's preview does.
    // VS Code's own rule (markdownEngine.ts, minus its dir="auto", which our preview does not add either), not
    // stampSourceLine: that is code under measurement, run in the plugin's block pass with checks for plugin tokens.
    md.core.ruler.push('source_line', (state) => {
      for (const token of state.tokens) {
        if (token.map && token.type !== 'inline') {
          token.attrJoin('class', 'code-line');
          token.attrSet('data-line', String(token.map[0]));
        }
      }
    });
  }
  return (s) => md.render(s);
}

/**
 * One sitting of one engine, in a process of its own (`--worker`): warm up for ≥ 1 s of CPU (in a fresh process the
 * JIT is still optimising the plugins' code after 300 ms), then `samples` CPU-ms-per-render readings, each a batch
 * lasting ≥ 100 ms (shorter batches are dominated by where the young-generation collections happen to fall). CPU time of this process, GC threads included, so other jobs on a shared machine
 * do not count. A process per engine: in a shared heap one engine's garbage is collected on another's time, which at
 * 1 MB billed the Hatena renderer for up to half of what the others left behind.
 */
function sitting(name: EngineName, bytes: number, samples: number): number[] {
  const source = reportOfSize(bytes);
  const step = createEngine(name, source);
  const t0 = process.cpuUsage();
  let renders = 0;
  do { step(); renders++; } while (cpuMs(t0) < 1000 || renders < 3);
  const batch = Math.ceil(100 / (cpuMs(t0) / renders));
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = process.cpuUsage();
    for (let b = 0; b < batch; b++) step();
    times.push(cpuMs(t) / batch);
  }
  return times;
}

/** Median CPU ms per render of each engine: sittings in fresh processes, the engines taking turns. */
function measure(bytes: number, sittings: number, samples: number, engines: EngineName[] = ENGINES): Record<EngineName, number> {
  const times = Object.fromEntries(engines.map((name) => [name, [] as number[]])) as Record<EngineName, number[]>;
  for (let r = 0; r < sittings; r++) {
    for (let k = 0; k < engines.length; k++) {
      const name = engines[(r + k) % engines.length];
      const out = execFileSync(process.execPath, [__filename, '--worker', name, String(bytes), String(samples)], { encoding: 'utf8', maxBuffer: 1 << 20 });
      times[name].push(...(JSON.parse(out) as number[]));
    }
  }
  return Object.fromEntries(engines.map((name) => [name, median(times[name])])) as Record<EngineName, number>;
}

/** What a keystroke costs the preview's renderer against rendering the whole post, at sizes up to 5 MB. */
export function runKeystrokeBench(): void {
  const sizes = [[100_000, '100 KB'], [1_000_000, '1 MB'], [5 * 1024 * 1024, '5 MB']] as const;
  console.log('');
  console.log('keystroke: median CPU ms of one keystroke in the middle of the post through the incremental renderer');
  console.log('(preview options), against a full render and bare markdown-it of the same post in this run');
  console.log('  key   = type or delete one character in a paragraph;  enter = type or delete a line break (every stamp below moves)');
  console.log('size     bare ms  full ms   key ms  enter ms   key ÷ bare  key ÷ full  enter ÷ bare  enter ÷ full');
  for (const [bytes, label] of sizes) {
    const t = measure(bytes, bytes > 2_000_000 ? 1 : 2, bytes > 2_000_000 ? 3 : 5, KEYSTROKE_ENGINES);
    const ratio = (a: number, b: number) => `${(a / b).toFixed(4)}×`;
    console.log(`${label.padEnd(7)} ${t.bare.toFixed(1).padStart(8)} ${t.preview.toFixed(1).padStart(8)} ${t.keystroke.toFixed(2).padStart(8)} ${t.enter.toFixed(2).padStart(9)}` +
      `   ${ratio(t.keystroke, t.bare).padStart(10)} ${ratio(t.keystroke, t.preview).padStart(11)} ${ratio(t.enter, t.bare).padStart(13)} ${ratio(t.enter, t.preview).padStart(13)}`);
  }
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function runRenderBench(): void {
  const sizes = [[10_000, '10 KB'], [100_000, '100 KB'], [1_000_000, '1 MB']] as const;
  console.log('renderer: median CPU ms per render in this run, each engine in processes of its own, taking turns;');
  console.log('ratio vs bare markdown-it with the same options (goal ≤ 1.25×)');
  console.log('  hatena  = createHatenaRenderer()                        vs markdown-it {html, linkify}');
  console.log('  preview = createHatenaRenderer({sourceLines, embeds: card}) vs the same + VS Code-style line stamps');
  console.log('size     bare ms  hatena ms  ratio  stamped ms  preview ms  ratio   10× input costs (goal ≤ 12×): hatena   bare');
  let previous: Record<EngineName, number> | undefined;
  for (const [bytes, label] of sizes) {
    const t = measure(bytes, 3, 5);
    const scaling = previous === undefined ? '' : `${(t.hatena / previous.hatena).toFixed(1).padStart(36)}× ${(t.bare / previous.bare).toFixed(1).padStart(5)}×`;
    console.log(`${label.padEnd(7)} ${t.bare.toFixed(2).padStart(8)} ${t.hatena.toFixed(2).padStart(10)} ${(t.hatena / t.bare).toFixed(2).padStart(5)}× ` +
      `${t.bareStamped.toFixed(2).padStart(11)} ${t.preview.toFixed(2).padStart(11)} ${(t.preview / t.bareStamped).toFixed(2).padStart(5)}×${scaling}`);
    previous = t;
  }
}

if (process.argv[2] === '--worker') {
  const [, , , name, bytes, samples] = process.argv;
  process.stdout.write(JSON.stringify(sitting(name as EngineName, Number(bytes), Number(samples))));
} else if (process.argv[2] === '--keystrokes') {
  runKeystrokeBench();
} else {
  runRenderBench();
  runKeystrokeBench();
}
