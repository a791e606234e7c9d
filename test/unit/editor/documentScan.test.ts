import * as assert from 'node:assert/strict';
import { isInCodeOrComment } from '../../../src/editor/codeRegions';
import { completionsAt, DocumentScans, type ScanSource } from '../../../src/editor/documentScan';
import { hatenaCompletions } from '../../../src/editor/hatenaCompletions';
import { findHatenaId } from '../../../src/editor/hatenaIdSource';

const NOW = new Date(2026, 10, 25, 10, 15, 30);

/** A document over a string that counts what is read of it. */
class FakeDocument implements ScanSource {
  lines: string[];
  charsRead = 0;
  wholeReads = 0;
  lineReads = 0;
  settingReads = 0;
  constructor(private text: string, public version = 1) {
    this.lines = text.split('\n');
  }
  get lineCount() { return this.lines.length; }
  lineText(line: number) {
    this.lineReads++;
    return this.lines[line];
  }
  offsetAt(line: number, character: number) {
    let offset = 0;
    for (let i = 0; i < line; i++) offset += this.lines[i].length + 1;
    return offset + character;
  }
  textThrough(line?: number) {
    const text = line === undefined ? this.text : this.lines.slice(0, line + 1).join('\n');
    if (line === undefined) this.wholeReads++;
    this.charsRead += text.length;
    return text;
  }
  edit(text: string) {
    this.text = text;
    this.lines = text.split('\n');
    this.version++;
  }
  resetCounts() {
    this.charsRead = this.wholeReads = this.lineReads = this.settingReads = 0;
  }
}

/** Completions at the end of the line holding `|` (removed), with a counted setting. */
function at(doc: FakeDocument, scans: DocumentScans, line: number, character: number, setting?: string) {
  return completionsAt(scans, 'doc', doc, line, character, () => { doc.settingReads++; return setting; }, NOW).map((c) => c.label);
}

/** A long post: many paragraphs of prose, images and code. */
const BODY = Array.from({ length: 3000 }, (_, i) => `段落 ${i} の本文です。[リンク](https://example.com/${i}) と \`code\` と [f:id:yasay:20170604220500j:plain]。\n`).join('\n');

describe('documentScan: what the completion provider reads, and when', () => {
  it('a trigger that offers nothing (a Markdown link, https:, a ( in prose) reads nothing but the cursor\'s line', () => {
    for (const line of ['[リンク](', '[リンク](https:', 'see https:', '括弧 (', 'メモ:', '- [ ] todo [']) {
      const doc = new FakeDocument(`${BODY}\n${line}`);
      const scans = new DocumentScans();
      assert.deepEqual(at(doc, scans, doc.lineCount - 1, line.length), [], line);
      assert.deepEqual([doc.charsRead, doc.lineReads, doc.settingReads, scans.size], [0, 1, 0, 0], `${line}: chars, lines, setting, scans`);
    }
  });

  it('a notation reads only up to the end of the cursor\'s paragraph, not the rest of the post', () => {
    const head = '# 見出し\n\n本文 [:';
    const doc = new FakeDocument(`${head}\n続きの行\n\n${BODY}`);
    assert.deepEqual(at(doc, new DocumentScans(), 2, '本文 [:'.length), ['[:contents]']);
    assert.equal(doc.charsRead, `${head}\n続きの行`.length, 'through the paragraph\'s last line');
    assert.equal(doc.wholeReads, 0);
  });

  it('caches what it read per version, and reads again after an edit', () => {
    const doc = new FakeDocument(`${BODY}\n\n本文 ((`);
    const scans = new DocumentScans();
    const line = doc.lineCount - 1;
    assert.deepEqual(at(doc, scans, line, '本文 (('.length), ['((脚注))']);
    const first = doc.charsRead;
    assert.ok(first > 0);
    assert.deepEqual(at(doc, scans, line, '本文 (('.length), ['((脚注))']);
    assert.equal(doc.charsRead, first, 'the same version: nothing read again');
    doc.edit(`${BODY}\n\n\`本文 ((`);
    assert.deepEqual(at(doc, scans, line, '`本文 (('.length), ['((脚注))'], 'an unmatched backtick is literal');
    assert.equal(doc.charsRead, 2 * first + 1, 'a new version is read afresh');
  });

  it('the Hatena id: the setting reads nothing more, the front matter only itself, else the whole text once per version', () => {
    const front = '---\nTitle: t\nEditURL: https://blog.hatena.ne.jp/fmuser/fmuser.hatenablog.com/atom/entry/1\n---\n';
    // The setting.
    let doc = new FakeDocument(`${front}\n本文\n\n[f:\n\n${BODY}`);
    let scans = new DocumentScans();
    const imageLine = front.split('\n').length + 2;
    assert.match(at(doc, scans, imageLine, 3, 'settinguser')[0], /^\[f:id:settinguser:/);
    assert.equal(doc.wholeReads, 0);
    // The front matter: read through its closing line (the paragraph scan already did), never the whole text.
    doc = new FakeDocument(`${front}\n本文\n\n[f:\n\n${BODY}`);
    scans = new DocumentScans();
    assert.match(at(doc, scans, imageLine, 3)[0], /^\[f:id:fmuser:/);
    assert.equal(doc.wholeReads, 0);
    // Neither: the images of the whole text, once for this version.
    doc = new FakeDocument(`[f:\n\n${BODY}`);
    scans = new DocumentScans();
    assert.match(at(doc, scans, 0, 3)[0], /^\[f:id:yasay:/);
    assert.equal(doc.wholeReads, 1);
    at(doc, scans, 0, 3);
    assert.equal(doc.wholeReads, 1, 'cached for the version');
    // And only when the id matters: `[f:id:USER:` names it already.
    doc = new FakeDocument(`[f:id:other:\n\n${BODY}`);
    scans = new DocumentScans();
    assert.match(at(doc, scans, 0, '[f:id:other:'.length)[0], /^\[f:id:other:/);
    assert.deepEqual([doc.wholeReads, doc.settingReads], [0, 0]);
  });

  it('forget drops a closed document\'s scan (a reopened document starts again at version 1)', () => {
    const scans = new DocumentScans();
    const fenced = new FakeDocument('```\n\n[:');
    assert.deepEqual(at(fenced, scans, 2, 2), []);
    assert.equal(scans.size, 1);
    scans.forget('doc');
    assert.equal(scans.size, 0);
    const reopened = new FakeDocument('text\n[:'); // same key, same version, same length
    assert.deepEqual(at(reopened, scans, 1, 2), ['[:contents]']);
  });

  it('offers exactly what reading the whole document would, at every trigger of generated documents', () => {
    const parts = ['text ', '[:', '[f:', '((', 'id:yasay:', '`', '```\n', '\n', '\n\n', '<!--', '-->', '<!-->', '> ```\n', '---\n', 'Title: x\n',
      '[f:id:bob:20170604220500j:plain]', '- ', '[https://ex.com/:'];
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let n = 0; n < 300; n++) {
      let text = random() < 0.3 ? '---\n' : '';
      for (let i = 0, k = 1 + Math.floor(random() * 20); i < k; i++) text += parts[Math.floor(random() * parts.length)];
      const doc = new FakeDocument(text);
      const scans = new DocumentScans();
      doc.lines.forEach((lineText, line) => {
        for (let character = 0; character <= lineText.length; character++) {
          const offset = doc.offsetAt(line, character);
          const request = { linePrefix: lineText.slice(0, character), lineSuffix: lineText.slice(character), now: NOW };
          const expected = isInCodeOrComment(text, offset) ? [] : hatenaCompletions({ ...request, hatenaId: findHatenaId(text)?.id });
          const got = completionsAt(scans, 'doc', doc, line, character, () => undefined, NOW);
          assert.deepEqual(got, expected, `${JSON.stringify(text)} at ${line}:${character}`);
        }
      });
    }
  });
});
