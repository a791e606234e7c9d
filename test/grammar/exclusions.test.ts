import { expectScopes } from './expectScopes';

// One line with every notation: each test below puts it where Markdown says "this is code" or "this is a comment".
const ALL = 'id:yasay [f:id:yasay:20170604220500j:plain] ((注)) [tex:x] [:contents] [https://example.com/:embed] [google:q]';
const PARTS = ['id:yasay', '20170604220500', '((注))', '[tex:x]', '[https://example.com/:embed]', '[google:q]'];

describe('grammar: nothing inside code, comments, front matter or link definitions', () => {
  it('the sample line is fully highlighted in a paragraph (so the negatives below can fail)', async () => {
    await expectScopes(ALL,
      { text: 'yasay', scopes: ['variable.parameter.user.hatena'] },
      { text: '20170604220500', scopes: ['constant.numeric.date-time.fotolife.hatena'] },
      { text: '注', scopes: ['string.other.footnote.hatena'] },
      { text: 'tex', scopes: ['entity.name.tag.tex.hatena'] },
      { text: 'embed', scopes: ['keyword.other.embed.hatena'] },
      { text: 'google', scopes: ['entity.name.tag.google.hatena'] });
  });

  it('fenced code blocks, with and without a language, backticks and tildes, in lists', async () => {
    for (const fence of ['```', '```javascript', '```sh', '~~~', '````unknown-lang']) {
      const close = fence.startsWith('~') ? '~~~' : fence.replace(/[^`]/g, '');
      await expectScopes(`${fence}\n${ALL}\n<!-- more -->\n${close}\n\nid:after`,
        ...PARTS.map((text) => ({ text, scopes: ['markup.fenced_code.block.markdown'], hatena: false as const })),
        { text: 'more', hatena: false },
        { text: 'after', scopes: ['variable.parameter.user.hatena'] });
    }
    await expectScopes(`- 手順\n\n  \`\`\`\n  ${ALL}\n  \`\`\``,
      ...PARTS.map((text) => ({ text, scopes: ['markup.fenced_code.block.markdown'], hatena: false as const })));
  });

  it('indented code blocks', async () => {
    await expectScopes(`    ${ALL}\n    <!-- more -->\n\n\t[f:id:yasay:20170604220500j:plain]`,
      ...PARTS.map((text) => ({ text, scopes: ['markup.raw.block.markdown'], hatena: false as const })),
      { text: 'more', hatena: false },
      { text: '20170604220500', occurrence: 1, scopes: ['markup.raw.block.markdown'], hatena: false });
  });

  it('inline code spans, single and double backticks, next to live notation', async () => {
    await expectScopes('`[f:id:yasay:20170604220500j:plain]` と ``((注)) id:yasay`` と id:live',
      { text: '20170604220500', scopes: ['markup.inline.raw.string.markdown'], hatena: false },
      { text: '((注))', scopes: ['markup.inline.raw.string.markdown'], hatena: false },
      { text: 'id:yasay', scopes: ['markup.inline.raw.string.markdown'], hatena: false },
      { text: 'live', scopes: ['variable.parameter.user.hatena'] });
  });

  it('HTML comments, on their own lines, spanning lines, and inline', async () => {
    await expectScopes(`<!-- ${ALL} -->\n\n<!--\n${ALL}\n-->\n\n本文 <!-- ${ALL} --> id:after`,
      ...PARTS.map((text) => ({ text, scopes: ['comment.block.html'], hatena: false as const })),
      ...PARTS.map((text) => ({ text, occurrence: 1, scopes: ['comment.block.html'], hatena: false as const })),
      ...PARTS.map((text) => ({ text, occurrence: 2, scopes: ['comment.block.html'], hatena: false as const })),
      { text: 'after', scopes: ['variable.parameter.user.hatena'] });
  });

  it('an HTML comment opened inside a paragraph or list item and closed on a later line hides everything up to -->', async () => {
    // VS Code's Markdown grammar ends such a comment at the end of its first line; the renderer hides all of it.
    await expectScopes('本文 <!-- id:yasay\n((注)) [f:id:yasay:20170604220500j:plain] **b**\n--> id:after **太字**',
      { text: '本文', scopes: ['meta.paragraph.markdown'], notScopes: ['comment'] },
      { text: 'yasay', scopes: ['comment.block.html'], hatena: false },
      { text: '((注)) [f:id:yasay:20170604220500j:plain] **b**', scopes: ['comment.block.html'], hatena: false, notScopes: ['markup.bold.markdown'] },
      { text: '-->', scopes: ['comment.block.html', 'punctuation.definition.comment.html'] },
      { text: 'after', scopes: ['meta.paragraph.markdown', 'variable.parameter.user.hatena'], notScopes: ['comment'] },
      { text: '太字', scopes: ['markup.bold.markdown'], notScopes: ['comment'] });
    await expectScopes('- 項目 <!-- id:yasay\n  ((注)) x\n  --> id:after\n- 次 id:next',
      { text: '((注)) x', scopes: ['markup.list.unnumbered.markdown', 'comment.block.html'], hatena: false },
      { text: 'after', scopes: ['markup.list.unnumbered.markdown', 'variable.parameter.user.hatena'], notScopes: ['comment'] },
      { text: 'next', scopes: ['variable.parameter.user.hatena'], notScopes: ['comment'] });
    await expectScopes('> 引用 <!-- a\n> ((注))\n> --> id:after',
      { text: '((注))', scopes: ['markup.quote.markdown', 'comment.block.html'], hatena: false },
      { text: 'after', scopes: ['variable.parameter.user.hatena'] });
    // Closed on its own line, several on a line, and the line after the comment: ordinary paragraphs again.
    await expectScopes('a <!-- x --> 間 <!-- y\nid:in -->\nid:out **太字**',
      { text: 'x', scopes: ['comment.block.html'] },
      { text: '間', scopes: ['meta.paragraph.markdown'], notScopes: ['comment'] },
      { text: 'in', scopes: ['comment.block.html'], hatena: false },
      { text: 'out', scopes: ['variable.parameter.user.hatena'], notScopes: ['comment'] },
      { text: '太字', scopes: ['markup.bold.markdown'] });
  });

  it('an inline comment left open ends at the blank line (the paragraph\'s end), not at the end of the document', async () => {
    await expectScopes('書きかけ <!-- id:yasay\n続き\n\nid:next と **b**\n\n- id:item',
      { text: '続き', scopes: ['comment.block.html'] },
      { text: 'next', scopes: ['variable.parameter.user.hatena'], notScopes: ['comment'] },
      { text: 'b', scopes: ['markup.bold.markdown'] },
      { text: 'item', scopes: ['markup.list.unnumbered.markdown', 'variable.parameter.user.hatena'] });
  });

  it('a <!-- inside a code span opens no comment, and lines that are not paragraphs keep their own rules', async () => {
    await expectScopes('`<!--` と id:yasay\nid:next',
      { text: '<!--', scopes: ['markup.inline.raw.string.markdown'] },
      { text: 'yasay', scopes: ['variable.parameter.user.hatena'] },
      { text: 'next', scopes: ['variable.parameter.user.hatena'] });
    await expectScopes('# 見出し <!-- a\nid:next\n\n* 項目 <!-- b\n\n| 表 <!-- c |\n|---|',
      { text: '見出し', scopes: ['markup.heading.markdown'] },
      { text: 'next', scopes: ['variable.parameter.user.hatena'], notScopes: ['comment'] },
      { text: '項目', scopes: ['markup.list.unnumbered.markdown'] },
      { text: '|', scopes: ['markup.table.markdown'] });
  });

  it('front matter and link reference definitions', async () => {
    await expectScopes(`---\nTitle: ${ALL}\nCategory:\n- id:yasay\n---\n\n[ref]: https://example.com/id:yasay "((title))"`,
      ...PARTS.map((text) => ({ text, hatena: false as const })),
      { text: 'id:yasay', occurrence: 1, hatena: false },
      { text: 'id:yasay', occurrence: 2, hatena: false },
      { text: '((title))', hatena: false });
  });

  it('HTML tag attributes', async () => {
    await expectScopes('資料: <a href="https://example.com/" title="id:yasay ((x))">id:inside</a>',
      { text: 'id:yasay', scopes: ['string.quoted.double.html'], hatena: false },
      { text: '((x))', hatena: false },
      { text: 'inside', scopes: ['variable.parameter.user.hatena'] });
  });
});
