import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSnippet, expandSnippet, lintSnippetBody, placeholderTexts } from '../../src/editor/snippetAnalysis';
import { createHatenaRenderer } from '../../src/hatena';
import { parseFrontMatter } from '../../src/hatena/frontMatter';
import { englishTitle, parseSnippetCatalogue, sectionPickText, SnippetCatalogueError, splitGloss } from '../../src/editor/snippetCatalogue';
import { parseSnippet, type SnippetNode } from '../../src/editor/snippetSyntax';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const snippetsPath = path.join(ROOT, manifest.contributes.snippets[0].path);
const catalogue = parseSnippetCatalogue(fs.readFileSync(snippetsPath, 'utf8'));

describe('shipped snippets (snippets/hatena.code-snippets)', () => {
  it('is contributed for markdown and parses as strict JSON', () => {
    assert.equal(manifest.contributes.snippets[0].language, 'markdown');
    assert.ok(catalogue.length >= 15, `${catalogue.length} snippets`);
  });

  for (const snippet of catalogue) {
    describe(`${snippet.name} (${snippet.prefixes.join(', ')})`, () => {
      it('has a body VS Code parses as intended, numbered without gaps, with no tab stop transform', () => {
        assert.deepEqual(lintSnippetBody(snippet.body), []);
      });

      it('ends at an explicit $0 and has no empty expansion', () => {
        const nodes = parseSnippet(snippet.body);
        assert.equal(analyzeSnippet(nodes).hasFinalTabStop, true);
        assert.notEqual(expandSnippet(nodes, () => undefined).trim(), '');
      });

      it('has a Japanese description with an English gloss', () => {
        assert.match(snippet.japanese, /[\u3040-\u30ff\u4e00-\u9fff]/, 'Japanese first');
        assert.match(snippet.english, /^[\x20-\x7e]+$/, 'an ASCII English gloss in trailing parentheses');
      });

      it('has a half-width prefix in the hatena- group', () => {
        for (const prefix of snippet.prefixes) assert.match(prefix, /^hatena-[a-z][a-z-]*$/);
      });
    });
  }

  it('prefixes are unique', () => {
    const prefixes = catalogue.flatMap((s) => s.prefixes);
    assert.equal(new Set(prefixes).size, prefixes.length);
  });

  it('names are unique (insertSnippet finds snippets by name)', () => {
    assert.equal(new Set(catalogue.map((s) => s.name)).size, catalogue.length);
  });

  it('covers every section of an event report and every notation issue 6 asks for', () => {
    const bodies = catalogue.map((s) => s.body).join('\n');
    for (const needle of ['<!-- more -->', '[:contents]', ':embed:cite]', ':title=', '((', '[tex:', 'id:', '「', '質疑応答', '基調講演', '## 感想', '## まとめ', 'Day ${1|1,2,3|}', '${5|plain,image|}', 'TM_SELECTED_TEXT']) {
      assert.ok(bodies.includes(needle), `a snippet contains ${needle}`);
    }
  });

  it('the event report skeleton writes blogsync front matter with an RFC 3339 date', () => {
    const skeleton = catalogue.find((s) => s.prefixes.includes('hatena-report'))!;
    const vars: Record<string, string> = {
      CURRENT_YEAR: '2026', CURRENT_MONTH: '05', CURRENT_DATE: '31', CURRENT_HOUR: '09', CURRENT_MINUTE: '05',
      CURRENT_SECOND: '07', CURRENT_TIMEZONE_OFFSET: '+09:00',
    };
    const text = expandSnippet(parseSnippet(skeleton.body), (n) => vars[n]);
    assert.match(text, /^---\nTitle: "イベント名に参加しました"\nCategory:\n- イベントレポート\nDate: 2026-05-31T09:05:07\+09:00\nDraft: true\n---\n/);
    assert.match(text, /イベント名に参加してきました/, 'the intro mirrors the event name');
    const order = ['[f:id:はてなID:20260531hhmmssj:plain]', ':embed:cite]', '<!-- more -->', '[:contents]', '## Day 1', '### 「', '## 感想', '## まとめ'];
    const positions = order.map((s) => text.indexOf(s));
    assert.ok(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1])), `in order: ${positions.join(', ')}`);
  });
});

describe('the skeleton\'s Title mirrors the event name into a double-quoted YAML string', () => {
  const skeleton = catalogue.find((s) => s.prefixes.includes('hatena-report'))!;
  const nodes = parseSnippet(skeleton.body);
  /** The skeleton once the writer has typed `typed` into field 1 (mirrors copy it as it is typed, Tab or not). */
  const typedIn = (typed: string) => expandSnippet(withField(nodes, 1, typed), () => undefined);
  function withField(list: readonly SnippetNode[], index: number, typed: string): SnippetNode[] {
    return list.map((n) => (n.kind === 'placeholder' && n.index === index ? { ...n, children: [{ kind: 'text', value: typed }] }
      : n.kind === 'placeholder' ? { ...n, children: withField(n.children, index, typed) } : n));
  }
  const titleLine = (text: string) => text.split('\n').find((l) => l.startsWith('Title:'))!;
  /** A YAML 1.2 double-quoted scalar: no bare `"`, and every backslash starts an escape YAML knows. */
  const DOUBLE_QUOTED = /^"(?:[^"\\\n]|\\[0abtnvfre "/\\N_LP\t]|\\x[0-9A-Fa-f]{2}|\\u[0-9A-Fa-f]{4})*"$/;

  it('the event name is typed once, in the intro, and mirrored plainly into the quoted Title (no transform)', () => {
    assert.deepEqual(placeholderTexts(nodes, () => undefined).get(1), 'イベント名');
    assert.match(skeleton.body, /に開催された\$\{1:イベント名\}に参加してきました/);
    assert.match(skeleton.body, /^Title: "\$1に参加しました"$/m, 'a plain mirror: what Esc, a click away or a second Tab leaves is what was typed');
  });

  // `: `, `#`, a leading `-` or `[`, YAML keywords …: quoted, all stay a string.
  for (const name of ['AWS Summit Japan 2024: Day 1', '# 第1回', '- 勉強会', '[Day 1, Day 2]', '{a: b}', '&anchor *alias', '!tag', '@mention',
    '`code`', "Let's re:Invent", '| > %', 'yes', 'null', '~', 'C# 勉強会 #1', '  前後に空白  ']) {
    it(`"${name}" as typed`, () => {
      const line = titleLine(typedIn(name));
      assert.match(line.slice('Title: '.length), DOUBLE_QUOTED, line);
      assert.equal(parseFrontMatter(line).title, `${name}に参加しました`, 'the preview header shows the title as typed, without quotes');
    });
  }

  // The README's rule: write `"` as `\"` and `\` as `\\`. That is a valid YAML escape in the Title and a Markdown
  // backslash escape in the intro, so both show the name as meant.
  for (const name of ['JAWS-UG "AI" 支部', 'C:\\Users\\taro の勉強会', '\\"\\']) {
    const written = name.replace(/[\\"]/g, '\\$&');
    it(`"${name}" written ${written}`, () => {
      const text = typedIn(written);
      const line = titleLine(text);
      assert.match(line.slice('Title: '.length), DOUBLE_QUOTED, line);
      assert.equal(parseFrontMatter(line).title, `${name}に参加しました`);
      const html = createHatenaRenderer().render(text).html;
      const escaped = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
      assert.ok(html.includes(`に開催された${escaped}に参加してきました`), `the intro shows ${name}: ${html.slice(0, 300)}`);
    });
  }

  it('a bare " is not valid in the Title (hence the README\'s rule)', () => {
    assert.doesNotMatch(titleLine(typedIn('JAWS-UG "AI" 支部')).slice('Title: '.length), DOUBLE_QUOTED);
  });
});

for (const file of ['README.md', 'README.ja.md']) describe(`${file} section "snippets"`, () => {
  const readme = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const section = /<!-- section:snippets -->([\s\S]*?)<!-- \/section:snippets -->/.exec(readme)?.[1] ?? '';

  it('lists every snippet with its prefix and name', () => {
    for (const snippet of catalogue) {
      const row = section.split('\n').find((line) => line.startsWith(`| \`${snippet.prefixes[0]}\` |`));
      assert.ok(row, `a row for ${snippet.prefixes[0]}`);
      assert.ok(row.includes(snippet.name), `${snippet.prefixes[0]} row names ${snippet.name}`);
    }
  });

  it('names the keybinding the manifest declares', () => {
    const binding = manifest.contributes.keybindings.find((k: { command: string }) => k.command === 'hatenaWriter.insertReportSection');
    const pretty = (key: string) => key.split(' ').map((chord) => chord.split('+').map((k) => `<kbd>${k === 'cmd' ? 'Cmd' : k.length === 1 ? k.toUpperCase() : k[0].toUpperCase() + k.slice(1)}</kbd>`).join('+')).join(' ');
    assert.ok(section.includes(pretty(binding.key)), pretty(binding.key));
    assert.ok(section.includes(pretty(binding.mac)), pretty(binding.mac));
  });
});

describe('snippet catalogue parsing', () => {
  it('splits "日本語 (English)" descriptions', () => {
    assert.deepEqual(splitGloss('脚注 ((…))。選択を脚注に (footnote; wraps the selection)'), { japanese: '脚注 ((…))。選択を脚注に', english: 'footnote; wraps the selection' });
    assert.deepEqual(splitGloss('説明だけ'), { japanese: '説明だけ', english: '' });
  });

  it('joins body lines and accepts prefix lists', () => {
    const [s] = parseSnippetCatalogue('{"x": {"prefix": ["a", "b"], "body": ["1", "2"], "description": "d (e)"}}');
    assert.deepEqual(s, { name: 'x', prefixes: ['a', 'b'], body: '1\n2', description: 'd (e)', japanese: 'd', english: 'e' });
  });

  it('the picker is Japanese for a Japanese VS Code and English otherwise, prefixes shown either way', () => {
    const session = catalogue.find((s) => s.prefixes.includes('hatena-session'))!;
    for (const language of ['ja', 'ja-JP']) {
      assert.deepEqual(sectionPickText(session, language), { label: 'セッションレポート', description: 'hatena-session', detail: session.japanese });
    }
    for (const language of ['en', 'en-US', 'zh-cn', 'de']) {
      assert.deepEqual(sectionPickText(session, language), { label: 'Session report', description: 'hatena-session', detail: session.english });
    }
    assert.match(session.japanese, /^「セッション名」レポート/);
    assert.match(session.english, /^session report: /);
    assert.equal(sectionPickText({ ...session, english: '' }, 'en').detail, session.japanese, 'no gloss: the Japanese text');
  });

  it('every snippet has a short English title and a Japanese name for the picker', () => {
    const titles = catalogue.map((s) => sectionPickText(s, 'en').label);
    for (const title of titles) assert.match(title, /^[A-Z][\x20-\x7e]{2,60}$/, title);
    assert.equal(new Set(titles).size, titles.length, `distinct: ${titles.join(' / ')}`);
    assert.deepEqual(catalogue.map((s) => sectionPickText(s, 'ja').label), catalogue.map((s) => s.name));
    assert.equal(englishTitle('Q&A section: question and answer'), 'Q&A section');
    assert.equal(englishTitle('footnote; wraps the selection'), 'Footnote');
    assert.equal(englishTitle('embed card for a URL, optionally with a citation link'), 'Embed card for a URL');
  });

  it('rejects malformed files with the entry name', () => {
    assert.throws(() => parseSnippetCatalogue('{'), SnippetCatalogueError);
    assert.throws(() => parseSnippetCatalogue('[]'), /JSON object/);
    assert.throws(() => parseSnippetCatalogue('{"x": {"body": "a"}}'), /'x' needs a prefix/);
    assert.throws(() => parseSnippetCatalogue('{"x": {"prefix": "p", "body": [1]}}'), /'x' needs a body/);
  });
});
