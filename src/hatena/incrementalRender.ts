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

/**
 * The change from the previous result: the top-level blocks from the one starting on line `fromLine` up to the one
 * starting on `toLine` (null: the end of the blocks, before the footnote list) became `insert`, and every block after
 * them moved by `lineDelta` lines (as the previous result numbered them). Left out when the page could not apply it
 * to its tree block by block (unbalanced raw HTML, a block that does not open with its stamp, nothing replaced).
 */
export interface BodyChange {
  insert: string;
  lineDelta: number;
  blocks?: { fromLine: number; toLine: number | null };
}

/** `html` is built when first read (at 5 MB, joining the blocks costs more than re-rendering one). */
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
  /** Rendered with the stamps of line `htmlLine` (moved to `line` when the HTML is built). */
  html: string;
  htmlLine: number;
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
  /** Changed in place by the next incremental render: a result's `html` must be read before it. */
  blocks: Block[];
  /** HTML after the blocks: the footnote list. */
  tail: string;
  /** Built on first use. */
  html: string | undefined;
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
  /** Counts renders: a result knows whether it is the latest. */
  private generation = 0;

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
      return this.done('unchanged', previous, { insert: '', lineDelta: 0 });
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
    const generation = ++this.generation;
    const current = () => this.generation === generation;
    const result: IncrementalResult = {
      get html() {
        // After the next render the blocks are that render's: reading this result's HTML then is a bug, not stale data.
        if (state.html === undefined && !current()) throw new Error('IncrementalRenderer: read a result\'s html before the next render');
        return htmlOf(state);
      },
      kind,
      footnoteList: state.tail !== '',
    };
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
        const lines = arrayLines(lineStarts);
        const blocks = split.starts.map((a, k) => makeBlock(md, tokens, a, k + 1 < split.starts.length ? split.starts[k + 1] : split.tailStart, env, source, lines, mayHoldStamps));
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
          openFrontMatter: !frontMatter && lineText(source, lines, 0).trimEnd() === '---',
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
    // Seen through a function, not copied: at 5 MB, an array of every line start per keystroke is most of its cost
    // (in garbage collection).
    const inserted: number[] = [];
    for (let i = source.indexOf('\n', oldStarts[firstLine]); i !== -1 && i < newEnd; i = source.indexOf('\n', i + 1)) inserted.push(i + 1);
    const firstKeptOld = firstAtOrAfter(oldStarts, oldEnd + 1);
    const charDelta = source.length - old.length;
    const lineDelta = firstLine + 1 + inserted.length - firstKeptOld;
    const firstKeptNew = firstKeptOld + lineDelta;
    const newLineCount = oldStarts.length + lineDelta;
    const newStarts: LineStarts = {
      count: newLineCount,
      at: (line) => (line <= firstLine ? oldStarts[line] : line < firstKeptNew ? inserted[line - firstLine - 1] : oldStarts[line - lineDelta] + charDelta),
    };
    const oldLines = arrayLines(oldStarts);

    // Restart at a block start before the edit with a blank line above it (the block above cannot grow into the
    // edit), or right after the front matter.
    const blocks = previous.blocks;
    let restart = lastBlockAtOrBefore(blocks, firstLine);
    for (; restart >= 0; restart--) {
      const block = blocks[restart];
      if (block.type === FRONT_MATTER_TOKEN) { restart = -1; break; }
      if (!isBlank(old, oldLines, block.line - 1)) continue;
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
      const tokens = md.parse(`\n${source.slice(newStarts.at(startLine), lineOffset(newStarts, windowEnd, source.length))}`, env);
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
      const oldText = old.slice(oldStarts[startLine], lineOffset(oldLines, oldRegionEnd, old.length));
      const newText = source.slice(newStarts.at(startLine), lineOffset(newStarts, newRegionEnd, source.length));
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
      // The line starts, in place: the changed lines' replaced, the later ones moved.
      oldStarts.splice(firstLine + 1, firstKeptOld - firstLine - 1, ...inserted);
      for (let k = firstKeptNew; k < oldStarts.length; k++) oldStarts[k] += charDelta;
      return this.splice(previous, source, firstReplaced, keptFrom, fresh, lineDelta);
    }
  }

  private splice(previous: State, source: string, from: number, to: number, fresh: Block[], lineDelta: number): IncrementalResult {
    const blocks = previous.blocks;
    let unbalanced = previous.unbalancedBlocks;
    let literal = previous.literalStamps;
    for (let i = from; i < to; i++) {
      if (blocks[i].unbalanced) unbalanced--;
      if (blocks[i].literalStamp) literal--;
    }
    for (const block of fresh) {
      if (block.unbalanced) unbalanced++;
      if (block.literalStamp) literal++;
    }
    // The page may re-parse just these blocks when every block of the post, before and after, is a tree of its own.
    const hint = from < to && previous.unbalancedBlocks === 0 && unbalanced === 0 && opensWithStamp(blocks[from]) &&
      (to === blocks.length || opensWithStamp(blocks[to]))
      ? { fromLine: blocks[from].line, toLine: to < blocks.length ? blocks[to].line : null }
      : undefined;
    // In place (no copy of the block list per keystroke); a moved block's stamps are rewritten only if its HTML is
    // ever built again.
    blocks.splice(from, to - from, ...fresh);
    if (lineDelta !== 0) {
      for (let i = from + fresh.length; i < blocks.length; i++) {
        blocks[i].line += lineDelta;
        blocks[i].end += lineDelta;
      }
    }
    const state: State = { ...previous, source, html: undefined, literalStamps: literal, unbalancedBlocks: unbalanced };
    this.state = state;
    const change: BodyChange = { insert: fresh.map((b) => b.html).join(''), lineDelta };
    if (hint) change.blocks = hint;
    return this.done('incremental', state, change);
  }
}

/** The body HTML of a state, built once (before the next render changes its blocks). */
function htmlOf(state: State): string {
  if (state.html !== undefined) return state.html;
  let html = '';
  const parts: string[] = [];
  for (const block of state.blocks) {
    if (block.htmlLine !== block.line) {
      block.html = shiftSourceLines(block.html, block.line - block.htmlLine);
      block.htmlLine = block.line;
    }
    parts.push(block.html);
  }
  html = parts.join('') + state.tail;
  state.html = html;
  return html;
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

function makeBlock(md: MarkdownIt, tokens: Token[], from: number, to: number, env: object, source: string, lineStarts: LineStarts, mayHoldStamps: boolean): Block {
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
  const literalStamp = mayHoldStamps && source.slice(lineStarts.at(line), lineOffset(lineStarts, end, source.length)).includes('data-line');
  // Rendered on its own: markdown-it's renderer looks at most at the tokens next to one inside the same block.
  const html = md.renderer.render(slice, md.options, env);
  return { line, end, type: first.type, html, htmlLine: line, structural, literalStamp, unbalanced: raw.length > 0 && !balancedTags(raw.join('')) };
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
  return block.html.startsWith('<') && close > 0 && block.html.slice(0, close).includes(` data-line="${block.htmlLine}"`);
}

function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Offsets of line starts, however they are held. */
interface LineStarts {
  count: number;
  at(line: number): number;
}

function arrayLines(starts: number[]): LineStarts {
  return { count: starts.length, at: (line) => starts[line] };
}

function lineOffset(starts: LineStarts, line: number, length: number): number {
  return line < starts.count ? starts.at(line) : length;
}

function lineText(source: string, starts: LineStarts, line: number): string {
  if (line >= starts.count) return '';
  const end = line + 1 < starts.count ? starts.at(line + 1) - 1 : source.length;
  return source.slice(starts.at(line), end);
}

/** Blank as markdown-it counts it: spaces and tabs only. Line -1 (above the first) counts as blank. */
function isBlank(source: string, starts: LineStarts, line: number): boolean {
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
function lastBlockAtOrBefore(blocks: readonly Block[], line: number): number {
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
function blockAt(blocks: readonly Block[], line: number, from: number): number {
  let lo = from;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo < blocks.length && blocks[lo].line === line ? lo : -1;
}
