// `npm test`: every layer in order — unit, grammar, then the real editor (integration, e2e) —
// and one closing line with the totals. Types were already checked by `npm run compile` (tsc, strict).
import * as path from 'node:path';
import { findTests, runMochaLayer } from './vscode/mochaLayer';
import { printSummary, type LayerResult } from './vscode/results';
import { runVscodeLayers } from './vscode/runVscodeTests';

async function main(): Promise<boolean> {
  const results: LayerResult[] = [];
  console.log('== unit ==');
  results.push(await runMochaLayer('unit', findTests(path.join(__dirname, 'unit')), { reporter: 'dot', timeout: 120_000 }));
  console.log('\n== grammar: the real TextMate engine over VS Code\'s Markdown grammar ==');
  results.push(await runMochaLayer('grammar', findTests(path.join(__dirname, 'grammar')), { reporter: 'dot', timeout: 60_000 }));
  results.push(...(await runVscodeLayers({ integration: true, e2e: true })));
  return printSummary(results);
}

main()
  .then((ok) => {
    process.exitCode = ok ? 0 : 1;
  })
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 1000).unref());
