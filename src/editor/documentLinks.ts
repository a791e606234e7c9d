// Ctrl+click on notation opens where it leads, with the URLs the renderer publishes: `[f:id:…]` its Fotolife page,
// `id:user` the user's page, `[URL:…]` the URL, keyword links their search or article.
import * as vscode from 'vscode';
import { fotolifePageUrl, hatenaUserUrl } from '../hatena';
import { notationScanOf } from './notationCache';
import type { NotationOccurrence } from './notationScan';

export function notationTarget(o: NotationOccurrence): string | undefined {
  switch (o.kind) {
    case 'fotolife': return fotolifePageUrl(o.image);
    case 'hatenaId': return hatenaUserUrl(o.user);
    case 'link': return o.notation.url;
    case 'keyword': return o.href;
    default: return undefined;
  }
}

export function registerNotationLinks(selector: vscode.DocumentSelector, isHatenaPost: (doc: vscode.TextDocument) => boolean): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(selector, {
    provideDocumentLinks(document) {
      if (!isHatenaPost(document)) return [];
      const links: vscode.DocumentLink[] = [];
      for (const o of notationScanOf(document).occurrences) {
        const target = notationTarget(o);
        if (!target) continue;
        let uri: vscode.Uri;
        try { uri = vscode.Uri.parse(target, true); } catch { continue; }
        links.push(new vscode.DocumentLink(new vscode.Range(document.positionAt(o.start), document.positionAt(o.end)), uri));
      }
      return links;
    },
  });
}
