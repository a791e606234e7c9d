// A Hatena Blog entry as a post file on disk, the way blogsync (x-motemen/blogsync, entry.go) writes and reads it:
// `---`, the header as yaml.v2 marshals it, `---`, a blank line, the body (with a final newline); on push the body
// is what follows the closing `---` and the blank lines after it. Pure: no vscode, no Node.
import { findFrontMatter, isEntryDate, parseFrontMatter, validateEntryHeader, type EntryHeaderField, type EntryHeaderProblem, type EntryHeaderValue } from '../hatena';
import type { EntryToSend, RemoteEntry } from './hatenaEntry';

// yaml.v2 resolves these plain scalars to something other than a string, so it double-quotes such strings.
const RESOLVES_TO_NON_STRING =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0x[0-9a-fA-F_]+|0b[01_]+|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?|<<|\d{4}-\d{1,2}-\d{1,2}.*)$/;

/** A string as yaml.v2's emitter writes it: plain when it reads back the same, else single- or double-quoted. */
export function blogsyncScalar(value: string): string {
  if (value === '' || RESOLVES_TO_NON_STRING.test(value) || /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\n\r\t]/.test(value)) {
    // yaml.v2 keeps the Date field's own format plain; every other such string is double-quoted.
    if (value !== '' && isEntryDate(value) && /T/.test(value)) return value;
    return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  const plain = !/^[\s\-?:,[\]{}#&*!|>'"%@`]|[\s:]$|: | #/.test(value);
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}

function headerLines(entry: RemoteEntry): string[] {
  const lines = [`Title: ${blogsyncScalar(entry.title)}`];
  if (entry.categories.length > 0) lines.push('Category:', ...entry.categories.map((c) => `- ${blogsyncScalar(c)}`));
  if (entry.updated) lines.push(`Date: ${entry.updated}`);
  if (entry.url) lines.push(`URL: ${blogsyncScalar(entry.url)}`);
  lines.push(`EditURL: ${blogsyncScalar(entry.editUrl)}`);
  if (entry.previewUrl) lines.push(`PreviewURL: ${blogsyncScalar(entry.previewUrl)}`);
  if (entry.draft) lines.push('Draft: true');
  if (entry.scheduled) lines.push('Scheduled: true');
  return lines;
}

/** The file blogsync writes for `entry` (blogsync's fullContent: header, blank line, body, a final newline). */
export function entryFileText(entry: RemoteEntry): string {
  const text = `---\n${headerLines(entry).join('\n')}\n---\n\n${entry.content}`;
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Where blogsync keeps `entry` under the blog's root: `{entry_directory}/{URL path}.md`; drafts without a custom path `{entry_directory}/_draft/{id}.md`. */
export function entryRelativePath(entry: RemoteEntry, layout: { entryDirectory: string }): string {
  const prefix = layout.entryDirectory ? `${layout.entryDirectory}/` : '';
  if (entry.draft && !entry.customUrl) return `${prefix}_draft/${safeSegment(entry.id)}.md`;
  let path = '';
  try {
    path = entry.url ? new URL(entry.url).pathname : '';
  } catch {
    path = '';
  }
  const segments = path.split('/').filter((s) => s !== '').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  // The URL is /entry/…: entry_directory takes the place of `entry`.
  if (segments[0] === 'entry') segments.shift();
  if (segments.length === 0) return `${prefix}_draft/${safeSegment(entry.id)}.md`;
  return `${prefix}${segments.map(safeSegment).join('/')}.md`;
}

/** A path segment that cannot climb out of the blog's folder or name a device. */
function safeSegment(segment: string): string {
  const cleaned = segment.replace(/[\\:*?"<>|\u0000-\u001f]/g, '_');
  return cleaned === '.' || cleaned === '..' || cleaned === '' ? '_' : cleaned;
}

export interface PostFile {
  /** What a push sends, as blogsync would send it (draft as the header says; the command decides). */
  entry: EntryToSend;
  editUrl?: string;
  url?: string;
  /** Header problems with offsets into the whole text; when there are any, nothing should be sent. */
  problems: EntryHeaderProblem[];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** `2017-06-04` → `2017-06-04T00:00:00+09:00`; `2017-06-04 10:00:00` → with `T` (Hatena reads ISO 8601). */
function isoDate(date: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ \t]+(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[ \t]*(Z|[+-]\d{1,2}(?::\d{2})?))?)?$/.exec(date);
  if (!m) return date;
  const two = (s: string | undefined) => (s ?? '0').padStart(2, '0');
  const zone = m[7] === undefined ? '+09:00' : m[7] === 'Z' ? 'Z' : /:/.test(m[7]) ? m[7].replace(/^([+-])(\d)(?=:)/, '$10$2') : `${m[7].replace(/^([+-])(\d)$/, '$10$2')}:00`;
  return `${m[1]}-${two(m[2])}-${two(m[3])}T${two(m[4])}:${two(m[5])}:${two(m[6])}${zone}`;
}

/** Reads a post file as blogsync's entryFromReader does; never throws. */
export function readPostFile(source: string): PostFile {
  const span = findFrontMatter(source);
  if (!span) return { entry: { title: '', content: source, categories: [], draft: false }, problems: [] };
  const yaml = source.slice(span.yamlStart, span.yamlEnd);
  const problems = validateEntryHeader(yaml).map((p) => ({ ...p, start: p.start + span.yamlStart, end: p.end + span.yamlStart }));
  const header = parseFrontMatter(yaml);
  const fields = header.fields;
  // blogsync splits on `---\n+`: the blank lines after the header are not part of the body.
  const content = source.slice(span.end).replace(/^(?:\r?\n)+/, '');
  const categories = Array.isArray(fields.Category) ? (fields.Category as unknown[]).filter((c): c is string => typeof c === 'string') : [];
  const date = text(fields.Date);
  const entry: EntryToSend = {
    title: typeof fields.Title === 'string' ? fields.Title : '',
    content,
    categories,
    draft: fields.Draft === true,
    ...(date ? { updated: isoDate(date) } : {}),
    ...(fields.Scheduled === true ? { scheduled: true } : {}),
    ...(text(fields.CustomPath) ? { customUrl: text(fields.CustomPath) } : {}),
  };
  return { entry, editUrl: text(fields.EditURL), url: text(fields.URL), problems };
}

/**
 * The header fields Hatena decides, to write back after a push: blogsync's URL, EditURL, PreviewURL, Date, Draft,
 * Scheduled. Title, Category and CustomPath are the writer's and stay as written.
 */
export function frontMatterAfterPush(remote: RemoteEntry): Partial<Record<EntryHeaderField, EntryHeaderValue>> {
  return {
    // A draft's Date is left as the writer has it (or not): publishing later dates it then.
    ...(remote.draft ? {} : { Date: remote.updated }),
    URL: remote.url,
    EditURL: remote.editUrl,
    PreviewURL: remote.draft ? remote.previewUrl : undefined,
    Draft: remote.draft ? true : undefined,
    Scheduled: remote.scheduled ? true : undefined,
  };
}
