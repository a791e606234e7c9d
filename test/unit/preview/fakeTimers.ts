import type { SchedulerTimers } from '../../../src/preview/renderScheduler';

/** A manual clock: timers fire only when the test advances time, those due at the same time in the order they were
 *  set (like macrotasks). */
export class FakeTimers implements SchedulerTimers {
  time = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.next++;
    this.pending.set(id, { at: this.time + Math.max(0, ms), callback });
    return id;
  };
  clearTimeout = (handle: unknown) => void this.pending.delete(handle as number);
  /** Timers set and neither fired nor cleared. */
  get live(): number {
    return this.pending.size;
  }
  /** Runs the one timer due next, if any is due by now; returns whether one ran. */
  runOne(): boolean {
    const due = [...this.pending.entries()].filter(([, t]) => t.at <= this.time).sort((a, b) => a[1].at - b[1].at)[0];
    if (!due) return false;
    this.pending.delete(due[0]);
    due[1].callback();
    return true;
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
    }
    this.time = end;
  }
}

