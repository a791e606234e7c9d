import type MarkdownIt from 'markdown-it';

/**
 * markdown-it's text rule swallows every character it does not consider special, and `(`/`)` are not special to
 * it — so footnote notation `((…))` would never be seen. This copy of the rule also stops at parentheses; it runs
 * first, so every other rule still sees exactly the positions it saw before.
 */
function isTerminator(code: number): boolean {
  switch (code) {
    case 0x0a: case 0x21: case 0x23: case 0x24: case 0x25: case 0x26: case 0x28: case 0x29: case 0x2a: case 0x2b:
    case 0x2d: case 0x3a: case 0x3c: case 0x3d: case 0x3e: case 0x40: case 0x5b: case 0x5c: case 0x5d: case 0x5e:
    case 0x5f: case 0x60: case 0x7b: case 0x7d: case 0x7e:
      return true;
    default:
      return false;
  }
}

export function hatenaTextPlugin(md: MarkdownIt): void {
  md.inline.ruler.at('text', (state, silent) => {
    let pos = state.pos;
    const max = state.posMax;
    const src = state.src;
    while (pos < max && !isTerminator(src.charCodeAt(pos))) pos++;
    if (pos === state.pos) return false;
    if (!silent) state.pending += src.slice(state.pos, pos);
    state.pos = pos;
    return true;
  });
}
