import type MarkdownIt from 'markdown-it';
import { parseFrontMatter, type EntryFrontMatter } from './entryHeader';

export { parseFrontMatter, type EntryFrontMatter };

type StateBlock = MarkdownIt.StateBlock;

/** Our own token type: VS Code's built-in preview already owns `front_matter`. */
export const FRONT_MATTER_TOKEN = 'hatena_front_matter';

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
