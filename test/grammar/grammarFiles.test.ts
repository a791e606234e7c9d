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

  it('every scope a rule assigns ends in .hatena, or is one VS Code\'s Markdown or HTML grammar assigns itself', () => {
    // Inside ((notes)) our own rules give bold, code and links Markdown's scopes, and the paragraph that holds a
    // multi-line comment is Markdown's paragraph: those must be scopes the host grammars really use (no invented or
    // misspelt `.markdown` scope).
    const hostScopes = new Set<string>();
    for (const file of ['markdown.tmLanguage.json', 'html.tmLanguage.json']) {
      for (const rule of rules(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'grammar', file), 'utf8')))) {
        for (const scope of [rule.name, rule.contentName]) if (typeof scope === 'string') hostScopes.add(scope);
      }
    }
    let borrowed = 0;
    for (const g of grammarFiles()) {
      for (const rule of rules(g.json)) {
        if (rule === g.json) continue; // the grammar's own display name
        for (const scope of [rule.name, rule.contentName]) {
          if (typeof scope !== 'string') continue;
          if (hostScopes.has(scope)) { borrowed++; continue; }
          assert.match(scope, /^[a-z][\w.$-]*\.hatena$/, `${g.path}: ${scope}`);
        }
      }
    }
    assert.ok(borrowed > 10, `${borrowed} borrowed scopes`);
  });

  it('the bracket notations inside a note are the paragraph\'s rules behind a guard against ))', () => {
    const inline = grammarFiles().find((g) => g.scopeName === 'text.hatena.markdown.injection')!.json;
    const repo = inline.repository as Record<string, { patterns: RawRule[] } & RawRule>;
    const paragraph = [...repo.fotolife.patterns, ...repo.link.patterns, repo.tex, ...repo['keyword-link'].patterns];
    const inNote = repo['note-notation'].patterns;
    assert.equal(inNote.length, paragraph.length);
    const guards = new Set<string>();
    inNote.forEach((rule, i) => {
      const key = rule.begin !== undefined ? 'begin' : 'match';
      const original = String(paragraph[i][key]);
      const source = String(rule[key]);
      assert.ok(source.endsWith(original) && source.length > original.length, `${key} ${i} is the paragraph's with a prefix`);
      guards.add(source.slice(0, source.length - original.length));
      const { comment: _a, [key]: _b, ...rest } = rule;
      const { comment: _c, [key]: _d, ...restOriginal } = paragraph[i];
      assert.deepEqual(rest, restOriginal, `rule ${i}: everything but the regex is the same`);
    });
    // One guard for the flat notations, one for [tex:…] (which may nest one level of brackets).
    assert.deepEqual([...guards].map((g) => g.includes('[tex:')).sort(), [false, true]);
  });

  it('the spans one level down in a note (#note-inline-2) are #note-inline\'s, holding #note-leaf instead of themselves', () => {
    const inline = grammarFiles().find((g) => g.scopeName === 'text.hatena.markdown.injection')!.json;
    const repo = inline.repository as Record<string, RawRule>;
    const withoutComment = (rule: RawRule) => JSON.stringify(rule, (key, value: unknown) => (key === 'comment' ? undefined : value));
    const derived = withoutComment(repo['note-inline']).replaceAll('"#note-inline-2"', '"#note-leaf"');
    assert.notEqual(derived, withoutComment(repo['note-inline'])); // it does include #note-inline-2
    assert.equal(withoutComment(repo['note-inline-2']), derived);
  });

  it('every look-ahead that skips code spans in a note skips them with the same sub-regex (11 hand-written copies)', () => {
    // A grammar file cannot share regex fragments, so the note's begin and each span's begin inside a note carry
    // their own copy of "a code span of one to three backticks, or a longer run" — one edit must reach them all.
    const inline = grammarFiles().find((g) => g.scopeName === 'text.hatena.markdown.injection')!.json;
    const fragment = /`\(\?!`\)\(\?:\[\^`\(\\n\].*?\|`\+\+(?=\|)/g;
    const copies: string[] = [];
    const holders: string[] = [];
    for (const [name, rule] of Object.entries(inline.repository as Record<string, RawRule>)) {
      for (const r of rules(rule)) {
        for (const key of ['match', 'begin', 'end'] as const) {
          const found = typeof r[key] === 'string' ? (r[key] as string).match(fragment) ?? [] : [];
          copies.push(...found);
          if (found.length > 0) holders.push(name);
        }
      }
    }
    assert.equal(copies.length, 11, copies.join('\n'));
    assert.deepEqual([...new Set(holders)].sort(), ['footnote', 'note-inline', 'note-inline-2']);
    for (const copy of copies) assert.equal(copy, copies[0]);
  });

  it('the block grammar\'s table-cell rule is Markdown\'s own cell rule, separator cells excepted', () => {
    const markdown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'grammar', 'markdown.tmLanguage.json'), 'utf8')) as {
      repository: { table: { patterns: RawRule[] } };
    };
    const hostCell = String(markdown.repository.table.patterns.find((r) => String(r.match).includes('(\\\\\\||[^|])+'))!.match);
    const block = grammarFiles().find((g) => g.scopeName === 'text.hatena.markdown.block.injection')!.json;
    const ours = String((block.repository as Record<string, RawRule>)['table-cell'].match);
    const guard = '(?!\\s*+:?-++:?\\s*+\\|)';
    assert.equal(ours.replace(guard, '').replace('((?:\\\\\\||[^|])+)', '((\\\\\\||[^|])+)'), hostCell);
  });

  it('a comment in a paragraph and the paragraph holding it end at the same lines (one lookahead, three copies)', () => {
    const block = grammarFiles().find((g) => g.scopeName === 'text.hatena.markdown.block.injection')!.json;
    const repo = block.repository as Record<string, { patterns: RawRule[] } & RawRule>;
    // The comment also ends after a list item's indent or a quote's `>` (\G there is where Markdown's while rule
    // stopped), but not right after its own `<!--` (also \G).
    const commentEnd = String(repo['comment-in-paragraph'].end);
    const opening = '-->|(?:^|(?<!<!--)\\G)(?=';
    assert.ok(commentEnd.startsWith(opening), commentEnd);
    const lookahead = commentEnd.slice(opening.length - '(?='.length);
    assert.equal(repo['paragraph-with-comment'].patterns.length, 2);
    for (const paragraph of repo['paragraph-with-comment'].patterns) assert.equal(paragraph.end, `$|^${lookahead}`);
    // vscode-textmate reads \1 in an end pattern as the begin's capture (here none): no back-reference may appear.
    assert.doesNotMatch(lookahead, /\\[1-9]/);
  });

  it('no regex has an interval followed by + (Oniguruma reads `{1,2}+` as a repeated interval, not a possessive one)', () => {
    // `\`{1,2}+(?!\`)` took a run of three backticks, so a code span never closed: quadratic on long lines.
    for (const g of grammarFiles()) {
      for (const rule of rules(g.json)) {
        for (const key of ['match', 'begin', 'end', 'while'] as const) {
          const source = rule[key];
          if (typeof source === 'string') assert.doesNotMatch(source, /(?<!\\)\{\d*,?\d*\}\+/, `${g.path}: ${source.slice(0, 80)}…`);
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
