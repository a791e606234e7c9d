import { expectScopes } from './expectScopes';

const IMAGE = '[f:id:yasay:20170604220500j:plain]';
const STAMP = { text: '20170604220500', scopes: ['constant.numeric.date-time.fotolife.hatena'] };

describe('grammar: notation in every Markdown context, and Markdown around it intact', () => {
  it('paragraphs: a notation at the start of a line does not swallow the rest of the line\'s Markdown', async () => {
    // Block level must stay Markdown's: the injection only runs inside paragraphs, so **bold** after it still works.
    await expectScopes(`id:yasay さんの **発表** です\n${IMAGE} **写真** と [リンク](https://example.com/)\n((注)) _強調_`,
      { text: 'yasay', scopes: ['meta.paragraph.markdown', 'variable.parameter.user.hatena'] },
      { text: '発表', scopes: ['meta.paragraph.markdown', 'markup.bold.markdown'] },
      { ...STAMP, scopes: [...STAMP.scopes, 'meta.paragraph.markdown'] },
      { text: '写真', scopes: ['markup.bold.markdown'] },
      { text: 'https://example.com/', scopes: ['markup.underline.link.markdown'] },
      { text: '注', scopes: ['string.other.footnote.hatena'] },
      { text: '強調', scopes: ['markup.italic.markdown'] });
  });

  it('headings (ATX, all levels) and setext', async () => {
    for (const level of ['#', '##', '###', '######']) {
      await expectScopes(`${level} id:yasay と ${IMAGE} ((注))`,
        { text: 'yasay', scopes: ['markup.heading.markdown', 'variable.parameter.user.hatena'] },
        { ...STAMP, scopes: [...STAMP.scopes, 'entity.name.section.markdown'] },
        { text: '注', scopes: ['string.other.footnote.hatena'] });
    }
    await expectScopes('見出し id:yasay\n===', { text: 'yasay', scopes: ['variable.parameter.user.hatena'] });
  });

  it('lists: bullets, numbers, nested, continuation lines', async () => {
    await expectScopes(`- ${IMAGE}\n- id:yasay **太字**\n  - ((ネストした注))\n1. [google:q]\n2) [tex:x]\n   続きの id:cont`,
      { ...STAMP, scopes: [...STAMP.scopes, 'markup.list.unnumbered.markdown'] },
      { text: 'yasay', occurrence: 1, scopes: ['markup.list.unnumbered.markdown', 'variable.parameter.user.hatena'] },
      { text: '太字', scopes: ['markup.bold.markdown'] },
      { text: 'ネストした注', scopes: ['string.other.footnote.hatena'] },
      { text: 'google', scopes: ['markup.list.numbered.markdown', 'entity.name.tag.google.hatena'] },
      { text: 'tex', scopes: ['entity.name.tag.tex.hatena'] },
      { text: 'cont', scopes: ['variable.parameter.user.hatena'] });
  });

  it('block quotes, nested, with a list inside', async () => {
    await expectScopes(`> ${IMAGE} **引用**\n> > id:nested\n> - ((リスト内の注))`,
      { ...STAMP, scopes: [...STAMP.scopes, 'markup.quote.markdown'] },
      { text: '引用', scopes: ['markup.bold.markdown'] },
      { text: 'nested', scopes: ['markup.quote.markdown', 'variable.parameter.user.hatena'] },
      { text: 'リスト内の注', scopes: ['string.other.footnote.hatena'] });
  });

  it('tables: header and body cells', async () => {
    await expectScopes(`| 写真 | 登壇者 |\n|---|---|\n| ${IMAGE} | id:yasay ((注)) |`,
      { ...STAMP, scopes: [...STAMP.scopes, 'markup.table.markdown'] },
      { text: 'yasay', occurrence: 1, scopes: ['markup.table.markdown', 'variable.parameter.user.hatena'] },
      { text: '注', scopes: ['string.other.footnote.hatena'] },
      { text: '|', occurrence: 6, scopes: ['punctuation.definition.table.markdown'], hatena: false });
  });

  it('tables: a cell that starts with notation right after | keeps the Markdown after it', async () => {
    await expectScopes(`|id:yasay **一**|((注)) **二**|${IMAGE} **三**|\n|:--|:-:|--:|\n|[google:q] _四_|[tex:x] **五**|\\|id:esc|`,
      { text: 'yasay', scopes: ['markup.table.markdown', 'variable.parameter.user.hatena'] },
      { text: '一', scopes: ['markup.bold.markdown'] },
      { text: '注', scopes: ['string.other.footnote.hatena'] },
      { text: '二', scopes: ['markup.bold.markdown'] },
      STAMP,
      { text: '三', scopes: ['markup.bold.markdown'] },
      { text: ':--', scopes: ['punctuation.separator.table.markdown'], hatena: false },
      { text: ':-:', scopes: ['punctuation.separator.table.markdown'], hatena: false },
      { text: 'google', scopes: ['entity.name.tag.google.hatena'] },
      { text: '四', scopes: ['markup.italic.markdown'] },
      { text: 'tex', scopes: ['entity.name.tag.tex.hatena'] },
      { text: '五', scopes: ['markup.bold.markdown'] },
      { text: 'esc', scopes: ['variable.parameter.user.hatena'] },
      { text: '|', occurrence: 1, scopes: ['punctuation.definition.table.markdown'], hatena: false });
  });

  it('without the injection none of this is scoped (the assertions above depend on our grammar)', async () => {
    const { loadMarkdownGrammar, tokenizeDocument } = await import('./textmate');
    const plain = await loadMarkdownGrammar({ injections: false });
    const tokens = tokenizeDocument(plain, `id:yasay ${IMAGE} ((注))\n\n<!-- more -->`).flat();
    const hatena = tokens.flatMap((t) => t.scopes).filter((s) => s.endsWith('.hatena'));
    if (hatena.length > 0) throw new Error(`baseline has Hatena scopes: ${hatena.join(', ')}`);
  });
});
