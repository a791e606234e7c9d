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
// Notation parsers the editor's hover, links and Problems reuse (src/editor/notationScan.ts), so the editor
// reads notation exactly as the renderer does.
export {
  FOTOLIFE_OPTIONS,
  checkFotolifeBody,
  fotolifePageUrl,
  parseFotolifeBody,
  type FotolifeProblem,
  type FotolifeProblemCode,
} from './fotolife';
export { bookmarkEntryUrl, parseLinkNotation, type LinkNotation } from './links';
export { youtubeVideoId } from './embeds';
export { parseKeywordLink, type AsinDetail, type KeywordLink } from './keywordLinks';
export { hatenaIdAt, hatenaUserUrl, idStartsWord, isHatenaId, profileImageUrl, type HatenaIdNotation } from './hatenaIdRule';
export { escapeHtml, isHttpUrl } from './html';
export { gatedHatenaPlugin, type PostPredicate } from './gatedPlugin';
export { hasEntryHeader, type PostsSetting } from './hatenaPost';
// The yaml API without loading yaml before it is needed (src/blog reads blogsync.yaml with it).
export { isMap, isScalar, isSeq, loadYaml, parseDocument } from './lazyLibraries';
export { IncrementalRenderer, type BodyChange, type IncrementalResult, type RenderKind } from './incrementalRender';
