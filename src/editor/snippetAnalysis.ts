// What a parsed snippet does once inserted: its tab stops in visiting order, the text each one starts with, and
// the text it expands to. Used to lint the shipped snippets and to predict what the editor inserts.
import { parseSnippet, printSnippet, SnippetSyntaxError, type SnippetNode } from './snippetSyntax';

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
 * the first), a stop nested inside itself, a transformed tab stop (`${1/…/…/}`: VS Code applies the transform only
 * when Tab leaves field 1, so Esc or a click elsewhere leaves it unapplied, and Shift+Tab back then Tab applies it
 * a second time).
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
    if (node.kind === 'tabstop' && node.transform) {
      problems.push(`tab stop ${node.index} has a transform, which VS Code applies only when Tab leaves the field`);
    }
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
