// blogsync's entry header: the YAML front matter of a post, read as blogsync reads it (gopkg.in/yaml.v2 into
// typed fields: YAML 1.1 booleans, strings from any scalar's source text, Category a list), with the `yaml`
// package's parser so block scalars, flow lists over several lines and comments are real YAML.
import type { Document, Node, Pair, Scalar } from 'yaml';
import { isMap, isScalar, isSeq, parseDocument } from './lazyLibraries';

/** The entry metadata publishing tools (blogsync, hatenablog-workflows) keep in YAML front matter. */
export interface EntryFrontMatter {
  title?: string;
  date?: string;
  categories: string[];
  draft: boolean;
  /** Every key as written (Title, Category, Date, Draft, URL, EditURL, CustomPath, …) with its value read leniently:
   *  scalars as strings or booleans, lists as arrays. */
  fields: Record<string, unknown>;
}

/** blogsync's header fields, in the order it writes them. */
export const ENTRY_HEADER_FIELDS = ['Title', 'Category', 'Date', 'URL', 'EditURL', 'PreviewURL', 'Draft', 'Scheduled', 'CustomPath'] as const;
export type EntryHeaderField = (typeof ENTRY_HEADER_FIELDS)[number];

const STRING_FIELDS: ReadonlySet<string> = new Set(['Title', 'URL', 'EditURL', 'PreviewURL', 'CustomPath']);
const BOOLEAN_FIELDS: ReadonlySet<string> = new Set(['Draft', 'Scheduled']);

// yaml.v2 resolves these plain scalars as booleans (YAML 1.1); blogsync's Draft/Scheduled are Go bools.
const YAML11_TRUE = /^(?:y|Y|yes|Yes|YES|on|On|ON|true|True|TRUE)$/;
const YAML11_FALSE = /^(?:n|N|no|No|NO|off|Off|OFF|false|False|FALSE)$/;

/** What a problem is, so the editor can word it in the user's language; `field` is the key as written. */
export type EntryHeaderProblemCode =
  | 'yaml-syntax' // `detail`: the YAML parser's message
  | 'not-a-mapping' // the front matter is not `Key: value` lines
  | 'duplicate-field'
  | 'field-case' // `title:` — blogsync reads keys case-sensitively; `detail`: the spelling it reads
  | 'not-a-string'
  | 'not-a-list' // Category: AWS — blogsync wants a list
  | 'not-a-boolean' // Draft: maybe, Draft: "yes"
  | 'not-a-date' // Date: tomorrow
  | 'not-an-edit-url'; // EditURL that names no entry or page of an AtomPub endpoint

export interface EntryHeaderProblem {
  code: EntryHeaderProblemCode;
  /** The key as written, when the problem is one field's. */
  field?: string;
  /** UTF-16 offsets into the YAML text given to validateEntryHeader. */
  start: number;
  end: number;
  detail?: string;
}

function parse(yaml: string): Document.Parsed {
  // uniqueKeys off: a duplicate is reported by us with its range, and the first value still counts.
  return parseDocument(yaml, { uniqueKeys: false, strict: false, prettyErrors: false });
}

function pairs(doc: Document.Parsed): Pair[] {
  return isMap(doc.contents) ? (doc.contents.items as Pair[]) : [];
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value !== null && typeof pair.key.value !== 'object' ? String(pair.key.value) : undefined;
}

/** A scalar's text as a Go string field receives it: a plain scalar's source (`yes`, `2017`), a quoted one's value. */
function scalarText(node: Scalar): string {
  if (node.type === 'PLAIN' && typeof node.source === 'string') return node.source;
  return node.value === null || node.value === undefined ? '' : String(node.value);
}

/**
 * Lenient reading for the preview: scalars as strings (plain YAML 1.1 booleans as booleans, except in the fields
 * blogsync reads as strings, which keep their text: `Title: yes` is titled "yes"), lists as arrays.
 */
function leniently(node: unknown, key?: string): unknown {
  if (isScalar(node) && key !== undefined && (STRING_FIELDS.has(key) || key === 'Date')) return scalarText(node);
  if (isScalar(node)) {
    const text = scalarText(node);
    if (node.type === 'PLAIN') {
      if (YAML11_TRUE.test(text)) return true;
      if (YAML11_FALSE.test(text)) return false;
      if (text === '' || text === '~' || /^null$/i.test(text)) return null;
    }
    return text;
  }
  if (isSeq(node)) return node.items.map((item) => leniently(item)).filter((v) => v !== null && typeof v !== 'object');
  return null;
}

/** Never throws: YAML errors leave out what cannot be read. */
export function parseFrontMatter(yaml: string): EntryFrontMatter {
  const fields: Record<string, unknown> = Object.create(null);
  let doc: Document.Parsed;
  try {
    doc = parse(yaml);
  } catch {
    return toEntryFrontMatter(fields);
  }
  for (const pair of pairs(doc)) {
    const key = keyText(pair);
    if (key === undefined || key in fields) continue;
    fields[key] = leniently(pair.value, key);
  }
  return toEntryFrontMatter(fields);
}

function field(fields: Record<string, unknown>, ...names: string[]): unknown {
  for (const key of Object.keys(fields)) {
    if (names.includes(key.toLowerCase())) return fields[key];
  }
  return undefined;
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'boolean') return String(value);
  return undefined;
}

function toEntryFrontMatter(fields: Record<string, unknown>): EntryFrontMatter {
  const category = field(fields, 'category', 'categories', 'tags');
  const categories = (Array.isArray(category) ? category : [category]).map(asText).filter((c): c is string => c !== undefined);
  return {
    title: asText(field(fields, 'title')),
    date: asText(field(fields, 'date')),
    categories,
    draft: field(fields, 'draft') === true,
    fields: { ...fields },
  };
}

/**
 * A `Date` value blogsync (yaml.v2 into time.Time) accepts: a date, a date and time with `T` and a zone (`Z` or
 * ±hh:mm), or a date and time with a space and an optional zone; and a real calendar date and time.
 */
export function isEntryDate(text: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))|(?:[ \t]+(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:[ \t]*(?:Z|[+-]\d{1,2}(?::\d{2})?))?))?$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? m[7] ?? 0), Number(m[5] ?? m[8] ?? 0), Number(m[6] ?? m[9] ?? 0)];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour < 24 && minute < 60 && second < 61;
}

/** `https://blog.hatena.ne.jp/{user}/{blog}/atom/entry/{id}` (or `/atom/page/`) on any host, as blogsync checks. */
export function isEditUrl(text: string): boolean {
  return /^https?:\/\/[^/\s]+\/[^/\s]+\/[^/\s]+\/atom\/(?:entry|page)\/[^/\s]+$/.test(text);
}

function rangeOf(node: Node | null | undefined, fallback: readonly [number, number]): [number, number] {
  const range = node?.range;
  return range ? [range[0], Math.max(range[0], range[1])] : [fallback[0], fallback[1]];
}

/**
 * What blogsync would reject or silently ignore in a front matter, with the offsets of the offending text in
 * `yaml`. An empty list when blogsync reads it as meant. Never throws.
 */
export function validateEntryHeader(yaml: string): EntryHeaderProblem[] {
  const problems: EntryHeaderProblem[] = [];
  let doc: Document.Parsed;
  try {
    doc = parse(yaml);
  } catch (error) {
    return [{ code: 'yaml-syntax', start: 0, end: yaml.length, detail: error instanceof Error ? error.message : String(error) }];
  }
  for (const error of doc.errors) {
    const [start, end] = error.pos;
    problems.push({ code: 'yaml-syntax', start, end: Math.max(end, start + 1), detail: error.message.split('\n')[0] });
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return problems;
  if (!isMap(doc.contents)) {
    const [start, end] = rangeOf(doc.contents, [0, yaml.length]);
    return [...problems, { code: 'not-a-mapping', start, end }];
  }
  const seen = new Set<string>();
  const known = new Map<string, string>(ENTRY_HEADER_FIELDS.map((f) => [f.toLowerCase(), f]));
  for (const pair of pairs(doc)) {
    const key = keyText(pair);
    if (key === undefined) continue;
    const keyRange = rangeOf(pair.key as Node, [0, 0]);
    const at = (code: EntryHeaderProblemCode, node: unknown, detail?: string): void => {
      const [start, end] = rangeOf((node ?? pair.key) as Node, keyRange);
      problems.push({ code, field: key, start, end: end > start ? end : keyRange[1], ...(detail !== undefined ? { detail } : {}) });
    };
    if (seen.has(key)) {
      at('duplicate-field', pair.key);
      continue;
    }
    seen.add(key);
    const canonical = known.get(key.toLowerCase());
    if (canonical !== undefined && canonical !== key) {
      at('field-case', pair.key, canonical);
      continue;
    }
    const value = pair.value as Node | null;
    if (value === null || (isScalar(value) && value.type === 'PLAIN' && scalarText(value) === '')) continue;
    if (STRING_FIELDS.has(key)) {
      if (!isScalar(value)) at('not-a-string', value);
      else if (key === 'EditURL' && !isEditUrl(scalarText(value))) at('not-an-edit-url', value);
    } else if (BOOLEAN_FIELDS.has(key)) {
      const text = isScalar(value) ? scalarText(value) : '';
      if (!isScalar(value) || value.type !== 'PLAIN' || !(YAML11_TRUE.test(text) || YAML11_FALSE.test(text))) at('not-a-boolean', value);
    } else if (key === 'Category') {
      if (!isSeq(value)) at('not-a-list', value);
      else for (const item of value.items) if (!isScalar(item)) at('not-a-string', item);
    } else if (key === 'Date') {
      if (!isScalar(value) || !isEntryDate(scalarText(value).trim())) at('not-a-date', value);
    }
  }
  return problems;
}

/** A value to write into a field: a string, a boolean, a list of strings; `undefined` removes the field. */
export type EntryHeaderValue = string | boolean | readonly string[] | undefined;

/** One replacement in the YAML text (UTF-16 offsets), so an editor can apply just what changed. */
export interface TextReplacement {
  start: number;
  end: number;
  text: string;
}

/** A scalar as blogsync writes it: plain where YAML reads it back as the same string, else double-quoted. */
export function yamlScalar(value: string | boolean): string {
  if (typeof value === 'boolean') return String(value);
  const plainIsSafe =
    value !== '' &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`~]|[\s:]$|: | #|[\n\r\t\u0000-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(value) &&
    !YAML11_TRUE.test(value) && !YAML11_FALSE.test(value) &&
    !/^(?:null|Null|NULL|~|[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?|<<)$/.test(value) &&
    // A date-like plain scalar would become a timestamp for yaml.v2's interface{} readers; Date itself is written plain.
    !(/^\d{4}-\d{1,2}-\d{1,2}/.test(value) && !isEntryDate(value));
  return plainIsSafe ? value : JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function renderValue(value: string | boolean | readonly string[]): string {
  if (typeof value === 'string' || typeof value === 'boolean') return ` ${yamlScalar(value)}`;
  return value.length === 0 ? ' []' : value.map((item) => `\n- ${yamlScalar(item)}`).join('');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEndAfter(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/**
 * The replacements that set (or, for `undefined`, remove) header fields in `yaml` and leave every other byte as it
 * was: comments, other fields, their order and quoting. A new field goes after the fields blogsync writes before it.
 * Returns undefined when the YAML cannot be edited safely (syntax errors, not a mapping, a duplicate of a field to
 * change): the caller then says so rather than guess.
 */
export function entryHeaderEdits(yaml: string, changes: Partial<Record<EntryHeaderField, EntryHeaderValue>>): TextReplacement[] | undefined {
  let doc: Document.Parsed;
  try {
    doc = parse(yaml);
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0) return undefined;
  const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
  if (!empty && !isMap(doc.contents)) return undefined;
  const byKey = new Map<string, Pair>();
  for (const pair of pairs(doc)) {
    const key = keyText(pair);
    if (key === undefined) continue;
    if (byKey.has(key) && key in changes) return undefined;
    if (!byKey.has(key)) byKey.set(key, pair);
  }
  const edits: TextReplacement[] = [];
  const body = yaml.endsWith('\n') || yaml === '' ? yaml : `${yaml}\n`;
  const insertions = new Map<number, string>();
  for (const name of ENTRY_HEADER_FIELDS) {
    if (!(name in changes)) continue;
    const value = changes[name];
    const pair = byKey.get(name);
    if (pair) {
      const keyStart = (pair.key as Node).range![0];
      const valueNode = pair.value as Node | null;
      const pairEnd = valueNode?.range ? valueNode.range[1] : (pair.key as Node).range![1];
      if (value === undefined) {
        edits.push({ start: lineStart(yaml, keyStart), end: lineEndAfter(yaml, Math.max(pairEnd - 1, keyStart)), text: '' });
        continue;
      }
      const colon = yaml.indexOf(':', (pair.key as Node).range![1]);
      const valueStart = colon + 1;
      const valueEnd = valueNode?.range && !(isScalar(valueNode) && valueNode.value === null && valueNode.type === 'PLAIN' && valueNode.range[0] === valueNode.range[1])
        ? valueNode.range[1]
        : valueStart;
      // A block list's range ends after its last item's line break; keep that break.
      const end = valueEnd > valueStart && yaml[valueEnd - 1] === '\n' ? valueEnd - 1 : valueEnd;
      const current = yaml.slice(valueStart, end);
      const next = renderValue(value);
      if (current.trim() !== next.trim() || (Array.isArray(value) !== isSeq(valueNode))) edits.push({ start: valueStart, end, text: next });
      continue;
    }
    if (value === undefined) continue;
    // After the nearest field blogsync writes before this one, else at the top.
    let at = 0;
    for (const earlier of ENTRY_HEADER_FIELDS.slice(0, ENTRY_HEADER_FIELDS.indexOf(name)).reverse()) {
      const before = byKey.get(earlier);
      if (!before) continue;
      const valueNode = before.value as Node | null;
      const end = valueNode?.range ? valueNode.range[2] : (before.key as Node).range![2];
      at = end >= body.length ? body.length : lineEndAfter(yaml, Math.max(end - 1, 0));
      break;
    }
    insertions.set(at, (insertions.get(at) ?? '') + `${name}:${renderValue(value)}\n`);
  }
  for (const [at, text] of insertions) {
    // Text without a final line break gets one before what is appended at its end.
    const prefix = at === yaml.length && yaml !== '' && !yaml.endsWith('\n') ? '\n' : '';
    edits.push({ start: at, end: at, text: prefix + text });
  }
  return edits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Applies non-overlapping replacements (sorted or not) to `text`. */
export function applyReplacements(text: string, edits: readonly TextReplacement[]): string {
  let out = '';
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/** Where a post's front matter is: the `---` first line, the YAML, the closing `---` (or `...`) line. */
export interface FrontMatterSpan {
  /** Offsets of the YAML between the two delimiter lines (its final line break included). */
  yamlStart: number;
  yamlEnd: number;
  /** Offset just after the closing delimiter's line. */
  end: number;
  /** 0-based line of the closing delimiter. */
  closeLine: number;
}

/** The front matter of a whole post, found as the renderer's front-matter rule finds it; undefined when none. */
export function findFrontMatter(text: string): FrontMatterSpan | undefined {
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0 || text.slice(0, firstEnd).replace(/[ \t\r]+$/, '') !== '---') return undefined;
  let line = 1;
  for (let start = firstEnd + 1; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    const content = text.slice(start, newline < 0 ? text.length : newline).replace(/[ \t\r]+$/, '');
    if (content === '---' || content === '...') return { yamlStart: firstEnd + 1, yamlEnd: start, end, closeLine: line };
    start = end;
  }
  return undefined;
}

/**
 * entryHeaderEdits for a whole post: offsets into the post. A post without front matter gets one, as blogsync
 * writes it (`---`, the fields, `---`, a blank line, the body).
 */
export function postHeaderEdits(text: string, changes: Partial<Record<EntryHeaderField, EntryHeaderValue>>): TextReplacement[] | undefined {
  const span = findFrontMatter(text);
  if (!span) {
    const fields = entryHeaderEdits('', changes);
    if (!fields) return undefined;
    const yaml = applyReplacements('', fields);
    return [{ start: 0, end: 0, text: `---\n${yaml}---\n\n` }];
  }
  const edits = entryHeaderEdits(text.slice(span.yamlStart, span.yamlEnd), changes);
  return edits?.map((e) => ({ start: e.start + span.yamlStart, end: e.end + span.yamlStart, text: e.text }));
}
