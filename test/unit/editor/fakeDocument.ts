// A text document over a string, as completion.ts adapts vscode.TextDocument (lines without their line breaks,
// `\n` or `\r\n`), that counts what is read of it.
import type { ScanSource } from '../../../src/editor/documentScan';

export class FakeDocument implements ScanSource {
  readonly lines: string[];
  /** Offset of each line's start. */
  private readonly starts: number[] = [];
  charsRead = 0;
  wholeReads = 0;
  lineReads = 0;

  constructor(readonly text: string) {
    this.lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
    let offset = 0;
    for (const raw of text.split('\n')) {
      this.starts.push(offset);
      offset += raw.length + 1;
    }
  }

  get lineCount(): number {
    return this.lines.length;
  }

  lineText(line: number): string {
    this.lineReads++;
    return this.lines[line];
  }

  offsetAt(line: number, character: number): number {
    return this.starts[line] + character;
  }

  textThrough(line?: number): string {
    const text = line === undefined ? this.text : this.text.slice(0, this.starts[line] + this.lines[line].length);
    if (line === undefined) this.wholeReads++;
    this.charsRead += text.length;
    return text;
  }

  resetCounts(): void {
    this.charsRead = this.wholeReads = this.lineReads = 0;
  }
}
