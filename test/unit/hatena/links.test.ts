import * as assert from 'node:assert/strict';
import { bookmarkEntryUrl, parseLinkNotation } from '../../../src/hatena/links';
import { youtubeVideoId } from '../../../src/hatena/embeds';
import { render, renderInline } from './helpers';

const WEBCARD_STYLE = 'display: block; width: 100%; height: 155px; max-width: 500px; margin: 10px 0px;';
const YOUTUBE_ALLOW = 'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share';

describe('links [URL:title] / [URL:title=TEXT] / [URL:bookmark]', () => {
  it('[URL:title] links the URL and shows it (the page title needs the network)', () => {
    assert.equal(renderInline('[https://aws.amazon.com/jp/:title]'), '<a href="https://aws.amazon.com/jp/">https://aws.amazon.com/jp/</a>');
  });

  it('[URL:title=TEXT] shows TEXT, escaped, colons and all', () => {
    assert.equal(renderInline('[https://example.com/a?b=1&c=2:title=AWS: "入門" <2017>]'),
      '<a href="https://example.com/a?b=1&amp;c=2">AWS: &quot;入門&quot; &lt;2017&gt;</a>');
  });

  it("accepts an apostrophe in the URL (inside double quotes it is harmless)", () => {
    assert.equal(renderInline("[https://en.wikipedia.org/wiki/O'Reilly_Media:title]"),
      '<a href="https://en.wikipedia.org/wiki/O\'Reilly_Media">https://en.wikipedia.org/wiki/O\'Reilly_Media</a>');
  });

  it('keeps a port in the URL and percent-encodes non-ASCII paths in href only', () => {
    assert.equal(renderInline('[http://localhost:8080/ページ:title=ローカル]'), '<a href="http://localhost:8080/%E3%83%9A%E3%83%BC%E3%82%B8">ローカル</a>');
  });

  it('[URL:bookmark] adds the Hatena Bookmark count image, with s/ for https', () => {
    assert.equal(renderInline('[https://example.com/entry:bookmark]'),
      '<a href="https://example.com/entry">https://example.com/entry</a> <a href="https://b.hatena.ne.jp/entry/s/example.com/entry" class="http-bookmark">' +
      '<img src="https://b.hatena.ne.jp/entry/image/https://example.com/entry" alt="" class="http-bookmark"></a>');
    assert.equal(bookmarkEntryUrl('http://example.com/x'), 'https://b.hatena.ne.jp/entry/example.com/x');
  });

  it('is not notation for other schemes, spaces, unknown options or inside link text', () => {
    for (const text of ['[javascript:alert(1):title]', '[ftp://example.com/:embed]', '[https://exa mple.com/:title]', '[https://example.com/:foo]', '[https://:title]']) {
      const html = renderInline(text);
      assert.doesNotMatch(html, /<iframe|javascript:alert\(1\)"/, text);
      assert.ok(html.includes(text.slice(text.lastIndexOf(":"), -1)), `${text} stays text: ${html}`);
    }
    assert.equal(parseLinkNotation('https://example.com/'), undefined);
    assert.equal(renderInline('[see [https://example.com/:title]](https://other.example/)'),
      '<a href="https://other.example/">see [https://example.com/:title]</a>');
  });
});

describe('embeds [URL:embed] / [URL:embed:cite]', () => {
  it('renders the hatenablog-parts.com web card iframe exactly as Hatena publishes it', () => {
    assert.equal(render('[https://aws.amazon.com/jp/summit/:embed]\n'),
      '<p><iframe src="https://hatenablog-parts.com/embed?url=https%3A%2F%2Faws.amazon.com%2Fjp%2Fsummit%2F" title="https://aws.amazon.com/jp/summit/" ' +
      `class="embed-card embed-webcard" scrolling="no" frameborder="0" style="${WEBCARD_STYLE}" loading="lazy"></iframe></p>\n`);
  });

  it('encodes the target into the embed URL and escapes it in every attribute', () => {
    assert.equal(renderInline('[https://ex.com/?a=1&b=2#x:embed:cite]'),
      '<iframe src="https://hatenablog-parts.com/embed?url=https%3A%2F%2Fex.com%2F%3Fa%3D1%26b%3D2%23x" title="https://ex.com/?a=1&amp;b=2#x" ' +
      `class="embed-card embed-webcard" scrolling="no" frameborder="0" style="${WEBCARD_STYLE}" loading="lazy"></iframe>` +
      '<cite class="hatena-citation"><a href="https://ex.com/?a=1&amp;b=2#x">ex.com</a></cite>');
    assert.match(render('[https://ex.com/?a=1&b=2:embed]\n', { embeds: 'card' }), / data-url="https:\/\/ex\.com\/\?a=1&amp;b=2">/);
  });

  it(':cite adds cite.hatena-citation with the host', () => {
    assert.equal(renderInline('[https://aws.amazon.com/jp/summit/:embed:cite]').split('</iframe>')[1],
      '<cite class="hatena-citation"><a href="https://aws.amazon.com/jp/summit/">aws.amazon.com</a></cite>');
  });

  it('Hatena Blog targets get the 190px blog card', () => {
    assert.match(renderInline('[https://staff.hatenablog.com/entry/2017/01/01/000000:embed]'),
      / class="embed-card embed-blogcard" scrolling="no" frameborder="0" style="display: block; width: 100%; height: 190px; max-width: 500px; margin: 10px 0px;"/);
    assert.match(renderInline('[https://example.hateblo.jp/:embed]'), /embed-blogcard/);
  });

  it('YouTube URLs embed YouTube\'s own player', () => {
    const player = `<iframe width="459" height="344" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed" frameborder="0" allow="${YOUTUBE_ALLOW}" allowfullscreen></iframe>`;
    assert.equal(renderInline('[https://www.youtube.com/watch?v=dQw4w9WgXcQ:embed]'), player);
    assert.equal(renderInline('[https://youtu.be/dQw4w9WgXcQ:embed]'), player);
    assert.equal(renderInline('[https://www.youtube.com/watch?v=dQw4w9WgXcQ:embed:cite]'),
      `${player}<cite class="hatena-citation"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">www.youtube.com</a></cite>`);
    assert.equal(youtubeVideoId('https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ'), 'dQw4w9WgXcQ');
    assert.equal(youtubeVideoId('https://www.youtube.com/shorts/dQw4w9WgXcQ'), 'dQw4w9WgXcQ');
    assert.equal(youtubeVideoId('https://www.youtube.com/watch?v=short'), undefined);
    assert.equal(youtubeVideoId('https://notyoutube.com/watch?v=dQw4w9WgXcQ'), undefined);
  });

  it("embeds: 'card' renders a static, network-free card in a div (not inside <p>)", () => {
    assert.equal(render('[https://aws.amazon.com/jp/summit/:embed:cite]\n', { embeds: 'card' }),
      '<div class="hatena-block-notation"><div class="hatena-embed-card hatena-embed-card-web" data-url="https://aws.amazon.com/jp/summit/">' +
      '<a href="https://aws.amazon.com/jp/summit/" class="hatena-embed-card-link"><span class="hatena-embed-card-host">aws.amazon.com</span>' +
      '<span class="hatena-embed-card-url">https://aws.amazon.com/jp/summit/</span></a></div>' +
      '<cite class="hatena-citation"><a href="https://aws.amazon.com/jp/summit/">aws.amazon.com</a></cite></div>\n');
    assert.match(render('[https://youtu.be/dQw4w9WgXcQ:embed]\n', { embeds: 'card' }), /class="hatena-embed-card hatena-embed-card-youtube"/);
    assert.doesNotMatch(render('[https://youtu.be/dQw4w9WgXcQ:embed]\n', { embeds: 'card' }), /<iframe/);
  });

  it('a card next to text stays in its paragraph; in a list item it replaces the hidden paragraph', () => {
    assert.match(render('見て [https://example.com/:embed]\n', { embeds: 'card' }), /^<p>見て <div class="hatena-embed-card/);
    assert.match(render('- [https://example.com/:embed]\n', { embeds: 'card' }), /^<ul>\n<li><div class="hatena-embed-card/);
  });
});
