import * as assert from 'node:assert/strict';
import { analyzeSnippet, expandSnippet, lintSnippetBody, placeholderTexts } from '../../src/editor/snippetAnalysis';
import { parseSnippet, printSnippet, snippetSyntaxError } from '../../src/editor/snippetSyntax';

const none = () => undefined;

describe('snippet syntax: strict parser for VS Code snippet bodies', () => {
  describe('accepts the VS Code grammar', () => {
    const valid: [string, string][] = [
      ['plain text', 'hello'],
      ['tab stops', '$1 and $2 then $0'],
      ['braced tab stop', '${1}x'],
      ['placeholder', '${1:default}'],
      ['nested placeholders', '${1:outer ${2:inner ${3:deep}}}'],
      ['choice', '${1|one,two,three|}'],
      ['choice with escaped comma, pipe and backslash', '${1|a\\,b,c\\|d,e\\\\f|}'],
      ['choice keeps $ and } literal', '${1|$5,}x|}'],
      ['known variables', '$CURRENT_YEAR-${CURRENT_MONTH}'],
      ['variable with default', '${TM_SELECTED_TEXT:fallback}'],
      ['variable default inside a placeholder', '${1:${TM_SELECTED_TEXT:title}}'],
      ['escapes', '\\$1 costs \\$5 \\} \\\\'],
      ['other backslashes are literal (TeX)', '[tex:\\frac{1\\}{2\\}]'],
      ['unescaped { is literal', '{ a { b'],
      ['tab stop transform', '${1/(.*)/${1:/upcase}/g}'],
      ['variable transform with conditional format', '${TM_FILENAME/(\\w+)\\.md/${1:+yes}${1:?a:b}${1:-no}/}'],
      ['Japanese text', '「${1:セッション}」レポート'],
    ];
    for (const [what, body] of valid) {
      it(what, () => assert.equal(snippetSyntaxError(body), undefined, body));
    }
  });

  describe('rejects what VS Code would silently insert as text', () => {
    const invalid: [string, string, RegExp][] = [
      ['a variable glued to text', '${CURRENT_DATE}T ok but $CURRENT_DATET not', /unknown variable 'CURRENT_DATET'/],
      ['an unknown variable', '${TM_SELECTION}', /unknown variable/],
      ['an unclosed placeholder', '${1:open', /unclosed/],
      ['an unclosed nested placeholder', '${1:a ${2:b}', /unclosed/],
      ['a stray closing brace', '${1:a}}', /unescaped '}'/],
      ['a lone dollar', 'costs $ 5', /lone '\$'/],
      ['a dollar before punctuation', '$-1', /lone '\$'/],
      ['an empty ${}', '${}', /expected a tab stop number or a variable name/],
      ['an empty choice option', '${1|a,,b|}', /empty choice option/],
      ['an empty choice', '${1||}', /empty choice option/],
      ['a choice not closed by |}', '${1|a,b|x}', /must end with '\|}'/],
      ['an unclosed choice', '${1|a,b', /unclosed choice/],
      ['garbage after a number', '${1x}', /unexpected 'x'/],
      ['an invalid transform regex', '${1/(/x/}', /invalid regular expression/],
      ['invalid transform flags', '${1/a/b/z}', /invalid regular expression flags/],
      ['an unknown format modifier', '${1/a/${1:/shout}/}', /unknown format modifier/],
      ['an unclosed transform', '${1/a/b', /unclosed transform/],
    ];
    for (const [what, body, message] of invalid) {
      it(what, () => {
        const error = snippetSyntaxError(body);
        assert.ok(error, `expected an error for ${body}`);
        assert.match(error.message, message);
      });
    }
  });

  it('parses nested structure', () => {
    assert.deepEqual(parseSnippet('a${1:b${2|x,y|}}$0'), [
      { kind: 'text', value: 'a' },
      { kind: 'placeholder', index: 1, children: [{ kind: 'text', value: 'b' }, { kind: 'choice', index: 2, options: ['x', 'y'] }] },
      { kind: 'tabstop', index: 0 },
    ]);
  });

  it('prints back what it parsed', () => {
    for (const body of ['a\\$b\\}c\\\\', '${1:x ${TM_SELECTED_TEXT:y}}', '${1|a\\,b,c|}', '${1/a\\/b/${1:/upcase}/g}', '[tex:\\frac{1\\}{2\\}]']) {
      const nodes = parseSnippet(body);
      assert.deepEqual(parseSnippet(printSnippet(nodes)), nodes, body);
    }
  });
});

describe('snippet analysis', () => {
  it('lists tab stops in the order Tab visits them, final stop last', () => {
    const a = analyzeSnippet(parseSnippet('$0 ${2:b} ${1:a} $3 $TM_SELECTED_TEXT'));
    assert.deepEqual(a.tabStops, [1, 2, 3, 0]);
    assert.equal(a.hasFinalTabStop, true);
    assert.deepEqual(a.variables, ['TM_SELECTED_TEXT']);
  });

  it('lint reports gaps, conflicting defaults, self-nesting and transformed tab stops', () => {
    assert.deepEqual(lintSnippetBody('${1:a} ${2:b} $0'), []);
    assert.match(lintSnippetBody('${1:a} ${3:b}').join(), /without gaps: 1, 3/);
    assert.match(lintSnippetBody('${1:a} ${1:b}').join(), /two different defaults/);
    assert.deepEqual(lintSnippetBody('${1:a} $1 ${1:a}'), []);
    assert.match(lintSnippetBody('${1:a ${1:b}}').join(), /nested inside itself/);
    assert.match(lintSnippetBody('$BOGUS').join(), /unknown variable/);
    assert.match(lintSnippetBody('"${1/(")/\\\\$1/g}" ${1:name}').join(), /tab stop 1 has a transform, which VS Code applies only when Tab leaves/);
    assert.deepEqual(lintSnippetBody('${TM_FILENAME/(.*)/${1:/upcase}/} $1'), [], 'a variable\'s transform applies on insertion: fine');
  });

  it('expands defaults, first choices, mirrors and variables', () => {
    const nodes = parseSnippet('${1:Event}: $1 ${2|a,b|} ${TM_SELECTED_TEXT:none} $CURRENT_YEAR$0');
    assert.equal(expandSnippet(nodes, (n) => (n === 'CURRENT_YEAR' ? '2026' : undefined)), 'Event: Event a none 2026');
    assert.equal(expandSnippet(nodes, (n) => (n === 'TM_SELECTED_TEXT' ? 'sel' : undefined)), 'Event: Event a sel ');
    assert.deepEqual([...placeholderTexts(nodes, none)], [[1, 'Event'], [2, 'a']]);
  });
});
