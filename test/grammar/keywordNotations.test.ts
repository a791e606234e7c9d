import * as assert from 'node:assert/strict';
import { createHatenaRenderer } from '../../src/hatena';
import { expectScopes } from './expectScopes';

describe('grammar: [tex:…], id:user, [google:…], [wikipedia:…], [amazon:…], [asin:…], [isbn:…]', () => {
  it('[tex:…] with nested brackets; escaped \\_ is an escape, an unescaped _ * ^ is flagged', async () => {
    await expectScopes('損失は [tex:L = -\\sum\\_i \\sqrt[3]{x^2}] です',
      { text: '[', scopes: ['meta.math.tex.hatena', 'punctuation.definition.tag.begin.hatena'] },
      { text: 'tex', scopes: ['entity.name.tag.tex.hatena'] },
      { text: 'L = -', scopes: ['string.other.math.tex.hatena'] },
      { text: '\\_', scopes: ['constant.character.escape.tex.hatena'] },
      { text: '[3]', scopes: ['meta.math.tex.hatena', 'string.other.math.tex.hatena'] },
      { text: '^', scopes: ['invalid.deprecated.unescaped.tex.hatena'] },
      { text: '}]', scopes: ['meta.math.tex.hatena'] },
      { text: ']', occurrence: 1, scopes: ['punctuation.definition.tag.end.hatena'] },
      { text: ' です', hatena: false });
  });

  it('[tex:…] content is opaque: no notation inside', async () => {
    await expectScopes('[tex:id:yasay ((x))]',
      { text: 'yasay', scopes: ['string.other.math.tex.hatena'], notScopes: ['meta.link.user.hatena'] },
      { text: '((x))', notScopes: ['meta.footnote.hatena'] });
    await expectScopes('[tex:] と [tex:\\sqrt[3]{x}', { text: '[tex:]', hatena: false }, { text: '[3]', hatena: false });
  });

  it('id:user, id:user:detail, id:user:image', async () => {
    await expectScopes('登壇は id:yasay さん、id:aws-jp:detail さん、id:serverless_taro:image さん',
      { text: 'id', scopes: ['meta.link.user.hatena', 'entity.name.tag.id.hatena'] },
      { text: ':', scopes: ['punctuation.separator.colon.hatena'] },
      { text: 'yasay', scopes: ['variable.parameter.user.hatena'] },
      { text: 'aws-jp', scopes: ['variable.parameter.user.hatena'] },
      { text: 'detail', scopes: ['keyword.other.detail.hatena'] },
      { text: 'serverless_taro', scopes: ['variable.parameter.user.hatena'] },
      { text: 'image', scopes: ['keyword.other.image.hatena'] },
      { text: ' さん', hatena: false });
  });

  it('id: right after Japanese text, inside emphasis and parentheses', async () => {
    await expectScopes('発表者はid:yasayです（id:foo-bar）。**id:bold_user** (id:paren)',
      { text: 'yasay', scopes: ['variable.parameter.user.hatena'] },
      { text: 'foo-bar', scopes: ['variable.parameter.user.hatena'] },
      { text: 'bold_user', scopes: ['variable.parameter.user.hatena', 'markup.bold.markdown'] },
      { text: 'paren', scopes: ['variable.parameter.user.hatena'] });
  });

  it('id: never fires inside a word, a URL, an address, or for ids Hatena cannot have', async () => {
    await expectScopes('myid:foo https://example.com/id:foo https://example.com/?user=id:foo a.id:foo mail@id:foo',
      { text: 'myid:foo', hatena: false },
      { text: 'https://example.com/id:foo', hatena: false },
      { text: 'https://example.com/?user=id:foo', hatena: false },
      { text: 'a.id:foo', hatena: false },
      { text: 'mail@id:foo', hatena: false });
    // After a colon, as in a backslash-escaped image `\\[f:id:…]` (Markdown prints it as text) or a broken one.
    await expectScopes('\\[f:id:yasay:20170604220500j:plain] と f:id:yasay と x:id:foo と id:live',
      { text: '[f:id:yasay:20170604220500j:plain]', hatena: false },
      { text: 'f:id:yasay', hatena: false },
      { text: 'x:id:foo', hatena: false },
      { text: 'live', scopes: ['variable.parameter.user.hatena'] });
    await expectScopes('id:ab id:1abc id:' + 'a'.repeat(33) + ' id:',
      { text: 'id:ab', hatena: false },
      { text: 'id:1abc', hatena: false },
      { text: 'a'.repeat(33), hatena: false });
    // Trailing _ and - belong to the prose, as in the renderer.
    await expectScopes('id:yasay_ と id:foo-', { text: 'yasay', scopes: ['variable.parameter.user.hatena'] },
      { text: '_', notScopes: ['variable'] }, { text: 'foo', scopes: ['variable.parameter.user.hatena'] }, { text: '-', notScopes: ['variable'] });
  });

  it('[google:…] and [google:search|image|news:…]', async () => {
    await expectScopes('[google:はてなブログ] [google:search:AWS Summit Tokyo 2017] [google:image:東京タワー]',
      { text: 'google', scopes: ['meta.link.google.hatena', 'entity.name.tag.google.hatena'] },
      { text: 'はてなブログ', scopes: ['string.unquoted.query.hatena'] },
      { text: 'search', scopes: ['keyword.other.search.hatena'] },
      { text: 'AWS Summit Tokyo 2017', scopes: ['string.unquoted.query.hatena'] },
      { text: 'image', scopes: ['keyword.other.image.hatena'] },
      { text: '東京タワー', scopes: ['string.unquoted.query.hatena'] });
    await expectScopes('[google:] [google:   ]', { text: '[google:]', hatena: false }, { text: '[google:   ]', hatena: false });
  });

  it('a bracket notation ends at its first `]`, backticks or not (the body is not Markdown; the renderer agrees)', async () => {
    const doc = '[google:a `]` b]';
    assert.match(createHatenaRenderer().render(doc).html, />google:a `<\/a>` b\]/);
    await expectScopes(doc,
      { text: 'a `', scopes: ['string.unquoted.query.hatena'] },
      { text: ']', scopes: ['punctuation.definition.tag.end.hatena'] },
      { text: '` b]', hatena: false, notScopes: ['markup.inline.raw'] });
  });

  it('[wikipedia:…] and [wikipedia:en:…]', async () => {
    await expectScopes('[wikipedia:Amazon Web Services] [wikipedia:en:Serverless computing]',
      { text: 'wikipedia', scopes: ['meta.link.wikipedia.hatena', 'entity.name.tag.wikipedia.hatena'] },
      { text: 'Amazon Web Services', scopes: ['string.unquoted.query.hatena'] },
      { text: 'en', scopes: ['constant.language.language-code.hatena'] },
      { text: 'Serverless computing', scopes: ['string.unquoted.query.hatena'], notScopes: ['constant'] });
  });

  it('[amazon:…]', async () => {
    await expectScopes('[amazon:AWS 実践入門]',
      { text: 'amazon', scopes: ['meta.link.amazon.hatena', 'entity.name.tag.amazon.hatena'] },
      { text: 'AWS 実践入門', scopes: ['string.unquoted.query.hatena'] });
  });

  it('[asin:…] and [asin:…:detail]; a malformed ASIN or option is invalid.illegal', async () => {
    await expectScopes('[asin:4774176737] [asin:B00EXAMPLE:detail] [asin:123:detail] [asin:4774176737:image]',
      { text: 'asin', scopes: ['meta.link.asin.hatena', 'entity.name.tag.asin.hatena'] },
      { text: '4774176737', scopes: ['constant.numeric.asin.hatena'] },
      { text: 'B00EXAMPLE', scopes: ['constant.numeric.asin.hatena'] },
      { text: 'detail', scopes: ['keyword.other.detail.hatena'] },
      { text: '123', scopes: ['invalid.illegal.asin.hatena'] },
      { text: 'image', scopes: ['invalid.illegal.option.asin.hatena'] });
  });

  it('[isbn:…] with or without hyphens; a malformed ISBN is invalid.illegal', async () => {
    await expectScopes('[isbn:978-4-7741-4204-4] [isbn:477414204X:title] [isbn:12345]',
      { text: 'isbn', scopes: ['meta.link.isbn.hatena', 'entity.name.tag.isbn.hatena'] },
      { text: '978-4-7741-4204-4', scopes: ['constant.numeric.isbn.hatena'] },
      { text: '477414204X', scopes: ['constant.numeric.isbn.hatena'] },
      { text: 'title', scopes: ['keyword.other.title.hatena'] },
      { text: '12345', scopes: ['invalid.illegal.isbn.hatena'] });
  });
});
