// Whose Fotolife images the writer inserts: their Hatena id, from the most explicit source available.
import { parseFrontMatter } from '../hatena/frontMatter';
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
 * The writer's Hatena id: the `hatenaWriter.hatenaId` setting (an `id:` prefix is tolerated), else the user in
 * the front matter's `EditURL` (https://blog.hatena.ne.jp/USER/BLOG/atom/entry/…, written by blogsync and
 * hatenablog-workflows), else the id used most by `[f:id:USER:…]` images outside code in the document
 * (the first one on a tie).
 */
export function findHatenaId(text: string, setting?: string): FoundHatenaId | undefined {
  return hatenaIdFromSetting(setting)
    ?? hatenaIdFromFrontMatter(text.slice(0, frontMatterLength(text)))
    ?? hatenaIdFromImages(text);
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
