import { expectScopes } from './expectScopes';

const URL = 'https://aws.amazon.com/jp/summit-2017-tokyo/';

describe('grammar: [URL:title], [URL:embed], [URL:bookmark]', () => {
  it('[URL:title]: brackets, the URL as a link, the keyword', async () => {
    await expectScopes(`資料は [${URL}:title] です`,
      { text: '[', scopes: ['meta.link.title.hatena', 'punctuation.definition.tag.begin.hatena'] },
      { text: URL, scopes: ['meta.link.title.hatena', 'markup.underline.link.hatena'] },
      { text: ':title', scopes: ['meta.link.title.hatena'] },
      { text: 'title', scopes: ['keyword.other.title.hatena'] },
      { text: ']', scopes: ['punctuation.definition.tag.end.hatena'] },
      { text: ' です', hatena: false });
  });

  it('[URL:title=…]: the custom text is a link title, colons and all', async () => {
    await expectScopes('[https://aws.amazon.com/jp/blogs/news/:title=AWS ブログ: 最新情報]',
      { text: 'https://aws.amazon.com/jp/blogs/news/', scopes: ['markup.underline.link.hatena'] },
      { text: 'title', scopes: ['keyword.other.title.hatena'] },
      { text: '=', scopes: ['punctuation.separator.key-value.hatena'] },
      { text: 'AWS ブログ: 最新情報', scopes: ['string.other.link.title.hatena'] });
  });

  it('[URL:embed] and [URL:embed:cite]', async () => {
    await expectScopes('[https://www.youtube.com/watch?v=dQw4w9WgXcQ:embed]',
      { text: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', scopes: ['meta.embed.hatena', 'markup.underline.link.hatena'] },
      { text: 'embed', scopes: ['keyword.other.embed.hatena'] });
    await expectScopes(`[${URL}:embed:cite]`,
      { text: URL, scopes: ['markup.underline.link.hatena'] },
      { text: 'embed', scopes: ['meta.embed.hatena', 'keyword.other.embed.hatena'] },
      { text: 'cite', scopes: ['meta.embed.hatena', 'keyword.other.cite.hatena'] });
  });

  it('[URL:bookmark]', async () => {
    await expectScopes(`[${URL}:bookmark]`,
      { text: URL, scopes: ['meta.link.bookmark.hatena', 'markup.underline.link.hatena'] },
      { text: 'bookmark', scopes: ['keyword.other.bookmark.hatena'] });
  });

  it('keeps a port or a colon in the path as part of the URL', async () => {
    await expectScopes('[http://localhost:8080/a:b:embed]',
      { text: 'http://localhost:8080/a:b', scopes: ['markup.underline.link.hatena'], notScopes: ['keyword'] },
      { text: 'embed', scopes: ['keyword.other.embed.hatena'] });
  });

  it('leaves non-notation brackets to Markdown', async () => {
    await expectScopes('[https://example.com/:unknown] [ftp://example.com/:title] [https://:title] [https://example.com/]',
      { text: '[https://example.com/:unknown]', hatena: false },
      { text: '[ftp://example.com/:title]', hatena: false },
      { text: '[https://:title]', hatena: false },
      { text: '[https://example.com/]', hatena: false });
    await expectScopes('[AWS](https://example.com/:title)',
      { text: 'AWS', scopes: ['string.other.link.title.markdown'], hatena: false },
      { text: 'https://example.com/:title', scopes: ['markup.underline.link.markdown'], hatena: false });
  });
});
