// Runs a folder of compiled mocha tests in this process and reports counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import type { LayerResult } from './results';

export function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.test.js'))
    .map((f) => path.join(dir, f))
    .sort();
}

export function runMochaLayer(layer: string, files: string[], options: Mocha.MochaOptions): Promise<LayerResult> {
  const mocha = new Mocha({ ui: 'bdd', color: false, ...options });
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha
      .loadFilesAsync()
      .then(() => {
        const failures: string[] = [];
        const runner = mocha.run();
        runner.on('fail', (test, err: Error) => failures.push(`${test.fullTitle()}: ${err?.message ?? err}`));
        runner.on('end', () => {
          const stats = runner.stats!;
          resolve({ layer, passed: stats.passes, failed: stats.failures, pending: stats.pending, failures });
        });
      })
      .catch(reject);
  });
}
