// Hatena: Open on Hatena: the public URL, or Hatena's editor for a draft (from the front matter, no request).
import * as vscode from 'vscode';
import { pageToOpen } from '../blog/hatenaPages';
import { targetDocument, type PublishServices } from './services';

export async function openOnHatena(services: PublishServices, arg: unknown): Promise<string | undefined> {
  const document = await targetDocument(services, arg);
  if (!document) return undefined;
  const blog = await services.accounts.resolve(document.uri);
  const page = pageToOpen(document.getText(), blog?.endpoint);
  if (!page) {
    void services.prompts.notify('warning', vscode.l10n.t('This post is not on Hatena yet: publish it or save it as a draft first.'));
    return undefined;
  }
  await vscode.env.openExternal(vscode.Uri.parse(page));
  return page;
}

export function registerOpenOnHatena(services: PublishServices): vscode.Disposable {
  return vscode.commands.registerCommand('hatenaWriter.openOnHatena', (arg?: unknown) => openOnHatena(services, arg));
}
