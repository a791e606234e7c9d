// Scope assertions over the real TextMate engine: "the tokens covering this text carry these scopes".
import * as assert from 'node:assert/strict';
import type { IGrammar } from 'vscode-textmate';
import { loadMarkdownGrammar, tokenizeDocument, type Token } from './textmate';

export interface ScopeExpectation {
  /** Text to find in the document (its first occurrence, or the one `occurrence` picks). */
  text: string;
  /** 0-based index among the occurrences of `text`, counted through the whole document. Default 0. */
  occurrence?: number;
  /** Every token overlapping the text carries each of these scopes (exact scope names). */
  scopes?: string[];
  /** No token overlapping the text carries a scope equal to, or under (`name.`), any of these. */
  notScopes?: string[];
  /** false: no token overlapping the text carries any `*.hatena` scope (the injection left it alone). */
  hatena?: false;
}

let grammar: Promise<IGrammar> | undefined;

/** VS Code's Markdown grammar with this extension's injections, loaded once per test process. */
export function markdownWithHatena(): Promise<IGrammar> {
  grammar ??= loadMarkdownGrammar();
  return grammar;
}

const isUnder = (scope: string, name: string) => scope === name || scope.startsWith(`${name}.`);
// The scope our block grammar gives the text of every table cell (so that the inline grammar is injected there, not
// into the row) is structure, not notation: `hatena: false` still holds for a cell's plain text.
const isHatena = (scope: string) => scope.endsWith('.hatena') && scope !== 'meta.table.cell.hatena';

function locate(lines: Token[][], source: string[], text: string, occurrence: number): Token[] {
  let seen = 0;
  for (let line = 0; line < source.length; line++) {
    for (let at = source[line].indexOf(text); at >= 0; at = source[line].indexOf(text, at + 1)) {
      if (seen++ === occurrence) return lines[line].filter((t) => t.start < at + text.length && t.end > at);
    }
  }
  assert.fail(`"${text}" (occurrence ${occurrence}) is not in the document:\n${source.join('\n')}`);
}

function describeTokens(tokens: Token[]): string {
  return tokens.map((t) => `    ${JSON.stringify(t.text)}  ${t.scopes.join(' ')}`).join('\n');
}

/** Tokenizes `doc` (lines separated by \n) and checks every expectation, reporting the tokens on failure. */
export async function expectScopes(doc: string, ...expectations: ScopeExpectation[]): Promise<void> {
  const source = doc.split('\n');
  const lines = tokenizeDocument(await markdownWithHatena(), doc);
  for (const e of expectations) {
    const tokens = locate(lines, source, e.text, e.occurrence ?? 0);
    const where = () => `"${e.text}" in:\n${source.join('\n')}\ntokens:\n${describeTokens(tokens)}`;
    assert.ok(tokens.length > 0, `no token covers ${where()}`);
    for (const t of tokens) {
      for (const scope of e.scopes ?? []) {
        assert.ok(t.scopes.includes(scope), `expected ${scope} on ${where()}`);
      }
      for (const scope of e.notScopes ?? []) {
        assert.ok(!t.scopes.some((s) => isUnder(s, scope)), `expected no ${scope} on ${where()}`);
      }
      if (e.hatena === false) {
        assert.ok(!t.scopes.some(isHatena), `expected no *.hatena scope on ${where()}`);
      }
    }
  }
}

/** Every `*.hatena` scope anywhere in `doc`, for whole-document checks. */
export async function hatenaScopesIn(doc: string): Promise<Set<string>> {
  const found = new Set<string>();
  for (const line of tokenizeDocument(await markdownWithHatena(), doc)) {
    for (const t of line) for (const s of t.scopes) if (isHatena(s)) found.add(s);
  }
  return found;
}
