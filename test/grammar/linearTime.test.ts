import * as assert from 'node:assert/strict';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import { loadMarkdownGrammar } from './textmate';
import { ordinaryLine, STRESS_LINE_LENGTH, stressLines } from './stressLines';

/** Least CPU time (not wall-clock: other processes on a busy 2-core machine do not count) of five runs. */
function fastestMs(grammar: IGrammar, line: string): { ms: number; tokens: number } {
  let best = Infinity;
  let tokens = 0;
  for (let i = 0; i < 5; i++) {
    const start = process.cpuUsage();
    tokens = grammar.tokenizeLine(line, INITIAL).tokens.length;
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return { ms: best, tokens };
}

// No wall-clock limits: each 45,000-character line that opens a notation and never closes it is compared with an
// ordinary report line of the same length, in the same run. Catastrophic backtracking turns milliseconds into
// seconds (a ratio in the hundreds); linear regexes stay within a small factor. The injections are measured over a
// bare host, because VS Code's own Markdown grammar is slow on some of these lines by itself (see bench/grammar.ts).
describe('grammar: no catastrophic backtracking (45,000-character lines)', function () {
  this.timeout(120_000);
  // Linear but busy lines (Markdown emphasis runs inside a footnote) cost up to ~15× an ordinary line, and twice
  // that when the two cores are shared; catastrophic backtracking costs hundreds to thousands of times as much.
  const RATIO_LIMIT = 60;
  let grammar: IGrammar;
  let yardstick: number;

  before(async () => {
    grammar = await loadMarkdownGrammar({ host: 'bare' });
    const ordinary = ordinaryLine();
    fastestMs(grammar, ordinary); // compile the scanners
    const measured = fastestMs(grammar, ordinary);
    assert.ok(measured.tokens > 1000, 'the ordinary line is tokenized with the injections (not a trivially fast no-op)');
    yardstick = Math.max(measured.ms, 1);
  });

  for (const [name, line] of Object.entries(stressLines())) {
    it(`${name}: within ${RATIO_LIMIT}× an ordinary line, bounded tokens`, () => {
      assert.equal(line.length, STRESS_LINE_LENGTH);
      const { ms, tokens } = fastestMs(grammar, line);
      assert.ok(ms / yardstick <= RATIO_LIMIT, `${ms.toFixed(1)} ms vs ${yardstick.toFixed(1)} ms for an ordinary line`);
      assert.ok(tokens <= line.length, `${tokens} tokens`);
    });
  }

  it('dense valid notation stays linear: a line four times as long costs about four times as much, not sixteen', () => {
    const units = ['((注記)) ', '((**注**と`a`と[b](c))) ', '[f:id:yasay:20170604220500j:plain:w300] ', '[tex:x^2] ', ')((x))( ', 'https://x.com/((a)) '];
    for (const unit of units) {
      const long = unit.repeat(Math.floor(STRESS_LINE_LENGTH / unit.length));
      const short = long.slice(0, unit.length * Math.floor(long.length / unit.length / 4));
      fastestMs(grammar, short);
      const a = fastestMs(grammar, short);
      const b = fastestMs(grammar, long);
      assert.ok(b.tokens >= 4 * a.tokens - 4 && a.tokens > 1000, `${unit}: ${a.tokens} → ${b.tokens} tokens`);
      // Quadratic growth would be ≈16×; allow generous noise above the linear 4×.
      assert.ok(b.ms / Math.max(a.ms, 1) < 10, `${unit}: ${a.ms.toFixed(1)} ms → ${b.ms.toFixed(1)} ms`);
    }
  });
});
