import type MarkdownIt from 'markdown-it';
import { HATENA_ID_TOKEN, type HatenaIdNotation } from './hatenaIdRule';
import { KEYWORD_LINK_TOKEN, type KeywordLink } from './keywordLinks';
import { LINK_TOKEN, linkNotationText, type LinkMeta } from './links';
import { TEX_TOKEN, type TexNotation } from './tex';

type Token = MarkdownIt.Token;

/** `heading` is its heading_open token, by which a TOC rendered in VS Code's preview finds the id VS Code gives it. */
export interface TocHeading { level: number; id: string; text: string; heading?: Token }

/**
 * Hatena's heading id: runs of whitespace → `-`, ASCII punctuation other than `-` and `_` removed, everything else
 * (Japanese included) kept. `Auth0 環境設定` → `Auth0-環境設定`, `Module定義ファイル(.mod)` → `Module定義ファイルmod`.
 */
export function hatenaHeadingId(text: string): string {
  return text.trim().replace(/\s+/g, '-').replace(/[!-,./:-@[-^`{-~]/g, '');
}

/**
 * Plain text of a heading's inline tokens, as a reader sees it: entities and backslash escapes decoded (markdown-it
 * keeps those as `text_special` until its text_join rule, which runs after ours), notation as its visible text,
 * footnote marks and images left out. `md` gives a bare `[URL:title]` link the text its renderer shows.
 */
export function inlineText(children: Token[] | null, md: MarkdownIt): string {
  let text = '';
  for (const child of children ?? []) {
    switch (child.type) {
      case 'text': case 'text_special': case 'code_inline':
        text += child.content;
        break;
      case 'softbreak': case 'hardbreak':
        text += ' ';
        break;
      case KEYWORD_LINK_TOKEN:
        text += (child.meta as KeywordLink).text;
        break;
      case HATENA_ID_TOKEN: {
        // `id:USER:detail` shows `id:USER` after its icon; `:image` shows only the icon.
        const { user, variant } = child.meta as HatenaIdNotation;
        if (variant !== 'image') text += `id:${user}`;
        break;
      }
      case TEX_TOKEN:
        text += `[tex:${(child.meta as TexNotation).tex}]`;
        break;
      case LINK_TOKEN:
        text += linkNotationText(md, (child.meta as LinkMeta).notation);
        break;
      default:
        if (child.children) text += inlineText(child.children, md);
    }
  }
  return text;
}

/**
 * Gives every heading its Hatena id and hands the list to each `[:contents]` token, fed one token at a time by the
 * plugin's single pass over the block tokens. [U] Hatena's suffix for repeated headings is unknown; like GitHub we
 * append -1, -2, … and skip any id already taken.
 */
export class HeadingIds {
  private readonly headings: TocHeading[] = [];
  private readonly used = new Set<string>();
  private readonly nextSuffix = new Map<string, number>();
  private readonly tocs: Token[] = [];

  /** `setIds` false: the host (VS Code's preview) sets the headings' ids itself, so ours would only be overwritten. */
  constructor(private readonly md: MarkdownIt, private readonly setIds = true) {}

  /** A heading_open token and the inline token after it. */
  heading(open: Token, inline: Token | undefined): void {
    const text = inlineText(inline?.children ?? null, this.md).trim();
    const base = hatenaHeadingId(text) || 'section';
    // Suffixes continue from the last one tried for this base, so a thousand equal headings stay linear.
    let id = base;
    let n = this.nextSuffix.get(base) ?? 1;
    while (this.used.has(id)) id = `${base}-${n++}`;
    this.nextSuffix.set(base, n);
    this.used.add(id);
    if (this.setIds) open.attrSet('id', id);
    this.headings.push({ level: Number(open.tag.slice(1)), id, text, heading: open });
  }

  toc(token: Token): void {
    this.tocs.push(token);
  }

  /**
   * After the last token: every `[:contents]` lists every heading, those after it included, while all the tables
   * together list at most TOC_ENTRY_BUDGET entries; a `[:contents]` past that gets an empty list (`meta` []) and
   * `info` 'omitted'. A post made of a hundred pasted copies, each with its own `[:contents]`, would otherwise list
   * every heading a hundred times: output growing with the square of the input.
   */
  finish(): void {
    const budget = tocEntryBudget(this.headings.length);
    let listed = 0;
    for (const toc of this.tocs) {
      if (listed > 0 && listed + this.headings.length > budget) {
        toc.meta = [];
        toc.info = 'omitted';
        continue;
      }
      toc.meta = this.headings;
      listed += this.headings.length;
    }
  }
}

/** A post may show its table of contents a few times in full (top and bottom), never once per pasted copy. */
export function tocEntryBudget(headings: number): number {
  return 4 * headings + 2_000;
}
