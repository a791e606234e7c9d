/** What one test layer reports; the runner adds them up into the closing "N passed, N failed" line. */
export interface LayerResult {
  layer: string;
  passed: number;
  failed: number;
  pending?: number;
  failures: string[];
}

/**
 * Prints each layer and the closing "N passed, N failed" line; true when nothing failed. A layer that ran no test
 * at all counts as a failure (a broken glob or a suite that never loaded); with a --grep, only a filter that
 * matched no test in any layer does (a mistyped pattern must not pass).
 */
export function printSummary(results: readonly LayerResult[], options: { filtered?: boolean } = {}): boolean {
  console.log('\n== summary ==');
  const ran = (r: LayerResult) => r.passed + r.failed > 0;
  const noneAnywhere = !results.some(ran);
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    const failures = [...r.failures];
    let layerFailed = r.failed;
    if (!ran(r) && (!options.filtered || noneAnywhere)) {
      layerFailed += 1;
      failures.push(options.filtered ? 'the --grep matched no test' : 'the layer ran no tests');
    }
    console.log(`${r.layer}: ${r.passed} passed, ${layerFailed} failed${r.pending ? `, ${r.pending} pending` : ''}`);
    for (const f of failures) console.log(`  ✗ ${f}`);
    passed += r.passed;
    failed += layerFailed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0;
}
