import * as assert from 'node:assert/strict';
import { renderInline } from './helpers';

const ICON = 'https://cdn.profile-image.st-hatena.com/users';

describe('id:USER', () => {
  it('links to the user', () => {
    assert.equal(renderInline('id:yasay さん'), '<a href="https://blog.hatena.ne.jp/yasay/" class="hatena-id-link">id:yasay</a> さん');
  });

  it(':detail adds the 16px icon; :image is the 60px icon alone', () => {
    assert.equal(renderInline('id:yasay:detail'),
      `<a href="https://blog.hatena.ne.jp/yasay/" class="hatena-id-link"><img src="${ICON}/yasay/profile.png" width="16" height="16" alt="" class="hatena-id-icon">id:yasay</a>`);
    assert.equal(renderInline('id:yasay:image'),
      `<a href="https://blog.hatena.ne.jp/yasay/" class="hatena-id-link"><img src="${ICON}/yasay/profile.png" width="60" height="60" alt="id:yasay" class="hatena-id-image"></a>`);
  });

  it('works after Japanese text and inside emphasis; trailing _ and - stay prose', () => {
    assert.equal(renderInline('登壇はid:yasayさん'), '登壇は<a href="https://blog.hatena.ne.jp/yasay/" class="hatena-id-link">id:yasay</a>さん');
    assert.equal(renderInline('**id:yasay**'), '<strong><a href="https://blog.hatena.ne.jp/yasay/" class="hatena-id-link">id:yasay</a></strong>');
    assert.equal(renderInline('_id:yasay_'), '<em><a href="https://blog.hatena.ne.jp/yasay/" class="hatena-id-link">id:yasay</a></em>');
    assert.equal(renderInline('id:ya-say-'), '<a href="https://blog.hatena.ne.jp/ya-say/" class="hatena-id-link">id:ya-say</a>-');
  });

  it('is not notation mid-word, after f:, in paths, with invalid ids, in code or link text', () => {
    for (const text of ['valid:user', 'f:id:yasay', '/id:yasay', 'mail@id:yasay', 'id:ab', 'id:1abc', 'id:' + 'a'.repeat(33), 'ID:yasay']) {
      assert.equal(renderInline(text), text, text);
    }
    assert.equal(renderInline('`id:yasay`'), '<code>id:yasay</code>');
    assert.equal(renderInline('[id:yasay](https://example.com/)'), '<a href="https://example.com/">id:yasay</a>');
    assert.equal(renderInline('https://example.com/?id:yasay'), '<a href="https://example.com/?id:yasay">https://example.com/?id:yasay</a>');
  });

  it('an unknown suffix is not swallowed', () => {
    assert.equal(renderInline('id:yasay:details'), '<a href="https://blog.hatena.ne.jp/yasay/" class="hatena-id-link">id:yasay</a>:details');
  });
});
