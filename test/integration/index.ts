// Entry point the extension host runs for the integration layer (`extensionTestsPath`): the same
// contract as @vscode/test-electron, so `npm run test:electron` runs this suite on desktop VS Code too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findTests, runMochaLayer } from '../vscode/mochaLayer';

export async function run(): Promise<void> {
  const files = findTests(__dirname);
  const result = await runMochaLayer('integration', files, {
    timeout: 30_000,
    reporter: 'spec',
    grep: process.env.HATENA_TEST_GREP || undefined,
  });
  const resultsFile = process.env.HATENA_TEST_RESULTS;
  if (resultsFile) {
    fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
    fs.writeFileSync(resultsFile, JSON.stringify(result));
  }
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
}
