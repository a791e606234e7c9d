/**
 * The backtick runs of a stretch of text, for pairing code spans by CommonMark's rule as markdown-it applies it: a
 * run of N backticks opens a span that ends at the next run of exactly N; without one it is literal. Used by the
 * renderer (what a code span hides from a note's end) and by the editor (where completions are not offered).
 *
 * The runs are indexed by length once, and each length keeps a cursor that only moves forward: asked about openers
 * in increasing order, a text full of unmatched runs of many different lengths is still read a bounded number of
 * times (a fresh search for each opener would be quadratic). Pure: no `vscode`, no Node-only API.
 */
export class BacktickRuns {
  /** Start offset of every run, in text order. */
  readonly starts: number[] = [];
  /** Length of every run, parallel to `starts`. */
  readonly lengths: number[] = [];
  /** Run length → indices (into `starts`) of the runs of that length, ascending. */
  private readonly byLength = new Map<number, number[]>();
  /** Run length → position in its `byLength` list of the first run not yet passed. */
  private readonly next = new Map<number, number>();

  /** Indexes the runs that start in text[from, end). A run that starts before `end` is measured to its last backtick. */
  constructor(text: string, from = 0, end = text.length) {
    let at = text.indexOf('`', from);
    while (at >= 0 && at < end) {
      let stop = at + 1;
      while (text.charCodeAt(stop) === 0x60) stop++;
      const length = stop - at;
      const same = this.byLength.get(length);
      if (same) same.push(this.starts.length); else this.byLength.set(length, [this.starts.length]);
      this.starts.push(at);
      this.lengths.push(length);
      at = text.indexOf('`', stop);
    }
  }

  /**
   * Index (into `starts`) of the run that closes an opener of `length` backticks at `open`: the first run of exactly
   * `length` starting at or after `open + length`; -1 when there is none. Amortised constant time when the openers
   * of each length are asked about in increasing order (an earlier one may then get a stale answer).
   */
  closerIndex(open: number, length: number): number {
    const runs = this.byLength.get(length);
    if (!runs) return -1;
    let k = this.next.get(length) ?? 0;
    while (k < runs.length && this.starts[runs[k]] < open + length) k++;
    this.next.set(length, k);
    return k < runs.length ? runs[k] : -1;
  }
}
