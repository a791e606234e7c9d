import type MarkdownIt from 'markdown-it';
import { attrs, escapeHtml } from './html';
import { startsWithAt } from './inlineScan';

type StateInline = MarkdownIt.StateInline;

export const TEX_TOKEN = 'hatena_tex';

export interface TexNotation {
  /** What MathJax receives on Hatena: the source after Markdown's backslash escapes. */
  tex: string;
  /** `_`, `*` or `^` left unescaped: on Hatena, Markdown reaches them before MathJax does. */
  unescaped: boolean;
}

const ASCII_PUNCT_ESCAPE = /\\([!-/:-@[-`{-~])/g;

export function parseTex(raw: string): TexNotation {
  return { tex: raw.replace(ASCII_PUNCT_ESCAPE, '$1'), unescaped: hasUnescapedMarkdown(raw) };
}

function hasUnescapedMarkdown(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '_' || c === '*' || c === '^') return true;
  }
  return false;
}

/**
 * `[tex:…]` may hold brackets of its own (`\sqrt[3]{x}`), so it ends at its balanced `]`. The bracket pairs of a
 * paragraph are matched once, with a stack, so many unclosed `[tex:` cost linear time, not quadratic.
 */
const bracketMatches = new WeakMap<StateInline, Int32Array>();

function matchingBracket(state: StateInline, open: number): number {
  let matches = bracketMatches.get(state);
  if (!matches) {
    const src = state.src;
    matches = new Int32Array(src.length).fill(-1);
    const stack: number[] = [];
    for (let i = 0; i < src.length; i++) {
      const c = src.charCodeAt(i);
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x5b) stack.push(i);
      else if (c === 0x5d) { const o = stack.pop(); if (o !== undefined) matches[o] = i; }
      else if (c === 0x0a) stack.length = 0;
    }
    bracketMatches.set(state, matches);
  }
  return matches[open];
}

export function renderTex(notation: TexNotation): string {
  const className = notation.unescaped ? 'hatena-tex hatena-tex-unescaped' : 'hatena-tex';
  const title = notation.unescaped
    ? 'はてなブログでは Markdown が先に処理されます。_ * ^ は \\_ \\* \\^ のようにエスケープしてください'
    : undefined;
  return `<span${attrs([['class', className], ['title', title]])}>[tex:${escapeHtml(notation.tex)}]</span>`;
}

export function texPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('link', TEX_TOKEN, (state, silent) => {
    // Bracket notation is balanced `[…]`; in silent mode (markdown-it measuring a link label) it must count as plain
    // brackets, or `[[f:id:…]](url)` stops being a link (parseLinkLabel refuses labels with nested tokens at `[`).
    if (silent) return false;
    const pos = state.pos;
    if (!startsWithAt(state.src, '[tex:', pos)) return false;
    const close = matchingBracket(state, pos);
    if (close < 0 || close >= state.posMax || close === pos + 5) return false;
    if (!silent) {
      const token = state.push(TEX_TOKEN, '', 0);
      token.meta = parseTex(state.src.slice(pos + 5, close));
      token.content = state.src.slice(pos, close + 1);
    }
    state.pos = close + 1;
    return true;
  });
  md.renderer.rules[TEX_TOKEN] = (tokens, idx) => renderTex(tokens[idx].meta as TexNotation);
}
