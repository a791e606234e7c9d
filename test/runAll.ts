// `npm test`: every layer in order — unit, grammar, then the real editor (integration, e2e) —
// and one closing line with the totals. Types were already checked by `npm run compile` (tsc, strict).
import * as path from 'node:path';
import { findTests, runMochaLayer } from './vscode/mochaLayer';
import { printSummary, type LayerResult } from './vscode/results';
import { runVscodeLayers } from './vscode/runVscodeTests';

/** A layer that throws while loading (a syntax error in a test file …) is reported as failed; the others still run. */
async function mochaLayer(layer: string, dir: string, options: Parameters<typeof runMochaLayer>[2]): Promise<LayerResult> {
  try {
    return await runMochaLayer(layer, findTests(dir), options);
  } catch (e) {
    console.error(e);
    return { layer, passed: 0, failed: 1, failures: [`the layer did not run: ${e instanceof Error ? e.message : String(e)}`] };
  }
}

async function main(): Promise<boolean> {
  const results: LayerResult[] = [];
  console.log('== unit ==');
  results.push(await mochaLayer('unit', path.join(__dirname, 'unit'), { reporter: 'dot', timeout: 120_000 }));
  console.log('\n== grammar: the real TextMate engine over VS Code\'s Markdown grammar ==');
  results.push(await mochaLayer('grammar', path.join(__dirname, 'grammar'), { reporter: 'dot', timeout: 60_000 }));
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
