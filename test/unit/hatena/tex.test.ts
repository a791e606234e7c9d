import * as assert from 'node:assert/strict';
import { renderInline } from './helpers';

describe('[tex:…]', () => {
  it('keeps the notation for MathJax, showing what MathJax receives after Markdown escapes', () => {
    assert.equal(renderInline('[tex:x\\_1 + y\\^2]'), '<span class="hatena-tex">[tex:x_1 + y^2]</span>');
  });

  it('holds balanced brackets and escapes HTML', () => {
    assert.equal(renderInline('[tex:\\sqrt[3]{x} < 1]'), '<span class="hatena-tex">[tex:\\sqrt[3]{x} &lt; 1]</span>');
  });

  it('flags _ * ^ that Hatena\'s Markdown would eat before MathJax', () => {
    assert.equal(renderInline('[tex:a_1]'),
      '<span class="hatena-tex hatena-tex-unescaped" title="はてなブログでは Markdown が先に処理されます。_ * ^ は \\_ \\* \\^ のようにエスケープしてください">[tex:a_1]</span>');
  });

  it('is not notation when empty, unclosed or in code', () => {
    assert.equal(renderInline('[tex:]'), '[tex:]');
    assert.equal(renderInline('[tex:a[b]'), '[tex:a[b]');
    assert.equal(renderInline('`[tex:x]`'), '<code>[tex:x]</code>');
  });
});
