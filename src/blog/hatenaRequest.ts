// One signed request to a Hatena API and the mapping of every way it can fail to a HatenaApiError, shared by the
// blog and Fotolife clients. The API key never reaches a message: server text is scrubbed of it, too.
import { HatenaApiError } from './hatenaEntry';
import { wsseHeader } from './wsse';

export interface HatenaRequestOptions {
  fetch: typeof fetch;
  username: string;
  apiKey: string;
  timeoutMs: number;
  /** Whether a failed fetch may be CORS; default: guessed from the global scope (see `looksLikeBrowser`). */
  browserLike?: boolean;
}

export interface HatenaRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: string;
  /** What the answer should be, for messages: "the service document", "the entry" … */
  what: string;
  signal?: AbortSignal;
}

export interface HatenaResponse {
  status: number;
  text: string;
  headers: Headers;
}

/**
 * A page (`document`) or a web worker (`importScripts`, as on vscode.dev) rather than Node: there a fetch that fails
 * without an answer is often a CORS refusal, which the browser does not tell scripts apart from a network error.
 */
export function looksLikeBrowser(): boolean {
  const g = globalThis as { document?: unknown; importScripts?: unknown };
  return typeof g.document !== 'undefined' || typeof g.importScripts === 'function';
}

/** Replaces the API key wherever it appears, so no message, serverText or stack can leak it. */
function scrub(text: string, apiKey: string): string {
  return apiKey ? text.split(apiKey).join('***') : text;
}

/** The server's text as a message can quote it: tags dropped, whitespace collapsed, at most 300 characters. */
function serverTextOf(body: string, apiKey: string): string {
  const text = scrub(body, apiKey).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function statusError(status: number, body: string, what: string, url: string, apiKey: string): HatenaApiError {
  const serverText = serverTextOf(body, apiKey);
  const said = serverText ? `: ${serverText}` : '';
  if (status === 401 || status === 403) return new HatenaApiError('auth', `Hatena refused the Hatena id or API key (${status})${said}.`, status, serverText || undefined);
  if (status === 400) return new HatenaApiError('bad-request', `Hatena rejected the request for ${what} (400)${said}.`, status, serverText || undefined);
  if (status === 404) return new HatenaApiError('not-found', `Not found on Hatena (404): ${scrub(url, apiKey)}.`, status, serverText || undefined);
  return new HatenaApiError('server', `Hatena answered ${status} for ${what}${said}.`, status, serverText || undefined);
}

/** Sends `request` signed with WSSE; resolves with a 2xx answer, rejects with a HatenaApiError (or the caller's abort reason). */
export async function hatenaRequest(options: HatenaRequestOptions, request: HatenaRequest): Promise<HatenaResponse> {
  const { apiKey } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    request.signal?.throwIfAborted();
    const headers: Record<string, string> = { 'X-WSSE': await wsseHeader(options.username, apiKey), Accept: 'application/atom+xml, application/atomsvc+xml, application/atomcat+xml, application/xml;q=0.9, */*;q=0.1' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/atom+xml; charset=utf-8';
    let response: Response;
    let text: string;
    try {
      response = await options.fetch(request.url, { method: request.method, headers, body: request.body, signal: controller.signal, redirect: 'follow' });
      text = await response.text();
    } catch (e) {
      if (request.signal?.aborted) throw request.signal.reason;
      const seconds = Math.round(options.timeoutMs / 100) / 10;
      const writes = request.method !== 'GET' ? ' It may or may not have been applied: check on Hatena before sending it again.' : '';
      if (timedOut) throw new HatenaApiError('timeout', `Hatena did not answer ${request.method} ${request.what} within ${seconds} s.${writes}`);
      const cors = options.browserLike ?? looksLikeBrowser();
      const detail = scrub(failureDetail(e), apiKey);
      throw new HatenaApiError(
        'network',
        cors
          ? `Could not reach ${hostOf(request.url)} (${detail || 'no answer'}). In a browser this may also be the site refusing cross-origin requests (CORS).`
          : `Could not reach ${hostOf(request.url)} (${detail || 'no answer'}).`,
        undefined,
        undefined,
        cors,
      );
    }
    if (response.status < 200 || response.status > 299) throw statusError(response.status, text, request.what, request.url, apiKey);
    return { status: response.status, text, headers: response.headers };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

/** `fetch failed (ECONNREFUSED)`: Node puts the reason in `cause`; browsers say nothing more. */
function failureDetail(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  return code ? `${e.message} (${code})` : e.message;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}
