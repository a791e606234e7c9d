import * as assert from 'node:assert/strict';
import { fotolifeUrl, isFotolifeTimestamp, parseFotolifeBody } from '../../../src/hatena/fotolife';
import { CDN, PHOTO_OPEN, render, renderInline } from './helpers';

const img = (attrs: string) => `<img ${attrs}>`;
const PAGE = 'https://f.hatena.ne.jp/yasay/20170604220500';
/** The published markup of yasay's 20170604220500 image: `file` is the CDN file name, `extra` the attributes
 *  between class and itemprop, `linked` wraps it in the Fotolife page link (:image, :movie, no kind). */
function photo({ file = '20170604220500.jpg', className = 'hatena-fotolife', extra = '', linked = false } = {}): string {
  const tag = img(`src="${CDN}/y/yasay/20170604/${file}" loading="lazy" title="" class="${className}"${extra} itemprop="image"`);
  return `${PHOTO_OPEN}${linked ? `<a href="${PAGE}" class="hatena-fotolife" itemprop="url">${tag}</a>` : tag}</span>`;
}

describe('Fotolife [f:id:USER:ID{ext}:kind(:option)*]', () => {
  it(':plain renders the published span + img with the CDN URL', () => {
    assert.equal(
      renderInline('[f:id:yasay:20170604220500j:plain]'),
      `${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" loading="lazy" title="" class="hatena-fotolife" itemprop="image"`)}</span>`,
    );
  });

  it(':image links the img to its Fotolife page', () => {
    assert.equal(
      renderInline('[f:id:yasay:20170604220500p:image]'),
      `${PHOTO_OPEN}<a href="https://f.hatena.ne.jp/yasay/20170604220500" class="hatena-fotolife" itemprop="url">` +
        `${img(`src="${CDN}/y/yasay/20170604/20170604220500.png" loading="lazy" title="" class="hatena-fotolife" itemprop="image"`)}</a></span>`,
    );
  });

  it(':movie shows like :image (no Flash player today)', () => {
    assert.equal(renderInline('[f:id:yasay:20170604220500f:movie]'),
      `${PHOTO_OPEN}<a href="https://f.hatena.ne.jp/yasay/20170604220500" class="hatena-fotolife" itemprop="url">` +
        `${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" loading="lazy" title="" class="hatena-fotolife" itemprop="image"`)}</a></span>`);
  });

  it('maps j/p/g/f to jpg/png/gif/jpg', () => {
    for (const [letter, ext] of [['j', 'jpg'], ['p', 'png'], ['g', 'gif'], ['f', 'jpg']]) {
      assert.equal(fotolifeUrl(parseFotolifeBody(`f:id:hatenablog:20200101000000${letter}:plain`)!), `${CDN}/h/hatenablog/20200101/20200101000000.${ext}`);
    }
  });

  it(':w and :h give style width/height', () => {
    assert.equal(
      renderInline('[f:id:yasay:20170604220500j:plain:w350]'),
      `${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" loading="lazy" title="" class="hatena-fotolife" style="width:350px" itemprop="image"`)}</span>`,
    );
    assert.equal(renderInline('[f:id:yasay:20170604220500j:plain:h200]'), photo({ extra: ' style="height:200px"' }));
    assert.equal(renderInline('[f:id:yasay:20170604220500j:plain:w350:h200]'), photo({ extra: ' style="width:350px;height:200px"' }));
    assert.equal(renderInline('[f:id:yasay:20170604220500j:image:h200:w350]'), photo({ extra: ' style="width:350px;height:200px"', linked: true }));
  });

  it(':left / :right add the float classes', () => {
    assert.equal(renderInline('[f:id:yasay:20170604220500j:plain:left]'), photo({ className: 'hatena-fotolife hatena-image-left' }));
    assert.equal(renderInline('[f:id:yasay:20170604220500j:plain:right]'), photo({ className: 'hatena-fotolife hatena-image-right' }));
    assert.equal(renderInline('[f:id:yasay:20170604220500j:image:right:w300]'),
      photo({ className: 'hatena-fotolife hatena-image-right', extra: ' style="width:300px"', linked: true }));
  });

  it(':title= and :alt= set the attributes, values may contain colons, and are escaped', () => {
    assert.equal(
      renderInline('[f:id:yasay:20170604220500j:plain:title=会場: 基調講演 "A&B":alt=<壇上>]'),
      `${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" alt="&lt;壇上&gt;" loading="lazy" title="会場: 基調講演 &quot;A&amp;B&quot;" class="hatena-fotolife" itemprop="image"`)}</span>`,
    );
  });

  it(':small and :medium use the _m / _120 JPEG thumbnails', () => {
    assert.equal(renderInline('[f:id:yasay:20170604220500p:plain:small]'), photo({ file: '20170604220500_m.jpg' }));
    assert.equal(renderInline('[f:id:yasay:20170604220500p:plain:medium]'), photo({ file: '20170604220500_120.jpg' }));
    assert.equal(renderInline('[f:id:yasay:20170604220500g:image:medium]'), photo({ file: '20170604220500_120.jpg', linked: true }));
  });

  it('accepts options in any order, the kind included', () => {
    const a = renderInline('[f:id:yasay:20170604220500j:plain:w300:left:title=x]');
    assert.equal(renderInline('[f:id:yasay:20170604220500j:title=x:left:w300:plain]'), a);
    assert.equal(renderInline('[f:id:yasay:20170604220500j:left:plain:title=x:w300]'), a);
  });

  it('a missing kind is a linked image (the old はてな記法 default)', () => {
    assert.equal(renderInline('[f:id:yasay:20170604220500j]'), photo({ linked: true }));
    assert.equal(renderInline('[f:id:yasay:20170604220500p:w120]'), photo({ file: '20170604220500.png', extra: ' style="width:120px"', linked: true }));
  });

  it('stays as typed for invalid user ids, impossible timestamps, unknown letters and options', () => {
    for (const text of [
      '[f:id:ya:20170604220500j:plain]', // user id too short
      '[f:id:1yasay:20170604220500j:plain]', // must start with a letter
      '[f:id:ya.say:20170604220500j:plain]',
      '[f:id:yasay:20171304220500j:plain]', // month 13
      '[f:id:yasay:20170230220500j:plain]', // 30 February
      '[f:id:yasay:20170604250500j:plain]', // hour 25
      '[f:id:yasay:2017060422050j:plain]', // 13 digits
      '[f:id:yasay:20170604220500x:plain]', // unknown extension letter
      '[f:id:yasay:20170604220500j:plain:w0]',
      '[f:id:yasay:20170604220500j:plain:image]', // two kinds
      '[f:id:yasay:20170604220500j:plain:huge]', // unknown option
      '[f:id:yasay:20170604220500j:plain',
    ]) {
      assert.equal(renderInline(text), text, text);
    }
  });

  it('validates real dates, leap years included', () => {
    assert.ok(isFotolifeTimestamp('20200229235959'));
    assert.ok(!isFotolifeTimestamp('20190229000000'));
    assert.ok(!isFotolifeTimestamp('21000229000000'));
    assert.ok(isFotolifeTimestamp('20000229000000'));
    assert.ok(!isFotolifeTimestamp('20200100000000'));
  });

  it('works inline in text, bold, headings, tables and link text', () => {
    const plain = `${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" loading="lazy" title="" class="hatena-fotolife" itemprop="image"`)}</span>`;
    assert.equal(renderInline('前 [f:id:yasay:20170604220500j:plain] 後'), `前 ${plain} 後`);
    assert.equal(renderInline('**[f:id:yasay:20170604220500j:plain]**'), `<strong>${plain}</strong>`);
    assert.equal(render('## 会場 [f:id:yasay:20170604220500j:plain]\n'), `<h2 id="会場">会場 ${plain}</h2>\n`);
    assert.equal(render('| 写真 |\n|---|\n| [f:id:yasay:20170604220500j:plain] |\n'),
      `<table>\n<thead>\n<tr>\n<th>写真</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>${plain}</td>\n</tr>\n</tbody>\n</table>\n`);
    // Inside a Markdown link, :image does not nest a second <a>.
    assert.equal(
      renderInline('[[f:id:yasay:20170604220500j:image]](https://example.com/)'),
      `<a href="https://example.com/">${plain}</a>`,
    );
  });

  it('expands inside the figure HTML Hatena\'s editor writes for captions, but not in comments or <pre>', () => {
    const fig = '<figure class="figure-image figure-image-fotolife" title="会場">[f:id:yasay:20170604220500j:plain]<figcaption>会場</figcaption></figure>';
    assert.equal(
      render(`${fig}\n`),
      `<figure class="figure-image figure-image-fotolife" title="会場">${PHOTO_OPEN}${img(`src="${CDN}/y/yasay/20170604/20170604220500.jpg" loading="lazy" title="" class="hatena-fotolife" itemprop="image"`)}</span><figcaption>会場</figcaption></figure>\n`,
    );
    assert.equal(render('<div><!-- [f:id:yasay:20170604220500j:plain] --></div>\n'), '<div><!-- [f:id:yasay:20170604220500j:plain] --></div>\n');
    assert.equal(render('<pre>[f:id:yasay:20170604220500j:plain]</pre>\n'), '<pre>[f:id:yasay:20170604220500j:plain]</pre>\n');
    assert.equal(render('<div>\n<!--\n[f:id:yasay:20170604220500j:plain]\n-->\n</div>\n'), '<div>\n<!--\n[f:id:yasay:20170604220500j:plain]\n-->\n</div>\n');
    // A comment ends at -->, not at the first >.
    assert.equal(render('<div><!-- a > b [f:id:yasay:20170604220500j:plain] --></div>\n'), '<div><!-- a > b [f:id:yasay:20170604220500j:plain] --></div>\n');
    // But `<!-->` and `<!--->` are whole, empty comments (CommonMark 0.31, markdown-it, browsers): what follows is text.
    for (const empty of ['<!-->', '<!--->']) {
      assert.equal(render(`<div>${empty} [f:id:yasay:20170604220500j:plain]</div>\n`), `<div>${empty} ${photo()}</div>\n`, empty);
    }
    // Never inside an attribute value, where the inserted markup would break out of the quotes.
    assert.equal(render('<div title="[f:id:yasay:20170604220500j:plain]" data-x=\'>[f:id:yasay:20170604220500j:plain]\'>x</div>\n'),
      '<div title="[f:id:yasay:20170604220500j:plain]" data-x=\'>[f:id:yasay:20170604220500j:plain]\'>x</div>\n');
  });

  it('never expands inside pre, code, script, style or textarea anywhere in an HTML block, but does after them', () => {
    const n = '[f:id:yasay:20170604220500j:plain]';
    const plain = photo();
    assert.equal(render(`<div>\n<pre>${n}</pre>\n</div>\n`), `<div>\n<pre>${n}</pre>\n</div>\n`);
    assert.equal(render(`<p>x <code>${n}</code> ${n}</p>\n`), `<p>x <code>${n}</code> ${plain}</p>\n`);
    assert.equal(render(`<div><pre class="x"><code>a ${n}</code> ${n}</pre>${n}</div>\n`),
      `<div><pre class="x"><code>a ${n}</code> ${n}</pre>${plain}</div>\n`);
    const raw = `<div>\n<script>var a = "${n}";</script>\n<STYLE>/* ${n} */</STYLE >\n<textarea>${n}</textarea>\n${n}\n</div>\n`;
    assert.equal(render(raw), raw.replace(`${n}\n</div>`, `${plain}\n</div>`));
    // An element left open protects the rest of the block; `<code/>` opens one (browsers ignore the slash).
    assert.equal(render(`<div>\n<pre>${n}\n</div>\n`), `<div>\n<pre>${n}\n</div>\n`);
    assert.equal(render(`<div><code/>${n}</div>\n`), `<div><code/>${n}</div>\n`);
    // Only those names: <precious> and <codex> are ordinary elements.
    assert.equal(render(`<div><precious>${n}</precious><codex>${n}</codex></div>\n`),
      `<div><precious>${plain}</precious><codex>${plain}</codex></div>\n`);
  });

  it('expands a valid image after broken candidates with no later <', () => {
    // The shape that once cost a search of the rest of the block per candidate; fuzz.test.ts checks its time ratio.
    assert.equal(render(`<div>\n${'[f:id:x:1'.repeat(3)}[f:id:yasay:20170604220500j:plain]\n`),
      `<div>\n${'[f:id:x:1'.repeat(3)}${photo()}\n`);
  });
});
