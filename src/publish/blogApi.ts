// How the publish commands get a client for a blog: through a factory, so tests can put a fake behind it.
import { HatenaBlogClient } from '../blog/hatenaBlogClient';
import type { BlogAccount, HatenaBlogApi } from '../blog/hatenaEntry';

export type BlogApiFactory = (account: BlogAccount) => HatenaBlogApi;

export const defaultBlogApiFactory: BlogApiFactory = (account) => new HatenaBlogClient(account);
