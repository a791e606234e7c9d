// Hover on notation: a Fotolife photo (its CDN URL, so it shows when online) and its parts in words; where a
// link, an embed, an id or a keyword link leads. URLs from the renderer's own builders.
import * as vscode from 'vscode';
import { bookmarkEntryUrl, fotolifePageUrl, fotolifeUrl, hatenaUserUrl, profileImageUrl, youtubeVideoId } from '../hatena';
import { notationScanOf } from './notationCache';
import { fotolifeIdDateTime, occurrenceAt, type NotationOccurrence } from './notationScan';

const EXT_NAMES = { jpg: 'JPEG', png: 'PNG', gif: 'GIF' } as const;

export function notationHoverMarkdown(o: NotationOccurrence): vscode.MarkdownString | undefined {
  const md = new vscode.MarkdownString();
  md.supportHtml = false;
  const url = (u: string) => `[${u.replace(/[\\[\]*_`<>]/g, '\\$&')}](${u.replace(/[()\s<>]/g, (c) => encodeURIComponent(c))})`;
  switch (o.kind) {
    case 'fotolife': {
      const image = o.image;
      md.appendMarkdown(`![${vscode.l10n.t('Fotolife photo')}](${fotolifeUrl(image)}|height=200)\n\n`);
      const kind = image.kind === 'plain' ? vscode.l10n.t('shown alone') : vscode.l10n.t('linked to its Fotolife page');
      md.appendMarkdown(`${vscode.l10n.t('Fotolife photo of {0}, uploaded {1}, {2}, {3}', image.user, fotolifeIdDateTime(image.id), EXT_NAMES[image.ext], kind)}\n\n`);
      const options: string[] = [];
      if (image.width) options.push(vscode.l10n.t('{0} px wide', image.width));
      if (image.height) options.push(vscode.l10n.t('{0} px high', image.height));
      if (image.align) options.push(image.align === 'left' ? vscode.l10n.t('floats left') : vscode.l10n.t('floats right'));
      if (image.size) options.push(image.size === 'small' ? vscode.l10n.t('small thumbnail') : vscode.l10n.t('medium thumbnail'));
      if (image.title !== undefined) options.push(vscode.l10n.t('title "{0}"', image.title));
      if (image.alt !== undefined) options.push(vscode.l10n.t('alt text "{0}"', image.alt));
      if (options.length > 0) md.appendText(options.join(', ')).appendMarkdown('\n\n');
      md.appendMarkdown(url(fotolifePageUrl(image)));
      return md;
    }
    case 'link': {
      const n = o.notation;
      if (n.kind === 'embed') {
        md.appendText(youtubeVideoId(n.url) ? vscode.l10n.t('Embeds the YouTube player of') : vscode.l10n.t('Embeds a card of the page'));
      } else if (n.kind === 'bookmark') {
        md.appendText(vscode.l10n.t('Links to the page, with its Hatena Bookmark count'));
      } else {
        md.appendText(n.title ? vscode.l10n.t('Links "{0}" to', n.title) : vscode.l10n.t('Links to the page (its title is fetched when saving)'));
      }
      md.appendMarkdown(`\n\n${url(n.url)}`);
      if (n.kind === 'bookmark') md.appendMarkdown(`\n\n${url(bookmarkEntryUrl(n.url))}`);
      return md;
    }
    case 'hatenaId':
      if (o.variant !== 'link') md.appendMarkdown(`![](${profileImageUrl(o.user)}|height=32) `);
      md.appendText(vscode.l10n.t('Links to the Hatena page of {0}', o.user));
      md.appendMarkdown(`\n\n${url(hatenaUserUrl(o.user))}`);
      return md;
    case 'keyword':
      md.appendText(vscode.l10n.t('Links {0} to', o.text));
      md.appendMarkdown(`\n\n${url(o.href)}`);
      return md;
    default:
      return undefined;
  }
}

export function registerNotationHover(selector: vscode.DocumentSelector, isHatenaPost: (doc: vscode.TextDocument) => boolean): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      if (!isHatenaPost(document)) return undefined;
      const o = occurrenceAt(notationScanOf(document).occurrences, document.offsetAt(position));
      const contents = o && notationHoverMarkdown(o);
      return contents && new vscode.Hover(contents, new vscode.Range(document.positionAt(o.start), document.positionAt(o.end)));
    },
  });
}
