import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { loadMarkdownGrammar, manifestGrammars, REPO_ROOT } from './textmate';

interface RawRule { [key: string]: unknown }

function grammarFiles() {
  return manifestGrammars()
    .filter((g) => g.injectTo?.includes('text.html.markdown'))
    .map((g) => ({ ...g, json: JSON.parse(fs.readFileSync(path.join(REPO_ROOT, g.path), 'utf8')) as RawRule }));
}

/** Every object in a grammar, depth first. */
function* rules(node: unknown): Generator<RawRule> {
  if (Array.isArray(node)) for (const n of node) yield* rules(n);
  else if (node && typeof node === 'object') {
    yield node as RawRule;
    for (const v of Object.values(node)) yield* rules(v);
  }
}

describe('grammar: the injection grammar files', () => {
  it('the manifest injects the inline and the block grammar into Markdown, and the files say the same scope names', () => {
    const files = grammarFiles();
    assert.deepEqual(files.map((g) => g.scopeName).sort(), ['text.hatena.markdown.block.injection', 'text.hatena.markdown.injection']);
    for (const g of files) {
      assert.equal(g.json.scopeName, g.scopeName, g.path);
      assert.match(String(g.json.injectionSelector), /^L:text\.html\.markdown /, `${g.path}: left priority, Markdown only`);
    }
  });

  it('every scope a rule assigns ends in .hatena', () => {
    for (const g of grammarFiles()) {
      for (const rule of rules(g.json)) {
        if (rule === g.json) continue; // the grammar's own display name
        for (const scope of [rule.name, rule.contentName]) {
          if (typeof scope === 'string') assert.match(scope, /^[a-z][\w.$-]*\.hatena$/, `${g.path}: ${scope}`);
        }
      }
    }
  });

  it('every regex compiles in Oniguruma (a bad one would only fail when first reached)', async () => {
    await loadMarkdownGrammar(); // loads Oniguruma's WASM for this process
    let count = 0;
    for (const g of grammarFiles()) {
      for (const rule of rules(g.json)) {
        for (const key of ['match', 'begin', 'end', 'while'] as const) {
          const source = rule[key];
          if (typeof source !== 'string') continue;
          // vscode-textmate swaps \G for an impossible character when not at the anchor; compile that form too.
          for (const variant of [source, source.replace(/\\G/g, '\uFFFF')]) {
            const scanner = new oniguruma.OnigScanner([variant]);
            scanner.dispose();
          }
          count++;
        }
      }
    }
    assert.ok(count >= 20, `compiled ${count} regexes`);
  });

  it('the block grammar\'s Fotolife-after-a-tag rules are the inline Fotolife rules behind one look-behind', () => {
    const [inline, block] = ['text.hatena.markdown.injection', 'text.hatena.markdown.block.injection']
      .map((scope) => grammarFiles().find((g) => g.scopeName === scope)!.json.repository as Record<string, { patterns: RawRule[] }>);
    const strip = (rules: RawRule[]) => JSON.stringify(rules, (key, value: unknown) =>
      key === 'begin' || key === 'match' ? String(value).replace('(?<=[^\\s>]>)', '')
      : key === 'include' ? String(value).replace('text.hatena.markdown.injection', '') : value);
    assert.equal(strip(block['fotolife-in-html'].patterns), strip(inline.fotolife.patterns));
    assert.ok(block['fotolife-in-html'].patterns.every((r) => String(r.begin ?? r.match).startsWith('(?<=[^\\s>]>)')));
  });

  it('ships in the package (.vscodeignore keeps syntaxes/)', () => {
    const ignore = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!syntaxes/**'));
  });
});
