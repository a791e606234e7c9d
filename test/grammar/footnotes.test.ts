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

  it('keeps the rest of Markdown inline inside the note with Markdown\'s scopes', async () => {
    await expectScopes('((***両方*** _斜体_ __太字__ ~~取消~~ ![画像](a.png) <https://example.com/x> [ref][r] \\*非強調\\*))',
      { text: '両方', scopes: ['string.other.footnote.hatena', 'markup.bold.markdown', 'markup.italic.markdown'] },
      { text: '斜体', scopes: ['markup.italic.markdown'] },
      { text: '太字', scopes: ['markup.bold.markdown'] },
      { text: '取消', scopes: ['markup.strikethrough.markdown'] },
      { text: '画像', scopes: ['meta.image.inline.markdown', 'string.other.link.description.markdown'] },
      { text: 'a.png', scopes: ['markup.underline.link.image.markdown'] },
      { text: 'https://example.com/x', scopes: ['meta.link.inet.markdown', 'markup.underline.link.markdown'] },
      { text: 'ref', scopes: ['meta.link.reference.markdown', 'string.other.link.title.markdown'] },
      { text: '\\*', scopes: ['constant.character.escape.markdown'] },
      { text: '非強調', notScopes: ['markup.italic.markdown'] },
      { text: '))', scopes: ['punctuation.definition.tag.footnote.end.hatena'] });
  });

  it('Markdown inside a note cannot run past its closing )) (the renderer parses the note\'s text alone)', async () => {
    await expectScopes('本文((**注))と**太字**です',
      { text: '**注', scopes: ['string.other.footnote.hatena'], notScopes: ['markup.bold.markdown'] },
      { text: '))', scopes: ['punctuation.definition.tag.footnote.end.hatena'] },
      { text: 'と', hatena: false, notScopes: ['markup.bold.markdown'] },
      { text: '太字', scopes: ['markup.bold.markdown'], hatena: false });
    await expectScopes('((a *b))c*d',
      { text: 'a *b', scopes: ['string.other.footnote.hatena'], notScopes: ['markup.italic.markdown'] },
      { text: 'c*d', hatena: false, notScopes: ['markup.italic.markdown'] });
    await expectScopes('((a ~~b))c~~ と ((d [e](f))g))',
      { text: 'b', scopes: ['string.other.footnote.hatena'], notScopes: ['markup.strikethrough.markdown'] },
      { text: 'c~~', hatena: false, notScopes: ['markup.strikethrough.markdown'] },
      { text: '(f', scopes: ['string.other.footnote.hatena'], notScopes: ['meta.link.inline.markdown'] },
      { text: 'g))', hatena: false });
    // The link's ) and the note's )) make `)))`: the note ends at the first two, so there is no link in it.
    await expectScopes('((注 [リンク](https://example.com/a_(b))) **b**',
      { text: 'https://example.com/a_(b', scopes: ['string.other.footnote.hatena'], notScopes: ['meta.link.inline.markdown'] },
      { text: '))', scopes: ['punctuation.definition.tag.footnote.end.hatena'] },
      { text: ') ', hatena: false },
      { text: 'b', occurrence: 1, scopes: ['markup.bold.markdown'], hatena: false });
    await expectScopes('((see [資料](https://example.com/a))の通り',
      { text: 'https://example.com/a', scopes: ['string.other.footnote.hatena'], notScopes: ['meta.link.inline.markdown'] },
      { text: 'の通り', hatena: false });
    // A span whose closer a nested link takes ends at the note's )) all the same.
    await expectScopes('((**a [b**](u) c)) d**',
      { text: 'b**', scopes: ['markup.bold.markdown', 'meta.link.inline.markdown'] },
      { text: '))', scopes: ['punctuation.definition.tag.footnote.end.hatena'] },
      { text: ' d**', hatena: false, notScopes: ['markup.bold.markdown'] });
  });

  it('a code span protects )) inside a note, as in the renderer; an escape does not', async () => {
    await expectScopes('((注 `code))` 続き)) 後',
      { text: 'code))', scopes: ['string.other.footnote.hatena', 'markup.inline.raw.string.markdown'] },
      { text: '続き', scopes: ['string.other.footnote.hatena'] },
      { text: '))', occurrence: 1, scopes: ['punctuation.definition.tag.footnote.end.hatena'] },
      { text: '後', hatena: false });
    await expectScopes('((a ``x `)) y`` b))',
      { text: 'x `)) y', scopes: ['markup.inline.raw.string.markdown', 'string.other.footnote.hatena'] },
      { text: 'b', scopes: ['string.other.footnote.hatena'] });
    // A )) inside a code span does not close the note: without another one there is no note.
    await expectScopes('((a `b))` c\n\n((d `e))` f))',
      { text: '((a', hatena: false },
      { text: 'e))', scopes: ['string.other.footnote.hatena', 'markup.inline.raw.string.markdown'] },
      { text: ' f', scopes: ['string.other.footnote.hatena'] });
    // A backtick without its closer is text: the first )) ends the note.
    await expectScopes('((a `b)) c', { text: 'a `b', scopes: ['string.other.footnote.hatena'] }, { text: 'c', hatena: false });
    await expectScopes('((a\\))b))', { text: 'a\\', scopes: ['string.other.footnote.hatena'] }, { text: 'b))', hatena: false });
  });

  it('notation inside a note cannot run past its )) either', async () => {
    await expectScopes('((注 [f:id:yasay:20170604220500j:plain)) ] と ((題 [https://example.com/:title=f(g(x))]))',
      { text: '20170604220500', scopes: ['string.other.footnote.hatena'], notScopes: ['meta.image.fotolife.hatena'] },
      { text: ' ]', hatena: false },
      { text: 'https://example.com/', scopes: ['string.other.footnote.hatena'], notScopes: ['meta.link.title.hatena'] });
    // The renderer agrees: a note `a [tex:x`, then `[google:q))]` is a search link in the paragraph.
    await expectScopes('((a [tex:x))] と [google:q))]))',
      { text: 'x', scopes: ['string.other.footnote.hatena'], notScopes: ['meta.math.tex.hatena'] },
      { text: '] と ', hatena: false },
      { text: 'q))', scopes: ['string.unquoted.query.hatena'], notScopes: ['meta.footnote.hatena'] },
      { text: '))', occurrence: 2, hatena: false });
    // Outside a note the same )) is ordinary text of the notation.
    await expectScopes('[https://example.com/:title=f(g(x))]', { text: 'f(g(x))', scopes: ['string.other.link.title.hatena'] });
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

  it('Markdown around an escape is the paragraph\'s (the renderer prints the escape as text and reads on)', async () => {
    await expectScopes('(((**a))) b** と )((*c))( d*',
      { text: 'a', scopes: ['meta.footnote.escaped.hatena', 'markup.bold.markdown'] },
      { text: ' b', scopes: ['markup.bold.markdown'] },
      { text: ' d', scopes: ['markup.italic.markdown'] });
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
