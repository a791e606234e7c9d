import * as assert from 'node:assert/strict';
import { fillPlaceholderDefault, HATENA_ID_PLACEHOLDER } from '../../../src/editor/personalizeSnippet';

describe('fillPlaceholderDefault: the picker fills in the writer\'s id', () => {
  it('replaces exactly-matching placeholder defaults, keeping them tab stops', () => {
    const body = '[f:id:${1:はてなID}:${2:$CURRENT_YEAR}x] ${3:はてなIDです} \\$ \\}';
    assert.equal(fillPlaceholderDefault(body, HATENA_ID_PLACEHOLDER, 'yasay'), '[f:id:${1:yasay}:${2:${CURRENT_YEAR}}x] ${3:はてなIDです} \\$ \\}');
  });

  it('escapes the value and reaches nested placeholders', () => {
    assert.equal(fillPlaceholderDefault('${1:a ${2:X}}', 'X', 'a$b}'), '${1:a ${2:a\\$b\\}}}');
  });

  it('returns a body that does not parse unchanged', () => {
    assert.equal(fillPlaceholderDefault('${1:X', 'X', 'y'), '${1:X');
  });
});

describe('the shipped snippets and the id fill-in', () => {
  it('fills the writer\'s id into Fotolife images but not into the id: mention snippet', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const { parseSnippetCatalogue } = await import('../../../src/editor/snippetCatalogue');
    const catalogue = parseSnippetCatalogue(fs.readFileSync(path.resolve(__dirname, '../../../../snippets/hatena.code-snippets'), 'utf8'));
    for (const snippet of catalogue) {
      const filled = fillPlaceholderDefault(snippet.body, HATENA_ID_PLACEHOLDER, 'writer');
      if (snippet.body.includes('[f:id:')) assert.match(filled, /\[f:id:\$\{\d+:writer\}:/, snippet.name);
      else assert.equal(filled.includes('writer'), false, snippet.name);
    }
  });
});
