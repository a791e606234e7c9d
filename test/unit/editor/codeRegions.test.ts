import * as assert from 'node:assert/strict';
import { allExcludedRanges, frontMatterLength, isExcluded, isInCodeOrComment, openFrontMatterLength } from '../../../src/editor/codeRegions';
import { prng } from '../cpuTime';

/** `|` marks the cursor; returns whether it is in code/comment. */
function at(textWithCursor: string): boolean {
  const offset = textWithCursor.indexOf('|');
  return isInCodeOrComment(textWithCursor.replace('|', ''), offset);
}

describe('codeRegions: where Hatena notation means nothing', () => {
  it('prose is not excluded', () => {
    assert.equal(at('text [f:|'), false);
    assert.equal(at('|'), false);
  });

  it('fenced code blocks (backticks and tildes, closed or not, indented in lists)', () => {
    assert.equal(at('a\n```js\n[f:|\n```\n'), true);
    assert.equal(at('a\n```js\n[f:\n```\n[f:|'), false);
    assert.equal(at('~~~\n[f:|\n~~~'), true);
    assert.equal(at('```\nopen fence runs to the end [f:|'), true);
    assert.equal(at('- item\n    ```\n    [f:|\n    ```'), true);
    assert.equal(at('````\n```\n[f:|\n````\nafter'), true, 'a shorter fence does not close a longer one');
    assert.equal(at('```\n~~~\n[f:|'), true, 'tildes do not close backticks');
    assert.equal(at('``` a`b\n[f:|'), false, 'a backtick fence info string cannot contain a backtick');
  });

  it('CRLF documents', () => {
    assert.equal(at('```\r\n[f:\r\n```\r\n[f:|'), false);
    assert.equal(at('---\r\nTitle: x\r\n---\r\n[f:|'), false);
  });

  it('inline code spans, also across lines, but not an unmatched backtick', () => {
    assert.equal(at('a `[f:|` b'), true);
    assert.equal(at('a ``x ` [f:| `` b'), true);
    assert.equal(at('a `x` [f:|'), false);
    assert.equal(at('a `x\n[f:|` b'), true);
    assert.equal(at('a `x\n\n[f:|` b'), false, 'a blank line ends the paragraph; the first backtick is literal');
    assert.equal(at('a ` unmatched [f:|'), false);
    assert.equal(at('a \\`[f:|`'), false, 'an escaped backtick opens nothing');
    assert.equal(at('a\\\n```\n[f:|'), true, 'a hard-break backslash does not hide the next line\'s fence');
  });

  it('HTML comments, closed or still being typed', () => {
    assert.equal(at('<!-- [f:| -->'), true);
    assert.equal(at('<!--\nnote\n[f:|\n-->'), true);
    assert.equal(at('<!-- x --> [f:|'), false);
    assert.equal(at('<!-- still typing [f:|'), true);
    assert.equal(at('<!-- more -->\n\n[:|'), false);
  });

  it('empty HTML comments <!--> and <!---> are complete (CommonMark 0.31, markdown-it)', () => {
    assert.equal(at('<!--> [f:|'), false);
    assert.equal(at('<!---> [f:|'), false);
    assert.equal(at('<!----> [f:|'), false);
    assert.equal(at('<!--> text\n\n```\n[f:|\n```'), true, 'and scanning goes on after them');
    assert.equal(at('<!--- x [f:|'), true, 'a longer opener is still open');
  });

  it('fences inside block quotes and on a list item\'s first line', () => {
    assert.equal(at('> ```js\n> [f:|\n> ```\n'), true);
    assert.equal(at('>```\n>[f:|'), true, 'no space after >, unclosed');
    assert.equal(at('> ```\n> x\n> ```\n[f:|'), false, 'closed inside the quote');
    assert.equal(at('> ```\n> x\n\n[f:|'), false, 'the quote, and the code block with it, ends at a line without >');
    assert.equal(at('> ```\n> x\nlazy [f:|'), false, 'no lazy continuation for code');
    assert.equal(at('> > ```\n> > [f:|\n> > ```'), true, 'nested quotes');
    assert.equal(at('> > ```\n> [f:|'), false, 'a shallower quote ends the block');
    assert.equal(at('- ```sh\n  [f:|\n  ```'), true);
    assert.equal(at('1. ```sh\n   [f:|'), true);
    assert.equal(at('> quote\n\n```\n[f:|'), true, 'a quote before a top-level fence changes nothing');
  });

  it('a fence line ends the paragraph an inline code span could close in', () => {
    assert.equal(at('a `x\n```\ncode\n```\ny [f:|` b'), false);
    assert.equal(at('a `x\n```\ncode [f:|\n```\ny` b'), true, 'inside the fence itself');
  });

  it('a front matter still being typed counts while its lines look like YAML', () => {
    assert.equal(at('---\nTitle: [f:|'), true);
    assert.equal(at('---\nTitle: AWS Summit\nCategory:\n- [f:|'), true);
    assert.equal(at('---\nTitle: x\n# comment\nDraft: true\nEditURL: [:|'), true);
    assert.equal(at('---\nこれは本文です\n[f:|'), false, 'prose after a --- rule');
    assert.equal(at('---\n\n本文 [f:|'), false, 'a blank line after a --- rule');
    assert.equal(at('---\nTitle: x\n\n本文 [f:|'), false, 'the YAML-looking lines stop at the blank line');
    assert.equal(at('本文\n---\nTitle: [f:|'), false, 'only at the very start');
    assert.equal(openFrontMatterLength('---\nA: 1\nB: 2'), Infinity);
    assert.equal(openFrontMatterLength('---\nA: 1\nprose\nB: 2'), 9);
    assert.equal(openFrontMatterLength('no front matter'), 0);
  });

  it('front matter', () => {
    assert.equal(at('---\nTitle: [f:|\n---\n'), true);
    assert.equal(at('---\nTitle: x\n---\n[f:|'), false);
    assert.equal(at('---\nunclosed is not front matter [f:|'), false);
    assert.equal(at('---\nprose, then closed\n---\n'.replace('closed', 'closed [f:|')), true, 'a closed block is front matter whatever it holds (as in the preview)');
    assert.equal(frontMatterLength('---\nA: 1\n---\nbody'), 12);
    assert.equal(frontMatterLength('text\n---\nA: 1\n---'), 0);
  });

  it('allExcludedRanges + isExcluded agree with isInCodeOrComment', () => {
    const text = '---\nT: x\n---\na `b` c\n```\nd\n```\n<!-- e -->\nf ``g`` h';
    const ranges = allExcludedRanges(text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.equal(isExcluded(ranges, offset), isInCodeOrComment(text, offset), `offset ${offset}`);
    }
  });

  it('handles a huge paragraph of code spans after an unmatched backtick', () => {
    // The lone backtick is searched for once; every `` span is skipped once: linear, well within mocha's timeout.
    const text = 'a ` b ' + '``x`` '.repeat(100_000);
    assert.equal(isInCodeOrComment(`${text}[f:`, text.length + 3), false);
    assert.equal(isInCodeOrComment(`${text}\`\`[f:\`\``, text.length + 5), true);
  });
});

describe('codeRegions on generated documents', () => {
  const FRAGMENTS = ['text ', '`', '``', '```', '\n```\n', '\n~~~\n', '\n> ```\n', '\n> ', '\n- ```\n', '<!--', '-->', '<!-->', '<!--->',
    '\\', '\\`', '\n', '\n\n', '\n---\n', 'Title: x\n', '- item\n', '[f:', '  ', '>', '\r\n'];
  const SEED = 20170604;
  const random = prng(SEED);
  const docs = Array.from({ length: 400 }, () => {
    let doc = random() < 0.3 ? '---\n' : '';
    const n = 1 + Math.floor(random() * 30);
    for (let i = 0; i < n; i++) doc += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
    return doc;
  });

  it('allExcludedRanges + isExcluded agree with isInCodeOrComment at every offset', () => {
    docs.forEach((doc, index) => {
      const ranges = allExcludedRanges(doc);
      for (let offset = 0; offset <= doc.length; offset++) {
        assert.equal(isExcluded(ranges, offset), isInCodeOrComment(doc, offset), `seed ${SEED} doc ${index} ${JSON.stringify(doc)} offset ${offset}`);
      }
    });
  });

  it('a prefix that ends at the end of a paragraph (and includes the front matter) gives the same answers as the whole text', () => {
    // What the completion provider reads: the text up to the end of the cursor's paragraph.
    docs.forEach((doc, index) => {
      const frontMatterEnd = frontMatterLength(doc);
      const lines = doc.split('\n');
      let offset = 0;
      for (let line = 0; line < lines.length; line++) {
        offset += lines[line].length;
        const paragraphEnds = line + 1 === lines.length || /^[ \t]*\r?$/.test(lines[line + 1]);
        if (paragraphEnds && offset >= frontMatterEnd) {
          const ranges = allExcludedRanges(doc.slice(0, offset));
          for (let o = 0; o <= offset; o++) {
            assert.equal(isExcluded(ranges, o), isInCodeOrComment(doc, o), `seed ${SEED} doc ${index} ${JSON.stringify(doc)} cut ${offset} offset ${o}`);
          }
        }
        offset += 1;
      }
    });
  });
});
