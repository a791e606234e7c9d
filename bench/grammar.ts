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

/** Tokenizes every line, carrying state as the editor does; returns CPU milliseconds and the token count. */
function tokenizeAll(grammar: IGrammar, lines: readonly string[]): { ms: number; tokens: number } {
  let state = INITIAL;
  let tokens = 0;
  const start = process.cpuUsage();
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    tokens += result.tokens.length;
  }
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, tokens };
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

export interface GrammarBenchOptions {
  /** Also time the long lines through VS Code's full Markdown grammar: minutes, because of Markdown's own regexes. */
  fullHost?: boolean;
}

export async function run(options: GrammarBenchOptions = { fullHost: process.argv.includes('--full-host') }): Promise<void> {
  const withHatena = await loadMarkdownGrammar();
  const markdownOnly = await loadMarkdownGrammar({ injections: false });
  const injectionAlone = await loadMarkdownGrammar({ host: 'bare' });

  const report = largeReport();
  const lines = report.split('\n');
  const base = fastest(markdownOnly, lines, 5);
  const hatena = fastest(withHatena, lines, 5);
  const ratio = hatena.ms / base.ms;
  console.log(`grammar: ${(Buffer.byteLength(report) / 1024).toFixed(0)} KB report, ${lines.length} lines (CPU time, fastest of 5)`);
  console.log(`  Markdown alone         ${ms(base.ms).padStart(9)}  ${base.tokens} tokens`);
  console.log(`  Markdown + Hatena      ${ms(hatena.ms).padStart(9)}  ${hatena.tokens} tokens`);
  console.log(`  ratio ${ratio.toFixed(2)}× (goal ≤ 2×) ${ratio <= 2 ? 'OK' : 'OVER GOAL'}`);

  const ordinary = ordinaryLine();
  const yardstick = fastest(injectionAlone, [ordinary], 3).ms;
  const rows = (length: number): Record<string, string> => {
    const dense = (unit: string) => unit.repeat(Math.floor(length / unit.length));
    return {
      'ordinary report prose': ordinaryLine(length),
      ...stressLines(length),
      'dense ((notes))': dense('((注記)) '),
      'dense ((**Markdown** in notes))': dense('((**注**と`a`と[b](c))) '),
      'dense ((**a)) (audit)': dense('((**a)) '),
      'dense [f:id:…:w300]': dense('[f:id:yasay:20170604220500j:plain:w300] '),
      'dense [tex:…]': dense('[tex:x^2] '),
    };
  };
  console.log(`grammar: ${ordinary.length}-character lines, the injections over a bare host (CPU time, fastest of 3)`);
  console.log(`  ${'line'.padEnd(32)} ${'alone'.padStart(9)} ${'÷ ordinary'.padStart(10)}`);
  for (const [name, line] of Object.entries(rows(ordinary.length))) {
    const alone = fastest(injectionAlone, [line], 3).ms;
    console.log(`  ${name.padEnd(32)} ${ms(alone).padStart(9)} ${(alone / yardstick).toFixed(1).padStart(9)}×`);
  }
  if (!options.fullHost) {
    console.log('  (--full-host adds the same lines through VS Code\'s whole Markdown grammar, with and without the injections; it takes minutes)');
    return;
  }
  // VS Code stops tokenizing a line at editor.maxTokenizationLineLength (20,000 characters by default): the longest
  // line a writer's editor runs the grammars over. VS Code's own Markdown regexes are quadratic on several of these.
  const LIMIT = 20_000;
  console.log(`grammar: the same lines at ${LIMIT} characters (VS Code's editor.maxTokenizationLineLength), VS Code's whole Markdown grammar (CPU time, one run)`);
  console.log(`  ${'line'.padEnd(32)} ${'Markdown'.padStart(9)} ${'+ Hatena'.padStart(9)}`);
  for (const [name, line] of Object.entries(rows(LIMIT))) {
    console.log(`  ${name.padEnd(32)} ${ms(tokenizeAll(markdownOnly, [line]).ms).padStart(9)} ${ms(tokenizeAll(withHatena, [line]).ms).padStart(9)}`);
  }
}

// Runs when executed directly, or imported by bench/index.ts (where every bench module runs on import).
if (require.main === module || require.main?.filename === path.join(__dirname, 'index.js')) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
