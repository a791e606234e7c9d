import * as assert from 'node:assert/strict';
import { frontMatterLength, isInCodeOrComment } from '../../../src/editor/codeRegions';
import { completionsAt } from '../../../src/editor/documentScan';
import { hatenaCompletions } from '../../../src/editor/hatenaCompletions';
import { hatenaIdFromFrontMatter, hatenaIdFromImages } from '../../../src/editor/hatenaIdSource';
import { prng } from '../cpuTime';
import { FakeDocument } from './fakeDocument';

const NOW = new Date(2026, 10, 25, 10, 15, 30);

/** Labels offered at (line, character), with the setting's reads counted. */
function at(doc: FakeDocument, line: number, character: number, setting?: string) {
  const reads = { setting: 0 };
  const labels = completionsAt(doc, line, character, () => { reads.setting++; return setting; }, NOW).map((c) => c.label);
  return { labels, settingReads: reads.setting };
}

/** A long post: many paragraphs of prose, images and code. */
const BODY = Array.from({ length: 3000 }, (_, i) => `段落 ${i} の本文です。[リンク](https://example.com/${i}) と \`code\` と [f:id:yasay:20170604220500j:plain]。\n`).join('\n');

describe('documentScan: what the completion provider reads, and when', () => {
  it('a trigger that offers nothing (a Markdown link, https:, a ( in prose) reads nothing but the cursor\'s line', () => {
    for (const line of ['[リンク](', '[リンク](https:', 'see https:', '括弧 (', 'メモ:', '- [ ] todo [']) {
      const doc = new FakeDocument(`---\nTitle: t\n---\n${BODY}\n${line}`);
      const { labels, settingReads } = at(doc, doc.lineCount - 1, line.length);
      assert.deepEqual(labels, [], line);
      assert.deepEqual([doc.charsRead, doc.lineReads, settingReads], [0, 1, 0], `${line}: chars, lines, setting`);
    }
  });

  it('a notation reads only up to the end of the cursor\'s paragraph, not the rest of the post', () => {
    const head = '# 見出し\n\n本文 [:';
    const doc = new FakeDocument(`${head}\n続きの行\n\n${BODY}`);
    assert.deepEqual(at(doc, 2, '本文 [:'.length).labels, ['[:contents]']);
    assert.equal(doc.charsRead, `${head}\n続きの行`.length, 'through the paragraph\'s last line');
    assert.equal(doc.wholeReads, 0);
  });

  it('inside a front matter with a blank line in it, reads on through the front matter\'s closing line', () => {
    const front = '---\nTitle: t\n\nCategory: [:\n---\n';
    const doc = new FakeDocument(`${front}\n${BODY}`);
    assert.deepEqual(at(doc, 3, 'Category: [:'.length).labels, [], 'still the front matter');
    assert.equal(doc.wholeReads, 0);
    assert.ok(doc.charsRead < 4 * front.length, `read ${doc.charsRead} characters`);
    // An unclosed one that stops looking like YAML before the cursor's paragraph is not a front matter.
    const open = new FakeDocument(`---\nTitle: t\n\n本文 [:\n\n${BODY}`);
    assert.deepEqual(at(open, 3, '本文 [:'.length).labels, ['[:contents]']);
  });

  it('the Hatena id: the setting reads nothing more, the front matter only itself, else the whole text', () => {
    const front = '---\nTitle: t\nEditURL: https://blog.hatena.ne.jp/fmuser/fmuser.hatenablog.com/atom/entry/1\n---\n';
    const imageLine = front.split('\n').length + 2;
    // The setting.
    let doc = new FakeDocument(`${front}\n本文\n\n[f:\n\n${BODY}`);
    assert.match(at(doc, imageLine, 3, 'settinguser').labels[0], /^\[f:id:settinguser:/);
    assert.equal(doc.wholeReads, 0);
    // The front matter: read through its closing line, never the whole text.
    doc = new FakeDocument(`${front}\n本文\n\n[f:\n\n${BODY}`);
    assert.match(at(doc, imageLine, 3).labels[0], /^\[f:id:fmuser:/);
    assert.equal(doc.wholeReads, 0);
    // Neither: the images of the whole text.
    doc = new FakeDocument(`[f:\n\n${BODY}`);
    assert.match(at(doc, 0, 3).labels[0], /^\[f:id:yasay:/);
    assert.equal(doc.wholeReads, 1);
  });

  it('the Hatena id is looked up only by the items that carry it, and not in code', () => {
    const cases: [string, number][] = [
      ['[f:id:other:', 0], // names the id already
      ['[f:id:other:20170604220500j:', 0],
      ['[:', 0],
      ['((', 0],
      ['[https://example.com/:', 0],
      ['`[f:`', 0], // inline code: nothing offered, the id not looked up
      ['[f:', 1],
      ['[', 1],
    ];
    for (const [line, lookups] of cases) {
      const doc = new FakeDocument(`${line}\n\n${BODY}`);
      const character = line.endsWith('`') ? line.length - 1 : line.length;
      const { settingReads } = at(doc, 0, character);
      assert.deepEqual([doc.wholeReads, settingReads], [lookups, lookups], `${line}: whole reads, setting reads`);
    }
    const fenced = new FakeDocument(`\`\`\`\n[f:\n\n${BODY}`);
    assert.deepEqual(at(fenced, 1, 3), { labels: [], settingReads: 0 }, 'in a fence');
    assert.equal(fenced.wholeReads, 0);
  });

  it('offers exactly what reading the whole document would, at every trigger of generated documents', () => {
    const parts = ['text ', '[:', '[f:', '((', 'id:yasay:', '`', '```\n', '\n', '\n\n', '<!--', '-->', '<!-->', '> ```\n', '---\n', 'Title: x\n',
      '[f:id:bob:20170604220500j:plain]', '- ', '[https://ex.com/:', 'EditURL: https://blog.hatena.ne.jp/eve/b/atom/entry/1\n', '\r\n'];
    const SEED = 7;
    const random = prng(SEED);
    for (let n = 0; n < 300; n++) {
      let text = random() < 0.3 ? '---\n' : '';
      for (let i = 0, k = 1 + Math.floor(random() * 20); i < k; i++) text += parts[Math.floor(random() * parts.length)];
      const doc = new FakeDocument(text);
      // The reference reads the whole text at once.
      const id = hatenaIdFromFrontMatter(text.slice(0, frontMatterLength(text))) ?? hatenaIdFromImages(text);
      doc.lines.forEach((lineText, line) => {
        for (let character = 0; character <= lineText.length; character++) {
          const offset = doc.offsetAt(line, character);
          const request = { linePrefix: lineText.slice(0, character), lineSuffix: lineText.slice(character), now: NOW };
          const expected = isInCodeOrComment(text, offset) ? [] : hatenaCompletions({ ...request, hatenaId: () => id?.id });
          const got = completionsAt(doc, line, character, () => undefined, NOW);
          assert.deepEqual(got, expected, `seed ${SEED} document ${n} ${JSON.stringify(text)} at ${line}:${character}`);
        }
      });
    }
  });
});
