import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeSnippetText, hatenaCompletions, type HatenaCompletion } from '../../../src/editor/hatenaCompletions';
import { expandSnippet } from '../../../src/editor/snippetAnalysis';
import { parseSnippet, snippetSyntaxError } from '../../../src/editor/snippetSyntax';

const NOW = new Date(2026, 10, 25, 10, 15, 30);

/** Completions for a line where `|` marks the cursor. */
function complete(line: string, hatenaId: string | null = 'yasay', lookups = { count: 0 }): HatenaCompletion[] {
  const at = line.indexOf('|');
  const lookUp = () => { lookups.count++; return hatenaId ?? undefined; };
  return hatenaCompletions({ linePrefix: line.slice(0, at), lineSuffix: line.slice(at + 1), hatenaId: lookUp, now: NOW });
}

/** The line after accepting `item` (snippet placeholders show their defaults). */
function accept(line: string, item: HatenaCompletion): string {
  const text = line.replace('|', '');
  return text.slice(0, item.replaceStart) + expandSnippet(parseSnippet(item.insertText), () => undefined) + text.slice(item.replaceEnd);
}

const labels = (items: HatenaCompletion[]) => items.map((i) => i.label);

describe('hatenaCompletions', () => {
  it('details are English unless translated: every one goes through the localizer, and the Japanese bundle has them all', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
    const lines = ['[f:|', '[f:id:yasay:|]', '[f:id:yasay:20261125101530|]', '[f:id:yasay:20261125101530j:|]',
      '[f:id:yasay:20261125101530j:plain:|]', '[:|]', '((|))', '[https://example.com/:|]', '[|]', 'id:yasay:|'];
    const asked: string[] = [];
    const japanese = { t: (message: string) => { asked.push(message); return bundle[message] ?? `untranslated: ${message}`; } };
    for (const line of lines) {
      const at = line.indexOf('|');
      const request = { linePrefix: line.slice(0, at), lineSuffix: line.slice(at + 1), hatenaId: () => 'yasay', now: NOW };
      const english = hatenaCompletions(request);
      const translated = hatenaCompletions({ ...request, l10n: japanese });
      assert.deepEqual(translated.map((i) => i.label.replace(/ — .*/, '')), english.map((i) => i.label.replace(/ — .*/, '')), line);
      for (const [i, item] of translated.entries()) {
        assert.doesNotMatch(item.detail, /untranslated/, `${line}: ${item.detail}`);
        assert.doesNotMatch(english[i].detail, /[\u3040-\u30ff\u4e00-\u9fff]/, `no Japanese in the English UI: ${english[i].detail}`);
      }
    }
    assert.ok(asked.includes('Today\'s date; type the time hhmmss'));
    const today = hatenaCompletions({ linePrefix: '[f:', lineSuffix: ']', hatenaId: () => 'yasay', now: NOW, l10n: japanese })[0];
    assert.equal(today.detail, '今日の日付。時刻 hhmmss を入力');
    assert.equal(complete('[f:|]')[0].detail, 'Today\'s date; type the time hhmmss', 'no Japanese in the English UI');
  });

  it('every item is valid snippet syntax, its range holds the cursor and its filter matches what was typed', () => {
    const lines = ['[f:|', '[f:|]', '[f:id:|]', '[f:id:yasay:|]', '[f:id:yasay:20261125101530|]', '[f:id:yasay:20261125101530j:|]',
      '[f:id:yasay:20261125101530j:plain:|]', '[:|]', '((|))', '[https://example.com/:|]', '[https://example.com/:embed:|]', '[|]', 'id:yasay:|'];
    for (const line of lines) {
      const items = complete(line);
      assert.ok(items.length > 0, `items at ${line}`);
      const cursor = line.indexOf('|');
      for (const item of items) {
        assert.equal(snippetSyntaxError(item.insertText), undefined, item.insertText);
        assert.ok(item.replaceStart <= cursor && cursor <= item.replaceEnd, `${line}: ${item.label}`);
        const typed = line.slice(item.replaceStart, cursor);
        assert.ok(item.filterText.startsWith(typed), `${line}: '${typed}' filters ${item.filterText}`);
      }
    }
  });

  describe('[f: Fotolife', () => {
    it('offers today\'s prefix and the current time with the writer\'s id, taking over an auto-closed ]', () => {
      const items = complete('写真 [f:|]');
      assert.deepEqual(labels(items), ['[f:id:yasay:20261125……', '[f:id:yasay:20261125101530']);
      assert.equal(accept('写真 [f:|]', items[0]), '写真 [f:id:yasay:20261125hhmmssj:plain]');
      assert.equal(accept('写真 [f:|]', items[1]), '写真 [f:id:yasay:20261125101530j:plain]');
      assert.equal(items[0].insertText, '[f:id:yasay:20261125${1:hhmmss}${2|j,p,g|}:${3|plain,image|}]$0');
    });

    it('adds the ] itself when nothing closed the bracket', () => {
      const [item] = complete('[f:|');
      assert.equal(item.replaceEnd, 3);
      assert.equal(accept('[f:|', item), '[f:id:yasay:20261125hhmmssj:plain]');
    });

    it('makes the id a placeholder when it is unknown', () => {
      const [item] = complete('[f:|]', null);
      assert.equal(accept('[f:|]', item), '[f:id:はてなID:20261125hhmmssj:plain]');
      assert.match(item.insertText, /^\[f:id:\$\{1:はてなID\}:20261125\$\{2:hhmmss\}/);
    });

    it('keeps an id the writer typed', () => {
      const items = complete('[f:id:guest:|]');
      assert.equal(accept('[f:id:guest:|]', items[1]), '[f:id:guest:20261125101530j:plain]');
    });

    it('offers image types after the timestamp and kinds after the type', () => {
      assert.deepEqual(complete('[f:id:yasay:20170604220500|]').map((i) => i.label[0]), ['j', 'p', 'g', 'f']);
      const kinds = complete('[f:id:yasay:20170604220500p:|]');
      assert.deepEqual(labels(kinds), ['plain', 'image']);
      assert.equal(accept('[f:id:yasay:20170604220500p:|]', kinds[1]), '[f:id:yasay:20170604220500p:image]');
      assert.deepEqual(labels(complete('[f:id:yasay:20170604220500f:|]')), ['movie']);
    });

    it('offers options not yet used, replacing only the option being typed', () => {
      assert.deepEqual(labels(complete('[f:id:yasay:20170604220500j:plain:|]')), ['w300', 'h200', 'left', 'right', 'title=', 'alt=', 'small', 'medium']);
      const items = complete('[f:id:yasay:20170604220500j:plain:w500:le|]');
      assert.deepEqual(labels(items), ['h200', 'left', 'right', 'title=', 'alt=', 'small', 'medium']);
      assert.equal(accept('[f:id:yasay:20170604220500j:plain:w500:le|]', items[1]), '[f:id:yasay:20170604220500j:plain:w500:left]');
    });

    it('offers nothing when the cursor is inside an existing image', () => {
      assert.deepEqual(complete('[f:|id:yasay:20170604220500j:plain]'), []);
      assert.deepEqual(complete('[f:id:|yasay:20170604220500j:plain]'), []);
      assert.deepEqual(complete('[f:id:yasay:20170604220500j:|plain]'), []);
      assert.equal(complete('写真[f:|]を撮った').length, 2, 'text after the ] is fine');
      assert.deepEqual(complete('[https://example.com/:|embed]'), [], 'the same for links');
      assert.deepEqual(complete('[:|contents]'), [], 'and the table of contents');
      assert.equal(complete('写真[f:|を撮った').length, 2, 'so is Japanese straight after the cursor (no auto-close there)');
    });

    it('offers nothing for text that cannot become Fotolife notation', () => {
      assert.deepEqual(complete('[f:id:yasay:2017x|]'), []);
      assert.deepEqual(complete('[f:foo|]'), []);
    });
  });

  it('[: offers [:contents] without doubling the ]', () => {
    const items = complete('[:|]');
    assert.deepEqual(labels(items), ['[:contents]']);
    assert.equal(accept('[:|]', items[0]), '[:contents]');
    assert.equal(accept('[:co|', complete('[:co|')[0]), '[:contents]');
    assert.deepEqual(complete('[:x|]'), []);
  });

  it('(( offers a footnote taking over the auto-closed ))', () => {
    const [item] = complete('本文((|))');
    assert.equal(accept('本文((|))', item), '本文((脚注))');
    assert.equal(accept('本文((|', complete('本文((|')[0]), '本文((脚注))');
    assert.equal(accept('本文((補足|))', complete('本文((補足|))')[0]), '本文((補足))');
  });

  it('(( escapes and Markdown links get no footnote', () => {
    assert.deepEqual(complete('(((|'), []);
    assert.deepEqual(complete(')((|'), []);
    assert.deepEqual(complete('[text](|)'), []);
  });

  it('[URL: offers title / title= / embed / embed:cite / bookmark', () => {
    const line = '[https://example.com:8080/path?q=1:|]';
    const items = complete(line);
    assert.deepEqual(labels(items), ['title', 'title=', 'embed', 'embed:cite', 'bookmark']);
    assert.equal(accept(line, items[3]), '[https://example.com:8080/path?q=1:embed:cite]');
    assert.equal(accept('[https://example.com/:ti|]', complete('[https://example.com/:ti|]')[1]), '[https://example.com/:title=リンクテキスト]');
    assert.deepEqual(labels(complete('[https://example.com/:embed:|]')), ['embed:cite']);
    assert.equal(accept('[https://example.com/:embed:|]', complete('[https://example.com/:embed:|]')[0]), '[https://example.com/:embed:cite]');
    assert.deepEqual(complete('[https:|'), [], 'a URL still being typed');
    assert.deepEqual(complete('[https://example.com:80|'), [], 'a port');
  });

  it('id:USER: offers :detail and :image', () => {
    assert.deepEqual(labels(complete('id:yasay:|')), ['detail', 'image']);
    assert.equal(accept('by id:yasay:d|', complete('by id:yasay:d|')[0]), 'by id:yasay:detail');
    assert.deepEqual(complete('[f:id:yasay:|').some((i) => i.label === 'detail'), false);
  });

  it('id:USER: offers nothing when the option is already there (accepting would double it)', () => {
    assert.deepEqual(complete('id:yasay:|detail'), []);
    assert.deepEqual(complete('by id:yasay:de|tail'), []);
    assert.deepEqual(labels(complete('id:yasay:|さんの記事')), ['detail', 'image'], 'prose right after the cursor is fine');
  });

  it('looks the id up (once) only for Fotolife images about to get their id and a line-start [', () => {
    for (const line of ['[f:', '写真 [f:', '[f:i', '[f:id', '[f:id:', '[f:id:yas', '[', '  [']) {
      const lookups = { count: 0 };
      const withId = complete(`${line}|`, 'yasay', lookups);
      assert.equal(lookups.count, 1, line);
      assert.ok(withId.some((i) => i.insertText.includes('yasay')), `${line}: the id is used`);
      assert.ok(complete(`${line}|`, null).length > 0, `${line}: offered without an id too`);
    }
    for (const line of ['[f:id:yasay:', '[f:id:yasay:20261125101530', '[f:id:yasay:20261125101530j:', '[f:|id:', '[:', '((', 'id:yasay:',
      '[https://example.com/:', 'text [', '- [', '[text](']) {
      const lookups = { count: 0 };
      complete(line.includes('|') ? line : `${line}|`, 'yasay', lookups);
      assert.equal(lookups.count, 0, line);
    }
  });

  it('offers nothing for ordinary Markdown links and URLs (the provider then reads nothing else)', () => {
    for (const line of ['[text|', '[text](|', '[text](https:|', 'see https:|', '(括弧|', 'メモ: |', '[text](https://example.com/|)', '- [ ] todo (|']) {
      assert.deepEqual(complete(line), [], line);
    }
  });

  it('a [ at the start of a line offers the block notations; mid-sentence it offers nothing', () => {
    assert.deepEqual(labels(complete('[|]')), ['[:contents]', '[f:id:yasay:20261125……]', '[URL:embed:cite]', '[tex:…]']);
    assert.equal(accept('[|]', complete('[|]')[0]), '[:contents]');
    assert.deepEqual(complete('リンクは[|]'), []);
    assert.deepEqual(complete('- [|]'), []);
  });

  it('escapes literal text it puts into snippets', () => {
    assert.equal(escapeSnippetText('a$b}c\\d'), 'a\\$b\\}c\\\\d');
    const [item] = complete('[f:id:yasay:|]', null);
    assert.equal(snippetSyntaxError(item.insertText), undefined);
  });
});
