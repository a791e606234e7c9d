// What a parsed snippet does once inserted: its tab stops in visiting order, the text each one starts with, and
// the text it expands to. Used to lint the shipped snippets and to predict what the editor inserts.
import { parseSnippet, printSnippet, SnippetSyntaxError, type SnippetNode, type Transform } from './snippetSyntax';

export interface SnippetAnalysis {
  /** Tab stop numbers in the order Tab visits them: 1, 2, …, then 0 (VS Code adds a final stop at the end when 0 is missing). */
  tabStops: number[];
  hasFinalTabStop: boolean;
  /** Variable names used anywhere. */
  variables: string[];
}

export function analyzeSnippet(nodes: readonly SnippetNode[]): SnippetAnalysis {
  const indices = new Set<number>();
  const variables = new Set<string>();
  walk(nodes, (node) => {
    if (node.kind === 'variable') variables.add(node.name);
    else if (node.kind !== 'text') indices.add(node.index);
  });
  const numbered = [...indices].filter((i) => i > 0).sort((a, b) => a - b);
  return {
    tabStops: indices.has(0) ? [...numbered, 0] : numbered,
    hasFinalTabStop: indices.has(0),
    variables: [...variables].sort(),
  };
}

/**
 * Problems beyond syntax that make a snippet awkward to use: gaps in the numbering (Tab skips nothing, but a
 * gap usually means a stop was deleted by mistake), one stop with two different defaults (the editor keeps only
 * the first), a stop nested inside itself.
 */
export function lintSnippetBody(body: string): string[] {
  let nodes: SnippetNode[];
  try {
    nodes = parseSnippet(body);
  } catch (e) {
    if (e instanceof SnippetSyntaxError) return [e.message];
    throw e;
  }
  const problems: string[] = [];
  const { tabStops } = analyzeSnippet(nodes);
  const numbered = tabStops.filter((i) => i > 0);
  numbered.forEach((index, i) => {
    if (index !== i + 1) problems.push(`tab stops are not numbered 1..${numbered.length} without gaps: ${numbered.join(', ')}`);
  });
  const defaults = new Map<number, string>();
  walk(nodes, (node, ancestors) => {
    if (node.kind !== 'placeholder' && node.kind !== 'choice') return;
    if (ancestors.some((a) => a.kind === 'placeholder' && a.index === node.index)) {
      problems.push(`tab stop ${node.index} is nested inside itself`);
    }
    const text = node.kind === 'choice' ? `|${node.options.join(',')}|` : printSnippet(node.children);
    const seen = defaults.get(node.index);
    if (seen === undefined) defaults.set(node.index, text);
    else if (seen !== text) problems.push(`tab stop ${node.index} has two different defaults: '${seen}' and '${text}'`);
  });
  return [...new Set(problems)];
}

/** Resolves a variable to its value, or undefined when unset (then its default is used, as in VS Code). */
export type VariableResolver = (name: string) => string | undefined;

/** The text the editor inserts: placeholders show their default, choices their first option, mirrors copy. */
export function expandSnippet(nodes: readonly SnippetNode[], resolve: VariableResolver): string {
  const defaults = placeholderTexts(nodes, resolve);
  const expand = (list: readonly SnippetNode[]): string => list.map((node) => {
    switch (node.kind) {
      case 'text': return node.value;
      case 'tabstop': return defaults.get(node.index) ?? '';
      case 'placeholder': return defaults.get(node.index) ?? expand(node.children);
      case 'choice': return node.options[0];
      case 'variable': {
        const value = resolve(node.name);
        return value !== undefined && value !== '' ? value : expand(node.children ?? []);
      }
    }
  }).join('');
  return expand(nodes);
}

/** The text each tab stop starts with (what the editor selects when Tab reaches it). */
export function placeholderTexts(nodes: readonly SnippetNode[], resolve: VariableResolver): Map<number, string> {
  const texts = new Map<number, string>();
  const expandChildren = (list: readonly SnippetNode[]): string => list.map((node) => {
    switch (node.kind) {
      case 'text': return node.value;
      case 'tabstop': return texts.get(node.index) ?? '';
      case 'placeholder': return texts.get(node.index) ?? expandChildren(node.children);
      case 'choice': return node.options[0];
      case 'variable': {
        const value = resolve(node.name);
        return value !== undefined && value !== '' ? value : expandChildren(node.children ?? []);
      }
    }
  }).join('');
  // The first placeholder or choice of a number defines its text; later ones and plain `$n` mirror it.
  walk(nodes, (node) => {
    if (node.kind === 'placeholder' && !texts.has(node.index)) texts.set(node.index, expandChildren(node.children));
    else if (node.kind === 'choice' && !texts.has(node.index)) texts.set(node.index, node.options[0]);
  });
  return texts;
}

/** Pre-order walk with the chain of enclosing nodes. */
function walk(nodes: readonly SnippetNode[], visit: (node: SnippetNode, ancestors: readonly SnippetNode[]) => void, ancestors: SnippetNode[] = []): void {
  for (const node of nodes) {
    visit(node, ancestors);
    const children = node.kind === 'placeholder' ? node.children : node.kind === 'variable' ? node.children : undefined;
    if (children) walk(children, visit, [...ancestors, node]);
  }
}

/**
 * What VS Code makes of `value` with a transform `${n/regex/format/flags}` (applied to a tab stop's text when Tab
 * leaves it, and to variables): every match replaced by the format, whose `$n` / `${n}` insert a group,
 * `${n:/upcase}` (downcase, capitalize; other modifiers are not modelled) change its case, `${n:+if}`, `${n:-else}`, `${n:?if:else}` and `${n:else}`
 * choose by whether the group matched, `\\` and `\/` are a backslash and a slash, and any other backslash is literal.
 */
export function resolveTransform(transform: Transform, value: string): string {
  const parts = parseFormat(transform.format);
  const replace = (groups: readonly (string | undefined)[]) => parts.map((part) => {
    if (typeof part === 'string') return part;
    const group = groups[part.index] ?? '';
    switch (part.modifier) {
      case 'upcase': return group.toLocaleUpperCase();
      case 'downcase': return group.toLocaleLowerCase();
      case 'capitalize': return group ? group[0].toLocaleUpperCase() + group.slice(1) : '';
      case undefined: break;
      default: return group;
    }
    if (group && part.ifValue !== undefined) return part.ifValue;
    if (!group && part.elseValue !== undefined) return part.elseValue;
    return group;
  }).join('');
  let matched = false;
  const result = value.replace(new RegExp(transform.regex, transform.flags), (...args: unknown[]) => {
    matched = true;
    // (match, group 1 … group n, offset, whole string[, named groups]): the groups end where the offset is.
    const offsetAt = args.findIndex((a) => typeof a === 'number');
    return replace(args.slice(0, offsetAt) as (string | undefined)[]);
  });
  // No match, but the format has an else branch: VS Code then uses the format with empty groups.
  if (!matched && parts.some((p) => typeof p !== 'string' && p.elseValue !== undefined)) return replace([]);
  return result;
}

type FormatPart = string | { index: number; modifier?: string; ifValue?: string; elseValue?: string };

function parseFormat(format: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push(text);
    text = '';
  };
  for (let i = 0; i < format.length;) {
    const c = format[i];
    if (c === '\\') {
      const next = format[i + 1];
      if (next === '\\' || next === '/') {
        text += next;
        i += 2;
      } else {
        text += c;
        i++;
      }
      continue;
    }
    const simple = /^\$(\d+)/.exec(format.slice(i));
    const braced = /^\$\{(\d+)(?::(?:\/(\w+)|\+([^}]*)|\?([^:}]*):([^}]*)|-([^}]*)|([^}]*)))?\}/.exec(format.slice(i));
    if (braced) {
      flush();
      const [, index, modifier, plusIf, qIf, qElse, minusElse, bareElse] = braced;
      parts.push({ index: Number(index), modifier, ifValue: plusIf ?? qIf, elseValue: qElse ?? minusElse ?? bareElse });
      i += braced[0].length;
    } else if (simple) {
      flush();
      parts.push({ index: Number(simple[1]) });
      i += simple[0].length;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return parts;
}
