// A strict parser for VS Code / TextMate snippet bodies. VS Code's own parser is lenient: anything it cannot
// parse silently becomes literal text, so a typo such as `$CURRENT_DATET` or `${1|a,,b|}` ships unnoticed and
// inserts garbage. This parser follows the same grammar but reports those cases as errors.
// No `vscode` import: it runs in unit tests and in the browser build.

/** Variables VS Code resolves in snippets (snippetVariables.ts in VS Code 1.139). */
export const KNOWN_SNIPPET_VARIABLES: ReadonlySet<string> = new Set([
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_DATE', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_MILLISECOND', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT', 'CURRENT_SECONDS_UNIX', 'CURRENT_MILLISECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET',
  'CURRENT_TIMEZONE_NAME', 'SELECTION', 'CLIPBOARD', 'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD',
  'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_DIRECTORY_BASE',
  'TM_FILEPATH', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'RELATIVE_FILEPATH', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END',
  'LINE_COMMENT', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'RANDOM', 'RANDOM_HEX', 'UUID',
]);

export interface Transform {
  regex: string;
  flags: string;
  /** The format string as written (already checked). */
  format: string;
}

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; transform?: Transform }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[]; transform?: Transform };

export class SnippetSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} (at offset ${offset})`);
    this.name = 'SnippetSyntaxError';
  }
}

const FORMAT_CASES = new Set(['upcase', 'downcase', 'capitalize', 'camelcase', 'pascalcase']);
const REGEX_FLAGS = /^[dgimsuvy]*$/;
const INT = /[0-9]+/y;
const NAME = /[_a-zA-Z][_a-zA-Z0-9]*/y;

/** Parses a snippet body; throws SnippetSyntaxError on anything VS Code would not read as intended. */
export function parseSnippet(body: string): SnippetNode[] {
  return new Parser(body).parseBody();
}

/** The first syntax problem in a body, or undefined when it parses. */
export function snippetSyntaxError(body: string): SnippetSyntaxError | undefined {
  try {
    parseSnippet(body);
    return undefined;
  } catch (e) {
    if (e instanceof SnippetSyntaxError) return e;
    throw e;
  }
}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parseBody(): SnippetNode[] {
    return this.parseSequence(undefined);
  }

  /** Text and constructs up to EOF (top level) or up to the `}` closing the construct opened at `openedAt`. */
  private parseSequence(openedAt: number | undefined): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text !== '') nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        // Only \$, \} and \\ are escapes; any other backslash is literal (TeX needs that).
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
      } else if (c === '$') {
        flush();
        nodes.push(this.parseDollar());
      } else if (c === '}') {
        if (openedAt !== undefined) {
          flush();
          return nodes;
        }
        this.fail("unescaped '}' outside a placeholder; write \\} for a literal brace");
      } else {
        text += c;
        this.pos++;
      }
    }
    if (openedAt !== undefined) this.fail("unclosed '${'", openedAt);
    flush();
    return nodes;
  }

  private parseDollar(): SnippetNode {
    const start = this.pos;
    this.pos++; // $
    const digits = this.readInt();
    if (digits !== undefined) return { kind: 'tabstop', index: digits };
    const name = this.readName();
    if (name !== undefined) return this.variable(name, start);
    if (this.src[this.pos] !== '{') this.fail("a lone '$'; write \\$ for a literal dollar sign", start);
    this.pos++; // {
    const index = this.readInt();
    if (index !== undefined) return this.parseIndexed(index, start);
    const varName = this.readName();
    if (varName === undefined) this.fail("expected a tab stop number or a variable name after '${'", this.pos);
    const node = this.variable(varName, start);
    switch (this.src[this.pos]) {
      case '}':
        this.pos++;
        return node;
      case ':':
        this.pos++;
        return { ...node, children: this.parseClosed(start) };
      case '/':
        return { ...node, transform: this.parseTransform(start) };
      default:
        return this.unexpected(start);
    }
  }

  private parseIndexed(index: number, start: number): SnippetNode {
    switch (this.src[this.pos]) {
      case '}':
        this.pos++;
        return { kind: 'tabstop', index };
      case ':':
        this.pos++;
        return { kind: 'placeholder', index, children: this.parseClosed(start) };
      case '|':
        this.pos++;
        return { kind: 'choice', index, options: this.parseChoiceOptions(start) };
      case '/':
        return { kind: 'tabstop', index, transform: this.parseTransform(start) };
      default:
        return this.unexpected(start);
    }
  }

  private unexpected(start: number): never {
    const c = this.src[this.pos];
    return this.fail(c === undefined ? "unclosed '${'" : `unexpected '${c}' in '\${…}'`, c === undefined ? start : this.pos);
  }

  /** Children of `${n:…}` / `${VAR:…}` and the closing `}`. */
  private parseClosed(start: number): SnippetNode[] {
    const children = this.parseSequence(start);
    this.pos++; // }
    return children;
  }

  private parseChoiceOptions(start: number): string[] {
    const options: string[] = [];
    let option = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && ',|\\'.includes(this.src[this.pos + 1] ?? '')) {
        option += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === ',' || c === '|') {
        // VS Code turns the whole choice into literal text when an option is empty.
        if (option === '') this.fail('empty choice option', this.pos);
        options.push(option);
        option = '';
        this.pos++;
        if (c === '|') {
          if (this.src[this.pos] !== '}') this.fail("a choice must end with '|}'", this.pos);
          this.pos++;
          return options;
        }
        continue;
      }
      option += c;
      this.pos++;
    }
    return this.fail("unclosed choice '${n|…|}'", start);
  }

  /** `/regex/format/flags}` after a tab stop number or variable name. */
  private parseTransform(start: number): Transform {
    this.pos++; // /
    const regex = this.readUntilSlash(start);
    const formatStart = this.pos;
    this.checkFormat(start);
    const format = this.src.slice(formatStart, this.pos - 1);
    const flagsEnd = this.src.indexOf('}', this.pos);
    if (flagsEnd < 0) this.fail("unclosed transform '${…/…/…/}'", start);
    const flags = this.src.slice(this.pos, flagsEnd);
    if (!REGEX_FLAGS.test(flags)) this.fail(`invalid regular expression flags '${flags}'`, this.pos);
    try {
      new RegExp(regex, flags);
    } catch (e) {
      this.fail(`invalid regular expression /${regex}/: ${(e as Error).message}`, start);
    }
    this.pos = flagsEnd + 1;
    return { regex, flags, format };
  }

  private readUntilSlash(start: number): string {
    let value = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && this.src[this.pos + 1] === '/') {
        value += '/';
        this.pos += 2;
      } else if (c === '\\' && this.pos + 1 < this.src.length) {
        value += c + this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '/') {
        this.pos++;
        return value;
      } else {
        value += c;
        this.pos++;
      }
    }
    return this.fail("unclosed transform '${…/…/…/}'", start);
  }

  /** Format string up to and including its closing '/': text, `$n`, `${n}`, `${n:/upcase}`, `${n:+if}`, `${n:?if:else}`, `${n:-else}`, `${n:else}`. */
  private checkFormat(start: number): void {
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '/') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        this.pos += 2;
        continue;
      }
      if (c !== '$') {
        this.pos++;
        continue;
      }
      const at = this.pos;
      this.pos++;
      if (this.readInt() !== undefined) continue;
      if (this.src[this.pos] !== '{' || this.readIntAt(this.pos + 1) === undefined) this.fail("a lone '$' in a transform format; write \\$", at);
      this.pos++;
      this.readInt();
      if (this.src[this.pos] === '}') {
        this.pos++;
        continue;
      }
      if (this.src[this.pos] !== ':') this.fail("expected '}' or ':' in a format '${n…}'", this.pos);
      this.pos++;
      if (this.src[this.pos] === '/') {
        this.pos++;
        const name = this.readName() ?? '';
        if (!FORMAT_CASES.has(name)) this.fail(`unknown format modifier '/${name}'`, at);
        if (this.src[this.pos] !== '}') this.fail("expected '}' after a format modifier", this.pos);
        this.pos++;
        continue;
      }
      const end = this.src.indexOf('}', this.pos);
      if (end < 0) this.fail("unclosed format '${n:…}'", at);
      this.pos = end + 1;
    }
    this.fail("unclosed transform '${…/…/…/}'", start);
  }

  private variable(name: string, start: number): { kind: 'variable'; name: string } {
    if (!KNOWN_SNIPPET_VARIABLES.has(name)) {
      this.fail(`unknown variable '${name}' (VS Code would insert its name as text)`, start);
    }
    return { kind: 'variable', name };
  }

  private readInt(): number | undefined {
    const value = this.readIntAt(this.pos);
    if (value !== undefined) this.pos += value.length;
    return value === undefined ? undefined : Number(value);
  }

  private readIntAt(at: number): string | undefined {
    INT.lastIndex = at;
    return INT.exec(this.src)?.[0];
  }

  private readName(): string | undefined {
    NAME.lastIndex = this.pos;
    const name = NAME.exec(this.src)?.[0];
    if (name !== undefined) this.pos += name.length;
    return name;
  }

  private fail(message: string, offset = this.pos): never {
    throw new SnippetSyntaxError(message, offset);
  }
}

/** Snippet syntax for nodes; `parseSnippet(printSnippet(nodes))` gives the same nodes back. */
export function printSnippet(nodes: readonly SnippetNode[]): string {
  return nodes.map((node) => {
    switch (node.kind) {
      case 'text': return node.value.replace(/[\\$}]/g, '\\$&');
      case 'tabstop': return node.transform ? `\${${node.index}${printTransform(node.transform)}}` : `\${${node.index}}`;
      case 'placeholder': return `\${${node.index}:${printSnippet(node.children)}}`;
      case 'choice': return `\${${node.index}|${node.options.map((o) => o.replace(/[\\,|]/g, '\\$&')).join(',')}|}`;
      case 'variable':
        if (node.transform) return `\${${node.name}${printTransform(node.transform)}}`;
        return node.children ? `\${${node.name}:${printSnippet(node.children)}}` : `\${${node.name}}`;
    }
  }).join('');
}

function printTransform(t: Transform): string {
  return `/${t.regex.replace(/\//g, '\\/')}/${t.format}/${t.flags}`;
}
