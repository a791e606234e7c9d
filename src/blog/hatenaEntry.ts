// The contract between Hatena Blog's AtomPub API (src/blog/hatenaBlogClient.ts), the post file on disk
// (src/blog/entryFile.ts) and the publish commands (src/publish/). Pure types: no vscode, no Node.

/** An entry as Hatena Blog returns it (GET member, a page of the collection, the answer to POST/PUT). */
export interface RemoteEntry {
  /** `link rel="edit"`: the member URI, `…/atom/entry/{entryId}`; blogsync's `EditURL`. */
  editUrl: string;
  /** The entry id: the last path segment of editUrl. */
  id: string;
  /** `link rel="alternate"`: the public URL (for a draft, where it will be); blogsync's `URL`. */
  url?: string;
  /** `link rel="preview"`: the share URL of a draft with `app:preview=yes`; blogsync's `PreviewURL`. */
  previewUrl?: string;
  title: string;
  /** The body as written (Markdown or はてな記法), exactly as the API gives it. */
  content: string;
  /** `content type=`: `text/x-markdown` | `text/x-hatena-syntax` | `text/html`. */
  contentType: string;
  categories: string[];
  /** `updated`: the date shown on the post (ISO 8601 with offset, as Hatena writes it); blogsync's `Date`. */
  updated?: string;
  /** `published`: when it went public. */
  published?: string;
  /** `app:edited`: the last modification, the clock conflicts are checked against. */
  edited?: string;
  draft: boolean;
  /** `app:preview=yes`: a draft with a share URL. */
  preview: boolean;
  /** `hatenablog:scheduled=yes`. */
  scheduled: boolean;
  /** `hatenablog:custom-url`; blogsync's `CustomPath`. */
  customUrl?: string;
  author?: string;
}

/** What a POST or PUT sends. `draft` is required: a PUT without `<app:draft>` publishes (see hatena-api.md). */
export interface EntryToSend {
  title: string;
  content: string;
  categories: readonly string[];
  /** The date to show on the post; omitted: Hatena sets now (POST) or keeps it (PUT). */
  updated?: string;
  draft: boolean;
  /** Ask for a share URL (drafts). */
  preview?: boolean;
  scheduled?: boolean;
  customUrl?: string;
  author?: string;
}

/** The AtomPub service document, as far as the editor needs it. */
export interface BlogService {
  /** The blog's title (`workspace > atom:title`, else the collection's title). */
  title: string;
  /** The entry collection URL (`collection href` accepting `application/atom+xml;type=entry`). */
  collectionUrl: string;
  /** The category document URL, when the service names one. */
  categoriesUrl?: string;
}

/** One page of the entry collection; `next` is the `rel="next"` link, absent on the last page. */
export interface EntryPage {
  entries: RemoteEntry[];
  next?: string;
}

/** Credentials for one blog. The API key comes from SecretStorage (or a blogsync.yaml `password`), never settings. */
export interface BlogAccount {
  /** The AtomPub root endpoint, `https://blog.hatena.ne.jp/{hatenaId}/{blogId}/atom` (any http(s) URL in tests). */
  endpoint: string;
  /** The Hatena id that signs requests (blogsync's `username`). */
  username: string;
  apiKey: string;
}

/** Why a request failed, so the host can word the message and offer the right button. */
export type HatenaApiErrorKind =
  | 'auth' // 401/403: wrong id or API key
  | 'bad-request' // 400: `serverText` says why (e.g. "XML Parse Failed" for a BOM)
  | 'not-found' // 404: deleted on Hatena, or a wrong endpoint
  | 'server' // 5xx and other unexpected statuses
  | 'timeout' // no answer in time: the request may or may not have been applied
  | 'network' // no connection, DNS, refused; in a browser also CORS (see `cors`)
  | 'protocol'; // an answer that is not the XML expected (not an AtomPub endpoint?)

export class HatenaApiError extends Error {
  constructor(
    readonly kind: HatenaApiErrorKind,
    message: string,
    readonly status?: number,
    /** The server's own text (its body, trimmed and shortened), for 400 and 5xx. */
    readonly serverText?: string,
    /** In a browser: the request was probably refused by CORS rather than the network. */
    readonly cors = false,
  ) {
    super(message);
    this.name = 'HatenaApiError';
  }
}

/** A Fotolife upload's answer. */
export interface FotolifeUpload {
  /** `f:id:USER:YYYYMMDDhhmmss{j|p|g}:image` as `hatena:syntax` gives it. */
  syntax: string;
  /** The same with `:image` rewritten to `:plain`, ready to insert in brackets. */
  plainSyntax: string;
  imageUrl?: string;
  pageUrl?: string;
}

/** Hatena Blog's AtomPub API for one blog (src/blog/hatenaBlogClient.ts; a fake in unit tests). */
export interface HatenaBlogApi {
  /** GET the root endpoint: checks the account and finds the collection. */
  service(): Promise<BlogService>;
  /** One page of the entry collection (drafts included); `url` is a previous page's `next`, else the first page. */
  listPage(url?: string): Promise<EntryPage>;
  /** GET a member URI (an entry's `EditURL`). */
  get(editUrl: string): Promise<RemoteEntry>;
  /** POST to the collection: a new entry; the answer is the entry as Hatena stored it. */
  create(entry: EntryToSend): Promise<RemoteEntry>;
  /** PUT to a member URI; `<app:draft>` is always sent. */
  update(editUrl: string, entry: EntryToSend): Promise<RemoteEntry>;
  /** The category document's terms, in its order. */
  categories(): Promise<string[]>;
}

/** What an image upload sends to Fotolife. */
export interface FotolifeImage {
  /** The photo's title on Fotolife (usually the file name without its extension). */
  title: string;
  /** `image/jpeg` | `image/png` | `image/gif`. */
  mimeType: string;
  bytes: Uint8Array;
  /** The Fotolife folder (`dc:subject`); omitted: Fotolife's top folder. */
  folder?: string;
}

/** Hatena Fotolife's AtomAPI (src/blog/fotolifeClient.ts). */
export interface FotolifeApi {
  upload(image: FotolifeImage, signal?: AbortSignal): Promise<FotolifeUpload>;
}
