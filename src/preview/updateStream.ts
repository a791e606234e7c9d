// What the host sends the preview webview, and when: the render scheduler, the numbering of updates, the HTML the
// page holds (the base of the next patch) and what the page's answers mean for both. Pure (timers injected), so the
// protocol is unit-tested against a model of the page without VS Code.
import { diffHtml, isWorthPatching, type BlockPatch } from '../shared/htmlPatch';
import type { ApplyProblem, UpdateBody } from '../shared/protocol';
import { RenderScheduler, realTimers, type SchedulerTimers } from './renderScheduler';

/** A render of the current text, ready to be posted. */
export interface PreparedUpdate {
  /** The whole HTML, or what builds it: called only when it is posted whole or diffed (once; it may be kept). */
  html: string | (() => string);
  /**
   * The top-level blocks replaced since the update whose `html` is `base`, when the renderer knows them (an
   * incremental render: no string of the whole post is built, diffed or sent). Used only when `base` is what was
   * posted last.
   */
  blocks?: { base: PreparedUpdate['html']; patch: BlockPatch };
  /** Posts update `seq` with `body`; false when nothing could be posted (the panel is gone). */
  post(seq: number, body: UpdateBody): boolean;
}

export class UpdateStream {
  private readonly scheduler: RenderScheduler;
  private seq = 0;
  /** The last update posted, which the page holds once it has applied it: the base of the next patch. */
  private sent: { seq: number; html: PreparedUpdate['html']; stringBase: boolean } | undefined;
  /** The newest update posted with the whole HTML (0: none yet). */
  private lastWholeSeq = 0;

  /**
   * @param prepare renders the current text; undefined posts nothing (a hidden panel).
   * @param onBehind called when a change will take noticeably long to show.
   */
  constructor(prepare: () => PreparedUpdate | undefined, onBehind: () => void = () => undefined, timers: SchedulerTimers = realTimers) {
    this.scheduler = new RenderScheduler(() => this.renderAndPost(prepare), onBehind, timers);
  }

  /** Duration of the last render (and diff) in ms. */
  get lastRenderMs(): number {
    return this.scheduler.lastRenderMs;
  }

  /** The document changed. */
  changed(): void {
    this.scheduler.changed();
  }

  /** Render without waiting for the page's answer; `whole`: the page holds nothing sent so far (it was reloaded). */
  renderNow(whole = false): void {
    if (whole) this.forget();
    this.scheduler.renderNow();
  }

  /** The page will hold nothing sent so far (a new page is loaded): the next update carries the whole HTML. */
  forget(): void {
    this.sent = undefined;
  }

  /**
   * The page's answer to update `seq`, handled in one go. Returns the error to show when a whole HTML failed (the
   * page is empty then, and the next change tries again), else undefined.
   */
  answered(seq: number, problem?: ApplyProblem): string | undefined {
    // Not applied, and the page holds no base of ours any more; unless a whole HTML was posted after `seq` (the page
    // holds that one once it applies it), every patch posted since is against a base the page does not have.
    if (problem && seq >= this.lastWholeSeq) {
      this.sent = undefined;
      // A patch is sent again as the whole HTML, at once. A whole HTML that threw would throw again.
      if (problem.kind === 'resync' || !problem.full) {
        this.scheduler.renderNow();
        return undefined;
      }
      this.scheduler.acknowledged(seq);
      return problem.error;
    }
    this.scheduler.acknowledged(seq);
    return undefined;
  }

  dispose(): void {
    this.scheduler.dispose();
  }

  private renderAndPost(prepare: () => PreparedUpdate | undefined): number | undefined {
    const prepared = prepare();
    if (!prepared) return undefined;
    const seq = ++this.seq;
    const base = this.sent;
    const blocks = prepared.blocks;
    let body: UpdateBody;
    if (base && blocks && blocks.base === base.html) {
      body = { kind: 'blocks', baseSeq: base.seq, patch: blocks.patch };
    } else {
      const html = whole(prepared.html);
      // After a block update the page holds no HTML string to patch.
      const patch = base?.stringBase ? diffHtml(whole(base.html), html) : undefined;
      body = base && patch && isWorthPatching(patch, html.length) ? { kind: 'patch', baseSeq: base.seq, patch } : { kind: 'full', html };
    }
    if (body.kind === 'full') this.lastWholeSeq = seq;
    this.sent = { seq, html: prepared.html, stringBase: body.kind !== 'blocks' };
    return prepared.post(seq, body) ? seq : undefined;
  }
}

function whole(html: PreparedUpdate['html']): string {
  return typeof html === 'string' ? html : html();
}
