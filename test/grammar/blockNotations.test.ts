import { expectScopes } from './expectScopes';

describe('grammar: [:contents] and <!-- more -->', () => {
  it('[:contents] on a line of its own', async () => {
    await expectScopes('[:contents]',
      { text: '[', scopes: ['meta.table-of-contents.hatena', 'punctuation.definition.tag.begin.hatena'] },
      { text: ':', scopes: ['punctuation.separator.colon.hatena'] },
      { text: 'contents', scopes: ['meta.table-of-contents.hatena', 'entity.name.tag.contents.hatena'] },
      { text: ']', scopes: ['punctuation.definition.tag.end.hatena'] });
    await expectScopes('> [:contents]  ', { text: 'contents', scopes: ['entity.name.tag.contents.hatena'] });
  });

  it('[:contents] inside prose is not a table of contents (the renderer agrees)', async () => {
    await expectScopes('目次は [:contents] にあります', { text: '[:contents]', hatena: false });
    await expectScopes('| [:contents] |\n|---|', { text: '[:contents]', hatena: false });
  });

  it('[:contents] inside an HTML comment spanning lines is part of the comment', async () => {
    await expectScopes('<!--\n[:contents]\n-->\n\n[:contents]',
      { text: '[:contents]', scopes: ['comment.block.html'], hatena: false },
      { text: 'contents', occurrence: 1, scopes: ['entity.name.tag.contents.hatena'], notScopes: ['comment'] });
    // Not so a `<!--` left open in a paragraph: `[:contents]` interrupts the paragraph, which ends the comment.
    await expectScopes('- 目次 <!--\n  [:contents]\n  -->', { text: '[:contents]', notScopes: ['comment'] });
  });

  it('<!-- more --> on its own line is the 続きを読む cut, not a comment', async () => {
    await expectScopes('導入文です。\n\n<!-- more -->\n\n本文です。',
      { text: '<!--', scopes: ['meta.separator.more.hatena', 'punctuation.definition.tag.begin.more.hatena'], notScopes: ['comment'] },
      { text: 'more', scopes: ['keyword.control.more.hatena'], notScopes: ['comment'] },
      { text: '-->', scopes: ['punctuation.definition.tag.end.more.hatena'], notScopes: ['comment'] },
      { text: '本文です。', hatena: false, notScopes: ['comment'] });
  });

  it('accepts the spellings the renderer accepts: spacing, case, indent up to three, in quotes and lists', async () => {
    for (const line of ['<!--more-->', '<!--  MORE  -->  ', '   <!-- more -->', '> <!-- more -->', '- <!-- more -->']) {
      await expectScopes(line, { text: line.includes('MORE') ? 'MORE' : 'more', scopes: ['keyword.control.more.hatena'] });
    }
  });

  it('every other HTML comment stays a plain comment', async () => {
    await expectScopes('<!-- more than one -->\n\n<!-- id:yasay [f:id:yasay:20170604220500j:plain] -->\n\n    <!-- more -->',
      { text: 'more than one', scopes: ['comment.block.html'], hatena: false },
      { text: 'id:yasay', scopes: ['comment.block.html'], hatena: false },
      { text: '20170604220500', scopes: ['comment.block.html'], hatena: false },
      { text: 'more', occurrence: 1, scopes: ['markup.raw.block.markdown'], hatena: false });
    await expectScopes('本文 <!-- more --> の途中', { text: 'more', scopes: ['comment.block.html'], hatena: false });
  });
});
