import * as assert from 'node:assert/strict';
import { pageToOpen } from '../../../src/blog/hatenaPages';

const EDIT = 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom/entry/13574176438109133435';

describe('hatenaPages: the page Open on Hatena opens', () => {
  it('a published post: its public URL', () => {
    const text = `---\nTitle: t\nURL: https://yasay.hatenablog.com/entry/2017/06/04/231803\nEditURL: ${EDIT}\n---\n\nbody\n`;
    assert.equal(pageToOpen(text, undefined), 'https://yasay.hatenablog.com/entry/2017/06/04/231803');
  });

  it('a draft: Hatena\'s editor for that entry, even when it has a URL', () => {
    const text = `---\nTitle: t\nURL: https://yasay.hatenablog.com/entry/2017/06/04/231803\nEditURL: ${EDIT}\nDraft: true\n---\n\nbody\n`;
    assert.equal(pageToOpen(text, undefined), 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/edit?entry=13574176438109133435');
  });

  it('not posted yet: nothing', () => {
    assert.equal(pageToOpen('---\nTitle: t\n---\n\nbody\n', 'https://blog.hatena.ne.jp/yasay/yasay.hatenablog.com/atom'), undefined);
    assert.equal(pageToOpen('just text\n', undefined), undefined);
  });
});
