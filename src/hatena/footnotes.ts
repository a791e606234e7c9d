import type MarkdownIt from 'markdown-it';
import { escapeHtml } from './html';
import { insideLink, nextOutsideCode } from './inlineScan';

type Token = MarkdownIt.Token;
type StateInline = MarkdownIt.StateInline;

export const FOOTNOTE_REF_TOKEN = 'hatena_footnote_ref';
export const FOOTNOTE_REPEAT_TOKEN = 'hatena_footnote_ref_repeat';
/** The end-of-post list: `div.footnote` open and close around one `p.footnote` open, inline, close per note. */
export const FOOTNOTE_LIST_OPEN_TOKEN = 'hatena_footnotes_open';
export const FOOTNOTE_LIST_CLOSE_TOKEN = 'hatena_footnotes_close';
export const FOOTNOTE_OPEN_TOKEN = 'hatena_footnote_open';
export const FOOTNOTE_CLOSE_TOKEN = 'hatena_footnote_close';

export interface FootnoteRef {
  /**
   * The note's text as an `inline` token of the document (notation and Markdown inside a note work): parsed by the
   * core rule once the body is parsed and placed in the footnote list, so the core rules after it (linkify,
   * typographer, text_join, a host's own) treat it as they treat a paragraph. Held as the token because linkify
   * replaces its `children` array.
   */
  inline: Token;
  /** Source text of the note, for the id hash. */
  source: string;
  /** Filled in document order by the core rule. */
  number: number;
  hash: string;
  /** The note as plain text for the title attribute, once a reference has rendered it. */
  title?: string;
}

/** 32-bit FNV-1a as 8 hex digits. Hatena's own derivation is unknown [U]; ours only needs to be stable and unique. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The notes of each parse (by its env object) in the order their first references were met: the core rule
 *  parses and numbers them without walking every token. */
const notesByEnv = new WeakMap<object, FootnoteRef[]>();

/** Closing positions of the escapes `(((x)))` and `)((x))(`, where `))` is printed and 3 characters skipped. */
const escapeCloses = new WeakMap<StateInline, Set<number>>();

function registerEscapeClose(state: StateInline, at: number): void {
  let set = escapeCloses.get(state);
  if (!set) { set = new Set(); escapeCloses.set(state, set); }
  set.add(at);
}

function footnoteOpen(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (src.charCodeAt(pos + 1) !== 0x28) return false;
  if (src.charCodeAt(pos + 2) === 0x28) {
    // `(((x)))` prints `((x))`: an escape, not a note.
    const close = nextOutsideCode(state, ')))', pos + 3);
    if (close < 0 || close + 3 > state.posMax) return false;
    if (!silent) { state.pending += '(('; registerEscapeClose(state, close); }
    state.pos = pos + 3;
    return true;
  }
  const close = nextOutsideCode(state, '))', pos + 2);
  if (close < 0 || close + 2 > state.posMax || close === pos + 2 || insideLink(state)) return false;
  const source = src.slice(pos + 2, close);
  if (source.trim() === '') return false;
  if (!silent) pushNote(state, source, src.slice(pos, close + 2));
  state.pos = close + 2;
  return true;
}

/**
 * Adds a note whose text is `source` and its inline reference at the current position. Shared by `((…))` and
 * Markdown's `[^label]`, so both number into one list. The text is parsed later (as inline Markdown, notation
 * included) by the core rule, never from inside this parse: a note that refers to itself, two that refer to each
 * other, or a chain of thousands of definitions would otherwise recurse without end or overflow the stack.
 */
export function pushNote(state: StateInline, source: string, markup: string): FootnoteRef {
  const inline = new state.Token('inline', '', 0);
  inline.content = source;
  inline.children = [];
  const token = state.push(FOOTNOTE_REF_TOKEN, 'a', 0);
  const ref: FootnoteRef = { inline, source, number: 0, hash: '' };
  token.meta = ref;
  token.content = markup;
  const key = state.env as object; // markdown-it requires an env object per parse
  const notes = notesByEnv.get(key);
  if (notes) notes.push(ref); else notesByEnv.set(key, [ref]);
  return ref;
}

/** A second reference to a note that already has one: same number and target, but no id of its own. */
export function pushNoteRepeat(state: StateInline, ref: FootnoteRef, markup: string): void {
  const token = state.push(FOOTNOTE_REPEAT_TOKEN, 'a', 0);
  token.meta = ref;
  token.content = markup;
}

function footnoteCloseParen(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const pos = state.pos;
  if (escapeCloses.get(state)?.has(pos)) {
    if (!silent) state.pending += '))';
    state.pos = pos + 3;
    return true;
  }
  // `)((x))(` prints `((x))`.
  if (src.charCodeAt(pos + 1) !== 0x28 || src.charCodeAt(pos + 2) !== 0x28) return false;
  const close = nextOutsideCode(state, '))(', pos + 3);
  if (close < 0 || close + 3 > state.posMax) return false;
  if (!silent) { state.pending += '(('; registerEscapeClose(state, close); }
  state.pos = pos + 3;
  return true;
}

/** Removes `<…>` tags in one linear pass (a `/<[^>]*>/g` rescans the tail from every unclosed `<`). */
function stripTags(html: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) return out + html.slice(pos);
    out += html.slice(pos, lt);
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) return out;
    pos = gt + 1;
  }
}

/** Tag-free text of a rendered note for the title attribute, re-escaped (stray quotes from raw HTML included). */
function titleText(html: string): string {
  const text = stripTags(html).replace(/&(lt|gt|quot|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!);
  return escapeHtml(text.replace(/\s+/g, ' ').trim());
}

export function footnotesPlugin(md: MarkdownIt): void {
  /** True while a note is rendered for a title attribute: a reference inside it then shows only its mark `*N`
   *  (all a title keeps of it), so a note that refers to itself renders its title once, not forever. */
  let renderingTitle = false;

  /** The note's title, rendered at its first reference: repeated references do not render the note again. */
  const noteTitle = (ref: FootnoteRef, options: MarkdownIt.Options, env: unknown, self: MarkdownIt.Renderer): string => {
    if (ref.title !== undefined) return ref.title;
    renderingTitle = true;
    try {
      ref.title = titleText(self.renderInline(ref.inline.children ?? [], options, env));
    } finally {
      renderingTitle = false;
    }
    return ref.title;
  };

  md.inline.ruler.before('linkify', 'hatena_footnote', (state, silent) => {
    const code = state.src.charCodeAt(state.pos);
    if (code === 0x28) return footnoteOpen(state, silent);
    if (code === 0x29) return footnoteCloseParen(state, silent);
    return false;
  });

  // Parse, number and list the notes once the body's inline tokens exist. A note's text is parsed here, in a loop
  // over the list that its own new notes join at the end: no recursion, however notes refer to each other. The order
  // is the one a reader meets them in: every note of the body in body order, then the notes first met inside notes,
  // after the note that holds them (as the list at the end of the post is read). A note that refers to itself, or
  // back to an earlier note, gets a second reference to that note. The list goes at the end of state.tokens right
  // after markdown-it's 'inline' rule, so every core rule after it (linkify, text_join, …) sees the notes' text.
  md.core.ruler.after('inline', 'hatena_footnote_list', (state) => {
    const key = state.env as object; // markdown-it requires an env object per parse
    const notes = notesByEnv.get(key) ?? [];
    for (let i = 0; i < notes.length; i++) {
      state.md.inline.parse(notes[i].source, state.md, state.env, notes[i].inline.children!);
    }
    notesByEnv.delete(key);
    const used = new Set<string>();
    notes.forEach((ref, i) => {
      ref.number = i + 1;
      let hash = fnv1a(`${ref.number}:${ref.source}`);
      while (used.has(hash)) hash = fnv1a(hash);
      used.add(hash);
      ref.hash = hash;
    });
    if (notes.length === 0) return;
    const block = (type: string, tag: string, nesting: 1 | -1, meta?: FootnoteRef): Token => {
      const token = new state.Token(type, tag, nesting);
      token.block = true;
      token.meta = meta;
      return token;
    };
    state.tokens.push(block(FOOTNOTE_LIST_OPEN_TOKEN, 'div', 1));
    for (const ref of notes) state.tokens.push(block(FOOTNOTE_OPEN_TOKEN, 'p', 1, ref), ref.inline, block(FOOTNOTE_CLOSE_TOKEN, 'p', -1, ref));
    state.tokens.push(block(FOOTNOTE_LIST_CLOSE_TOKEN, 'div', -1));
  });

  md.renderer.rules[FOOTNOTE_REF_TOKEN] = (tokens, idx, options, env, self) => {
    const ref = tokens[idx].meta as FootnoteRef;
    if (renderingTitle) return `*${ref.number}`;
    return `<a href="#f-${ref.hash}" id="fn-${ref.hash}" name="fn-${ref.hash}" title="${noteTitle(ref, options, env, self)}">*${ref.number}</a>`;
  };
  md.renderer.rules[FOOTNOTE_REPEAT_TOKEN] = (tokens, idx, options, env, self) => {
    const ref = tokens[idx].meta as FootnoteRef;
    if (renderingTitle) return `*${ref.number}`;
    return `<a href="#f-${ref.hash}" title="${noteTitle(ref, options, env, self)}">*${ref.number}</a>`;
  };
  md.renderer.rules[FOOTNOTE_LIST_OPEN_TOKEN] = () => '<div class="footnote">\n';
  md.renderer.rules[FOOTNOTE_LIST_CLOSE_TOKEN] = () => '</div>\n';
  md.renderer.rules[FOOTNOTE_OPEN_TOKEN] = (tokens, idx) => {
    const ref = tokens[idx].meta as FootnoteRef;
    return `<p class="footnote"><a href="#fn-${ref.hash}" id="f-${ref.hash}" name="f-${ref.hash}" class="footnote-number">*${ref.number}</a>` +
      '<span class="footnote-delimiter">:</span><span class="footnote-text">';
  };
  md.renderer.rules[FOOTNOTE_CLOSE_TOKEN] = () => '</span></p>\n';
}
