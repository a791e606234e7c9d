import * as assert from 'node:assert/strict';
import { ACK_TIMEOUT_MS, RenderScheduler } from '../../../src/preview/renderScheduler';
import { FakeTimers } from './fakeTimers';

/** A scheduler whose renders take `renderMs` on the fake clock and post updates numbered 1, 2, 3 … */
function setup(renderMs = 5) {
  const timers = new FakeTimers();
  const renders: number[] = [];
  let behind = 0;
  const scheduler = new RenderScheduler(
    () => {
      renders.push(timers.time);
      timers.time += renderMs;
      return renders.length;
    },
    () => behind++,
    timers,
  );
  /** The webview acknowledges the newest update posted so far. */
  const ackLast = () => scheduler.acknowledged(renders.length);
  return { timers, renders, scheduler, ackLast, behind: () => behind };
}

describe('preview render scheduler', () => {
  it('renders the first time at once, synchronously', () => {
    const { renders, scheduler } = setup();
    scheduler.renderNow();
    assert.deepEqual(renders, [0]);
  });

  it('renders a change on the next macrotask, never inside the change handler', () => {
    const { timers, renders, scheduler } = setup();
    scheduler.changed();
    assert.equal(renders.length, 0);
    timers.advance(0);
    assert.equal(renders.length, 1);
  });

  it('coalesces changes while the webview applies the last update, then renders the latest once', () => {
    const { timers, renders, scheduler, ackLast } = setup();
    scheduler.renderNow();
    for (let i = 0; i < 10; i++) {
      scheduler.changed();
      timers.advance(3);
    }
    assert.equal(renders.length, 1, 'no render while the update is unacknowledged');
    ackLast();
    timers.advance(0);
    assert.equal(renders.length, 2, 'one render for ten changes');
    assert.equal(scheduler.pending, false);
  });

  it('does not wait for a webview that never answers', () => {
    const { timers, renders, scheduler } = setup();
    scheduler.renderNow();
    scheduler.changed();
    timers.advance(ACK_TIMEOUT_MS - 10);
    assert.equal(renders.length, 1);
    timers.advance(20);
    assert.equal(renders.length, 2);
  });

  it('keeps fast renders back to back (latency) and spaces slow ones (the host stays usable)', () => {
    const fast = setup(20);
    fast.scheduler.renderNow();
    fast.ackLast();
    fast.scheduler.changed();
    fast.timers.advance(0);
    assert.equal(fast.renders.length, 2, 'a 20 ms render needs no cool-down');

    const slow = setup(800);
    slow.scheduler.renderNow(); // takes 800 ms
    slow.ackLast();
    slow.scheduler.changed();
    slow.timers.advance(700);
    assert.equal(slow.renders.length, 1, 'after an 800 ms render the host rests about as long');
    slow.timers.advance(200);
    assert.equal(slow.renders.length, 2);
  });

  it('says the preview is behind when a change will take long to show, once per burst', () => {
    const { timers, scheduler, behind, ackLast } = setup(600);
    scheduler.renderNow();
    ackLast();
    scheduler.changed();
    scheduler.changed();
    assert.equal(behind(), 1);
    timers.advance(5000);
    const quick = setup(5);
    quick.scheduler.renderNow();
    quick.ackLast();
    quick.scheduler.changed();
    assert.equal(quick.behind(), 0);
  });

  it('renders nothing after dispose, and leaves no timer behind', () => {
    const { timers, renders, scheduler } = setup();
    scheduler.renderNow();
    scheduler.changed();
    scheduler.dispose();
    assert.equal(timers.live, 0);
    timers.advance(5000);
    scheduler.renderNow();
    assert.equal(renders.length, 1);
  });

  it('keeps scheduling when a render posts nothing (no acknowledgement will come)', () => {
    const timers = new FakeTimers();
    let calls = 0;
    const scheduler = new RenderScheduler(() => (calls++, undefined), undefined, timers);
    scheduler.renderNow();
    scheduler.changed();
    timers.advance(0);
    assert.equal(calls, 2);
  });

  it('renderNow while an update is unacknowledged: the old acknowledgement releases nothing, and no timer leaks', () => {
    const { timers, renders, scheduler } = setup();
    scheduler.renderNow(); // update 1 (e.g. the page then reloads and says "ready")
    timers.advance(100);
    scheduler.renderNow(); // update 2
    assert.equal(renders.length, 2);
    assert.equal(timers.live, 1, 'one acknowledgement timeout, for update 2 only');
    scheduler.changed();
    scheduler.acknowledged(1); // late: the old page applied update 1
    timers.advance(0);
    assert.equal(renders.length, 2, 'update 2 is still in flight: the change waits');
    // Update 1's timeout (1500 ms after it) must not release update 2 either.
    timers.advance(ACK_TIMEOUT_MS - 50);
    assert.equal(renders.length, 2, "update 1's timeout was cleared");
    scheduler.acknowledged(2);
    timers.advance(0);
    assert.equal(renders.length, 3, 'the change renders once update 2 is applied');
  });

  it('a burst of renderNow after a slow render waits out the cool-down and renders once', () => {
    const { timers, renders, scheduler, ackLast } = setup(800);
    scheduler.renderNow(); // 0 → 800 ms
    ackLast();
    for (let i = 0; i < 10; i++) {
      scheduler.renderNow(); // e.g. ten image files saved at once
      timers.advance(10);
    }
    assert.equal(renders.length, 1, 'no render inside the cool-down');
    timers.advance(800);
    assert.equal(renders.length, 2, 'one render for the burst');
    assert.ok(renders[1] >= 1600, `the second render started at ${renders[1]} ms, after 800 ms of rest`);
    assert.equal(scheduler.pending, false);
  });
});
