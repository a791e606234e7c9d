import * as assert from 'node:assert/strict';
import { allExcludedRanges, frontMatterLength, isExcluded, isInCodeOrComment } from '../../../src/editor/codeRegions';

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

  it('front matter', () => {
    assert.equal(at('---\nTitle: [f:|\n---\n'), true);
    assert.equal(at('---\nTitle: x\n---\n[f:|'), false);
    assert.equal(at('---\nunclosed is not front matter [f:|'), false);
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
