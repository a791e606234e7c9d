import { expectScopes } from './expectScopes';

const IMAGE = 'meta.image.fotolife.hatena';

describe('grammar: Fotolife [f:id:…]', () => {
  it('scopes every part of [f:id:yasay:20170604220500j:plain:w350]', async () => {
    await expectScopes(
      '[f:id:yasay:20170604220500j:plain:w350]',
      { text: '[', scopes: [IMAGE, 'punctuation.definition.tag.begin.hatena'] },
      { text: 'f:id', scopes: [IMAGE, 'entity.name.tag.fotolife.hatena'] },
      { text: ':', occurrence: 1, scopes: ['punctuation.separator.colon.hatena'] },
      { text: 'yasay', scopes: [IMAGE, 'variable.parameter.user.hatena'] },
      { text: ':', occurrence: 2, scopes: ['punctuation.separator.colon.hatena'] },
      { text: '20170604220500', scopes: [IMAGE, 'constant.numeric.date-time.fotolife.hatena'] },
      { text: 'j', occurrence: 0, scopes: ['storage.type.image-format.fotolife.hatena'] },
      { text: 'plain', scopes: [IMAGE, 'keyword.other.display.plain.fotolife.hatena'] },
      { text: 'w', scopes: ['entity.other.attribute-name.width.fotolife.hatena'] },
      { text: '350', scopes: ['constant.numeric.integer.width.fotolife.hatena'] },
      { text: ']', scopes: [IMAGE, 'punctuation.definition.tag.end.hatena'] },
      { text: '[f:id:yasay:20170604220500j:plain:w350]', notScopes: ['invalid'] },
    );
  });

  it('knows every image format letter and display kind', async () => {
    for (const letter of ['j', 'p', 'g', 'f']) {
      await expectScopes(`[f:id:yasay:20170604220500${letter}:image]`,
        { text: `0${letter}`, notScopes: ['invalid'] },
        { text: letter, occurrence: letter === 'f' ? 1 : 0, scopes: ['storage.type.image-format.fotolife.hatena'] });
    }
    for (const kind of ['plain', 'image', 'movie']) {
      await expectScopes(`[f:id:yasay:20170604220500p:${kind}]`, { text: kind, scopes: [`keyword.other.display.${kind}.fotolife.hatena`] });
    }
  });

  it('gives each option its own scope: w, h, left, right, small, medium, title=, alt=', async () => {
    await expectScopes(
      '[f:id:yasay:20170604220500j:plain:w350:h200:left:small:title=会場の様子: 2 日目:alt=ステージ]',
      { text: 'w', scopes: ['entity.other.attribute-name.width.fotolife.hatena'] },
      { text: '350', scopes: ['constant.numeric.integer.width.fotolife.hatena'] },
      { text: 'h', scopes: ['entity.other.attribute-name.height.fotolife.hatena'] },
      { text: '200', scopes: ['constant.numeric.integer.height.fotolife.hatena'] },
      { text: 'left', scopes: ['constant.language.align.left.fotolife.hatena'] },
      { text: 'small', scopes: ['constant.language.size.small.fotolife.hatena'] },
      { text: 'title', scopes: ['entity.other.attribute-name.title.fotolife.hatena'] },
      { text: '=', scopes: ['punctuation.separator.key-value.hatena'] },
      // A title runs to the next option, so it may hold a colon (as the renderer reads it).
      { text: '会場の様子: 2 日目', scopes: ['string.unquoted.title.fotolife.hatena'] },
      { text: 'alt', scopes: ['entity.other.attribute-name.alt.fotolife.hatena'] },
      { text: 'ステージ', scopes: ['string.unquoted.alt.fotolife.hatena'] },
      { text: '[f:id:yasay:20170604220500j:plain:w350:h200:left:small', notScopes: ['invalid'] },
    );
    await expectScopes('[f:id:yasay:20170604220500j:image:right:medium]',
      { text: 'right', scopes: ['constant.language.align.right.fotolife.hatena'] },
      { text: 'medium', scopes: ['constant.language.size.medium.fotolife.hatena'] });
  });

  it('marks 13 or 15 digits, impossible timestamps and a missing letter invalid.illegal on that part only', async () => {
    for (const id of ['2017060422050', '201706042205001', '20171304220500', '20170230220500', '20170604250000', '20170229220500']) {
      await expectScopes(`[f:id:yasay:${id}j:plain]`,
        { text: id, scopes: ['invalid.illegal.date-time.fotolife.hatena'], notScopes: ['constant.numeric'] },
        { text: 'yasay', notScopes: ['invalid'] },
        { text: 'j', scopes: ['storage.type.image-format.fotolife.hatena'] },
        { text: 'plain', notScopes: ['invalid'] });
    }
    // 2016 is a leap year: 29 February is a real upload time.
    await expectScopes('[f:id:yasay:20160229220500j:plain]', { text: '20160229220500', scopes: ['constant.numeric.date-time.fotolife.hatena'] });
    await expectScopes('[f:id:yasay:20170604220500:plain]',
      { text: '20170604220500', scopes: ['invalid.illegal.missing-image-type.fotolife.hatena'] });
  });

  it('marks an unknown format letter, user id or option invalid.illegal', async () => {
    await expectScopes('[f:id:yasay:20170604220500x:plain]',
      { text: '20170604220500', scopes: ['constant.numeric.date-time.fotolife.hatena'] },
      { text: 'x', scopes: ['invalid.illegal.image-format.fotolife.hatena'] });
    await expectScopes('[f:id:yasay:20170604220500J:plain]', { text: 'J', scopes: ['invalid.illegal.image-format.fotolife.hatena'] });
    await expectScopes('[f:id:1user:20170604220500j:plain]', { text: '1user', scopes: ['invalid.illegal.user.fotolife.hatena'] });
    await expectScopes('[f:id:ab:20170604220500j:plain]', { text: 'ab', scopes: ['invalid.illegal.user.fotolife.hatena'] });
    await expectScopes('[f:id:yasay:20170604220500j:plain:w0:center:w123456]',
      { text: 'w0', scopes: ['invalid.illegal.option.fotolife.hatena'] },
      { text: 'center', scopes: ['invalid.illegal.option.fotolife.hatena'] },
      { text: 'w123456', scopes: ['invalid.illegal.option.fotolife.hatena'] },
      { text: 'plain', notScopes: ['invalid'] });
    await expectScopes('[f:id:yasay]', { text: 'yasay', scopes: [IMAGE, 'invalid.illegal.fotolife.hatena'] });
  });

  it('flags the empty part, the second display kind, a letter inside the id (each form the renderer rejects)', async () => {
    // An empty part has no text to scope: the colon that opens it is flagged.
    await expectScopes('[f:id::20170604220500j:plain]',
      { text: ':', occurrence: 1, scopes: [IMAGE, 'invalid.illegal.user.fotolife.hatena'] },
      { text: ':', occurrence: 2, scopes: ['punctuation.separator.colon.hatena'], notScopes: ['invalid'] },
      { text: '20170604220500j', notScopes: ['invalid'] });
    await expectScopes('[f:id:yasay::plain]',
      { text: 'yasay', notScopes: ['invalid'] },
      { text: ':', occurrence: 2, scopes: ['invalid.illegal.date-time.fotolife.hatena'] },
      { text: ':', occurrence: 3, notScopes: ['invalid'] },
      { text: 'plain', scopes: ['keyword.other.display.plain.fotolife.hatena'] });
    await expectScopes('[f:id:yasay:]', { text: ':', occurrence: 2, scopes: ['invalid.illegal.date-time.fotolife.hatena'] });
    await expectScopes('[f:id:yasay:20170604220500j::plain]',
      { text: ':', occurrence: 3, scopes: ['invalid.illegal.option.fotolife.hatena'] },
      { text: ':', occurrence: 4, notScopes: ['invalid'] },
      { text: 'plain', notScopes: ['invalid'] });
    await expectScopes('[f:id:yasay:20170604220500j:plain:]',
      { text: 'plain', notScopes: ['invalid'] },
      { text: ':]', scopes: [IMAGE] },
      { text: ':', occurrence: 4, scopes: ['invalid.illegal.option.fotolife.hatena'] });
    await expectScopes('[f:id:yasay:20170604220500j:plain:image] [f:id:yasay:20170604220500j:movie:w300:plain]',
      { text: 'plain', scopes: ['keyword.other.display.plain.fotolife.hatena'], notScopes: ['invalid'] },
      { text: 'image', scopes: ['invalid.illegal.option.fotolife.hatena'] },
      { text: 'movie', scopes: ['keyword.other.display.movie.fotolife.hatena'] },
      { text: '300', scopes: ['constant.numeric.integer.width.fotolife.hatena'] },
      { text: 'plain', occurrence: 1, scopes: ['invalid.illegal.option.fotolife.hatena'] });
    // A title runs up to the next option, so a kind after it is still the first kind.
    await expectScopes('[f:id:yasay:20170604220500j:title=a:plain]', { text: 'plain', scopes: ['keyword.other.display.plain.fotolife.hatena'] });
    await expectScopes('[f:id:yasay:2017O604220500j:plain]',
      { text: '2017O604220500', scopes: ['invalid.illegal.date-time.fotolife.hatena'] },
      { text: 'j', scopes: ['storage.type.image-format.fotolife.hatena'], notScopes: ['invalid'] },
      { text: 'plain', notScopes: ['invalid'] });
  });

  it('the forms it accepts with a colon inside are images to the renderer too: no flag', async () => {
    // `title=` values may end in or hold a colon (`a:` and `a::b` are the titles the renderer reads).
    for (const image of ['[f:id:yasay:20170604220500j:plain:title=a:]', '[f:id:yasay:20170604220500j:title=a::b]', '[f:id:yasay:20170604220500j]']) {
      await expectScopes(image, { text: image, notScopes: ['invalid'] });
    }
  });

  it('leaves unclosed and look-alike brackets alone', async () => {
    // Unclosed, it is no image (the renderer then reads `id:yasay` as a user link, and so does the grammar).
    await expectScopes('[f:id:yasay:20170604220500j:plain の続き',
      { text: '[f:', hatena: false },
      { text: '20170604220500j:plain', hatena: false });
    await expectScopes('[f:idyasay:20170604220500j:plain]', { text: 'yasay', hatena: false });
    await expectScopes('[F:ID:yasay:20170604220500j:plain]', { text: 'yasay', hatena: false });
  });

  it('highlights the image in the caption <figure> HTML Hatena\'s editor writes, where the renderer expands it too', async () => {
    await expectScopes(
      '<figure class="figure-image figure-image-fotolife" title="展示ブース">[f:id:yasay:20170604224500j:plain:w500]<figcaption>展示ブース</figcaption></figure>',
      { text: 'figure-image', scopes: ['string.quoted.double.html'], hatena: false },
      { text: '20170604224500', scopes: [IMAGE, 'constant.numeric.date-time.fotolife.hatena'] },
      { text: '500', occurrence: 1, scopes: ['constant.numeric.integer.width.fotolife.hatena'] },
      { text: 'figcaption', scopes: ['entity.name.tag.html'] });
    // Only right after a tag: a quote marker is no tag, and the line stays a paragraph with its Markdown.
    await expectScopes('>[f:id:yasay:20170604220500j:plain] **太字**',
      { text: '20170604220500', scopes: ['meta.paragraph.markdown', 'constant.numeric.date-time.fotolife.hatena'] },
      { text: '太字', scopes: ['markup.bold.markdown'] });
  });

  it('highlights images side by side and inside a Markdown link', async () => {
    await expectScopes('[f:id:yasay:20170604223015j:plain:small] [f:id:yasay:20170604223020j:plain:medium]',
      { text: '20170604223015', scopes: ['constant.numeric.date-time.fotolife.hatena'] },
      { text: '20170604223020', scopes: ['constant.numeric.date-time.fotolife.hatena'] });
    await expectScopes('[[f:id:yasay:20170604220500j:plain]](https://example.com/)',
      { text: '20170604220500', scopes: ['constant.numeric.date-time.fotolife.hatena'] },
      { text: 'https://example.com/', scopes: ['markup.underline.link.markdown'] });
  });
});
