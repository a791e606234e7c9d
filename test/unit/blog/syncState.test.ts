import * as assert from 'node:assert/strict';
import type { RemoteEntry } from '../../../src/blog/hatenaEntry';
import { applyReplacements } from '../../../src/hatena';
import { bodyOf, changedLocally, changedRemotely, contentHash, pullDecision, pulledEdits, recordAfterSync, updateDecision } from '../../../src/blog/syncState';

const EDIT = 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/1';

function remote(changes: Partial<RemoteEntry> = {}): RemoteEntry {
  return {
    editUrl: EDIT, id: '1', url: 'https://yasay.hatenablog.com/entry/2026/12/04/120000', title: 'Report', content: 'Body\n',
    contentType: 'text/x-markdown', categories: ['AWS'], updated: '2026-12-04T12:00:00+09:00', edited: '2026-12-04T12:00:00+09:00',
    draft: false, preview: false, scheduled: false, ...changes,
  };
}

describe('sync state: what changed since the last push or pull', () => {
  it('hashes bodies alike whatever their line endings and trailing blank space', () => {
    assert.equal(contentHash('a\r\nb\n\n'), contentHash('a\nb'));
    assert.notEqual(contentHash('a\nb'), contentHash('a\nc'));
    assert.match(contentHash(''), /^[0-9a-f]{16}$/);
  });

  it('knows a local change and a remote change only with a record', () => {
    const record = recordAfterSync(remote(), 'Body\n');
    assert.equal(changedLocally(undefined, 'x'), undefined);
    assert.equal(changedLocally(record, 'Body\n'), false);
    assert.equal(changedLocally(record, 'Body, edited\n'), true);
    assert.equal(changedRemotely(undefined, remote()), undefined);
    assert.equal(changedRemotely(record, remote()), false);
    assert.equal(changedRemotely(record, remote({ edited: '2026-12-05T00:00:00+09:00' })), true, 'edited in the browser');
    assert.equal(changedRemotely(record, remote({ content: 'Other\n' })), true, 'content changed');
  });

  it('an update pushes when Hatena has what this machine saw, and asks when Hatena changed since', () => {
    const record = recordAfterSync(remote(), 'Body\n');
    assert.equal(updateDecision(record, remote(), 'Body, edited locally\n'), 'push');
    assert.equal(updateDecision(record, remote({ edited: '2026-12-05T00:00:00+09:00', content: 'Edited on Hatena\n' }), 'Body, edited locally\n'), 'ask');
    assert.equal(updateDecision(undefined, remote(), 'Something else\n'), 'ask', 'nothing known: a difference asks');
    assert.equal(updateDecision(undefined, remote(), 'Body'), 'push', 'Hatena already has the local body');
  });

  it('a pull skips what is the same, writes over unchanged files, asks over unpushed changes', () => {
    const entry = remote();
    const text = '---\nTitle: Report\nCategory:\n- AWS\nDate: 2026-12-04T12:00:00+09:00\nURL: https://yasay.hatenablog.com/entry/2026/12/04/120000\nEditURL: ' + EDIT + '\n---\n\nBody\n';
    assert.equal(pullDecision(undefined, undefined, entry), 'write', 'no file yet');
    assert.equal(pullDecision(undefined, text, entry), 'skip');
    const record = recordAfterSync(entry, 'Body\n');
    const newer = remote({ content: 'Newer\n', edited: '2026-12-05T00:00:00+09:00' });
    assert.equal(pullDecision(record, text, newer), 'write', 'the file is what was last pulled');
    assert.equal(pullDecision(record, text.replace('Body', 'Mine'), newer), 'ask', 'unpushed local change');
    assert.equal(pullDecision(undefined, text.replace('Body', 'Mine'), newer), 'ask', 'nothing known');
  });

  it('pulled edits rewrite only what differs, keep comments, replace the body', () => {
    const text = '---\n# my note\nTitle: Old\nEditURL: ' + EDIT + '\nDraft: true\n---\n\nOld body\n';
    const out = applyReplacements(text, pulledEdits(text, remote({ title: 'New', content: 'New body' })));
    assert.equal(out, '---\n# my note\nTitle: New\nCategory:\n- AWS\nDate: 2026-12-04T12:00:00+09:00\nURL: https://yasay.hatenablog.com/entry/2026/12/04/120000\nEditURL: ' + EDIT + '\n---\n\nNew body\n');
    assert.equal(bodyOf(out), 'New body\n');
    assert.deepEqual(pulledEdits(out, remote({ title: 'New', content: 'New body' })), []);
  });

  it('a file without front matter becomes the file blogsync writes', () => {
    const out = applyReplacements('just text\n', pulledEdits('just text\n', remote()));
    assert.match(out, /^---\nTitle: Report\n/);
    assert.ok(out.endsWith('---\n\nBody\n'));
  });
});
