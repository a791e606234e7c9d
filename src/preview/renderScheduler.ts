// When the preview re-renders. Pure (timers injected) so the policy is unit-tested without VS Code.
//
// - The first render after open/follow/restore runs at once (renderNow); a renderNow right after a slow render waits
//   out the rest of its cool-down, so a burst of them (image files saved, resyncs) is one render.
// - A change renders on the next macrotask when the host is idle (coalescing the change events of one edit), so a
//   keystroke is never rendered inside the keystroke's own event handler.
// - While a render is being applied in the webview, further changes only mark the document dirty: when the webview
//   acknowledges, the latest text is rendered once. Intermediate versions are never rendered (stale renders drop).
//   Only the acknowledgement of the newest posted update counts: one for an older update (sent before a renderNow)
//   releases nothing, so renders never pile up.
// - After a slow render the next one waits for about as long as the last one took, so a huge document uses at most
//   about half of the extension host's time; past BEHIND_NOTICE_MS the preview is told that it is behind.

export interface SchedulerTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: SchedulerTimers = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A render whose wait is expected to exceed this shows the "preview is behind" notice. */
export const BEHIND_NOTICE_MS = 250;
/** If the webview never acknowledges (hidden, reloading), render again after this long anyway. */
export const ACK_TIMEOUT_MS = 1500;
/** Renders faster than this run back to back (typing latency matters more than host time). */
export const SLOW_RENDER_MS = 100;
/** Upper bound of the cool-down after a slow render. */
export const MAX_COOLDOWN_MS = 2000;

export class RenderScheduler {
  private dirty = false;
  private timer: unknown;
  private ackTimer: unknown;
  /** The id of the posted update whose acknowledgement gates the next render (undefined: not waiting). */
  private awaiting: number | undefined;
  private lastStart = -Infinity;
  private lastDuration = 0;
  private disposed = false;

  /**
   * @param render renders the current text and posts it; returns the id of the posted update (what `acknowledged`
   *   will be called with), or undefined when nothing was posted (no ack will come).
   * @param onBehind called when a change will take noticeably long to show.
   */
  constructor(
    private readonly render: () => number | undefined,
    private readonly onBehind: () => void = () => undefined,
    private readonly timers: SchedulerTimers = realTimers,
  ) {}

  /** Duration of the last render in ms (for the benchmark and the behind notice). */
  get lastRenderMs(): number {
    return this.lastDuration;
  }

  get pending(): boolean {
    return this.dirty;
  }

  /** The document changed. */
  changed(): void {
    if (this.disposed) return;
    const wasDirty = this.dirty;
    this.dirty = true;
    if (!wasDirty && this.expectedWait() > BEHIND_NOTICE_MS) this.onBehind();
    this.schedule();
  }

  /**
   * Render without waiting for the webview (a new page that lost the last update, another document, a resync): at
   * once, or after what is left of a slow render's cool-down. The update in flight no longer gates anything: only
   * the acknowledgement of this render does. Calls during the cool-down coalesce into one render.
   */
  renderNow(): void {
    if (this.disposed) return;
    this.dirty = true;
    this.stopWaitingForAck();
    this.cancelTimer();
    const wait = this.cooldownLeft();
    if (wait <= 0) {
      this.flush();
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  /** The webview applied (or dropped) update `id`. An older update's acknowledgement does not release a newer one. */
  acknowledged(id: number): void {
    if (this.awaiting === undefined || id !== this.awaiting) return;
    this.stopWaitingForAck();
    if (this.dirty) this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.stopWaitingForAck();
  }

  /** Fast renders are paced by the webview's acknowledgements alone; slow ones leave the host idle as long again. */
  private cooldown(): number {
    return this.lastDuration < SLOW_RENDER_MS ? 0 : Math.min(MAX_COOLDOWN_MS, this.lastDuration);
  }

  /** How long until the next render may start. */
  private cooldownLeft(): number {
    return Math.max(0, this.lastStart + this.lastDuration + this.cooldown() - this.timers.now());
  }

  private expectedWait(): number {
    const sinceStart = this.timers.now() - this.lastStart;
    return Math.max(0, this.cooldown() - sinceStart) + this.lastDuration;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.awaiting !== undefined || !this.dirty || this.disposed) return;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.cooldownLeft());
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private stopWaitingForAck(): void {
    this.awaiting = undefined;
    if (this.ackTimer === undefined) return;
    this.timers.clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
  }

  private flush(): void {
    if (this.disposed || !this.dirty) return;
    this.dirty = false;
    const start = this.timers.now();
    this.lastStart = start;
    let posted: number | undefined;
    try {
      posted = this.render();
    } finally {
      this.lastDuration = this.timers.now() - start;
    }
    this.stopWaitingForAck();
    if (posted !== undefined) {
      this.awaiting = posted;
      this.ackTimer = this.timers.setTimeout(() => {
        this.ackTimer = undefined;
        this.awaiting = undefined;
        if (this.dirty) this.schedule();
      }, ACK_TIMEOUT_MS);
    } else if (this.dirty) {
      this.schedule();
    }
  }
}
