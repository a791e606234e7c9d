import * as assert from 'node:assert/strict';
import { applyHtmlPatch } from '../../../src/shared/htmlPatch';
import { applyBlockPatchToHtml } from '../blockPatchModel';
import type { ApplyProblem, UpdateBody } from '../../../src/shared/protocol';
import { ACK_TIMEOUT_MS } from '../../../src/preview/renderScheduler';
import { UpdateStream } from '../../../src/preview/updateStream';
import { prng } from '../cpuTime';
import { FakeTimers } from './fakeTimers';

// The host's side of the preview protocol against a model of the webview (what src/webview/preview.ts does with an
// update: drop it as stale, apply it to the base it names, refuse a patch against another base, or throw and empty
// the page), with every message delivered as its own macrotask on a fake clock, as VS Code's IPC does: a render the
// scheduler queued for "0 ms later" can run between two messages.

interface Sent {
  seq: number;
  body: UpdateBody;
}

/** The webview, reduced to its protocol. */
class ModelPage {
  lastSeq = -1;
  /** undefined after a block update: the page holds its tree, not a string. */
  lastHtml: string | undefined = '';
  /** What the page shows. */
  shown = '';
  /** The next update that is not stale throws while being applied. */
  throwNext = false;
  /** Patches that did not fit what the page holds. */
  misfits: number[] = [];
  received: Sent[] = [];
  /** Called as an update arrives (the user typing while the page is busy). */
  onReceive: (update: Sent) => void = () => undefined;

  receive(update: Sent): { seq: number; problem?: ApplyProblem } {
    this.received.push(update);
    this.onReceive(update);
    if (update.seq <= this.lastSeq) return { seq: update.seq };
    const body = update.body;
    const next = body.kind === 'full' ? body.html
      : body.baseSeq !== this.lastSeq ? undefined
      : body.kind === 'blocks' ? applyBlockPatchToHtml(this.shown, body.patch)
      : this.lastHtml === undefined ? undefined : applyHtmlPatch(this.lastHtml, body.patch);
    if (next === undefined) {
      this.misfits.push(update.seq);
      return { seq: update.seq, problem: { kind: 'resync' } };
    }
    if (this.throwNext) {
      this.throwNext = false;
      this.lastSeq = -1;
      this.lastHtml = '';
      this.shown = '';
      return { seq: update.seq, problem: { kind: 'failed', full: update.body.kind === 'full', error: 'Error: boom' } };
    }
    this.lastSeq = update.seq;
    this.lastHtml = body.kind === 'blocks' ? undefined : next;
    this.shown = next;
    return { seq: update.seq };
  }

  /** A new page (a reload): it holds nothing. */
  reload(): void {
    this.lastSeq = -1;
    this.lastHtml = '';
    this.shown = '';
  }
}

/** A post long enough that an edit is sent as a patch. */
const htmlOf = (text: string) => `<article><header>title</header>${'<p>段落</p>'.repeat(40)}<p>${text}</p>${'<p>後</p>'.repeat(40)}</article>`;

function setup() {
  const timers = new FakeTimers();
  const page = new ModelPage();
  let text = 'v1';
  /** Host-side events in order: what was posted, and which answers the host handled. */
  const log: ({ posted: Sent } | { answered: number; problem?: ApplyProblem })[] = [];
  const errors: string[] = [];
  /** Updates posted but lost on the way (the page never sees them). */
  let loseNext = false;
  /** The text changed since the last update was posted; answers with a problem that came while it had. */
  let typedSincePost = false;
  const stats = { problemsWhileTyping: 0 };
  const stream = new UpdateStream(
    () => ({
      html: htmlOf(text),
      post: (seq, body) => {
        const sent = { seq, body };
        log.push({ posted: sent });
        typedSincePost = false;
        if (loseNext) {
          loseNext = false;
          return true;
        }
        // Host → webview, then webview → host: one macrotask each.
        timers.setTimeout(() => {
          const answer = page.receive(sent);
          timers.setTimeout(() => {
            log.push({ answered: answer.seq, problem: answer.problem });
            if (answer.problem && typedSincePost) stats.problemsWhileTyping++;
            const error = stream.answered(answer.seq, answer.problem);
            if (error !== undefined) errors.push(error);
          }, 0);
        }, 0);
        return true;
      },
    }),
    () => undefined,
    timers,
  );
  return {
    timers,
    page,
    stream,
    log,
    errors,
    stats,
    type(next: string) {
      text = next;
      typedSincePost = true;
      stream.changed();
    },
    get text() {
      return text;
    },
    loseNextUpdate: (lose = true) => (loseNext = lose),
    posted: () => log.flatMap((e) => ('posted' in e ? [e.posted] : [])),
    /** Runs every macrotask due now (and those they queue), then lets the clock run for `ms`. */
    settle(ms = 0) {
      timers.advance(0);
      if (ms > 0) timers.advance(ms);
    },
  };
}

/**
 * The protocol's rule, checked from the outside on the host's log: once the host has handled an answer saying the
 * page did not apply update `s` (so it holds no base of ours), the next update it posts is the whole HTML, unless a
 * whole HTML posted after `s` is already on its way.
 */
function patchesAgainstDroppedBases(log: ReturnType<typeof setup>['log']): number[] {
  const bad: number[] = [];
  let lastWhole = 0;
  let mustBeWhole = false;
  for (const entry of log) {
    if ('posted' in entry) {
      if (entry.posted.body.kind === 'full') lastWhole = entry.posted.seq;
      else if (mustBeWhole) bad.push(entry.posted.seq);
      mustBeWhole = false;
    } else if (entry.problem && entry.answered >= lastWhole) {
      mustBeWhole = true;
    }
  }
  return bad;
}

describe('preview update stream (the host side of the protocol)', () => {
  it("posts the renderer's block change when it is against what was posted last; after it, never a string patch", () => {
    const timers = new FakeTimers();
    const page = new ModelPage();
    const article = (text: string) => `<article><p data-line="0">a</p><p data-line="1">${text}</p><p data-line="2">b</p>${'<p>c</p>'.repeat(40)}</article>`;
    const texts = ['v1', 'v2', 'v3', 'v4'];
    let n = 0;
    let previous: (() => string) | undefined;
    const built: string[] = [];
    const posted: UpdateBody[] = [];
    const stream = new UpdateStream(() => {
      const text = texts[n];
      const html = () => (built.push(text), article(text));
      // The second and fourth renders know their blocks (the fourth against a stale base: another panel's); the third
      // does not, and must go whole, the page holding no string after a block update.
      const base = n === 1 ? previous! : () => 'stale';
      const blocks = n === 1 || n === 3 ? { base, patch: { fromLine: 1, toLine: 2, footnoteList: false, insert: `<p data-line="1">${text}</p>`, lineDelta: 0 } } : undefined;
      previous = html;
      n++;
      return {
        html,
        ...(blocks ? { blocks } : {}),
        post: (seq, body) => {
          posted.push(body);
          const answer = page.receive({ seq, body });
          timers.setTimeout(() => stream.answered(answer.seq, answer.problem), 0);
          return true;
        },
      };
    }, () => undefined, timers);
    for (let i = 0; i < texts.length; i++) {
      if (i === 0) stream.renderNow(true);
      else stream.changed();
      timers.advance(0);
    }
    assert.deepEqual(posted.map((b) => b.kind), ['full', 'blocks', 'full', 'patch']);
    assert.ok(!built.includes('v2'), 'the block update built no string');
    assert.equal(page.shown, article('v4'));
  });

  it('sends the first render whole and later edits as patches against what the page holds', () => {
    const t = setup();
    t.stream.renderNow(true);
    t.settle();
    t.type('v2');
    t.settle();
    t.type('v3');
    t.settle();
    assert.deepEqual(t.posted().map((u) => u.body.kind), ['full', 'patch', 'patch']);
    assert.equal(t.page.shown, htmlOf('v3'));
    assert.deepEqual(t.page.misfits, []);
  });

  it('an update that throws while the user types: one whole render follows, never a patch against the dropped base', () => {
    const t = setup();
    t.stream.renderNow(true);
    t.settle();
    t.page.throwNext = true;
    // The user types on while the page is applying (and failing) update 2.
    t.page.onReceive = (u) => {
      if (u.seq === 2) t.type('v3');
    };
    t.type('v2');
    t.settle();
    assert.deepEqual(t.page.misfits, [], 'no patch reached the page after it dropped its base');
    assert.deepEqual(patchesAgainstDroppedBases(t.log), []);
    assert.deepEqual(t.posted().map((u) => [u.seq, u.body.kind]), [[1, 'full'], [2, 'patch'], [3, 'full']], 'one whole render, with the newest text');
    assert.equal(t.page.shown, htmlOf('v3'));
    assert.deepEqual(t.errors, [], 'a patch that failed is retried whole, not reported');
  });

  it('a patch that does not fit (a lost update) while the user types: one resync, one whole render', () => {
    const t = setup();
    t.stream.renderNow(true);
    t.settle();
    t.loseNextUpdate();
    t.type('v2');
    t.settle(ACK_TIMEOUT_MS); // update 2 is never acknowledged: the host goes on after the timeout
    t.page.onReceive = (u) => {
      if (u.seq === 3) t.type('v4');
    };
    t.type('v3');
    t.settle();
    assert.deepEqual(t.page.misfits, [3], 'only the patch sent before the page could say anything');
    assert.deepEqual(patchesAgainstDroppedBases(t.log), []);
    assert.deepEqual(t.posted().map((u) => u.body.kind), ['full', 'patch', 'patch', 'full']);
    assert.equal(t.page.shown, htmlOf('v4'));
  });

  it('a whole HTML that throws is reported once and the next change tries again (whole)', () => {
    const t = setup();
    t.page.throwNext = true;
    t.stream.renderNow(true);
    t.settle();
    assert.deepEqual(t.errors, ['Error: boom']);
    assert.equal(t.posted().length, 1, 'not retried at once: it would fail again');
    t.type('v2');
    t.settle();
    assert.deepEqual(t.posted().map((u) => u.body.kind), ['full', 'full']);
    assert.equal(t.page.shown, htmlOf('v2'));
  });

  it('the refusal of a patch that a whole render (a reload) already superseded changes nothing', () => {
    const t = setup();
    t.stream.renderNow(true);
    t.settle();
    // The page reloads while patch 2 is on its way: it refuses 2, and the host's "ready" render (3) is whole.
    t.page.onReceive = (u) => {
      if (u.seq === 2) {
        t.page.reload();
        t.stream.renderNow(true);
      }
    };
    t.type('v2');
    t.settle();
    assert.deepEqual(t.page.misfits, [2]);
    assert.deepEqual(t.posted().map((u) => u.body.kind), ['full', 'patch', 'full'], 'no second whole render for the stale refusal');
    t.type('v3');
    t.settle();
    assert.equal(t.posted()[3].body.kind, 'patch', 'patches again, against the whole render');
    assert.equal(t.page.shown, htmlOf('v3'));
  });

  it('whatever happens (edits, failures, reloads, lost messages, at any moment), it converges and never patches a dropped base', () => {
    let problemsWhileTyping = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const random = prng(seed);
      const t = setup();
      t.stream.renderNow(true);
      for (let step = 0; step < 40; step++) {
        const r = random();
        if (r < 0.5) t.type(`edit ${seed}.${step} ${'x'.repeat(Math.floor(random() * 5))}`);
        else if (r < 0.6) t.page.throwNext = true;
        else if (r < 0.65) t.loseNextUpdate();
        else if (r < 0.7) {
          t.page.reload();
          t.stream.renderNow(true); // its "ready"
        }
        // Some of the queued macrotasks run (so edits land while messages are in flight), or time passes.
        const run = random();
        if (run < 0.5) for (let n = Math.floor(random() * 4); n > 0; n--) t.timers.runOne();
        else if (run < 0.6) t.timers.advance(ACK_TIMEOUT_MS);
      }
      // The last update arrives (a lost one is followed by the next change, or a reload and its whole render).
      t.page.throwNext = false;
      t.loseNextUpdate(false);
      t.type('final');
      t.settle(10 * ACK_TIMEOUT_MS);
      assert.deepEqual(patchesAgainstDroppedBases(t.log), [], `seed ${seed}`);
      assert.equal(t.page.shown, htmlOf('final'), `seed ${seed}: the page shows the newest text`);
      assert.equal(t.timers.live, 0, `seed ${seed}: idle at the end`);
      problemsWhileTyping += t.stats.problemsWhileTyping;
    }
    assert.ok(problemsWhileTyping >= 50, `the runs hit the race: ${problemsWhileTyping} failures answered while the text had changed`);
  });
});
