import * as assert from 'node:assert/strict';
import { createHatenaRenderer } from '../../src/hatena';
import { expectScopes, type ScopeExpectation } from './expectScopes';

const renderer = createHatenaRenderer();
const render = (doc: string) => renderer.render(doc).html;

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

  it('an inline comment left open ends at a line that interrupts its paragraph, where the renderer ends it', async () => {
    // markdown-it ends the paragraph there (or, under `===`, makes it a heading) and prints `<!--` as text; the line
    // is the block Markdown starts.
    const interrupting: [string, ScopeExpectation][] = [
      ['# [google:h] -->', { text: 'google', scopes: ['markup.heading.markdown', 'entity.name.tag.google.hatena'] }],
      ['###### 見出し id:yasay -->', { text: 'yasay', scopes: ['markup.heading.markdown', 'variable.parameter.user.hatena'] }],
      ['- 項目 id:yasay -->', { text: 'yasay', scopes: ['markup.list.unnumbered.markdown', 'variable.parameter.user.hatena'] }],
      ['* 項目 id:yasay', { text: 'yasay', scopes: ['markup.list.unnumbered.markdown', 'variable.parameter.user.hatena'] }],
      ['1. 項目 id:yasay -->', { text: 'yasay', scopes: ['markup.list.numbered.markdown', 'variable.parameter.user.hatena'] }],
      ['```js\nconst a = 1; // -->\n```', { text: 'const', scopes: ['markup.fenced_code.block.markdown'] }],
      ['~~~\ncode -->\n~~~', { text: 'code', scopes: ['markup.fenced_code.block.markdown'] }],
      ['> 引用 id:yasay -->', { text: 'yasay', scopes: ['markup.quote.markdown', 'variable.parameter.user.hatena'] }],
      ['***', { text: '***', scopes: ['meta.separator.markdown'] }],
      ['- - -', { text: '- - -', scopes: ['meta.separator.markdown'] }],
      ['===\nid:yasay', { text: 'yasay', scopes: ['variable.parameter.user.hatena'] }],
      ['<div>id:yasay -->', { text: 'div', scopes: ['entity.name.tag.html'] }],
      ['<!-- more -->', { text: 'more', scopes: ['keyword.control.more.hatena'] }],
      ['[:contents]', { text: 'contents', scopes: ['entity.name.tag.contents.hatena'] }],
    ];
    for (const [line, expectation] of interrupting) {
      const doc = `本文 <!-- 書きかけ\n${line}`;
      assert.match(render(doc), /^<(p|h1)[^>]*>本文 &lt;!-- 書きかけ<\/\1>/, `the renderer ends the paragraph (or makes it a heading) before ${JSON.stringify(line)}`);
      await expectScopes(doc, { text: '書きかけ', scopes: ['comment.block.html'] }, { ...expectation, notScopes: ['comment'] });
    }
    // Lines that only continue the paragraph stay inside the comment, as in the renderer.
    for (const line of ['2. 二番目から id:yasay', '<span>id:yasay', '    # 字下げ id:yasay', '#見出しでない id:yasay', '* ', 'id:yasay']) {
      const doc = `本文 <!-- 書きかけ\n${line}\n-->`;
      assert.match(render(doc), /^<p>本文 <!-- 書きかけ\n/, `the renderer continues the paragraph with ${JSON.stringify(line)}`);
      await expectScopes(doc, { text: line, scopes: ['meta.paragraph.markdown', 'comment.block.html'], hatena: false });
    }
    // What follows `<!--` on its own line is the comment's, even where it would interrupt on a line of its own.
    for (const doc of ['本文 <!--\n続き id:yasay\n-->', '本文 <!-- # 見出しでない\n続き id:yasay\n-->', '- 項目 <!-- - x\n  続き id:yasay\n  -->']) {
      assert.doesNotMatch(render(doc), /&lt;!--/);
      await expectScopes(doc, { text: '続き id:yasay', scopes: ['comment.block.html'], hatena: false });
    }
  });

  it('in a list item or a block quote too, after the item\'s indent or the quote\'s `>`', async () => {
    for (const [doc, last] of [
      ['- 項目 <!-- 書きかけ\n  - 子 id:yasay -->', '子 id:yasay -->'],
      ['> 引用 <!-- 書きかけ\n> # 見出し id:yasay', '# 見出し id:yasay'],
      ['> > 引用 <!-- 書きかけ\n> > ```\n> > id:yasay', 'id:yasay'],
      ['> 引用 <!-- 書きかけ\n>\n> id:yasay -->', 'id:yasay -->'],
    ]) {
      assert.match(render(doc), /&lt;!-- 書きかけ/, `the renderer ends the paragraph in ${JSON.stringify(doc)}`);
      await expectScopes(doc, { text: '書きかけ', scopes: ['comment.block.html'] }, { text: last, notScopes: ['comment'] });
    }
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
