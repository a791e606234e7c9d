// What the completion provider reads of a document, and when. Trigger characters are common in prose (a '(' in a
// sentence, every Markdown link's '[' and '(', 'https:'), so the cursor's line decides first and nothing else is read
// unless something will be offered. Then the text up to the end of the cursor's paragraph says whether the cursor is
// in code, and the writer's id is looked up only by the items that carry it (findHatenaId reads the whole text only
// when neither the setting nor the front matter names the writer). Nothing is kept between requests: every keystroke
// makes a new document version, so there would be nothing to reuse.
// No `vscode` import: completion.ts adapts vscode.TextDocument to ScanSource, and unit tests use a counting fake.
import { frontMatterLength, isInCodeOrComment } from './codeRegions';
import { hatenaCompletions, type HatenaCompletion, type Localizer } from './hatenaCompletions';
import { findHatenaId, frontMatterCloseLine, type DocumentText } from './hatenaIdSource';

/** The little of a text document the scan needs. */
export interface ScanSource extends DocumentText {
  offsetAt(line: number, character: number): number;
}

/**
 * What to offer at a cursor (line, character); `setting` is hatenaWriter.hatenaId, read only when needed; `l10n`
 * translates the details (vscode.l10n on the host).
 */
export function completionsAt(source: ScanSource, line: number, character: number, setting: () => string | undefined, now: Date, l10n?: Localizer): HatenaCompletion[] {
  const text = source.lineText(line);
  let inCode: boolean | undefined;
  const inCodeOrComment = () => (inCode ??= isInCodeOrComment(textToParagraphEnd(source, line), source.offsetAt(line, character)));
  let id: { value: string | undefined } | undefined;
  const offered = hatenaCompletions({
    linePrefix: text.slice(0, character),
    lineSuffix: text.slice(character),
    now,
    l10n,
    // In code nothing is offered, so the (maybe whole-document) id lookup is not worth it there.
    hatenaId: () => (id ??= { value: inCodeOrComment() ? undefined : findHatenaId(source, setting())?.id }).value,
  });
  // The line alone said there is nothing to offer: nothing else has been read.
  if (offered.length === 0 || inCodeOrComment()) return [];
  return offered;
}

/** Blank as the scanner sees it (spaces and tabs only: a full-width space is text). */
const BLANK_LINE = /^[ \t]*$/;

/**
 * The text from the start through the end of the cursor's paragraph: enough to tell whether the cursor is in code
 * (an inline code span can close later in its paragraph, never after it). A front matter still open there may close
 * further down, and then all of it is front matter: the text then runs through its closing line.
 */
function textToParagraphEnd(source: ScanSource, line: number): string {
  let last = line;
  while (last + 1 < source.lineCount && !BLANK_LINE.test(source.lineText(last + 1))) last++;
  const text = source.textThrough(last);
  if (!text.startsWith('---') || frontMatterLength(text) > 0) return text;
  const close = frontMatterCloseLine(source);
  return close > last ? source.textThrough(close) : text;
}
