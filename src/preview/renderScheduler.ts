// When the preview re-renders. Pure (timers injected) so the policy is unit-tested without VS Code.
//
// - The first render after open/follow/restore runs at once (renderNow).
// - A change renders on the next macrotask when the host is idle (coalescing the change events of one edit), so a
//   keystroke is never rendered inside the keystroke's own event handler.
// - While a render is being applied in the webview, further changes only mark the document dirty: when the webview
//   acknowledges, the latest text is rendered once. Intermediate versions are never rendered (stale renders drop).
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
  private awaitingAck = false;
  private lastStart = -Infinity;
  private lastDuration = 0;
  private disposed = false;

  /**
   * @param render renders the current text and posts it; returns false when nothing was posted (no ack will come).
   * @param onBehind called when a change will take noticeably long to show.
   */
  constructor(
    private readonly render: () => boolean,
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

  /** Render immediately (first render, document switched, settings changed). */
  renderNow(): void {
    if (this.disposed) return;
    this.cancelTimer();
    this.dirty = true;
    this.flush();
  }

  /** The webview applied (or dropped) the last update. */
  acknowledged(): void {
    if (!this.awaitingAck) return;
    this.awaitingAck = false;
    this.timers.clearTimeout(this.ackTimer);
    this.ackTimer = undefined;
    if (this.dirty) this.schedule();
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.timers.clearTimeout(this.ackTimer);
  }

  /** Fast renders are paced by the webview's acknowledgements alone; slow ones leave the host idle as long again. */
  private cooldown(): number {
    return this.lastDuration < SLOW_RENDER_MS ? 0 : Math.min(MAX_COOLDOWN_MS, this.lastDuration);
  }

  private expectedWait(): number {
    const sinceStart = this.timers.now() - this.lastStart;
    return Math.max(0, this.cooldown() - sinceStart) + this.lastDuration;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.awaitingAck || !this.dirty) return;
    const wait = Math.max(0, this.lastStart + this.lastDuration + this.cooldown() - this.timers.now());
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, wait);
  }

  private cancelTimer(): void {
    if (this.timer === undefined) return;
    this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    if (this.disposed || !this.dirty) return;
    this.dirty = false;
    const start = this.timers.now();
    this.lastStart = start;
    let posted = false;
    try {
      posted = this.render();
    } finally {
      this.lastDuration = this.timers.now() - start;
    }
    if (posted) {
      this.awaitingAck = true;
      this.ackTimer = this.timers.setTimeout(() => {
        this.ackTimer = undefined;
        this.awaitingAck = false;
        if (this.dirty) this.schedule();
      }, ACK_TIMEOUT_MS);
    } else if (this.dirty) {
      this.schedule();
    }
  }
}
