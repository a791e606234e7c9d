/** What one test layer reports; the runner adds them up into the closing "N passed, N failed" line. */
export interface LayerResult {
  layer: string;
  passed: number;
  failed: number;
  pending?: number;
  failures: string[];
}

/** Prints each layer and the closing "N passed, N failed" line; true when nothing failed. */
export function printSummary(results: LayerResult[]): boolean {
  console.log('\n== summary ==');
  let passed = 0;
  let failed = 0;
  for (const r of results) {
    console.log(`${r.layer}: ${r.passed} passed, ${r.failed} failed${r.pending ? `, ${r.pending} pending` : ''}`);
    for (const f of r.failures) console.log(`  ✗ ${f}`);
    passed += r.passed;
    failed += r.failed;
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0;
}
