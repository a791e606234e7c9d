/**
 * Offset just after the HTML comment opened at `start` (which holds `<!--`), or -1 when it is not closed.
 * `<!-->` and `<!--->` are complete, empty comments, as in CommonMark 0.31, markdown-it and browsers; otherwise the
 * comment ends at the first `-->`. Shared by the renderer (Fotolife in HTML blocks) and the editor (where completions
 * are not offered), so both read a comment alike. Pure: no `vscode`, no Node-only API.
 */
export function htmlCommentEnd(text: string, start: number): number {
  const after = start + 4;
  if (text.charCodeAt(after) === 0x3e /* > */) return after + 1;
  if (text.startsWith('->', after)) return after + 2;
  const close = text.indexOf('-->', after);
  return close < 0 ? -1 : close + 3;
}
