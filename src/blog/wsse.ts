// The X-WSSE header Hatena's APIs take (developer.hatena.ne.jp auth/apis/wsse): a UsernameToken whose digest proves
// the API key without sending it. Uses only Web Crypto, so it runs in Node and in the browser alike.
import { bytesToBase64 } from './base64';

export interface WsseOptions {
  /** The `Created` time (tests); default now. */
  now?: Date;
  /** The nonce bytes (tests); default 16 random bytes. */
  nonce?: Uint8Array;
}

/** `Created` as Hatena's examples write it: ISO 8601 UTC without milliseconds. */
export function wsseCreated(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `UsernameToken Username="…", PasswordDigest="…", Nonce="…", Created="…"`; digest = Base64(SHA1(nonce + Created + apiKey)). */
export async function wsseHeader(username: string, apiKey: string, opts: WsseOptions = {}): Promise<string> {
  const nonce = opts.nonce ?? globalThis.crypto.getRandomValues(new Uint8Array(16));
  const created = wsseCreated(opts.now ?? new Date());
  const tail = new TextEncoder().encode(created + apiKey);
  const input = new Uint8Array(nonce.length + tail.length);
  input.set(nonce, 0);
  input.set(tail, nonce.length);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-1', input));
  return `UsernameToken Username="${username.replace(/["\\]/g, '')}", PasswordDigest="${bytesToBase64(digest)}", Nonce="${bytesToBase64(nonce)}", Created="${created}"`;
}
