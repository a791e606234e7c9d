import * as assert from 'node:assert/strict';
import { render } from './helpers';

const MORE = '<div class="hatena-more" role="separator" aria-label="続きを読む"><!-- more --><span class="hatena-more-label">続きを読む</span></div>\n';

describe('<!-- more -->', () => {
  it('becomes a visible divider labelled 続きを読む that keeps the comment', () => {
    assert.equal(render('前\n\n<!-- more -->\n\n後\n'), `<p>前</p>\n${MORE}<p>後</p>\n`);
    assert.equal(render('<!--more-->\n'), MORE);
    assert.equal(render('前\n<!-- more -->\n後\n'), `<p>前</p>\n${MORE}<p>後</p>\n`);
  });

  it('moreDivider: false keeps the bare comment (HTML pasted into Hatena must not show the label)', () => {
    assert.equal(render('前\n\n<!-- more -->\n\n後\n', { moreDivider: false }), '<p>前</p>\n<!-- more -->\n<p>後</p>\n');
  });

  it('other comments and indented/inline ones are left alone', () => {
    assert.equal(render('<!-- memo -->\n'), '<!-- memo -->\n');
    assert.equal(render('text <!-- more --> text\n'), '<p>text <!-- more --> text</p>\n');
    assert.equal(render('```\n<!-- more -->\n```\n'), '<pre class="code" data-lang="" data-unlink>&lt;!-- more --&gt;\n</pre>\n');
  });
});

describe('code fences', () => {
  it('known Vim filetype → class "code lang-X"', () => {
    assert.equal(render('```go\nfmt.Println("hi")\n```\n'), '<pre class="code lang-go" data-lang="go" data-unlink>fmt.Println(&quot;hi&quot;)\n</pre>\n');
    assert.equal(render('```javascript\n```\n'), '<pre class="code lang-javascript" data-lang="javascript" data-unlink></pre>\n');
  });

  it('unknown name → class "code NAME"; none → class "code" and data-lang=""', () => {
    assert.equal(render('```shell\n$ ls\n```\n'), '<pre class="code shell" data-lang="shell" data-unlink>$ ls\n</pre>\n');
    assert.equal(render('```js title\nx\n```\n'), '<pre class="code js" data-lang="js" data-unlink>x\n</pre>\n');
    assert.equal(render('```\nplain\n```\n'), '<pre class="code" data-lang="" data-unlink>plain\n</pre>\n');
  });

  it('escapes a hostile language name and nothing inside is notation', () => {
    assert.equal(render('```x"onmouseover="alert(1)\n[f:id:yasay:20170604220500j:plain] ((note))\n```\n'),
      '<pre class="code x&quot;onmouseover=&quot;alert(1)" data-lang="x&quot;onmouseover=&quot;alert(1)" data-unlink>[f:id:yasay:20170604220500j:plain] ((note))\n</pre>\n');
  });

  it('indented code blocks are not notation either', () => {
    assert.equal(render('    id:yasay [google:x]\n'), '<pre><code>id:yasay [google:x]\n</code></pre>\n');
  });
});
