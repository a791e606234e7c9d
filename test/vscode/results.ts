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
 * at all counts as a failure (a broken glob or a suite that never loaded), unless a --grep filtered it.
 */
export function printSummary(results: LayerResult[], options: { filtered?: boolean } = {}): boolean {
  console.log('\n== summary ==');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    if (!options.filtered && r.passed + r.failed === 0) {
      r.failed = 1;
      r.failures.push('the layer ran no tests');
    }
    console.log(`${r.layer}: ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''}`);
    for (const f of r.failures) console.log(`  ✗ ${f}`);
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0;
}
