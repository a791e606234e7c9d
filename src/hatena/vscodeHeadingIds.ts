// The ids VS Code's built-in Markdown preview gives headings (its github-slugger style slugifier): what a
// `[:contents]` rendered with headingIds 'vscode' links to when the host has set no id itself (toc.ts reads the ids
// VS Code did set; its numbering of repeats differs between releases). Written from its documented behaviour: the
// heading's plain text (text, emoji and code spans only), trimmed and lower-cased, everything but letters, marks,
// decimal and letter numbers, `_`, `-` and the space removed, each space → `-`; a repeated slug gets -1, -2, … (as
// VS Code's main branch does: the next one no heading has taken yet).
import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/** github-slugger keeps L, M, Nd, Nl, Pc, the space and `-`: controls, other punctuation, symbols, No and other spaces go. */
const REMOVED = /[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc} -]/gu;

/** `Day 2（5/31）` → `day-2531`, `Auth0 環境設定` → `auth0-環境設定`. */
export function githubSlug(headingText: string): string {
  return headingText.trim().toLowerCase().replace(REMOVED, '').replace(/ /g, '-');
}

/** One document's slugs in heading order: a slug already given gets the first free -N after the last one tried. */
export class GithubSlugs {
  private readonly given = new Map<string, { count: number }>();

  add(headingText: string): string {
    const slug = githubSlug(headingText);
    const entry = this.given.get(slug);
    if (!entry) {
      this.given.set(slug, { count: 0 });
      return slug;
    }
    let candidate: string;
    do candidate = `${slug}-${++entry.count}`;
    while (this.given.has(candidate));
    this.given.set(candidate, { count: 0 });
    return candidate;
  }
}

/** The heading text VS Code's preview slugs: children's text, emoji and code spans, nested tokens (an image's alt) included. */
export function plainHeadingText(token: Token): string {
  if (token.children) return token.children.map(plainHeadingText).join('');
  return token.type === 'text' || token.type === 'emoji' || token.type === 'code_inline' ? token.content : '';
}

/** Every heading_open of a rendered token stream → the id VS Code's preview gives it. */
export function vscodeHeadingIds(tokens: readonly Token[]): Map<Token, string> {
  const slugs = new GithubSlugs();
  const ids = new Map<Token, string>();
  tokens.forEach((token, i) => {
    if (token.type === 'heading_open' && tokens[i + 1]) ids.set(token, slugs.add(plainHeadingText(tokens[i + 1])));
  });
  return ids;
}
