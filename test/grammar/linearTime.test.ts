import * as assert from 'node:assert/strict';
import { INITIAL, type IGrammar } from 'vscode-textmate';
import { loadMarkdownGrammar } from './textmate';
import { ordinaryLine, STRESS_LINE_LENGTH, stressLines } from './stressLines';

/** Fastest of three runs: the least disturbed by GC and other processes on a small CI machine. */
function fastestMs(grammar: IGrammar, line: string): { ms: number; tokens: number } {
  let best = Infinity;
  let tokens = 0;
  for (let i = 0; i < 3; i++) {
    const start = process.hrtime.bigint();
    tokens = grammar.tokenizeLine(line, INITIAL).tokens.length;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: best, tokens };
}

// No wall-clock limits: each 45,000-character line that opens a notation and never closes it is compared with an
// ordinary report line of the same length, in the same run. Catastrophic backtracking turns milliseconds into
// seconds (a ratio in the hundreds); linear regexes stay within a small factor. The injections are measured over a
// bare host, because VS Code's own Markdown grammar is slow on some of these lines by itself (see bench/grammar.ts).
describe('grammar: no catastrophic backtracking (45,000-character lines)', function () {
  this.timeout(120_000);
  const RATIO_LIMIT = 25;
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

  it('dense valid notation stays linear: a line twice as long costs about twice as much, not four times', () => {
    const units = ['((注記)) ', '[f:id:yasay:20170604220500j:plain:w300] ', '[tex:x^2] ', ')((x))( '];
    for (const unit of units) {
      const short = unit.repeat(Math.floor(STRESS_LINE_LENGTH / 2 / unit.length));
      const long = short + short;
      fastestMs(grammar, short);
      const a = fastestMs(grammar, short);
      const b = fastestMs(grammar, long);
      assert.ok(b.tokens >= 2 * a.tokens - 2 && a.tokens > 1000, `${unit}: ${a.tokens} → ${b.tokens} tokens`);
      // Quadratic growth would be ≈4×; allow generous noise above the linear 2×.
      assert.ok(b.ms / Math.max(a.ms, 1) < 3.5, `${unit}: ${a.ms.toFixed(1)} ms → ${b.ms.toFixed(1)} ms`);
    }
  });
});
