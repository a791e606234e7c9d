import { readFileSync } from 'node:fs';
import { createHatenaRenderer } from './hatena';

// `hatena-writer render FILE|-`: prints the entry body HTML.
function main(argv: string[]): number {
  const [command, file] = argv;
  if (command !== 'render' || !file) {
    process.stderr.write('usage: cli.js render FILE|-\n');
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`error: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  process.stdout.write(createHatenaRenderer().render(source).html);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
