import * as assert from 'node:assert/strict';
import { isUnsafeAttribute } from '../../../src/webview/sanitize';

describe('preview sanitizer: unsafe attributes', () => {
  it('flags every inline event handler', () => {
    for (const name of ['onerror', 'onload', 'ONCLICK', 'ontoggle', 'onanimationstart']) assert.equal(isUnsafeAttribute(name, 'x()'), true, name);
  });

  it('flags script URLs however they are disguised', () => {
    for (const value of ['javascript:alert(1)', ' JavaScript:x', 'java\tscript:x', 'java\nscript:x', '\u0001javascript:x', 'vbscript:x']) {
      assert.equal(isUnsafeAttribute('href', value), true, JSON.stringify(value));
    }
    assert.equal(isUnsafeAttribute('xlink:href', 'javascript:x'), true);
    assert.equal(isUnsafeAttribute('formaction', 'javascript:x'), true);
    assert.equal(isUnsafeAttribute('srcdoc', '<p>hi</p>'), true);
    assert.equal(isUnsafeAttribute('src', 'data:text/html,<script>x</script>'), true);
    assert.equal(isUnsafeAttribute('values', 'javascript:x'), true, 'SVG <animate values>');
    assert.equal(isUnsafeAttribute('src', 'data:image/svg+xml,<svg onload=x()>', 'iframe'), true, 'an SVG document in a frame');
  });

  it('keeps ordinary attributes and URLs', () => {
    assert.equal(isUnsafeAttribute('href', 'https://example.com/'), false);
    assert.equal(isUnsafeAttribute('href', '#概要'), false);
    assert.equal(isUnsafeAttribute('src', './img/a.png'), false);
    assert.equal(isUnsafeAttribute('src', 'data:image/png;base64,AAAA'), false);
    assert.equal(isUnsafeAttribute('src', 'data:image/svg+xml;charset=utf-8,%3Csvg', 'img'), false, 'SVG as an image never runs script');
    assert.equal(isUnsafeAttribute('class', 'javascript:'), false);
    assert.equal(isUnsafeAttribute('title', 'onerror'), false);
  });
});
