// The shipped snippets file is the one source of truth for the snippets VS Code offers and for the
// "Insert Report Section…" picker. Its descriptions read "日本語の説明 (English gloss)".

export interface CatalogueSnippet {
  /** The key in the snippets file; `editor.action.insertSnippet` takes it as `name`. */
  name: string;
  prefixes: string[];
  /** Snippet syntax, lines joined with '\n'. */
  body: string;
  description: string;
  /** The description without its trailing English gloss. */
  japanese: string;
  /** The trailing parenthesised English gloss, or '' when missing. */
  english: string;
}

export class SnippetCatalogueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SnippetCatalogueError';
  }
}

/** Parses a `.code-snippets` file (strict JSON). Throws SnippetCatalogueError with the offending entry's name. */
export function parseSnippetCatalogue(json: string): CatalogueSnippet[] {
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch (e) {
    throw new SnippetCatalogueError(`snippets file is not valid JSON: ${(e as Error).message}`);
  }
  if (!isRecord(root)) throw new SnippetCatalogueError('snippets file must be a JSON object of named snippets');
  return Object.entries(root).map(([name, value]) => {
    if (!isRecord(value)) throw new SnippetCatalogueError(`snippet '${name}' must be an object`);
    const prefixes = stringList(value.prefix);
    const bodyLines = stringList(value.body);
    if (!prefixes || prefixes.length === 0) throw new SnippetCatalogueError(`snippet '${name}' needs a prefix`);
    if (!bodyLines) throw new SnippetCatalogueError(`snippet '${name}' needs a body (a string or a list of lines)`);
    const description = typeof value.description === 'string' ? value.description : '';
    return { name, prefixes, body: bodyLines.join('\n'), description, ...splitGloss(description) };
  });
}

/** "日本語 (English gloss)" → both halves; the gloss is the last parenthesised group at the end. */
export function splitGloss(description: string): { japanese: string; english: string } {
  const m = /^([\s\S]*?)\s*\(([^()]+)\)\s*$/.exec(description);
  return m ? { japanese: m[1], english: m[2] } : { japanese: description.trim(), english: '' };
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the "Insert Report Section…" picker shows for a snippet. */
export interface SectionPickText {
  label: string;
  description: string;
  detail: string;
}

/**
 * The picker's text in the writer's display language (`vscode.env.language`): Japanese — the snippet's name and
 * its Japanese description — for `ja`, English otherwise. The prefixes are shown either way, so `session` or
 * `hatena-day` filters in both.
 */
export function sectionPickText(snippet: CatalogueSnippet, language: string): SectionPickText {
  const description = snippet.prefixes.join(', ');
  if (/^ja\b/i.test(language) || !snippet.english) return { label: snippet.name, description, detail: snippet.japanese };
  return { label: englishTitle(snippet.english), description, detail: snippet.english };
}

/** "session report: title from the selection, …" → "Session report": the gloss up to its first ':', ';' or ','. */
export function englishTitle(english: string): string {
  const head = english.split(/[:;,]/, 1)[0].trim();
  return head.charAt(0).toUpperCase() + head.slice(1);
}
