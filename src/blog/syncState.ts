// What this machine last pushed or pulled for an entry, and what follows from it: is the local file changed since,
// has the entry changed on Hatena since, may a push or a pull go ahead or must the user be asked. Pure.
import { applyReplacements, findFrontMatter, postHeaderEdits, type TextReplacement } from '../hatena';
import { entryFileText, frontMatterAfterPush } from './entryFile';
import type { RemoteEntry } from './hatenaEntry';

/** Remembered per entry (its EditURL) after a push or a pull. */
export interface SyncRecord {
  /** `app:edited` of the entry as Hatena answered. */
  edited?: string;
  /** contentHash of the body this machine has (what it sent, or what it wrote into the file). */
  localHash: string;
  /** contentHash of the content Hatena gave back (it may differ from what was sent, e.g. line endings). */
  remoteHash: string;
}

/** A short hash of a body, ignoring line-ending style and trailing blank space (cyrb53, as hex). */
export function contentHash(content: string): string {
  const text = content.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  let h1 = 0xdeadbeef ^ text.length;
  let h2 = 0x41c6ce57 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

export function recordAfterSync(remote: RemoteEntry, localContent: string): SyncRecord {
  return { ...(remote.edited ? { edited: remote.edited } : {}), localHash: contentHash(localContent), remoteHash: contentHash(remote.content) };
}

/** The local body changed since the last push or pull (undefined without a record: unknown). */
export function changedLocally(record: SyncRecord | undefined, localContent: string): boolean | undefined {
  return record ? record.localHash !== contentHash(localContent) : undefined;
}

/** The entry on Hatena changed since this machine last pushed or pulled it (undefined without a record). */
export function changedRemotely(record: SyncRecord | undefined, remote: Pick<RemoteEntry, 'edited' | 'content'>): boolean | undefined {
  if (!record) return undefined;
  return (record.edited !== undefined && remote.edited !== undefined && record.edited !== remote.edited) || record.remoteHash !== contentHash(remote.content);
}

/**
 * Before an update: push, or ask (overwrite Hatena / take Hatena's / cancel). Pushing loses nothing when Hatena's
 * entry is what this machine last saw, or when it already has the local body. Without a record (a file from
 * blogsync or another machine) any difference asks.
 */
export function updateDecision(record: SyncRecord | undefined, remote: Pick<RemoteEntry, 'edited' | 'content'>, localContent: string): 'push' | 'ask' {
  if (contentHash(remote.content) === contentHash(localContent)) return 'push';
  return changedRemotely(record, remote) === false ? 'push' : 'ask';
}

/**
 * Before a pull writes `remote` over a local file: write it, skip it (the file already says the same), or ask
 * (the file has changes this machine has not pushed, or nothing is known about it and the bodies differ).
 */
export function pullDecision(record: SyncRecord | undefined, localText: string | undefined, remote: RemoteEntry): 'write' | 'skip' | 'ask' {
  if (localText === undefined) return 'write';
  if (applyReplacements(localText, pulledEdits(localText, remote)) === localText) return 'skip';
  const local = bodyOf(localText);
  if (contentHash(local) === contentHash(remote.content)) return 'write';
  return changedLocally(record, local) === false ? 'write' : 'ask';
}

/** The body of a post file: what follows the front matter and the blank lines after it (what a push sends). */
export function bodyOf(text: string): string {
  const span = findFrontMatter(text);
  return span ? text.slice(span.end).replace(/^(?:\r?\n)+/, '') : text;
}

/**
 * The edits that make a local post file say what `remote` says: the header fields (Title, Category and the ones
 * Hatena decides) rewritten where they differ, the body replaced; comments and other fields stay. A file without
 * front matter becomes the file blogsync writes.
 */
export function pulledEdits(localText: string, remote: RemoteEntry): TextReplacement[] {
  const span = findFrontMatter(localText);
  if (!span) return localText === entryFileText(remote) ? [] : [{ start: 0, end: localText.length, text: entryFileText(remote) }];
  const header = postHeaderEdits(localText, {
    Title: remote.title,
    Category: remote.categories.length > 0 ? remote.categories : undefined,
    ...frontMatterAfterPush(remote),
    CustomPath: remote.customUrl,
  });
  if (!header) return [{ start: 0, end: localText.length, text: entryFileText(remote) }];
  const bodyStart = localText.length - bodyOf(localText).length;
  const edits = [...header];
  const body = remote.content.endsWith('\n') || remote.content === '' ? remote.content : `${remote.content}\n`;
  if (localText.slice(bodyStart) !== body && localText.slice(bodyStart) !== remote.content) {
    // blogsync writes a blank line between the header and the body.
    const separator = bodyStart === span.end ? '\n' : '';
    edits.push({ start: bodyStart, end: localText.length, text: separator + body });
  }
  return edits;
}
