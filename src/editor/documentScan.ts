// What the completion provider reads of a document, and when. Trigger characters are common in prose (a '(' in a
// sentence, every Markdown link's '[' and '(', 'https:'), so the cursor's line decides first and nothing else is read
// unless something will be offered. Then the text up to the end of the cursor's paragraph says whether the cursor is
// in code, and the whole text is read only when a Fotolife image needs the writer's id and neither the setting nor
// the front matter names it. What was read is kept per document version.
// No `vscode` import: completion.ts adapts vscode.TextDocument to ScanSource, and unit tests use a counting fake.
import { allExcludedRanges, isExcluded, type TextRange } from './codeRegions';
import { hatenaCompletions, needsHatenaId, type HatenaCompletion } from './hatenaCompletions';
import { hatenaIdFromFrontMatter, hatenaIdFromImages, hatenaIdFromSetting, type FoundHatenaId } from './hatenaIdSource';

/** The little of a text document the scan needs. */
export interface ScanSource {
  readonly version: number;
  readonly lineCount: number;
  /** A line's text, without its line break. */
  lineText(line: number): string;
  offsetAt(line: number, character: number): number;
  /** The text from the start through the end of `line` (without its line break); the whole text when omitted. */
  textThrough(line?: number): string;
}

/** What to offer at a cursor (line, character); `setting` is hatenaWriter.hatenaId, read only when needed. */
export function completionsAt(scans: DocumentScans, key: string, source: ScanSource, line: number, character: number, setting: () => string | undefined, now: Date): HatenaCompletion[] {
  const text = source.lineText(line);
  const request = { linePrefix: text.slice(0, character), lineSuffix: text.slice(character), now };
  // The line alone says whether there is anything to offer (the id only changes what is offered).
  const offered = hatenaCompletions(request);
  if (offered.length === 0) return [];
  const scan = scans.of(key, source);
  if (scan.isInCodeOrComment(line, character)) return [];
  return needsHatenaId(request) ? hatenaCompletions({ ...request, hatenaId: scan.hatenaId(setting())?.id }) : offered;
}

/** One DocumentScan per open document (by key, its URI), for the document's current version. */
export class DocumentScans {
  private readonly scans = new Map<string, DocumentScan>();

  of(key: string, source: ScanSource): DocumentScan {
    let scan = this.scans.get(key);
    if (!scan || scan.version !== source.version) {
      scan = new DocumentScan(source);
      this.scans.set(key, scan);
    }
    scan.source = source; // the same version, but read anything more through the document as it is now
    return scan;
  }

  /** The document closed: a reopened one starts again at version 1, so nothing of this one may be reused. */
  forget(key: string): void {
    this.scans.delete(key);
  }

  clear(): void {
    this.scans.clear();
  }

  get size(): number {
    return this.scans.size;
  }
}

/** Blank as the scanner sees it (spaces and tabs only: a full-width space is text). */
const BLANK_LINE = /^[ \t]*$/;
const FRONT_MATTER_OPEN = /^---[ \t]*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)[ \t]*$/;

/** One version of a document, read lazily. */
export class DocumentScan {
  readonly version: number;
  /** Code/comment ranges of the text [0, coveredTo): exact for every offset up to coveredTo (see allExcludedRanges). */
  private excluded: { ranges: TextRange[]; coveredTo: number } | undefined;
  private frontMatterCloseLine: number | undefined;
  private idFromText: { found: FoundHatenaId | undefined } | undefined;

  constructor(public source: ScanSource) {
    this.version = source.version;
  }

  isInCodeOrComment(line: number, character: number): boolean {
    const offset = this.source.offsetAt(line, character);
    if (!this.excluded || offset > this.excluded.coveredTo) {
      // Inline code can close later in the paragraph, and a front matter closes at its own line: read to both.
      let last = line;
      while (last + 1 < this.source.lineCount && !BLANK_LINE.test(this.source.lineText(last + 1))) last++;
      const text = this.source.textThrough(Math.max(last, this.frontMatterClose()));
      this.excluded = { ranges: allExcludedRanges(text), coveredTo: text.length };
    }
    return isExcluded(this.excluded.ranges, offset);
  }

  /** The writer's id: the setting, else the front matter's EditURL, else the images of the whole text. */
  hatenaId(setting: string | undefined): FoundHatenaId | undefined {
    const configured = hatenaIdFromSetting(setting);
    if (configured) return configured;
    if (!this.idFromText) {
      const close = this.frontMatterClose();
      let found = close > 0 ? hatenaIdFromFrontMatter(this.source.textThrough(close)) : undefined;
      if (!found) {
        const text = this.source.textThrough();
        const ranges = allExcludedRanges(text);
        this.excluded = { ranges, coveredTo: text.length };
        found = hatenaIdFromImages(text, ranges);
      }
      this.idFromText = { found };
    }
    return this.idFromText.found;
  }

  /** The line closing a front matter that opens at line 0, or -1. */
  private frontMatterClose(): number {
    if (this.frontMatterCloseLine === undefined) {
      this.frontMatterCloseLine = -1;
      if (this.source.lineCount > 1 && FRONT_MATTER_OPEN.test(this.source.lineText(0))) {
        for (let i = 1; i < this.source.lineCount; i++) {
          if (FRONT_MATTER_CLOSE.test(this.source.lineText(i))) {
            this.frontMatterCloseLine = i;
            break;
          }
        }
      }
    }
    return this.frontMatterCloseLine;
  }
}
