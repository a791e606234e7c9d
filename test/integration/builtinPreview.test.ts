import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/*
 * VS Code's own Markdown preview loads our markdown-it plugin through contributes."markdown.markdownItPlugins" and
 * the extendMarkdownIt() that activate() returns. markdown.api.render runs that very engine.
 */

const renderMarkdown = async (text: string): Promise<string> => {
  const html = await vscode.commands.executeCommand<string>('markdown.api.render', text);
  assert.equal(typeof html, 'string');
  return html;
};

/** blogsync's header makes the text a Hatena post (a string has no file to tell); 4 lines. */
const POST_HEADER = '---\nTitle: テスト\nDate: 2017-06-04T22:05:00+09:00\n---\n';
const render = (body: string): Promise<string> => renderMarkdown(POST_HEADER + body);

describe('integration: Hatena notation in VS Code\'s built-in Markdown preview', () => {
  it('renders Fotolife as the published img with the CDN URL', async () => {
    const html = await render('会場の様子 [f:id:yasay:20170604220500j:plain:w350]\n');
    assert.match(html, /<span itemscope itemtype="http:\/\/schema\.org\/Photograph"><img src="https:\/\/cdn-ak\.f\.st-hatena\.com\/images\/fotolife\/y\/yasay\/20170604\/20170604220500\.jpg" loading="lazy" title="" class="hatena-fotolife" style="width:350px" itemprop="image"><\/span>/);
  });

  it('renders footnotes with the inline ref and the end-of-post list', async () => {
    const html = await render('本文((**脚注**です))。\n');
    assert.match(html, /<a href="#f-([0-9a-f]{8})" id="fn-\1" name="fn-\1" title="脚注です">\*1<\/a>/);
    assert.match(html, /<div class="footnote">\n<p class="footnote"><a href="#fn-[0-9a-f]{8}" id="f-[0-9a-f]{8}" name="f-[0-9a-f]{8}" class="footnote-number">\*1<\/a><span class="footnote-delimiter">:<\/span><span class="footnote-text"><strong>脚注<\/strong>です<\/span><\/p>\n<\/div>/);
  });

  it('embeds become static cards there (its CSP blocks third-party iframes), keeping its line stamps', async () => {
    const html = await render('前置き\n\n[https://aws.amazon.com/jp/summit/:embed:cite]\n');
    assert.doesNotMatch(html, /<iframe/);
    assert.match(html, /<div class="hatena-embed-card hatena-embed-card-web" data-url="https:\/\/aws\.amazon\.com\/jp\/summit\/">/);
    assert.match(html, /data-line="6"/);
  });

  it('front matter is not shown as text, whichever front_matter rule takes it', async () => {
    const html = await renderMarkdown('---\nTitle: AWS Summit Tokyo 2017に行ってきました\nCategory:\n- AWS\n---\n\nid:yasay さん\n');
    assert.doesNotMatch(html, /Title:|Category:/);
    assert.match(html, /<a href="https:\/\/blog\.hatena\.ne\.jp\/yasay\/" class="hatena-id-link">id:yasay<\/a> さん/);
  });

  it("code fences use Hatena's <pre class=\"code lang-X\">, and code spans are not notation", async () => {
    const html = await render('```go\nfmt.Println("hi")\n```\n\n`[f:id:yasay:20170604220500j:plain]`\n');
    assert.match(html, /<pre class="code lang-go[^"]*" [^>]*data-lang="go" data-unlink>/);
    assert.match(html, /<code>\[f:id:yasay:20170604220500j:plain\]<\/code>/);
  });

  it('[:contents] links to the ids VS Code\'s preview gives the headings (it names them, not us)', async () => {
    const headings = ['Day 2（5/31）', '「セッション」レポート', '感想', 'Day 3（6/1）', '感想', 'Foo', 'Foo', 'Foo 1', 'Foo', '**Amazon** `EC2` の話 id:yasay'];
    const html = await render(`[:contents]\n\n${headings.map((h, i) => `${i % 2 ? '###' : '##'} ${h}\n`).join('\n')}`);
    const tocHrefs = [...(/<ul class="table-of-contents[\s\S]*?<\/ul>\n/.exec(html)?.[0] ?? '').matchAll(/<a href="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]));
    const headingIds = [...html.matchAll(/<h[23] [^>]*\bid="([^"]*)"/g)].map((m) => m[1]);
    assert.equal(headingIds.length, headings.length, html);
    assert.deepEqual(tocHrefs, headingIds);
    assert.deepEqual(headingIds.slice(0, 5), ['day-2531', 'セッションレポート', '感想', 'day-361', '感想-1']);
    assert.match(html, /<a href="#day-2531">Day 2（5\/31）<\/a>/, 'the TOC text stays as written');
  });

  it('renders the workspace report.md end to end', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workspace is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'report.md'));
    const html = await renderMarkdown(document.getText());
    assert.ok((html.match(/class="hatena-fotolife"/g) ?? []).length >= 5);
    assert.match(html, /<ul class="table-of-contents/);
    assert.match(html, /class="hatena-more/);
    assert.equal((html.match(/class="footnote-number"/g) ?? []).length, 3);
  });

  it('leaves ordinary Markdown (a README) as VS Code renders it without this extension', async () => {
    const html = await renderMarkdown('# Project\n\nCompute ((a+b)) twice, then ask id:octocat.\n\n[:contents]\n');
    assert.match(html, /Compute \(\(a\+b\)\) twice, then ask id:octocat\./);
    assert.doesNotMatch(html, /footnote|hatena-id-link|table-of-contents/);
    assert.match(html, /<p[^>]*>\[:contents\]<\/p>/);
  });
});
