// How the publish commands get a client for a blog: through a factory, so unit and integration tests can put a
// fake or a stand-in behind it.
import type { BlogAccount, HatenaBlogApi } from '../blog/hatenaEntry';
import { HatenaApiError } from '../blog/hatenaEntry';

export type BlogApiFactory = (account: BlogAccount) => HatenaBlogApi;

// TODO(lead): replaced by `(account) => new HatenaBlogClient(account)` once branch `client` is merged.
export const defaultBlogApiFactory: BlogApiFactory = () => {
  const fail = () => Promise.reject(new HatenaApiError('network', 'The Hatena Blog client is not built into this version yet.'));
  return { service: fail, listPage: fail, get: fail, create: fail, update: fail, categories: fail };
};
