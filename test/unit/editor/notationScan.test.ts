import * as assert from 'node:assert/strict';
import { fotolifeIdDateTime, occurrenceAt, scanNotation, suggestOption } from '../../../src/editor/notationScan';

const kinds = (text: string) => scanNotation(text).occurrences.map((o) => `${o.kind}:${text.slice(o.start, o.end)}`);
const problems = (text: string) => scanNotation(text).problems.map((p) => `${p.code}:${p.text}${p.suggestion ? `→${p.suggestion}` : ''}`);

describe('notation scan: occurrences', () => {
  it('a Fotolife image with its parts', () => {
    const { occurrences } = scanNotation('写真 [f:id:yasay:20240501123456p:plain:w300:left:title=a:b] です');
    assert.equal(occurrences.length, 1);
    const o = occurrences[0];
    assert.equal(o.kind, 'fotolife');
    if (o.kind !== 'fotolife') return;
    assert.equal(o.start, 3);
    assert.deepEqual(o.image, { user: 'yasay', id: '20240501123456', ext: 'png', kind: 'plain', width: 300, align: 'left', title: 'a:b' });
    assert.equal(fotolifeIdDateTime(o.image.id), '2024-05-01 12:34:56');
  });

  it('[URL:…] forms, id:user, keyword links and footnotes', () => {
    assert.deepEqual(kinds('[https://example.com/:embed] [https://a.example/:title=A] id:yasay:detail [google:はてな] [wikipedia:東京] [asin:4774142298:detail] ((注 id:foo_bar))'), [
      'link:[https://example.com/:embed]',
      'link:[https://a.example/:title=A]',
      'hatenaId:id:yasay:detail',
      'keyword:[google:はてな]',
      'keyword:[wikipedia:東京]',
      'keyword:[asin:4774142298:detail]',
      'footnote:((注 id:foo_bar))',
      'hatenaId:id:foo_bar',
    ]);
  });

  it('skips code spans, fences, comments and front matter', () => {
    const text = '---\nTitle: id:yasay\n---\n`[f:id:yasay:20240501123456p:plain]`\n```\nid:yasay ((x\n```\n<!-- [f:id:ya say:1] -->\nid:real';
    assert.deepEqual(kinds(text), ['hatenaId:id:real']);
    assert.deepEqual(problems(text), []);
  });

  it('id: must start a word, as the renderer reads it', () => {
    assert.deepEqual(kinds('valid:user mail@id:abc a.id:abc _id:abc_'), ['hatenaId:id:abc']);
  });

  it('local images return their path; URLs are not local', () => {
    const { occurrences } = scanNotation('![a](img/a%20b.png "t") ![b](https://x/y.png) ![](<my pic.jpg>) ![c](data:image/png;base64,AA)');
    assert.deepEqual(occurrences.map((o) => o.kind === 'localImage' && o.path), ['img/a b.png', 'my pic.jpg']);
    const text = '![a](img/x.png)';
    const o = occurrences[0];
    assert.equal(text.slice(5, 14), 'img/x.png');
    assert.equal(o.start, 5);
  });

  it('occurrenceAt finds the innermost notation', () => {
    const text = '((see id:yasay))';
    const { occurrences } = scanNotation(text);
    assert.equal(occurrenceAt(occurrences, text.indexOf('yasay'))?.kind, 'hatenaId');
    assert.equal(occurrenceAt(occurrences, 2)?.kind, 'footnote');
    assert.equal(occurrenceAt(occurrences, text.length), undefined);
  });
});

describe('notation scan: problems', () => {
  it('a space in the user id, or an id Hatena cannot have', () => {
    assert.deepEqual(problems('[f:id:ya say:20240501123456j:plain]'), ['fotolife-user-space:ya say']);
    assert.deepEqual(problems('[f:id:ab:20240501123456j:plain] [f:id::20240501123456j:plain]'), ['fotolife-user:ab', 'fotolife-user:[f:id::20240501123456j:plain]']);
  });

  it('an impossible timestamp, a bad extension letter, a zero size, two kinds', () => {
    assert.deepEqual(problems('[f:id:yasay:20241301123456j:plain] [f:id:yasay:20240501123456x:plain] [f:id:yasay:20240501123456j:w0] [f:id:yasay:20240501123456j:plain:image] [f:id:yasay:2024:plain]'), [
      'fotolife-timestamp:[f:id:yasay:20241301123456j:plain]',
      'fotolife-extension:[f:id:yasay:20240501123456x:plain]',
      'fotolife-zeroSize:[f:id:yasay:20240501123456j:w0]',
      'fotolife-kindTwice:[f:id:yasay:20240501123456j:plain:image]',
      'fotolife-timestamp:[f:id:yasay:2024:plain]',
    ]);
  });

  it('an unknown option, with a did-you-mean', () => {
    const text = '[f:id:yasay:20240501123456j:plian] [f:id:yasay:20240501123456j:plain:zzz] [f:id:yasay:20240501123456j:plain:titel=x]';
    assert.deepEqual(problems(text), ['fotolife-option:plian→plain', 'fotolife-option:zzz', 'fotolife-option:titel=x→title=x']);
    const p = scanNotation(text).problems[0];
    assert.equal(text.slice(p.start, p.end), 'plian');
  });

  it('the skeleton placeholder はてなID left in', () => {
    assert.deepEqual(problems('[f:id:はてなID:20240501123456j:plain] id:はてなID'), ['placeholder:はてなID', 'placeholder:はてなID']);
  });

  it('an unclosed (( in its paragraph, not an escape', () => {
    assert.deepEqual(problems('注((ここ\n\n続き)) (((escaped))) ((ok))'), ['unclosed-footnote:((']);
    assert.deepEqual(problems('((`))` still open'), ['unclosed-footnote:((']);
  });

  it(':embed on something that is not a URL', () => {
    assert.deepEqual(problems('[example.com:embed] [www.example.com/x:embed:cite] [https://ok.example/:embed]'), [
      'embed-not-url:[example.com:embed]',
      'embed-not-url:[www.example.com/x:embed:cite]',
    ]);
  });

  it('valid notation and prose make no problem; bad input never throws', () => {
    assert.deepEqual(problems('[f:id:yasay:20240501123456j:plain] [リンク](https://x) id:yasay 普通の文 ((注))'), []);
    for (const s of ['[', '((', '![', 'id:', '[f:id:', '[f:id:a:', ':embed]', '![](', '[:embed]']) assert.doesNotThrow(() => scanNotation(s));
  });

  it('suggestOption only for near misses', () => {
    assert.equal(suggestOption('plian'), 'plain');
    assert.equal(suggestOption('imgae'), 'image');
    assert.equal(suggestOption('rigth'), 'right');
    assert.equal(suggestOption('xyz'), undefined);
    assert.equal(suggestOption('small'), undefined);
  });
});
