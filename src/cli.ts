import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHatenaRenderer, escapeHtml, renderEntryArticle, type RenderedEntry } from './hatena';

const USAGE = 'usage: node dist/cli.js render [--page] FILE|-  (- reads standard input)';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readInput: (file: string) => string;
  cssPath: string;
}

/** A whole standalone page: the published article structure with the preview's CSS inlined (when it ships). */
function renderPage(entry: RenderedEntry, css: string | undefined): string {
  const title = entry.frontMatter?.title ?? 'Hatena Writer';
  return `<!DOCTYPE html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n` +
    (css === undefined ? '' : `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>\n`) +
    `</head>\n<body class="hatena-writer-page">\n${renderEntryArticle(entry)}\n</body>\n</html>\n`;
}

function readCss(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Returns the process exit code: 0 ok, 1 unreadable input, 2 bad usage, 3 the renderer failed (a bug). */
export function runCli(argv: readonly string[], io: Io): number {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) { io.stdout(`${USAGE}\n`); return 0; }
  const command = args.shift();
  if (command !== 'render') {
    io.stderr(command === undefined ? `${USAGE}\n` : `error: unknown command "${command}" (${USAGE})\n`);
    return 2;
  }
  let page = false;
  const files: string[] = [];
  for (const arg of args) {
    if (arg === '--page') page = true;
    else if (arg.startsWith('-') && arg !== '-') { io.stderr(`error: unknown option "${arg}" (${USAGE})\n`); return 2; }
    else files.push(arg);
  }
  if (files.length !== 1) {
    io.stderr(`error: expected one FILE or -, got ${files.length} (${USAGE})\n`);
    return 2;
  }
  const [file] = files;
  let source: string;
  try {
    source = io.readInput(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.code ?? err.message;
    io.stderr(`error: cannot read ${file === '-' ? 'standard input' : file}: ${reason}\n`);
    return 1;
  }
  // The body is for pasting into Hatena, so `<!-- more -->` stays a bare comment; the page is for reading, so the
  // cut shows as the preview's divider.
  const entry = createHatenaRenderer({ moreDivider: page }).render(source);
  if (entry.error !== undefined) {
    // render() shows a failure as an error block for the preview; here it is an error, not HTML to paste.
    const where = file === '-' ? 'standard input' : file;
    io.stderr(`error: cannot render ${where}: ${entry.error.replace(/\s+/g, ' ').trim()}\n`);
    return 3;
  }
  io.stdout(page ? renderPage(entry, readCss(io.cssPath)) : entry.html);
  return 0;
}

if (require.main === module) {
  // `render … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e; });
  process.exitCode = runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // Strip a UTF-8 BOM: editors on Windows add one and it would otherwise start the first paragraph.
    readInput: (file) => readFileSync(file === '-' ? 0 : file, 'utf8').replace(/^\uFEFF/, ''),
    // dist/cli.js → media/hatena.css (owned by the preview); the page still renders without it.
    cssPath: join(__dirname, '..', 'media', 'hatena.css'),
  });
}
