import type MarkdownIt from 'markdown-it';

type StateBlock = MarkdownIt.StateBlock;

/** The entry metadata publishing tools (blogsync, hatenablog-workflows) keep in YAML front matter. */
export interface EntryFrontMatter {
  title?: string;
  date?: string;
  categories: string[];
  draft: boolean;
  /** Every key as written (Title, Category, Date, Draft, URL, EditURL, CustomPath, …) with its parsed value. */
  fields: Record<string, unknown>;
}

/** Our own token type: VS Code's built-in preview already owns `front_matter`. */
export const FRONT_MATTER_TOKEN = 'hatena_front_matter';

type Scalar = string | boolean | null;
type Value = Scalar | Scalar[];

/**
 * Parses the YAML subset blogsync writes: `Key: scalar`, quoted scalars, `- item` block lists and `[a, b]` flow
 * lists, `#` comments. Anything else is skipped rather than guessed at. Never throws.
 */
export function parseFrontMatter(yaml: string): EntryFrontMatter {
  const fields: Record<string, unknown> = Object.create(null);
  const lines = yaml.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    // Greedy captures trimmed afterwards: a lazy `(.*?)[ \t]*$` is quadratic on long runs of blanks.
    const m = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t](.*))?$/.exec(lines[i]);
    if (!m) continue;
    const raw = (m[2] ?? '').trim();
    if (raw === '' || raw.startsWith('#')) {
      const items: Scalar[] = [];
      while (i + 1 < lines.length) {
        const item = /^[ \t]*-(?:[ \t](.*))?$/.exec(lines[i + 1]);
        if (item) { items.push(parseScalar((item[1] ?? '').trim())); i++; continue; }
        if (/^[ \t]*(#.*)?$/.test(lines[i + 1])) { i++; continue; }
        break;
      }
      fields[m[1]] = items.length > 0 ? items : null;
    } else {
      fields[m[1]] = parseValue(raw);
    }
  }
  return toEntryFrontMatter(fields);
}

function parseValue(raw: string): Value {
  if (raw.startsWith('[')) {
    const list = parseFlowList(raw);
    if (list) return list;
  }
  return parseScalar(raw);
}

function parseFlowList(raw: string): Scalar[] | undefined {
  const items: Scalar[] = [];
  let i = 1;
  let current = '';
  while (i < raw.length) {
    const c = raw[i];
    if (c === '"' || c === "'") {
      const end = quotedEnd(raw, i);
      if (end < 0) return undefined;
      current += raw.slice(i, end + 1);
      i = end + 1;
    } else if (c === ',' || c === ']') {
      if (current.trim() !== '' || c === ',') items.push(parseScalar(current.trim()));
      current = '';
      i++;
      if (c === ']') return /^\s*(#.*)?$/.test(raw.slice(i)) ? items : undefined;
    } else {
      current += c;
      i++;
    }
  }
  return undefined;
}

/** Index of the quote closing the string that opens at `start`, or -1. */
function quotedEnd(s: string, start: number): number {
  const q = s[start];
  for (let i = start + 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') { i++; continue; }
    if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") { i++; continue; }
      return i;
    }
  }
  return -1;
}

const DOUBLE_QUOTED_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' ' };

function parseScalar(raw: string): Scalar {
  if (raw.startsWith('"')) {
    const end = quotedEnd(raw, 0);
    if (end > 0) {
      return raw.slice(1, end).replace(/\\(u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|.)/g, (_, e: string) =>
        e.length > 1 ? String.fromCharCode(parseInt(e.slice(1), 16)) : DOUBLE_QUOTED_ESCAPES[e] ?? e);
    }
  } else if (raw.startsWith("'")) {
    const end = quotedEnd(raw, 0);
    if (end > 0) return raw.slice(1, end).replace(/''/g, "'");
  }
  // A plain scalar ends at " #" (a YAML comment); "C#" keeps its hash.
  const comment = raw.search(/[ \t]#/);
  const plain = (comment >= 0 ? raw.slice(0, comment) : raw).trim();
  if (/^(true|yes|on)$/i.test(plain)) return true;
  if (/^(false|no|off)$/i.test(plain)) return false;
  if (plain === '~' || /^null$/i.test(plain)) return null;
  return plain;
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
  const categories = (Array.isArray(category) ? category : [category])
    .map(asText)
    .filter((c): c is string => c !== undefined);
  const draft = field(fields, 'draft');
  return {
    title: asText(field(fields, 'title')),
    date: asText(field(fields, 'date')),
    categories,
    draft: draft === true,
    fields: { ...fields },
  };
}

/**
 * Block rule: YAML between a `---` first line and the next `---` (or `...`) line becomes one hidden token whose
 * meta is the parsed EntryFrontMatter. An unclosed block is left to Markdown (it is then an <hr> and text), so a
 * half-typed front matter never swallows the post.
 */
export function frontMatterPlugin(md: MarkdownIt): void {
  let hostOwnsFrontMatter: boolean | undefined;
  md.block.ruler.before('table', FRONT_MATTER_TOKEN, (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    if (startLine !== 0 || state.blkIndent !== 0 || state.sCount[0] !== 0) return false;
    // VS Code's preview adds its own `front_matter` rule after the plugins (and honours
    // markdown.previewFrontMatter with it): where one exists, it handles front matter, not us.
    hostOwnsFrontMatter ??= hasRule(md, 'front_matter');
    if (hostOwnsFrontMatter) return false;
    if (lineText(state, 0) !== '---') return false;
    let close = 1;
    while (close < endLine) {
      const text = lineText(state, close);
      if (text === '---' || text === '...') break;
      close++;
    }
    if (close >= endLine) return false;
    if (silent) return true;
    const token = state.push(FRONT_MATTER_TOKEN, '', 0);
    // Not `hidden`: its render rule prints nothing anyway, and a hidden token makes markdown-it start the body with
    // a blank line.
    token.block = true;
    token.map = [0, close + 1];
    token.markup = '---';
    token.content = state.getLines(1, close, 0, false);
    token.meta = parseFrontMatter(token.content);
    state.line = close + 1;
    return true;
  });
  md.renderer.rules[FRONT_MATTER_TOKEN] = () => '';
}

/** Whether a block rule of that name is registered (markdown-it exposes no public lookup; never throws). */
function hasRule(md: MarkdownIt, name: string): boolean {
  try {
    const rules = (md.block.ruler as unknown as { __rules__?: Array<{ name: string; enabled: boolean }> }).__rules__;
    return Array.isArray(rules) && rules.some((rule) => rule.name === name && rule.enabled);
  } catch {
    return false;
  }
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]).trimEnd();
}

/** The front matter a parsed token stream carries, if any. */
export function frontMatterOf(tokens: ReadonlyArray<{ type: string; meta: unknown }>): EntryFrontMatter | undefined {
  const first = tokens[0];
  return first?.type === FRONT_MATTER_TOKEN ? (first.meta as EntryFrontMatter) : undefined;
}
