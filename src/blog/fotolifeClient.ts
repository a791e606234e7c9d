// Hatena Fotolife's AtomAPI: uploads an image with the blog account's Hatena id and API key (WSSE), so a post can
// show it as `[f:id:…:plain]`. Same request and error mapping as the blog client.
import type { FotolifeApi, FotolifeImage, FotolifeUpload } from './hatenaEntry';
import { fotolifeUploadXml, parseFotolifeUpload } from './fotolifeXml';
import { hatenaRequest, type HatenaRequestOptions } from './hatenaRequest';

export const FOTOLIFE_ENDPOINT = 'https://f.hatena.ne.jp/atom/post';

export interface FotolifeAccount {
  username: string;
  apiKey: string;
  /** The upload URL; default FOTOLIFE_ENDPOINT. */
  endpoint?: string;
}

export interface FotolifeClientOptions {
  fetch?: typeof fetch;
  /** Default 30 000 ms; an upload of a large photo on a slow line may want more. */
  timeoutMs?: number;
  browserLike?: boolean;
}

export class FotolifeClient implements FotolifeApi {
  private readonly request: HatenaRequestOptions;
  private readonly endpoint: string;

  constructor(account: FotolifeAccount, options: FotolifeClientOptions = {}) {
    this.endpoint = account.endpoint ?? FOTOLIFE_ENDPOINT;
    this.request = {
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      username: account.username,
      apiKey: account.apiKey,
      timeoutMs: options.timeoutMs ?? 30_000,
      ...(options.browserLike !== undefined ? { browserLike: options.browserLike } : {}),
    };
  }

  /** Rejects with a HatenaApiError, or with `signal.reason` when the caller aborts. */
  async upload(image: FotolifeImage, signal?: AbortSignal): Promise<FotolifeUpload> {
    const body = fotolifeUploadXml(image);
    const response = await hatenaRequest(this.request, { method: 'POST', url: this.endpoint, body, what: 'the image upload', ...(signal ? { signal } : {}) });
    return parseFotolifeUpload(response.text);
  }
}
