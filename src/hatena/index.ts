// Public surface of the renderer core. Pure: no `vscode`, no Node-only API (runs in the browser too).
export type { HatenaRendererOptions } from './options';
export type { EntryFrontMatter } from './frontMatter';
export { parseFrontMatter, FRONT_MATTER_TOKEN } from './frontMatter';
export type { RenderedEntry } from './article';
export { renderEntryArticle } from './article';
export type { HatenaRenderer } from './renderer';
export { createHatenaRenderer } from './renderer';
export { hatenaPlugin } from './plugin';
export { parseFotolife, fotolifeUrl, type FotolifeImage } from './fotolife';
export {
  ENTRY_HEADER_FIELDS,
  applyReplacements,
  entryHeaderEdits,
  findFrontMatter,
  isEditUrl,
  isEntryDate,
  postHeaderEdits,
  validateEntryHeader,
  yamlScalar,
  type EntryHeaderField,
  type EntryHeaderProblem,
  type EntryHeaderProblemCode,
  type EntryHeaderValue,
  type FrontMatterSpan,
  type TextReplacement,
} from './entryHeader';
export { BacktickRuns } from './backtickRuns';
export { htmlCommentEnd } from './htmlComment';
export { escapeHtml } from './html';
