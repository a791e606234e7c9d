// Grammar benchmark: what the Hatena injections cost on top of VS Code's Markdown grammar, as ratios measured in
// this run (no absolute thresholds: machines differ). Run: `npm run bench`, or `node out/bench/grammar.js` after
// `npm run compile`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import { loadMarkdownGrammar, REPO_ROOT } from '../test/grammar/textmate';
import { ordinaryLine, stressLines } from '../test/grammar/stressLines';

const REPORT_FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'reports', 'aws-summit-tokyo-2017.md');
const REPORT_BYTES = 512 * 1024;

/** The AWS Summit report body (front matter once), repeated with numbered sections until it is ~0.5 MB. */
export function largeReport(targetBytes = REPORT_BYTES): string {
  const source = fs.readFileSync(REPORT_FIXTURE, 'utf8');
  const body = source.replace(/^---\n[\s\S]*?\n---\n/, '');
  const parts = [source];
  let bytes = Buffer.byteLength(source);
  for (let i = 2; bytes < targetBytes; i++) {
    const part = body.replace(/^(#{2,3}) /gm, `$1 ${i}. `);
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  return parts.join('\n');
}

/** Tokenizes every line, carrying state as the editor does; returns milliseconds and the token count. */
function tokenizeAll(grammar: IGrammar, lines: readonly string[]): { ms: number; tokens: number } {
  let state = INITIAL;
  let tokens = 0;
  const start = process.hrtime.bigint();
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    tokens += result.tokens.length;
  }
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, tokens };
}

/** Fastest of `runs` (the least disturbed by GC and the scheduler), after one warm-up run. */
function fastest(grammar: IGrammar, lines: readonly string[], runs: number): { ms: number; tokens: number } {
  tokenizeAll(grammar, lines);
  let best = tokenizeAll(grammar, lines);
  for (let i = 1; i < runs; i++) {
    const r = tokenizeAll(grammar, lines);
    if (r.ms < best.ms) best = r;
  }
  return best;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

export async function run(): Promise<void> {
  const withHatena = await loadMarkdownGrammar();
  const markdownOnly = await loadMarkdownGrammar({ injections: false });
  const injectionAlone = await loadMarkdownGrammar({ host: 'bare' });

  const report = largeReport();
  const lines = report.split('\n');
  const base = fastest(markdownOnly, lines, 5);
  const hatena = fastest(withHatena, lines, 5);
  const ratio = hatena.ms / base.ms;
  console.log(`grammar: ${(Buffer.byteLength(report) / 1024).toFixed(0)} KB report, ${lines.length} lines`);
  console.log(`  Markdown alone         ${ms(base.ms).padStart(9)}  ${base.tokens} tokens`);
  console.log(`  Markdown + Hatena      ${ms(hatena.ms).padStart(9)}  ${hatena.tokens} tokens`);
  console.log(`  ratio ${ratio.toFixed(2)}× (goal ≤ 2×) ${ratio <= 2 ? 'OK' : 'OVER GOAL'}`);

  const ordinary = [ordinaryLine()];
  const yardstick = fastest(injectionAlone, ordinary, 3).ms;
  console.log(`grammar: ${ordinary[0].length}-character lines (fastest of 3; "alone" = the injections over a bare host)`);
  console.log(`  ${'line'.padEnd(28)} ${'alone'.padStart(9)} ${'÷ ordinary'.padStart(10)} ${'Markdown'.padStart(9)} ${'+ Hatena'.padStart(9)}`);
  const row = (name: string, line: string) => {
    const alone = fastest(injectionAlone, [line], 3).ms;
    const md = fastest(markdownOnly, [line], 1).ms;
    const both = fastest(withHatena, [line], 1).ms;
    console.log(`  ${name.padEnd(28)} ${ms(alone).padStart(9)} ${(alone / yardstick).toFixed(1).padStart(9)}× ${ms(md).padStart(9)} ${ms(both).padStart(9)}`);
  };
  row('ordinary report prose', ordinary[0]);
  for (const [name, line] of Object.entries(stressLines())) row(name, line);
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
