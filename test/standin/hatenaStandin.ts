// A local stand-in for Hatena Blog's AtomPub API and Fotolife's AtomAPI, as strict as Hatena's documentation
// (hatena-api.md), for unit and integration tests: loopback only, port 0, no internet. It checks WSSE on every
// request and keeps Hatena's traps (a PUT without <app:draft> publishes). Plain Node, so it also runs inside the
// VS Code extension host (compiled by `tsc -p .` into out/test/standin/).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { DOMParser, type Element } from '@xmldom/xmldom';

export interface StandinOptions {
  username?: string /* 'yasay' */;
  apiKey?: string /* 'test-api-key' */;
  blogId?: string /* 'yasay.hatenablog.com' */;
  blogTitle?: string /* 'yasayの日記' */;
  pageSize?: number /* 7 */;
  categories?: string[];
}
export interface StoredEntry {
  id: string;
  title: string;
  content: string;
  contentType: string;
  categories: string[];
  updated: string;
  published?: string;
  edited: string;
  draft: boolean;
  preview: boolean;
  scheduled: boolean;
  customUrl?: string;
  author: string;
}
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
export interface StoredUpload {
  id: string;
  title: string;
  mimeType: string;
  bytes: Buffer;
  folder?: string;
  syntax: string;
}
export interface Standin {
  readonly origin: string; // http://127.0.0.1:PORT
  readonly endpoint: string; // `${origin}/${username}/${blogId}/atom`  (service document)
  readonly fotolifeEndpoint: string; // `${origin}/fotolife/atom/post`
  readonly entries: StoredEntry[]; // newest first
  readonly requests: RecordedRequest[];
  readonly uploads: StoredUpload[];
  seedEntry(entry: Partial<StoredEntry> & { title: string; content: string }): StoredEntry;
  editRemotely(id: string, changes: Partial<StoredEntry>): StoredEntry; // as if edited in the browser: bumps `edited`
  deleteRemotely(id: string): void;
  failNext(status: number, body?: string): void; // the next API request gets this answer
  hangNext(): void; // the next request never gets an answer (timeout tests)
  close(): Promise<void>;
}

const ATOM = 'http://www.w3.org/2005/Atom';
const APP = 'http://www.w3.org/2007/app';
const HATENABLOG = 'http://www.hatena.ne.jp/info/xmlns#hatenablog';
const HATENA = 'http://www.hatena.ne.jp/info/xmlns#';
const ATOM03 = 'http://purl.org/atom/ns#';
const DC = 'http://purl.org/dc/elements/1.1/';
const JST_MS = 9 * 3600 * 1000;
const WSSE_WINDOW_MS = 5 * 60 * 1000;

/** `2013-09-02T11:28:23+09:00`: Hatena's way of writing times. */
function jst(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + JST_MS).toISOString().slice(0, 19)}+09:00`;
}

/** Epoch ms of an ISO date; one without an offset is read as JST, as Hatena does. */
function parseDate(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t)) return undefined;
  const ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}+09:00`);
  return Number.isNaN(ms) ? undefined : ms;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    text: string,
  ) {
    super(text);
  }
}

/** Strict parse: any well-formedness error is Hatena's 400. */
function parseBody(body: Buffer): Element {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) throw new HttpError(400, 'XML Parse Failed');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
  let root: Element | null = null;
  try {
    root = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(text, 'text/xml').documentElement;
  } catch {
    throw new HttpError(400, 'XML Parse Failed');
  }
  if (!root) throw new HttpError(400, 'XML Parse Failed');
  return root;
}

function children(parent: Element, ns: string, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name) out.push(n as Element);
  return out;
}
function child(parent: Element, ns: string, name: string): Element | undefined {
  return children(parent, ns, name)[0];
}
function yesNo(el: Element | undefined, what: string): boolean | undefined {
  if (!el) return undefined;
  const v = (el.textContent ?? '').trim();
  if (v !== 'yes' && v !== 'no') throw new HttpError(400, `${what} must be yes or no`);
  return v === 'yes';
}

/** The image type a file's first bytes announce. */
function magicType(bytes: Buffer): string | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 4 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes.length >= 4 && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x38) return 'image/gif';
  return undefined;
}

export async function startHatenaStandin(options: StandinOptions = {}): Promise<Standin> {
  const username = options.username ?? 'yasay';
  const apiKey = options.apiKey ?? 'test-api-key';
  const blogId = options.blogId ?? 'yasay.hatenablog.com';
  const blogTitle = options.blogTitle ?? 'yasayの日記';
  const pageSize = options.pageSize ?? 7;
  const categoryList = [...(options.categories ?? [])];

  const entries: StoredEntry[] = [];
  const requests: RecordedRequest[] = [];
  const uploads: StoredUpload[] = [];
  const seenNonces = new Set<string>();
  const previewTokens = new Map<string, string>();
  const pending: ({ kind: 'fail'; status: number; body: string } | { kind: 'hang' })[] = [];
  const sockets = new Set<Socket>();
  // A BigInt: Hatena's ids are past Number.MAX_SAFE_INTEGER, where `n++` on a number stays put (every entry got one id).
  let nextId = 13574176438046000n;
  let lastEdited = 0;
  let lastDefaultUpdated = 0;
  let lastFotolifeSecond = 0;

  const basePath = `/${username}/${blogId}/atom`;
  let origin = '';

  /** Strictly increasing at Hatena's one-second resolution, so each write's app:edited is newer than the last. */
  const editedNow = () => {
    lastEdited = Math.max(Date.now(), lastEdited + 1000);
    return jst(lastEdited);
  };
  /** A new entry's default date: now, but a second after the previous default, so pages never split a tie. */
  const defaultUpdated = () => {
    lastDefaultUpdated = Math.max(Math.floor(Date.now() / 1000) * 1000, lastDefaultUpdated + 1000);
    return jst(lastDefaultUpdated);
  };
  const sortEntries = () => {
    // Newest `updated` first; ties keep their order (the later-stored first, as they were unshifted).
    const order = new Map(entries.map((e, i) => [e, i]));
    entries.sort((a, b) => (parseDate(b.updated) ?? 0) - (parseDate(a.updated) ?? 0) || order.get(a)! - order.get(b)!);
  };
  const find = (id: string) => {
    const e = entries.find((x) => x.id === id);
    if (!e) throw new HttpError(404, 'Not Found');
    return e;
  };
  const memberUrl = (e: StoredEntry) => `${origin}${basePath}/entry/${e.id}`;
  const alternateUrl = (e: StoredEntry) => {
    if (e.customUrl) return `https://${blogId}/entry/${e.customUrl}`;
    const d = new Date((parseDate(e.updated) ?? 0) + JST_MS).toISOString();
    return `https://${blogId}/entry/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}`;
  };

  const store = (fields: Partial<StoredEntry> & { title: string; content: string }): StoredEntry => {
    const draft = fields.draft ?? false;
    const entry: StoredEntry = {
      id: fields.id ?? String(nextId++),
      title: fields.title,
      content: fields.content,
      contentType: fields.contentType ?? 'text/x-markdown',
      categories: [...(fields.categories ?? [])],
      updated: fields.updated ?? defaultUpdated(),
      edited: fields.edited ?? editedNow(),
      draft,
      preview: draft && (fields.preview ?? false),
      scheduled: draft && (fields.scheduled ?? false),
      author: fields.author ?? username,
      ...(fields.published !== undefined ? { published: fields.published } : draft ? {} : { published: jst(Date.now()) }),
      ...(fields.customUrl !== undefined ? { customUrl: fields.customUrl } : {}),
    };
    entries.unshift(entry);
    for (const c of entry.categories) if (!categoryList.includes(c)) categoryList.push(c);
    sortEntries();
    return entry;
  };

  const entryXml = (e: StoredEntry, withDeclaration: boolean): string => {
    const links = [`<link rel="edit" href="${esc(memberUrl(e))}"/>`, `<link rel="alternate" type="text/html" href="${esc(alternateUrl(e))}"/>`];
    if (e.draft && e.preview) {
      if (!previewTokens.has(e.id)) previewTokens.set(e.id, randomBytes(12).toString('hex'));
      links.push(`<link rel="preview" type="text/html" href="https://${blogId}/draft/${previewTokens.get(e.id)}"/>`);
    }
    return [
      withDeclaration ? '<?xml version="1.0" encoding="utf-8"?>\n' : '',
      `<entry xmlns="${ATOM}" xmlns:app="${APP}">`,
      `<id>tag:blog.hatena.ne.jp,2013:blog-${esc(username)}-20000000000000-${e.id}</id>`,
      ...links,
      `<author><name>${esc(e.author)}</name></author>`,
      `<title>${esc(e.title)}</title>`,
      `<updated>${esc(e.updated)}</updated>`,
      e.published ? `<published>${esc(e.published)}</published>` : '',
      `<app:edited>${esc(e.edited)}</app:edited>`,
      `<summary type="text">${esc(e.content.slice(0, 140))}</summary>`,
      `<content type="${esc(e.contentType)}">${esc(e.content)}</content>`,
      `<hatena:formatted-content type="text/html" xmlns:hatena="${HATENA}">${esc(`<p>${esc(e.content)}</p>`)}</hatena:formatted-content>`,
      ...e.categories.map((c) => `<category term="${esc(c)}"/>`),
      `<app:control><app:draft>${e.draft ? 'yes' : 'no'}</app:draft><app:preview>${e.preview ? 'yes' : 'no'}</app:preview>`,
      `<hatenablog:scheduled xmlns:hatenablog="${HATENABLOG}">${e.scheduled ? 'yes' : 'no'}</hatenablog:scheduled></app:control>`,
      e.customUrl ? `<hatenablog:custom-url xmlns:hatenablog="${HATENABLOG}">${esc(e.customUrl)}</hatenablog:custom-url>` : '',
      '</entry>',
    ].join('');
  };

  /** Verifies X-WSSE as Hatena does (or Basic); throws 401. */
  const authenticate = (req: IncomingMessage) => {
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      if (Buffer.from(basic[1], 'base64').toString('utf8') === `${username}:${apiKey}`) return;
      throw new HttpError(401, 'Basic authentication failed');
    }
    const header = req.headers['x-wsse'];
    const fail = () => new HttpError(401, 'WSSE authentication failed');
    if (typeof header !== 'string') throw fail();
    const m = /^UsernameToken\s+(.*)$/.exec(header.trim());
    if (!m) throw fail();
    const fields = new Map<string, string>();
    for (const part of m[1].matchAll(/(\w+)="([^"]*)"/g)) fields.set(part[1], part[2]);
    const [user, digest, nonce, created] = ['Username', 'PasswordDigest', 'Nonce', 'Created'].map((k) => fields.get(k));
    if (user !== username || !digest || !nonce || !created) throw fail();
    const createdMs = Date.parse(created);
    if (Number.isNaN(createdMs) || Math.abs(Date.now() - createdMs) > WSSE_WINDOW_MS) throw fail();
    const expected = createHash('sha1').update(Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created + apiKey, 'utf8')])).digest('base64');
    if (expected !== digest) throw fail();
    if (seenNonces.has(nonce)) throw fail();
    seenNonces.add(nonce);
  };

  const readEntryRequest = (body: Buffer) => {
    const root = parseBody(body);
    if (root.namespaceURI !== ATOM || root.localName !== 'entry') throw new HttpError(400, 'Invalid request: the root element must be an Atom entry');
    const content = child(root, ATOM, 'content');
    if (!content) throw new HttpError(400, 'Invalid request: content is required');
    const control = child(root, APP, 'control');
    const updatedEl = child(root, ATOM, 'updated');
    let updated: string | undefined;
    if (updatedEl) {
      const ms = parseDate(updatedEl.textContent ?? '');
      if (ms === undefined) throw new HttpError(400, 'Invalid request: updated is not a date');
      updated = jst(ms);
    }
    const customUrlEl = child(root, HATENABLOG, 'custom-url');
    return {
      title: child(root, ATOM, 'title')?.textContent ?? '',
      content: content.textContent ?? '',
      categories: children(root, ATOM, 'category').map((c) => c.getAttribute('term') ?? '').filter((t) => t !== ''),
      updated,
      // Hatena: "指定を行わなかった場合、下書きでないものとみなされます" — no app:draft means not a draft.
      draft: (control && yesNo(child(control, APP, 'draft'), 'app:draft')) ?? false,
      preview: (control && yesNo(child(control, APP, 'preview'), 'app:preview')) ?? false,
      scheduled: (control && yesNo(child(control, HATENABLOG, 'scheduled'), 'hatenablog:scheduled')) ?? false,
      customUrl: customUrlEl ? (customUrlEl.textContent ?? '').trim() : undefined,
    };
  };

  type Answer = { status: number; type?: string; body: string; headers?: Record<string, string> };
  const xml = (status: number, type: string, body: string, headers?: Record<string, string>): Answer => ({ status, type: `${type}; charset=utf-8`, body, ...(headers ? { headers } : {}) });

  const collectionPage = (url: URL): Answer => {
    const pageParam = url.searchParams.get('page');
    let list = entries;
    if (pageParam !== null) {
      if (!/^\d+$/.test(pageParam)) throw new HttpError(400, 'Invalid page');
      const cursor = Number(pageParam) * 1000;
      list = entries.filter((e) => (parseDate(e.updated) ?? 0) <= cursor);
    }
    const page = list.slice(0, pageSize);
    const rest = list.slice(pageSize);
    const collection = `${origin}${basePath}/entry`;
    const next = rest.length > 0 ? `<link rel="next" href="${esc(`${collection}?page=${Math.floor((parseDate(rest[0].updated) ?? 0) / 1000)}`)}"/>` : '';
    return xml(
      200,
      'application/atom+xml',
      `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="${ATOM}" xmlns:app="${APP}"><link rel="first" href="${esc(collection)}"/>${next}<title>${esc(blogTitle)}</title><link rel="alternate" href="https://${blogId}/"/><updated>${jst(Date.now())}</updated><author><name>${esc(username)}</name></author><generator uri="https://blog.hatena.ne.jp/" version="1">Hatena::Blog</generator><id>hatenablog://blog/2000000000000</id>${page.map((e) => entryXml(e, false)).join('')}</feed>`,
    );
  };

  const blogRoute = (method: string, url: URL, body: Buffer): Answer => {
    const rest = url.pathname.slice(basePath.length);
    const allow = (...methods: string[]) => {
      if (!methods.includes(method)) throw new HttpError(405, 'Method Not Allowed');
    };
    if (rest === '' || rest === '/') {
      allow('GET');
      const collection = `${origin}${basePath}/entry`;
      return xml(
        200,
        'application/atomsvc+xml',
        `<?xml version="1.0" encoding="utf-8"?>\n<service xmlns="${APP}"><workspace><atom:title xmlns:atom="${ATOM}">${esc(blogTitle)}</atom:title><collection href="${esc(collection)}"><atom:title xmlns:atom="${ATOM}">記事一覧</atom:title><accept>application/atom+xml;type=entry</accept><categories href="${esc(`${origin}${basePath}/category`)}"/></collection></workspace></service>`,
      );
    }
    if (rest === '/category') {
      allow('GET');
      return xml(200, 'application/atomcat+xml', `<?xml version="1.0" encoding="utf-8"?>\n<app:categories xmlns:app="${APP}" xmlns:atom="${ATOM}" fixed="no">${categoryList.map((c) => `<atom:category term="${esc(c)}"/>`).join('')}</app:categories>`);
    }
    if (rest === '/entry') {
      allow('GET', 'POST');
      if (method === 'GET') return collectionPage(url);
      const sent = readEntryRequest(body);
      const entry = store({ ...sent, updated: sent.updated ?? defaultUpdated(), customUrl: sent.customUrl || undefined });
      return xml(201, 'application/atom+xml', entryXml(entry, true), { Location: memberUrl(entry) });
    }
    const member = /^\/entry\/([^/]+)$/.exec(rest);
    if (member) {
      allow('GET', 'PUT', 'DELETE');
      const entry = find(decodeURIComponent(member[1]));
      if (method === 'GET') return xml(200, 'application/atom+xml', entryXml(entry, true));
      if (method === 'DELETE') {
        entries.splice(entries.indexOf(entry), 1);
        return { status: 200, body: '' };
      }
      const sent = readEntryRequest(body);
      applyChanges(entry, sent);
      return xml(200, 'application/atom+xml', entryXml(entry, true));
    }
    throw new HttpError(404, 'Not Found');
  };

  /** A write: PUT replaces title, content, categories and the control flags; `updated`/custom-url only when given. */
  const applyChanges = (entry: StoredEntry, sent: ReturnType<typeof readEntryRequest>) => {
    entry.title = sent.title;
    entry.content = sent.content;
    entry.categories = sent.categories;
    if (sent.updated !== undefined) entry.updated = sent.updated;
    if (sent.customUrl !== undefined) {
      if (sent.customUrl === '') delete entry.customUrl;
      else entry.customUrl = sent.customUrl;
    }
    entry.draft = sent.draft;
    entry.preview = sent.draft && sent.preview;
    entry.scheduled = sent.draft && sent.scheduled;
    if (!entry.draft && !entry.published) entry.published = jst(Date.now());
    entry.edited = editedNow();
    for (const c of entry.categories) if (!categoryList.includes(c)) categoryList.push(c);
    sortEntries();
  };

  const fotolifeRoute = (method: string, body: Buffer): Answer => {
    if (method !== 'POST') throw new HttpError(405, 'Method Not Allowed');
    const root = parseBody(body);
    if (root.namespaceURI !== ATOM03 || root.localName !== 'entry') throw new HttpError(400, 'Invalid request: an Atom 0.3 entry (http://purl.org/atom/ns#) is required');
    const content = child(root, ATOM03, 'content');
    if (!content || content.getAttribute('mode') !== 'base64') throw new HttpError(400, 'Invalid request: content mode="base64" is required');
    const mimeType = content.getAttribute('type') ?? '';
    const ext = ({ 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' } as Record<string, string>)[mimeType];
    if (!ext) throw new HttpError(400, `Invalid request: unsupported type ${mimeType}`);
    const b64 = (content.textContent ?? '').replace(/\s+/g, '');
    if (b64 === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) throw new HttpError(400, 'Invalid request: content is not base64');
    const bytes = Buffer.from(b64, 'base64');
    if (magicType(bytes) !== mimeType) throw new HttpError(400, `Invalid request: the image is not ${mimeType}`);
    // Fotolife ids are the upload's JST second; a second upload in the same second takes the next free one.
    lastFotolifeSecond = Math.max(Math.floor(Date.now() / 1000), lastFotolifeSecond + 1);
    const stamp = new Date(lastFotolifeSecond * 1000 + JST_MS).toISOString().replace(/\D/g, '').slice(0, 14);
    const letter = ext[0];
    const syntax = `f:id:${username}:${stamp}${letter}:image`;
    const folderEl = child(root, DC, 'subject');
    const title = child(root, ATOM03, 'title')?.textContent ?? '';
    const upload: StoredUpload = { id: stamp, title, mimeType, bytes, syntax, ...(folderEl ? { folder: folderEl.textContent ?? '' } : {}) };
    uploads.push(upload);
    const imageUrl = `https://cdn-ak.f.st-hatena.com/images/fotolife/${username[0]}/${username}/${stamp.slice(0, 8)}/${stamp}.${ext}`;
    return xml(
      201,
      'application/x.atom+xml',
      `<?xml version="1.0" encoding="utf-8"?>\n<entry xmlns="${ATOM03}"><title>${esc(title)}</title><link rel="alternate" type="text/html" href="https://f.hatena.ne.jp/${esc(username)}/${stamp}"/><issued>${jst(lastFotolifeSecond * 1000)}</issued><author><name>${esc(username)}</name></author><generator url="https://f.hatena.ne.jp/" version="1.0">Hatena::Fotolife</generator>${folderEl ? `<dc:subject xmlns:dc="${DC}">${esc(upload.folder ?? '')}</dc:subject>` : ''}<id>tag:hatena.ne.jp,2005:fotolife-${esc(username)}-${stamp}</id><hatena:imageurl xmlns:hatena="${HATENA}">${imageUrl}</hatena:imageurl><hatena:imageurlsmall xmlns:hatena="${HATENA}">${imageUrl.replace(/\.(\w+)$/, '_m.$1')}</hatena:imageurlsmall><hatena:syntax xmlns:hatena="${HATENA}">${syntax}</hatena:syntax></entry>`,
    );
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', origin);
    requests.push({ method, path: `${url.pathname}${url.search}`, headers: { ...req.headers }, body: body.toString('utf8') });
    const send = (a: Answer) => {
      res.writeHead(a.status, { ...(a.type ? { 'Content-Type': a.type } : {}), ...(a.headers ?? {}) });
      res.end(a.body);
    };
    const planned = pending.shift();
    if (planned?.kind === 'hang') return; // the socket stays open until close()
    if (planned?.kind === 'fail') return send({ status: planned.status, type: 'text/plain; charset=utf-8', body: planned.body });
    try {
      const isBlog = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
      const isFotolife = url.pathname === '/fotolife/atom/post';
      if (!isBlog && !isFotolife) throw new HttpError(404, 'Not Found');
      authenticate(req);
      send(isBlog ? blogRoute(method, url, body) : fotolifeRoute(method, body));
    } catch (e) {
      if (e instanceof HttpError) send({ status: e.status, type: 'text/plain; charset=utf-8', body: e.message });
      else send({ status: 500, type: 'text/plain; charset=utf-8', body: `Internal Server Error: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    endpoint: `${origin}${basePath}`,
    fotolifeEndpoint: `${origin}/fotolife/atom/post`,
    entries,
    requests,
    uploads,
    seedEntry: (entry) => store(entry),
    editRemotely(id, changes) {
      const entry = entries.find((e) => e.id === id);
      if (!entry) throw new Error(`standin: no entry ${id}`);
      Object.assign(entry, changes, { id: entry.id });
      if (changes.edited === undefined) entry.edited = editedNow();
      sortEntries();
      return entry;
    },
    deleteRemotely(id) {
      const i = entries.findIndex((e) => e.id === id);
      if (i < 0) throw new Error(`standin: no entry ${id}`);
      entries.splice(i, 1);
    },
    failNext: (status, body = '') => void pending.push({ kind: 'fail', status, body }),
    hangNext: () => void pending.push({ kind: 'hang' }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
