// Whose Fotolife images the writer inserts: their Hatena id, from the most explicit source available.
import { parseFrontMatter } from '../hatena';
import { allExcludedRanges, frontMatterLength, isExcluded, type TextRange } from './codeRegions';

export type HatenaIdOrigin = 'setting' | 'frontMatter' | 'document';

export interface FoundHatenaId {
  id: string;
  origin: HatenaIdOrigin;
}

/** Hatena ids are 3–32 characters, a letter then letters, digits, '_' or '-'. */
const HATENA_ID = /^[A-Za-z][A-Za-z0-9_-]{2,31}$/;

export function isHatenaId(value: string): boolean {
  return HATENA_ID.test(value);
}

/**
 * The little of a text document the lookups here read. vscode.TextDocument adapts to it (completion.ts); unit
 * tests use strings and a fake that counts what is read.
 */
export interface DocumentText {
  readonly lineCount: number;
  /** A line's text, without its line break. */
  lineText(line: number): string;
  /** The text from the start through the end of `line` (without its line break); the whole text when omitted. */
  textThrough(line?: number): string;
}

/**
 * The writer's Hatena id: the `hatenaWriter.hatenaId` setting (an `id:` prefix is tolerated), else the user in
 * the front matter's `EditURL` (https://blog.hatena.ne.jp/USER/BLOG/atom/entry/…, written by blogsync and
 * hatenablog-workflows), else the id used most by `[f:id:USER:…]` images outside code in the document
 * (the first one on a tie). Reads no more than it needs: nothing for a valid setting, the front matter for an
 * EditURL, the whole text only when neither names the writer.
 */
export function findHatenaId(document: DocumentText, setting?: string): FoundHatenaId | undefined {
  const configured = hatenaIdFromSetting(setting);
  if (configured) return configured;
  const close = frontMatterCloseLine(document);
  return (close >= 0 ? hatenaIdFromFrontMatter(document.textThrough(close)) : undefined) ?? hatenaIdFromImages(document.textThrough());
}

/**
 * The line closing a front matter that opens at line 0 (as frontMatterLength defines it), or -1. Reads the text in
 * chunks that double, so a front matter costs about twice its own length to find and a document without one costs
 * its first line.
 */
export function frontMatterCloseLine(document: DocumentText): number {
  const last = document.lineCount - 1;
  if (last < 1 || !document.lineText(0).startsWith('---')) return -1;
  for (let through = Math.min(15, last); ; through = Math.min(2 * through + 1, last)) {
    const text = document.textThrough(through);
    const length = frontMatterLength(text);
    if (length > 0) return countLineBreaks(text, length);
    if (through === last) return -1;
  }
}

/** How many `\n` the text holds before `end`. */
function countLineBreaks(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** The id the setting names, when it is a valid Hatena id. */
export function hatenaIdFromSetting(setting?: string): FoundHatenaId | undefined {
  const configured = (setting ?? '').trim().replace(/^id:/, '');
  return isHatenaId(configured) ? { id: configured, origin: 'setting' } : undefined;
}

/** The user of the `EditURL` in a front matter block (`---` … `---`, as frontMatterLength measures it). */
export function hatenaIdFromFrontMatter(block: string): FoundHatenaId | undefined {
  if (block === '') return undefined;
  const yaml = block.replace(/^---[^\n]*\n/, '').replace(/\n[^\n]*$/, '');
  const { fields } = parseFrontMatter(yaml);
  for (const [key, value] of Object.entries(fields)) {
    if (key.toLowerCase() !== 'editurl' || typeof value !== 'string') continue;
    const user = /^https?:\/\/blog\.hatena\.ne\.jp\/([^/]+)\//.exec(value)?.[1];
    if (user && isHatenaId(user)) return { id: user, origin: 'frontMatter' };
  }
  return undefined;
}

/**
 * The id used most by `[f:id:USER:…]` images outside code (the first one on a tie). `excluded` are the text's
 * code/comment ranges when the caller already has them.
 */
export function hatenaIdFromImages(text: string, excluded: readonly TextRange[] = allExcludedRanges(text)): FoundHatenaId | undefined {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/\[f:id:([A-Za-z][A-Za-z0-9_-]{2,31}):\d{14}/g)) {
    if (isExcluded(excluded, m.index + 1)) continue;
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [id, count] of counts) {
    if (best === undefined || count > counts.get(best)!) best = id;
  }
  return best === undefined ? undefined : { id: best, origin: 'document' };
}
