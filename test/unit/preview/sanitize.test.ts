import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFragment, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { isUnsafeAttribute, neutralizeWith, type SanitizerDom } from '../../../src/webview/sanitize';

// The sanitizer's whole output: the same walk the webview runs (neutralize = neutralizeWith over the page's DOM),
// here over a parse5 tree, the HTML standard's tree construction in Node (foreign content, templates, adjusted SVG
// attribute names such as xlink:href and attributeName), serialized back to HTML.

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];
type P5Parent = DefaultTreeAdapterMap['parentNode'];
type P5Attribute = P5Element['attrs'][number];

const HTML_NS = 'http://www.w3.org/1999/xhtml';
/** Names of properties of a <form> element, as the page computes them from HTMLFormElement.prototype (a sample). */
const FORM_PROPERTIES = new Set(['action', 'submit', 'reset', 'elements', 'attributes', 'getAttribute', 'getAttributeNames', 'localName', 'nodeName', 'firstChild', 'id', 'name']);

const isElement = (node: P5Node): node is P5Element => 'tagName' in node;
const qualified = (a: P5Attribute) => (a.prefix ? `${a.prefix}:${a.name}` : a.name);

function eachDescendant(parent: P5Parent, visit: (el: P5Element) => void): void {
  for (const child of [...parent.childNodes]) {
    if (!isElement(child)) continue;
    visit(child);
    eachDescendant(child, visit);
  }
}

const parse5Dom: SanitizerDom<P5Element, P5Parent> = {
  forEachElement: eachDescendant,
  localName: (el) => el.tagName,
  attributeNames: (el) => el.attrs.map(qualified),
  getAttribute: (el, name) => el.attrs.find((a) => qualified(a) === name)?.value ?? null,
  removeAttribute: (el, name) => void (el.attrs = el.attrs.filter((a) => qualified(a) !== name)),
  remove: (el) => {
    const parent = el.parentNode;
    if (parent) parent.childNodes.splice(parent.childNodes.indexOf(el), 1);
  },
  templateContent: (el) => (el.tagName === 'template' && el.namespaceURI === HTML_NS ? (el as DefaultTreeAdapterMap['template']).content : undefined),
  isFormProperty: (name) => FORM_PROPERTIES.has(name),
};

/** Sanitizes `html` as the preview does and returns the HTML that would enter the page. */
function clean(html: string): string {
  const fragment = parseFragment(html);
  neutralizeWith(parse5Dom, fragment);
  return serialize(fragment);
}

function removedCount(html: string): number {
  return neutralizeWith(parse5Dom, parseFragment(html));
}

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
    assert.equal(isUnsafeAttribute('by', 'javascript:x'), true, 'SVG <animate by>');
    assert.equal(isUnsafeAttribute('src', 'data:image/svg+xml,<svg onload=x()>', 'iframe'), true, 'an SVG document in a frame');
    assert.equal(isUnsafeAttribute('srcset', 'https://a.example/1.png 1x, javascript:x 2x', 'img'), true);
  });

  it('keeps ordinary attributes and URLs', () => {
    assert.equal(isUnsafeAttribute('href', 'https://example.com/'), false);
    assert.equal(isUnsafeAttribute('href', '#概要'), false);
    assert.equal(isUnsafeAttribute('src', './img/a.png'), false);
    assert.equal(isUnsafeAttribute('src', 'data:image/png;base64,AAAA'), false);
    assert.equal(isUnsafeAttribute('src', 'data:image/svg+xml;charset=utf-8,%3Csvg', 'img'), false, 'SVG as an image never runs script');
    assert.equal(isUnsafeAttribute('srcset', 'https://a.example/1.png 1x, https://a.example/2.png 2x', 'img'), false);
    assert.equal(isUnsafeAttribute('class', 'javascript:'), false);
    assert.equal(isUnsafeAttribute('title', 'onerror'), false);
  });
});

describe('preview sanitizer: what neutralize() leaves of raw HTML', () => {
  it('removes script, base, meta, link, plugins and noscript with their content, and keeps the text around them', () => {
    assert.equal(
      clean('<p>a<script>alert(1)</script>b</p><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=x">' +
        '<link rel="import" href="x"><object data="x.swf"><p>fallback</p></object><embed src="x"><noscript><p>ns</p></noscript><p>end</p>'),
      '<p>ab</p><p>end</p>',
    );
  });

  it('strips handlers and script URLs, keeps everything else of the element', () => {
    assert.equal(clean('<img src="x.png" alt="写真" onerror="alert(1)" class="c">'), '<img src="x.png" alt="写真" class="c">');
    assert.equal(clean('<a href="javascript:alert(1)" title="t">j</a>'), '<a title="t">j</a>');
    assert.equal(clean('<a href="&#106;ava&#x09;script:alert(1)">e</a>'), '<a>e</a>', 'entities and a tab inside the scheme');
    assert.equal(clean('<a href="https://example.com/" ping="javascript:x">ok</a>'), '<a href="https://example.com/">ok</a>');
    assert.equal(clean('<details open ontoggle="alert(1)"><summary>s</summary>b</details>'), '<details open=""><summary>s</summary>b</details>');
  });

  it('SVG: xlink:href and href script links, animations of href, handlers on SVG elements', () => {
    assert.equal(
      clean('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a><a href="javascript:alert(2)"><circle r="1"></circle></a></svg>'),
      '<svg><a><text>x</text></a><a><circle r="1"></circle></a></svg>',
    );
    // <animate>/<set> of a URL or handler attribute go as a whole, whatever their values look like.
    assert.equal(
      clean('<svg><a><animate attributeName="href" values="javascript:alert(1)"></animate>' +
        '<set attributeName="xlink:href" to="https://ok.example/"></set><set attributeName="onclick" to="alert(1)"></set>' +
        '<animate attributeName="opacity" values="0;1" dur="1s"></animate><text>t</text></a></svg>'),
      '<svg><a><animate attributeName="opacity" values="0;1" dur="1s"></animate><text>t</text></a></svg>',
    );
    assert.equal(clean('<svg onload="alert(1)"><circle r="4" onmouseover="alert(2)"></circle></svg>'), '<svg><circle r="4"></circle></svg>');
    assert.equal(clean('<svg><use href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"></use></svg>'), '<svg><use></use></svg>');
  });

  it('forms: formaction and action script URLs', () => {
    assert.equal(
      clean('<form action="javascript:alert(1)"><button formaction="javascript:alert(2)" type="submit">go</button><input type="image" formaction="data:text/html,x"></form>'),
      '<form><button type="submit">go</button><input type="image"></form>',
    );
  });

  it('frames: srcdoc documents, data: documents (an SVG document too) and script URLs; https frames stay', () => {
    assert.equal(
      clean('<iframe srcdoc="&lt;script&gt;parent.x=1&lt;/script&gt;"></iframe><iframe src="data:text/html,&lt;script&gt;x&lt;/script&gt;"></iframe>' +
        '<iframe src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"></iframe><iframe src="javascript:alert(1)"></iframe>' +
        '<iframe src="https://www.youtube.com/embed/x" width="560"></iframe>'),
      '<iframe></iframe><iframe></iframe><iframe></iframe><iframe></iframe><iframe src="https://www.youtube.com/embed/x" width="560"></iframe>',
    );
  });

  it('srcset and <picture>: candidates with script URLs or data: documents go, pictures stay', () => {
    assert.equal(
      clean('<picture><source srcset="data:text/html,x 1x"><source srcset="https://a.example/b.webp" type="image/webp">' +
        '<img src="https://a.example/b.jpg" srcset="https://a.example/b.jpg 1x, javascript:alert(1) 2x" alt="b"></picture>'),
      '<picture><source><source srcset="https://a.example/b.webp" type="image/webp"><img src="https://a.example/b.jpg" alt="b"></picture>',
    );
    assert.equal(clean('<img srcset="data:image/png;base64,AAAA 1x, https://a.example/2.png 2x">'), '<img srcset="data:image/png;base64,AAAA 1x, https://a.example/2.png 2x">');
  });

  it('DOM clobbering: no name on the elements document and forms expose by name, no id that shadows a form property', () => {
    assert.equal(
      clean('<img name="elementFromPoint" src="a.png"><img name="getElementById" id="pic"><form name="body"></form>' +
        '<iframe name="documentElement"></iframe>'),
      '<img src="a.png"><img id="pic"><form></form><iframe></iframe>',
    );
    assert.equal(
      clean('<form id="f"><input name="attributes"><input id="submit"><input id="nickname" type="text"><button name="getAttributeNames">b</button>' +
        '<select name="localName" id="firstChild"></select></form>'),
      '<form id="f"><input><input><input id="nickname" type="text"><button>b</button><select></select></form>',
    );
    // What the preview itself relies on stays: footnote anchors (id and name on <a>) and heading ids, even ones
    // spelled like properties (the table of contents links to them; they only shadow nothing the page uses).
    assert.equal(
      clean('<a href="#f-1" id="fn-1" name="fn-1">*1</a><h2 id="body">body</h2><h3 id="getElementById">x</h3>'),
      '<a href="#f-1" id="fn-1" name="fn-1">*1</a><h2 id="body">body</h2><h3 id="getElementById">x</h3>',
    );
  });

  it('cleans the inert content of a <template> as well, and counts what it removed', () => {
    assert.equal(clean('<template><img src="x" onerror="alert(1)"><script>x</script></template>'), '<template><img src="x"></template>');
    assert.equal(removedCount('<p>safe</p><a href="https://example.com/">ok</a>'), 0);
    assert.equal(removedCount('<img src="x" onerror="a()" name="body"><script></script>'), 3);
  });

  it('leaves nothing of test/fixtures/workspace/hostile.md that could run or clobber', () => {
    const hostile = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'workspace', 'hostile.md'), 'utf8');
    const fragment = parseFragment(hostile);
    assert.ok(neutralizeWith(parse5Dom, fragment) >= 20, 'the fixture is hostile');
    const problems: string[] = [];
    const walk = (parent: P5Parent) => {
      eachDescendant(parent, (el) => {
        if (['script', 'object', 'embed', 'base', 'meta', 'link'].includes(el.tagName)) problems.push(`<${el.tagName}>`);
        for (const a of el.attrs) {
          const name = qualified(a);
          if (isUnsafeAttribute(name, a.value, el.tagName)) problems.push(`${el.tagName}[${name}=${a.value}]`);
          if (name === 'name' && ['img', 'form', 'iframe', 'input', 'button', 'select', 'textarea'].includes(el.tagName)) problems.push(`${el.tagName}[name=${a.value}]`);
        }
        const content = parse5Dom.templateContent(el);
        if (content) walk(content);
      });
    };
    walk(fragment);
    assert.deepEqual(problems, []);
  });
});
