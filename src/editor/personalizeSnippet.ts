// The shipped snippets cannot know the writer's Hatena id; the picker fills it in before inserting.
import { parseSnippet, printSnippet, SnippetSyntaxError, type SnippetNode } from './snippetSyntax';

/** The placeholder text the snippets file uses where the writer's Hatena id goes. */
export const HATENA_ID_PLACEHOLDER = 'はてなID';

/**
 * Gives every placeholder whose default is exactly `placeholderText` the default `value` instead, keeping it a tab
 * stop (the writer can still overwrite it). Only plain-text defaults match: the `id:` snippet's
 * `${1:${TM_SELECTED_TEXT:はてなID}}` names someone else and is left alone. A body that does not parse is
 * returned unchanged.
 */
export function fillPlaceholderDefault(body: string, placeholderText: string, value: string): string {
  let nodes: SnippetNode[];
  try {
    nodes = parseSnippet(body);
  } catch (e) {
    if (e instanceof SnippetSyntaxError) return body;
    throw e;
  }
  const fill = (list: readonly SnippetNode[]): SnippetNode[] => list.map((node) => {
    if (node.kind === 'placeholder') {
      const only = node.children.length === 1 ? node.children[0] : undefined;
      if (only?.kind === 'text' && only.value === placeholderText) return { ...node, children: [{ kind: 'text', value }] };
      return { ...node, children: fill(node.children) };
    }
    if (node.kind === 'variable' && node.children) return { ...node, children: fill(node.children) };
    return node;
  });
  return printSnippet(fill(nodes));
}
