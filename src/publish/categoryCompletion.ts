// Completion of the front matter's Category list from the blog's category document (fetched once per blog per
// session; nothing is asked without a key, and a failure just gives no items).
import * as vscode from 'vscode';
import { inCategoryList } from '../blog/categoryContext';
import type { PublishServices } from './services';

export class CategoryCompletion implements vscode.CompletionItemProvider {
  private readonly cache = new Map<string, Promise<string[]>>();

  constructor(private readonly services: PublishServices) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const text = document.getText();
    if (!inCategoryList(text, document.offsetAt(position)) || !this.services.posts.isPostDocument(document)) return undefined;
    const blog = await this.services.accounts.resolve(document.uri);
    if (!blog?.apiKey) return undefined;
    const key = `${blog.endpoint}\n${blog.username}`;
    let terms = this.cache.get(key);
    if (!terms) {
      terms = this.services.accounts.api({ ...blog, apiKey: blog.apiKey }).categories();
      this.cache.set(key, terms);
      // A failure is not cached: the next completion asks again.
      terms.catch(() => this.cache.delete(key));
    }
    let list: string[];
    try {
      list = await terms;
    } catch {
      return undefined;
    }
    const line = document.lineAt(position.line).text.slice(0, position.character);
    const word = /[^\s\-\[,]*$/.exec(line)?.[0] ?? '';
    const range = new vscode.Range(position.translate(0, -word.length), position);
    return list.map((term, index) => {
      const item = new vscode.CompletionItem(term, vscode.CompletionItemKind.EnumMember);
      item.range = range;
      item.sortText = String(index).padStart(5, '0');
      item.detail = vscode.l10n.t('Category on {0}', blog.blogId);
      return item;
    });
  }

  clear(): void {
    this.cache.clear();
  }
}
