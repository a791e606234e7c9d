// Renderer benchmark: the full Hatena plugin set vs. bare markdown-it with the same options, on realistic report
// text of 10 KB, 100 KB and 1 MB. Prints ratios measured in this run only (no absolute budget, no timing asserts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { createHatenaRenderer } from '../src/hatena';

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

/**
 * Median CPU ms per render for each engine. CPU time of this process (GC threads included), so other jobs on a shared
 * machine do not count; a sample batches enough renders to last ≥ 20 ms, since CPU accounting is coarse below that.
 * Engines take turns, starting one later each round: a render right after another engine's pays some of its garbage,
 * and a fixed order billed that to the same engine every time.
 */
function measure(engines: Record<string, (s: string) => unknown>, source: string, rounds: number): Record<string, number> {
  const names = Object.keys(engines);
  const times: Record<string, number[]> = {};
  let batch = 1;
  for (const name of names) {
    times[name] = [];
    // Warm up for ≥ 300 ms of CPU (the JIT is still compiling after a few renders), then size the batch from it.
    const t0 = process.cpuUsage();
    let renders = 0;
    do { engines[name](source); renders++; } while (cpuMs(t0) < 300 || renders < 3);
    batch = Math.max(batch, Math.ceil(20 / (cpuMs(t0) / renders)));
  }
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const render = engines[name];
      const t0 = process.cpuUsage();
      for (let b = 0; b < batch; b++) render(source);
      times[name].push(cpuMs(t0) / batch);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times[name])]));
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
  const bare = new MarkdownIt({ html: true, linkify: true, breaks: false });
  // The baseline for the preview options: markdown-it stamping source lines the way VS Code's preview does.
  const bareStamped = new MarkdownIt({ html: true, linkify: true, breaks: false });
  bareStamped.core.ruler.push('source_line', (state) => {
    for (const token of state.tokens) {
      if (token.map && token.block && token.nesting !== -1 && token.type !== 'inline') {
        token.attrJoin('class', 'code-line');
        token.attrSet('data-line', String(token.map[0]));
      }
    }
  });
  const hatena = createHatenaRenderer();
  const preview = createHatenaRenderer({ sourceLines: true, embeds: 'card' });
  const engines = {
    bare: (s: string) => bare.render(s),
    bareStamped: (s: string) => bareStamped.render(s),
    hatena: (s: string) => hatena.render(s),
    preview: (s: string) => preview.render(s),
  };
  const sizes = [[10_000, '10 KB', 25], [100_000, '100 KB', 25], [1_000_000, '1 MB', 25]] as const;
  console.log('renderer: median CPU ms per render in this run; ratio vs bare markdown-it with the same options (goal ≤ 1.25×)');
  console.log('  hatena  = createHatenaRenderer()                        vs markdown-it {html, linkify}');
  console.log('  preview = createHatenaRenderer({sourceLines, embeds: card}) vs the same + VS Code-style line stamps');
  console.log('size     bare ms  hatena ms  ratio  stamped ms  preview ms  ratio   10× input costs (goal ≤ 12×): hatena   bare');
  let previous: Record<string, number> | undefined;
  for (const [bytes, label, runs] of sizes) {
    const t = measure(engines, reportOfSize(bytes), runs);
    const scaling = previous === undefined ? '' : `${(t.hatena / previous.hatena).toFixed(1).padStart(36)}× ${(t.bare / previous.bare).toFixed(1).padStart(5)}×`;
    console.log(`${label.padEnd(7)} ${t.bare.toFixed(2).padStart(8)} ${t.hatena.toFixed(2).padStart(10)} ${(t.hatena / t.bare).toFixed(2).padStart(5)}× ` +
      `${t.bareStamped.toFixed(2).padStart(11)} ${t.preview.toFixed(2).padStart(11)} ${(t.preview / t.bareStamped).toFixed(2).padStart(5)}×${scaling}`);
    previous = t;
  }
}

runRenderBench();
