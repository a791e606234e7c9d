// Hatena Blog's AtomPub API for one blog (hatena-api.md): the service document, the entry collection page by page,
// members, and the category document. Web-standard `fetch` only, so it runs in Node and on vscode.dev alike.
import { entryXml, parseCategories, parseEntry, parseFeed, parseService } from './atomXml';
import type { BlogAccount, BlogService, EntryPage, EntryToSend, HatenaBlogApi, RemoteEntry } from './hatenaEntry';
import { hatenaRequest, type HatenaRequest, type HatenaRequestOptions } from './hatenaRequest';

export interface HatenaClientOptions {
  fetch?: typeof fetch;
  /** How long to wait for an answer; default 30 000 ms. */
  timeoutMs?: number;
  /** Whether a failed fetch may be CORS (see looksLikeBrowser in hatenaRequest.ts); default guessed. */
  browserLike?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export class HatenaBlogClient implements HatenaBlogApi {
  private readonly request: HatenaRequestOptions;
  private servicePromise: Promise<BlogService> | undefined;

  constructor(
    private readonly account: BlogAccount,
    options: HatenaClientOptions = {},
  ) {
    this.request = {
      // Bound: some hosts' fetch throws "Illegal invocation" when called as a method of another object.
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      username: account.username,
      apiKey: account.apiKey,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      ...(options.browserLike !== undefined ? { browserLike: options.browserLike } : {}),
    };
  }

  private async send(request: HatenaRequest): Promise<string> {
    return (await hatenaRequest(this.request, request)).text;
  }

  async service(): Promise<BlogService> {
    const url = this.account.endpoint;
    const service = parseService(await this.send({ method: 'GET', url, what: 'the service document' }), url);
    this.servicePromise = Promise.resolve(service);
    return service;
  }

  /** The service document once per client: the collection URL is read from it, not guessed. */
  private knownService(): Promise<BlogService> {
    this.servicePromise ??= this.service().catch((e: unknown) => {
      this.servicePromise = undefined;
      throw e;
    });
    return this.servicePromise;
  }

  async listPage(url?: string): Promise<EntryPage> {
    const pageUrl = url ?? (await this.knownService()).collectionUrl;
    return parseFeed(await this.send({ method: 'GET', url: pageUrl, what: 'a page of entries' }), pageUrl);
  }

  async get(editUrl: string): Promise<RemoteEntry> {
    return parseEntry(await this.send({ method: 'GET', url: editUrl, what: 'the entry' }), editUrl);
  }

  async create(entry: EntryToSend): Promise<RemoteEntry> {
    const body = entryXml(entry);
    const collectionUrl = (await this.knownService()).collectionUrl;
    const response = await hatenaRequest(this.request, { method: 'POST', url: collectionUrl, body, what: 'the new entry' });
    const location = response.headers.get('Location') ?? undefined;
    return parseEntry(response.text, location ?? collectionUrl);
  }

  async update(editUrl: string, entry: EntryToSend): Promise<RemoteEntry> {
    const body = entryXml(entry);
    return parseEntry(await this.send({ method: 'PUT', url: editUrl, body, what: 'the entry' }), editUrl);
  }

  async categories(): Promise<string[]> {
    // Hatena's service document does not name it; the documented place is `{endpoint}/category`.
    const url = (await this.knownService()).categoriesUrl ?? `${this.account.endpoint.replace(/\/+$/, '')}/category`;
    return parseCategories(await this.send({ method: 'GET', url, what: 'the category document' }));
  }
}

