import type MarkdownIt from 'markdown-it';
import { pushNote, pushNoteRepeat, type FootnoteRef } from './footnotes';
import { closingBracket, insideLink } from './inlineScan';

export const FOOTNOTE_DEFINITION_TOKEN = 'hatena_footnote_definition';

interface Definition { source: string; ref?: FootnoteRef }

/** `[^label]: text` definitions of each parse (by env), read by the inline references after the block phase. */
const definitionsByEnv = new WeakMap<object, Map<string, Definition>>();

/**
 * Markdown's own footnotes, which Hatena's Markdown mode also accepts: `text[^1]` with a `[^1]: note` line anywhere.
 * They become the same Hatena footnote markup as `((note))` and share its numbering. A definition is its line plus
 * the indented lines after it; the first definition of a label wins; a reference without a definition stays text.
 */
export function markdownFootnotesPlugin(md: MarkdownIt): void {
  md.block.ruler.before('reference', FOOTNOTE_DEFINITION_TOKEN, (state, startLine, endLine, silent) => {
    if (state.sCount[startLine] - state.blkIndent >= 4) return false;
    const start = state.bMarks[startLine] + state.tShift[startLine];
    if (state.src.charCodeAt(start) !== 0x5b || state.src.charCodeAt(start + 1) !== 0x5e /* [^ */) return false;
    const m = /^\[\^([^\]\s]{1,64})\]:[ \t]*(.*)$/.exec(state.src.slice(start, state.eMarks[startLine]));
    if (!m) return false;
    const lines = [m[2]];
    let next = startLine + 1;
    while (next < endLine && !state.isEmpty(next) && state.sCount[next] - state.blkIndent >= 4) {
      lines.push(state.src.slice(state.bMarks[next] + state.tShift[next], state.eMarks[next]));
      next++;
    }
    const source = lines.join('\n').trim();
    if (source === '') return false;
    if (silent) return true;
    const env = state.env as object;
    let definitions = definitionsByEnv.get(env);
    if (!definitions) { definitions = new Map(); definitionsByEnv.set(env, definitions); }
    if (!definitions.has(m[1])) definitions.set(m[1], { source });
    const token = state.push(FOOTNOTE_DEFINITION_TOKEN, '', 0);
    token.block = true;
    token.map = [startLine, next];
    token.meta = { label: m[1] };
    state.line = next;
    return true;
  }, { alt: ['paragraph', 'reference'] });
  md.renderer.rules[FOOTNOTE_DEFINITION_TOKEN] = () => '';

  md.inline.ruler.before('link', 'hatena_markdown_footnote_ref', (state, silent) => {
    const pos = state.pos;
    if (state.src.charCodeAt(pos) !== 0x5b || state.src.charCodeAt(pos + 1) !== 0x5e) return false;
    // Balanced brackets for markdown-it's link-label measuring, as for bracket notation.
    if (silent || insideLink(state)) return false;
    const definitions = definitionsByEnv.get(state.env as object);
    if (!definitions) return false;
    const close = closingBracket(state, pos);
    if (close < 0) return false;
    const definition = definitions.get(state.src.slice(pos + 2, close));
    if (!definition) return false;
    const markup = state.src.slice(pos, close + 1);
    if (definition.ref) pushNoteRepeat(state, definition.ref, markup);
    else definition.ref = pushNote(state, definition.source, markup);
    state.pos = close + 1;
    return true;
  });

  // Definitions belong to one parse; drop them once every reference has been made, those inside notes included
  // (the footnote rule parses the notes' text after the body).
  md.core.ruler.after('hatena_footnote_list', 'hatena_footnote_definitions_done', (state) => {
    definitionsByEnv.delete(state.env as object);
  });
}
