import type MarkdownIt from 'markdown-it';
import { escapeHtml } from './html';

/**
 * Attributes for a block element we render ourselves: our classes first, then whatever other rules put on the token
 * (VS Code's `code-line`/`data-line` stamps). Render rules must not mutate tokens: VS Code re-renders cached ones.
 */
export function blockAttrs(token: MarkdownIt.Token, ...classes: string[]): string {
  const all = [...classes];
  let rest = '';
  for (const [name, value] of token.attrs ?? []) {
    if (name === 'class') all.push(value);
    else rest += ` ${escapeHtml(name)}="${escapeHtml(value)}"`;
  }
  const className = all.filter(Boolean).join(' ');
  return (className ? ` class="${escapeHtml(className)}"` : '') + rest;
}
