import * as assert from 'node:assert/strict';
import { BacktickRuns } from '../../../src/hatena/backtickRuns';
import { htmlCommentEnd } from '../../../src/hatena/htmlComment';

// The two scanners the renderer and the editor share (src/editor/codeRegions.ts uses both).
describe('shared scanners: backtick runs and HTML comment ends', () => {
  it('BacktickRuns pairs an opener with the next run of exactly its length', () => {
    const text = 'a `` b ` c ``` d `` e `';
    const runs = new BacktickRuns(text);
    assert.deepEqual(runs.starts, [2, 7, 11, 17, 22]);
    assert.deepEqual(runs.lengths, [2, 1, 3, 2, 1]);
    assert.equal(runs.closerIndex(2, 2), 3); // `` … `` (the ` and ``` between do not close it)
    assert.equal(runs.closerIndex(7, 1), 4);
    assert.equal(runs.closerIndex(11, 3), -1); // no other run of three
    assert.equal(runs.closerIndex(22, 1), -1); // the last run closes nothing after itself
  });

  it('BacktickRuns indexes only the runs starting in [from, end), each measured whole', () => {
    const text = '` x ``` y ` z `';
    const runs = new BacktickRuns(text, 2, 11);
    assert.deepEqual(runs.starts, [4, 10]);
    assert.deepEqual(runs.lengths, [3, 1]);
    assert.equal(runs.closerIndex(10, 1), -1); // the run at 14 is past `end`
    assert.deepEqual(new BacktickRuns(text, 2, 10).starts, [4]); // a run at `end` is not in
    assert.deepEqual(new BacktickRuns(text, 2, 5).lengths, [3]); // one that starts before it is measured whole
    assert.equal(new BacktickRuns('no ticks').starts.length, 0);
  });

  it('htmlCommentEnd: <!--> and <!---> are whole empty comments; otherwise the first -->; -1 when unclosed', () => {
    assert.equal(htmlCommentEnd('x<!-->y', 1), 6);
    assert.equal(htmlCommentEnd('x<!--->y', 1), 7);
    assert.equal(htmlCommentEnd('<!---->y', 0), 7);
    assert.equal(htmlCommentEnd('<!-- a > b -- c -->y', 0), 19);
    assert.equal(htmlCommentEnd('<!-- a', 0), -1);
  });
});
