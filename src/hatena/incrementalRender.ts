// Re-renders only the top-level blocks an edit touches. markdown-it parses blocks top-down and, between two top-level
// blocks, holds no state but the line it is at and the env (reference definitions, footnotes): so parsing may start
// again at a block start before the edit, and stop at the first block start after it that the old parse had too
// (shifted by the lines the edit added). Everything document-wide (footnote numbers and list, heading ids and the
// TOC, reference definitions, the front matter) is left to a full render whenever the edit could touch it; a full
// render stays the fallback and the oracle (test/unit/hatena/incrementalRender.test.ts). Pure: no vscode, no Node.
import type MarkdownIt from 'markdown-it';
import type { RenderedEntry } from './article';
import { FOOTNOTE_LIST_OPEN_TOKEN } from './footnotes';
import { FRONT_MATTER_TOKEN, frontMatterOf, type EntryFrontMatter } from './frontMatter';
import type { HatenaRenderer } from './renderer';
import { shiftSourceLines } from './sourceLines';
import { TOC_TOKEN } from './toc';

type Token = MarkdownIt.Token;

/** How the last render was made: from scratch, by re-parsing the blocks around the edit, or not at all. */
export type RenderKind = 'full' | 'incremental' | 'unchanged';

/** The change from the previous result's `html`: replace [start, end) with `insert`, then move every stamp after it
 *  by `lineDelta` lines. `blocks`: the replaced range is whole top-level blocks between these stamps. */
export interface BodyChange {
  start: number;
  end: number;
  insert: string;
  lineDelta: number;
  blocks?: { fromLine: number; toLine: number | null };
}

export interface IncrementalResult extends RenderedEntry {
  kind: RenderKind;
  /** Set unless `kind` is 'full'. */
  change?: BodyChange;
  /** The body ends with the footnote list. */
  footnoteList: boolean;
}

interface Block {
  /** Source lines [line, end) (the first token's map). */
  line: number;
  end: number;
  /** The first token's type (what may continue past a blank line). */
  type: string;
  html: string;
  /** Holds a heading or `[:contents]`: ids and the TOC are document-wide. */
  structural: boolean;
  /** Its source holds the text `data-line`: raw HTML may carry a stamp that a full render never moves. */
  literalStamp: boolean;
  /** Raw HTML in it leaves an element open (or closes one it did not open): the browser's tree then depends on the
   *  blocks around it, and the page must not re-parse this block alone. */
  unbalanced: boolean;
}

interface State {
  /** The source as markdown-it sees it (line ends normalized). */
  source: string;
  /** Offset of each line's first character. */
  lineStarts: number[];
  blocks: Block[];
  /** HTML after the blocks: the footnote list. */
  tail: string;
  html: string;
  references: object | undefined;
  frontMatter: EntryFrontMatter | undefined;
  /** First line after the front matter (0: none). */
  bodyLine: number;
  /** Line 0 is `---` without a closing line yet: any later `---` may turn the start into front matter. */
  openFrontMatter: boolean;
  /** Blocks (or the tail) whose source holds `data-line`. */
  literalStamps: number;
  /** Blocks whose raw HTML is unbalanced. */
  unbalancedBlocks: number;
}

/** Blocks that may take in the lines after a blank line (a list item's continuation, indented code). */
const CONTINUES_PAST_BLANK: ReadonlySet<string> = new Set(['bullet_list_open', 'ordered_list_open', 'code_block']);
/** Text that defines or numbers something for the whole document: `((note))`, `[^label]`, `[label]: url`. */
const DOCUMENT_WIDE_TEXT = /\(\(|\[\^|\]:/;
/** Lines parsed past an alignment candidate before it counts (block rules look a line or two ahead). */
const LOOKAHEAD_LINES = 4;
const FIRST_WINDOW_LINES = 64;

export class IncrementalRenderer {
  private state: State | undefined;
  /** What the last render did (tests and the benchmark check that typing takes the incremental path). */
  lastRenderKind: RenderKind = 'full';
  readonly counts: Record<RenderKind, number> = { full: 0, incremental: 0, unchanged: 0 };

  constructor(private readonly renderer: HatenaRenderer) {}

  /** Forget the last render: the next one is full (the options around the renderer changed, e.g. image versions). */
  reset(): void {
    this.state = undefined;
  }

  /** The same result as `renderer.render(source)`, byte for byte. */
  render(input: string): IncrementalResult {
    const source = typeof input === 'string' ? normalize(input) : normalize(String(input ?? ''));
    const previous = this.state;
    if (previous && previous.source === source) {
      return this.done('unchanged', previous, { start: 0, end: 0, insert: '', lineDelta: 0 });
    }
    if (previous) {
      try {
        const result = this.incremental(previous, source);
        if (result) return result;
      } catch {
        // A bug here must not show: the full render below is the answer.
      }
    }
    return this.full(source);
  }

  private done(kind: RenderKind, state: State, change?: BodyChange): IncrementalResult {
    this.lastRenderKind = kind;
    this.counts[kind]++;
    const result: IncrementalResult = { html: state.html, kind, footnoteList: state.tail !== '' };
    if (change) result.change = change;
    if (state.frontMatter) result.frontMatter = state.frontMatter;
    return result;
  }

  private full(source: string): IncrementalResult {
    this.state = undefined;
    const md = this.renderer.md;
    let state: State | undefined;
    try {
      const env: { references?: object } = {};
      const tokens = md.parse(source, env);
      const split = splitBlocks(tokens);
      if (split) {
        const lineStarts = lineStartsOf(source);
        const mayHoldStamps = source.includes('data-line');
        const blocks = split.starts.map((a, k) => makeBlock(md, tokens, a, k + 1 < split.starts.length ? split.starts[k + 1] : split.tailStart, env, source, lineStarts, mayHoldStamps));
        const tail = split.tailStart < tokens.length ? md.renderer.render(tokens.slice(split.tailStart), md.options, env) : '';
        const frontMatter = frontMatterOf(tokens);
        const first = blocks[0];
        state = {
          source,
          lineStarts,
          blocks,
          tail,
          html: blocks.map((b) => b.html).join('') + tail,
          references: env.references,
          frontMatter,
          bodyLine: first?.type === FRONT_MATTER_TOKEN ? first.end : 0,
          openFrontMatter: !frontMatter && lineText(source, lineStarts, 0).trimEnd() === '---',
          literalStamps: blocks.filter((b) => b.literalStamp).length + (tail.includes('data-line') ? 1 : 0),
          unbalancedBlocks: blocks.filter((b) => b.unbalanced).length,
        };
      }
    } catch {
      state = undefined;
    }
    if (!state) {
      // Tokens we cannot cut into blocks, or a renderer bug: the renderer's own answer (its error block included).
      const rendered = this.renderer.render(source);
      this.lastRenderKind = 'full';
      this.counts.full++;
      return { ...rendered, kind: 'full', footnoteList: false };
    }
    this.state = state;
    return this.done('full', state);
  }

  /** Re-renders the blocks around the edit into `previous`, or returns undefined for a full render. */
  private incremental(previous: State, source: string): IncrementalResult | undefined {
    const md = this.renderer.md;
    const old = previous.source;
    const prefix = commonPrefix(old, source);
    const suffix = commonSuffix(old, source, Math.min(old.length, source.length) - prefix);
    const oldEnd = old.length - suffix;
    const newEnd = source.length - suffix;
    const oldStarts = previous.lineStarts;
    const firstLine = lastAtOrBefore(oldStarts, prefix);
    // The first line decides front matter; inside it, the entry header changes.
    if (firstLine === 0 || firstLine < previous.bodyLine || previous.openFrontMatter) return undefined;

    // Line starts of the new source: the same before the edit, shifted after it.
    const newStarts = oldStarts.slice(0, firstLine + 1);
    for (let i = source.indexOf('\n', oldStarts[firstLine]); i !== -1 && i < newEnd; i = source.indexOf('\n', i + 1)) newStarts.push(i + 1);
    const firstKeptOld = firstAtOrAfter(oldStarts, oldEnd + 1);
    const charDelta = source.length - old.length;
    for (let k = firstKeptOld; k < oldStarts.length; k++) newStarts.push(oldStarts[k] + charDelta);
    const lineDelta = newStarts.length - oldStarts.length;
    const firstKeptNew = firstKeptOld + lineDelta;
    const newLineCount = newStarts.length;

    // Restart at a block start before the edit with a blank line above it (the block above cannot grow into the
    // edit), or right after the front matter.
    const blocks = previous.blocks;
    let restart = lastBlockAtOrBefore(blocks, firstLine);
    for (; restart >= 0; restart--) {
      const block = blocks[restart];
      if (block.type === FRONT_MATTER_TOKEN) { restart = -1; break; }
      if (!isBlank(old, oldStarts, block.line - 1)) continue;
      if (block.line === firstLine && restart > 0 && CONTINUES_PAST_BLANK.has(blocks[restart - 1].type)) continue;
      break;
    }
    const startLine = restart >= 0 ? blocks[restart].line : previous.bodyLine;
    const firstReplaced = restart >= 0 ? restart : previous.bodyLine > 0 ? 1 : 0;

    // Parse a window from there, growing it until a new block starts where an old one did after the edit.
    for (let window = FIRST_WINDOW_LINES; ; window *= 4) {
      const windowEnd = Math.min(newLineCount, firstKeptNew + window);
      // A fence opened above a long tail: re-parsing most of the document costs as much as a full render.
      if (windowEnd - startLine > FIRST_WINDOW_LINES && (windowEnd - startLine) * 2 > newLineCount) return undefined;
      const env: { references?: object } = previous.references ? { references: Object.create(previous.references) as object } : {};
      // The leading blank line keeps the slice's first line from being read as front matter (only line 0 is).
      const tokens = md.parse(`\n${source.slice(newStarts[startLine], lineOffset(newStarts, windowEnd, source.length))}`, env);
      const offset = startLine - 1;
      const split = splitBlocks(tokens);
      if (!split) return undefined;
      const atEnd = windowEnd === newLineCount;
      let aligned = -1;
      let keptFrom = blocks.length;
      for (let g = 0; g < split.starts.length; g++) {
        const line = tokens[split.starts[g]].map![0] + offset;
        if (line < firstKeptNew || (!atEnd && line + LOOKAHEAD_LINES > windowEnd)) continue;
        const old = blockAt(blocks, line - lineDelta, firstReplaced);
        if (old >= 0) { aligned = g; keptFrom = old; break; }
      }
      if (aligned < 0) {
        if (!atEnd) continue;
        if (split.tailStart < tokens.length) return undefined; // notes: their numbers and list are document-wide
        aligned = split.starts.length;
      }
      const newRegionEnd = aligned < split.starts.length ? tokens[split.starts[aligned]].map![0] + offset : newLineCount;
      const oldRegionEnd = keptFrom < blocks.length ? blocks[keptFrom].line : oldStarts.length;
      const oldText = old.slice(oldStarts[startLine], lineOffset(oldStarts, oldRegionEnd, old.length));
      const newText = source.slice(newStarts[startLine], lineOffset(newStarts, newRegionEnd, source.length));
      if (DOCUMENT_WIDE_TEXT.test(oldText) || DOCUMENT_WIDE_TEXT.test(newText)) return undefined;
      for (let i = firstReplaced; i < keptFrom; i++) if (blocks[i].structural) return undefined;
      const regionTokenEnd = aligned < split.starts.length ? split.starts[aligned] : split.tailStart;
      for (let i = 0; i < regionTokenEnd; i++) if (tokens[i].type === 'heading_open' || tokens[i].type === TOC_TOKEN) return undefined;
      if (lineDelta !== 0 && previous.literalStamps > 0) return undefined;

      // Committed: stamps of the slice become the document's lines, and the new blocks are rendered.
      for (let i = 0; i < regionTokenEnd; i++) {
        const token = tokens[i];
        if (!token.map) continue;
        token.map = [token.map[0] + offset, token.map[1] + offset];
        if (token.attrGet('data-line') !== null) token.attrSet('data-line', String(token.map[0]));
      }
      const mayHoldStamps = newText.includes('data-line');
      const fresh: Block[] = [];
      for (let g = 0; g < aligned; g++) {
        fresh.push(makeBlock(md, tokens, split.starts[g], g + 1 < aligned ? split.starts[g + 1] : regionTokenEnd, env, source, newStarts, mayHoldStamps));
      }
      return this.splice(previous, source, newStarts, firstReplaced, keptFrom, fresh, lineDelta);
    }
  }

  private splice(previous: State, source: string, lineStarts: number[], from: number, to: number, fresh: Block[], lineDelta: number): IncrementalResult {
    const blocks = previous.blocks;
    let start = 0;
    for (let i = 0; i < from; i++) start += blocks[i].html.length;
    let end = start;
    for (let i = from; i < to; i++) end += blocks[i].html.length;
    const insert = fresh.map((b) => b.html).join('');
    let unbalanced = previous.unbalancedBlocks;
    for (let i = from; i < to; i++) if (blocks[i].unbalanced) unbalanced--;
    for (const block of fresh) if (block.unbalanced) unbalanced++;
    // The page may re-parse just these blocks when every block of the post, before and after, is a tree of its own.
    const hint = from < to && previous.unbalancedBlocks === 0 && unbalanced === 0 && opensWithStamp(blocks[from]) &&
      (to === blocks.length || opensWithStamp(blocks[to]))
      ? { fromLine: blocks[from].line, toLine: to < blocks.length ? blocks[to].line : null }
      : undefined;
    let rest: string;
    if (lineDelta === 0) {
      rest = previous.html.slice(end);
    } else {
      for (let i = to; i < blocks.length; i++) {
        const block = blocks[i];
        block.line += lineDelta;
        block.end += lineDelta;
        block.html = shiftSourceLines(block.html, lineDelta);
      }
      rest = '';
      for (let i = to; i < blocks.length; i++) rest += blocks[i].html;
      rest += previous.tail;
    }
    let literal = previous.literalStamps;
    for (let i = from; i < to; i++) if (blocks[i].literalStamp) literal--;
    for (const block of fresh) if (block.literalStamp) literal++;
    blocks.splice(from, to - from, ...fresh);
    const state: State = {
      ...previous,
      source,
      lineStarts,
      html: previous.html.slice(0, start) + insert + rest,
      literalStamps: literal,
      unbalancedBlocks: unbalanced,
    };
    this.state = state;
    const change: BodyChange = { start, end, insert, lineDelta };
    if (hint) change.blocks = hint;
    return this.done('incremental', state, change);
  }
}

/** As markdown-it's normalize rule: its line numbers are those of this text. */
function normalize(source: string): string {
  return /[\r\0]/.test(source) ? source.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') : source;
}

/** Token indexes where top-level blocks start, and where the footnote list starts (tokens.length: none); undefined
 *  when a top-level token has no source lines (nothing to align on). */
function splitBlocks(tokens: Token[]): { starts: number[]; tailStart: number } | undefined {
  const starts: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || token.nesting === -1) continue;
    if (token.type === FOOTNOTE_LIST_OPEN_TOKEN) return { starts, tailStart: i };
    if (!token.map) return undefined;
    starts.push(i);
  }
  return { starts, tailStart: tokens.length };
}

function makeBlock(md: MarkdownIt, tokens: Token[], from: number, to: number, env: object, source: string, lineStarts: number[], mayHoldStamps: boolean): Block {
  const slice = tokens.slice(from, to);
  const first = slice[0];
  const [line, end] = first.map!;
  let structural = false;
  const raw: string[] = [];
  for (const token of slice) {
    if (token.type === 'heading_open' || token.type === TOC_TOKEN) structural = true;
    else if (token.type === 'html_block') raw.push(token.content);
    else if (token.children) for (const child of token.children) if (child.type === 'html_inline') raw.push(child.content);
  }
  const literalStamp = mayHoldStamps && source.slice(lineStarts[line], lineOffset(lineStarts, end, source.length)).includes('data-line');
  // Rendered on its own: markdown-it's renderer looks at most at the tokens next to one inside the same block.
  const html = md.renderer.render(slice, md.options, env);
  return { line, end, type: first.type, html, structural, literalStamp, unbalanced: raw.length > 0 && !balancedTags(raw.join('')) };
}

const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)(?:"[^"]*"|'[^']*'|[^'">]){0,4096}?(\/?)>/g;

/** Every element raw HTML opens it closes, in order (comments and void elements aside). A `<b>` left open would be
 *  reopened by the browser in the blocks after it; a stray `</div>` would close the entry body. */
function balancedTags(html: string): boolean {
  // A huge raw block counts as unbalanced: the check stays cheap, and the page then re-parses everything.
  if (html.length > 65_536) return false;
  const open: string[] = [];
  const text = html.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  for (const m of text.matchAll(TAG)) {
    const name = m[2].toLowerCase();
    if (VOID_ELEMENTS.has(name) || m[3] === '/') continue;
    if (m[1] === '') open.push(name);
    else if (open.pop() !== name) return false;
  }
  return open.length === 0 && !/<(?:script|style|textarea|title|pre|plaintext|xmp|iframe|noembed|noframes|noscript|template|table|select)\b/i.test(text);
}

/** The block's HTML opens with its own stamped element (the page finds it by data-line). */
function opensWithStamp(block: Block): boolean {
  const close = block.html.indexOf('>');
  return block.html.startsWith('<') && close > 0 && block.html.slice(0, close).includes(` data-line="${block.line}"`);
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOffset(starts: number[], line: number, length: number): number {
  return line < starts.length ? starts[line] : length;
}

function lineText(source: string, starts: number[], line: number): string {
  if (line >= starts.length) return '';
  const end = line + 1 < starts.length ? starts[line + 1] - 1 : source.length;
  return source.slice(starts[line], end);
}

/** Blank as markdown-it counts it: spaces and tabs only. Line -1 (above the first) counts as blank. */
function isBlank(source: string, starts: number[], line: number): boolean {
  return line < 0 || /^[ \t]*$/.test(lineText(source, starts, line));
}

/** Length of the longest common prefix; slices compare natively, so a 5 MB document costs a few memcmp passes. */
function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function commonSuffix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The last index whose value is ≤ `value` (values ascending, the first ≤ value). */
function lastAtOrBefore(values: number[], value: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first index whose value is ≥ `value` (values.length: none). */
function firstAtOrAfter(values: number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last block starting at or before `line` (-1: none). */
function lastBlockAtOrBefore(blocks: Block[], line: number): number {
  let lo = -1;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].line <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The index of the block starting at exactly `line`, searching from `from` (-1: none). */
function blockAt(blocks: Block[], line: number, from: number): number {
  let lo = from;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo < blocks.length && blocks[lo].line === line ? lo : -1;
}
