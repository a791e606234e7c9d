import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

/*
 * The layers of src/ and what each may import, checked on every source file's imports (import/export declarations,
 * import(), require()) as TypeScript parses them. The pure layers run in Node, in a browser and in unit tests; the
 * webview runs in an iframe beside no host code; host layers use src/hatena only through its public index.
 */

// Compiled to out/test/unit; sources stay in the source tree.
const ROOT = join(__dirname, '..', '..', '..');
const SRC = join(ROOT, 'src');

interface Layer {
  /** Folders (under src/) this layer may import from, besides its own. */
  mayImport: string[];
  /** Whether `vscode` and Node's built-ins are allowed. */
  host: boolean;
}

const LAYERS: Record<string, Layer> = {
  shared: { mayImport: [], host: false },
  hatena: { mayImport: [], host: false },
  blog: { mayImport: ['hatena'], host: false },
  webview: { mayImport: ['shared'], host: false },
  editor: { mayImport: ['hatena', 'blog', 'shared'], host: true },
  preview: { mayImport: ['hatena', 'blog', 'shared', 'editor'], host: true },
  publish: { mayImport: ['hatena', 'blog', 'shared', 'editor', 'preview'], host: true },
  photos: { mayImport: ['hatena', 'blog', 'shared', 'editor'], host: true },
};

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function sourceFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => join(dir, f));
}

/** Every module specifier a file names, with its line. */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node | undefined) => {
    if (node && ts.isStringLiteralLike(node)) found.push({ specifier: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) add(node.arguments[0]);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What is wrong with `file` importing `specifier`, or undefined. */
export function layerViolation(file: string, specifier: string): string | undefined {
  const layerName = relative(SRC, file).split(/[\\/]/)[0];
  const layer = LAYERS[layerName];
  if (!layer) return undefined; // extension.ts and cli.ts wire everything
  if (specifier === 'vscode' || NODE_BUILTINS.has(specifier)) return layer.host ? undefined : `src/${layerName} must not import ${specifier}`;
  if (!specifier.startsWith('.')) return undefined; // an npm package
  const target = resolve(dirname(file), specifier);
  const targetLayer = relative(SRC, target).split(/[\\/]/)[0];
  if (relative(SRC, target).startsWith('..')) return `src/${layerName} must not import outside src/ (${specifier})`;
  if (targetLayer === layerName) return undefined;
  if (!layer.mayImport.includes(targetLayer)) return `src/${layerName} must not import src/${targetLayer} (${specifier})`;
  if (targetLayer === 'hatena' && target !== join(SRC, 'hatena') && target !== join(SRC, 'hatena', 'index')) {
    return `src/${layerName} reaches into src/hatena internals (${specifier}); import from src/hatena (its index.ts)`;
  }
  return undefined;
}

describe('layers: what each folder of src/ may import', () => {
  it('every source file keeps to its layer', function () {
    this.timeout(20_000); // parses every source file with TypeScript: seconds on a loaded machine
    const problems: string[] = [];
    for (const file of sourceFiles(SRC)) {
      for (const { specifier, line } of importsOf(file)) {
        const problem = layerViolation(file, specifier);
        if (problem) problems.push(`${relative(ROOT, file)}:${line}: ${problem}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every folder of src/ has its rules (a new layer must be given some)', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    assert.deepEqual(folders.filter((f) => !LAYERS[f]), []);
  });

  it('the rules catch each kind of breach', () => {
    const at = (path: string) => join(SRC, path);
    assert.match(layerViolation(at('hatena/x.ts'), 'vscode') ?? '', /must not import vscode/);
    assert.match(layerViolation(at('hatena/x.ts'), 'node:fs') ?? '', /must not import node:fs/);
    assert.match(layerViolation(at('blog/x.ts'), 'path') ?? '', /must not import path/);
    assert.match(layerViolation(at('webview/x.ts'), '../preview/hatenaPreview') ?? '', /must not import src\/preview/);
    assert.match(layerViolation(at('hatena/x.ts'), '../editor/completion') ?? '', /must not import src\/editor/);
    assert.match(layerViolation(at('editor/x.ts'), '../hatena/fotolife') ?? '', /internals/);
    assert.equal(layerViolation(at('editor/x.ts'), '../hatena'), undefined);
    assert.equal(layerViolation(at('webview/x.ts'), '../shared/protocol'), undefined);
    assert.equal(layerViolation(at('hatena/x.ts'), 'markdown-it'), undefined);
  });

  it('finds imports in every form TypeScript allows', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "export { c } from './c';",
      "const d = require('./d');",
      "const e = import('./e');",
      "type F = import('./f').F;",
      "import g = require('./g');",
    ].join('\n');
    assert.deepEqual(importsOf('x.ts', text).map((i) => i.specifier), ['./a', './b', './c', './d', './e', './f', './g']);
  });
});
