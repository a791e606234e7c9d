// The real TextMate engine (vscode-textmate + vscode-oniguruma, as in VS Code) over VS Code's own Markdown grammar,
// copied into this folder (see NOTICE), plus every grammar that package.json injects into Markdown — read from the
// manifest, so a wrong path, scope name or injectTo fails the tests too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const REPO_ROOT = findRepoRoot(__dirname);
const FIXTURE_DIR = path.join(REPO_ROOT, 'test', 'grammar');

/** The host grammars VS Code ships, by scope name (copies in test/grammar). */
const HOST_GRAMMARS: Readonly<Record<string, string>> = {
  'text.html.markdown': 'markdown.tmLanguage.json',
  'text.html.derivative': 'html-derivative.tmLanguage.json',
  'text.html.basic': 'html.tmLanguage.json',
};

export interface ManifestGrammar {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'syntaxes'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${from}`);
  }
}

export function manifestGrammars(): ManifestGrammar[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { grammars: ManifestGrammar[] };
  };
  return manifest.contributes.grammars;
}

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function loadOnig(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

/**
 * A stand-in for Markdown that makes every line one paragraph and nothing else: tokenizing with it measures the
 * injected grammars alone (VS Code's own Markdown regexes are slow on some lines by themselves).
 */
const BARE_MARKDOWN = JSON.stringify({
  scopeName: 'text.html.markdown',
  patterns: [{ begin: '(^|\\G)(?=[^\\n])', while: '(^|\\G)(?=[^\\n])', name: 'meta.paragraph.markdown' }],
  // Footnotes include Markdown's #inline; an empty one keeps them (vscode-textmate drops rules whose includes all miss).
  repository: { inline: { patterns: [] } },
});

export interface GrammarOptions {
  /** Inject the manifest's grammars (default true); false gives the baseline VS Code shows without this extension. */
  injections?: boolean;
  /** 'vscode' (default): VS Code's Markdown grammar; 'bare': BARE_MARKDOWN, to time the injections in isolation. */
  host?: 'vscode' | 'bare';
}

/**
 * VS Code's Markdown grammar with the manifest's injections, or without them. Like VS Code, injections registered
 * for a parent scope (`text.html`) apply to `text.html.markdown` too.
 */
export async function loadMarkdownGrammar(options: GrammarOptions = {}): Promise<vsctm.IGrammar> {
  const withInjections = options.injections ?? true;
  const bare = options.host === 'bare';
  const contributed = manifestGrammars();
  const registry = new vsctm.Registry({
    onigLib: loadOnig(),
    async loadGrammar(scopeName) {
      if (bare && scopeName === 'text.html.markdown') return vsctm.parseRawGrammar(BARE_MARKDOWN, 'bare-markdown.json');
      const host = HOST_GRAMMARS[scopeName];
      const own = contributed.find((g) => g.scopeName === scopeName);
      const file = host ? path.join(FIXTURE_DIR, host) : own ? path.join(REPO_ROOT, own.path) : undefined;
      // Languages Markdown embeds (source.yaml for front matter, source.js in fences…) exist in VS Code; their own
      // tokens do not matter here, but their presence does (a rule whose includes all miss is dropped).
      if (!file) return vsctm.parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), `${scopeName}.json`);
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
    getInjections(scopeName) {
      if (!withInjections) return undefined;
      const parts = scopeName.split('.');
      const prefixes = new Set(parts.map((_, i) => parts.slice(0, i + 1).join('.')));
      return contributed.filter((g) => g.injectTo?.some((target) => prefixes.has(target))).map((g) => g.scopeName);
    },
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('the Markdown grammar did not load');
  return grammar;
}

export interface Token {
  /** 0-based line number. */
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

/** Tokenizes a document line by line, carrying the rule stack across lines exactly as the editor does. */
export function tokenizeDocument(grammar: vsctm.IGrammar, text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      line,
      start: t.startIndex,
      end: Math.min(t.endIndex, lineText.length),
      text: lineText.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
  });
}
