import { expectScopes } from './expectScopes';

describe('grammar: ((footnotes)) and their escapes', () => {
  it('scopes the parentheses and the note text', async () => {
    await expectScopes('参加してきました((今年は4日間開催でした。))。',
      { text: '((', scopes: ['meta.footnote.hatena', 'punctuation.definition.tag.footnote.begin.hatena'] },
      { text: '今年は4日間開催でした。', scopes: ['meta.footnote.hatena', 'string.other.footnote.hatena'] },
      { text: '))', scopes: ['punctuation.definition.tag.footnote.end.hatena'] },
      { text: '参加してきました', hatena: false },
      { text: '。', occurrence: 1, hatena: false });
  });

  it('keeps Markdown inline inside the note: bold, links, code', async () => {
    await expectScopes('本文((**太字**と[資料](https://example.com/a)と`npm test`))',
      { text: '太字', scopes: ['string.other.footnote.hatena', 'markup.bold.markdown'] },
      { text: '資料', scopes: ['string.other.footnote.hatena', 'string.other.link.title.markdown'] },
      { text: 'https://example.com/a', scopes: ['string.other.footnote.hatena', 'markup.underline.link.markdown'] },
      { text: 'npm test', scopes: ['string.other.footnote.hatena', 'markup.inline.raw.string.markdown'] },
      { text: '))', scopes: ['punctuation.definition.tag.footnote.end.hatena'] });
  });

  it('keeps Hatena notation inside the note', async () => {
    await expectScopes('((id:yasay さんの [f:id:yasay:20170604220500j:plain] を参照))',
      { text: 'yasay', scopes: ['string.other.footnote.hatena', 'variable.parameter.user.hatena'] },
      { text: '20170604220500', scopes: ['meta.footnote.hatena', 'constant.numeric.date-time.fotolife.hatena'] });
  });

  it('ends at the first )) as Hatena does', async () => {
    await expectScopes('((a (b))c)',
      { text: 'a (b', scopes: ['string.other.footnote.hatena'] },
      { text: 'c)', hatena: false });
  });

  it('treats )((x))( and (((x))) as escapes that print ((x)), not notes', async () => {
    await expectScopes('エスケープ: )((脚注ではない))( と (((これも)))',
      { text: ')', scopes: ['meta.footnote.escaped.hatena', 'constant.character.escape.footnote.hatena'] },
      { text: '脚注ではない', scopes: ['meta.footnote.escaped.hatena'], notScopes: ['meta.footnote.hatena', 'string.other.footnote.hatena'] },
      { text: '))(', scopes: ['meta.footnote.escaped.hatena'] },
      { text: '(((', notScopes: ['punctuation.definition.tag.footnote.begin.hatena'] },
      { text: 'これも', scopes: ['meta.footnote.escaped.hatena'], notScopes: ['string.other.footnote.hatena'] });
  });

  it('a (( inside a bare URL opens no note (linkify takes the URL first)', async () => {
    await expectScopes('https://example.com/((a)) と **https://example.com/a((b))** と https://example.com/a ((注))',
      { text: '((a))', hatena: false },
      { text: 'a((b))', hatena: false, scopes: ['markup.bold.markdown'] },
      { text: '**', occurrence: 1, scopes: ['punctuation.definition.bold.markdown'] },
      { text: '注', scopes: ['string.other.footnote.hatena'] });
  });

  it('leaves unclosed, empty and blank parentheses alone', async () => {
    await expectScopes('((閉じていない注 と (()) と ((  )) と (ふつうの括弧)',
      { text: '((閉じていない注', hatena: false },
      { text: '(())', hatena: false },
      { text: '((  ))', hatena: false },
      { text: '(ふつうの括弧)', hatena: false });
  });
});
