import * as assert from 'node:assert/strict';
import { inCategoryList } from '../../../src/blog/categoryContext';

/** `|` marks the cursor. */
function at(textWithCursor: string): boolean {
  const offset = textWithCursor.indexOf('|');
  return inCategoryList(textWithCursor.replace('|', ''), offset);
}

describe('categoryContext: where a category is typed', () => {
  it('a block list item under Category:, also below other items and blank lines', () => {
    assert.equal(at('---\nTitle: t\nCategory:\n- |\n---\n'), true);
    assert.equal(at('---\nTitle: t\nCategory:\n- AWS\n\n- Go|\n---\n'), true);
    assert.equal(at('---\nCategory:\n  - イベ|\n---\n'), true);
  });

  it('inside a flow list', () => {
    assert.equal(at('---\nCategory: [AWS, |]\n---\n'), true);
    assert.equal(at('---\nCategory: [AWS]|\n---\n'), false);
  });

  it('not under another key, not in the body, not without front matter', () => {
    assert.equal(at('---\nTags:\n- |\n---\n'), false);
    assert.equal(at('---\nCategory:\n- AWS\nTitle: |\n---\n'), false);
    assert.equal(at('---\nCategory:\n- AWS\n---\n\n- |\n'), false);
    assert.equal(at('Category:\n- |\n'), false);
  });
});
