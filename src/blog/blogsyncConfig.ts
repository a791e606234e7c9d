// blogsync's configuration (blogsync.yaml in the folder it runs in, merged over ~/.config/blogsync/config.yaml), read
// the way blogsync reads it (config.go). Pure: no vscode, no Node; paths stay as written, the host resolves them.
import type { Pair } from 'yaml';
import { isMap, isScalar, parseDocument } from '../hatena';

/** One blog's settings; every field is optional as in blogsync, where `default:` fills what a blog leaves out. */
export interface BlogsyncBlogSettings {
  /** Where the blog's files live, as written (relative to the config file's folder, `~/…`, or absolute). */
  localRoot?: string;
  /** The Hatena id that signs requests (and names the endpoint unless `owner` is set). */
  username?: string;
  /** The API key, in plain text. */
  password?: string;
  /** true: files go right under local_root; otherwise under local_root/{blogId}. */
  omitDomain?: boolean;
  /** The blog's owner when it differs from username (a group blog): the endpoint's {hatenaId}. */
  owner?: string;
  /** As written; undefined means blogsync's default `entry`, '' means no entry directory. */
  entryDirectory?: string;
}

export interface BlogsyncBlog extends BlogsyncBlogSettings {
  /** The key in the config: the blog's original domain, e.g. `example.hatenablog.com`. */
  blogId: string;
}

export interface BlogsyncConfig {
  default: BlogsyncBlogSettings;
  /** In the order written. */
  blogs: BlogsyncBlog[];
}

export type BlogsyncConfigResult = { config: BlogsyncConfig } | { error: string; offset: number };

function text(value: unknown): string | undefined {
  if (!isScalar(value) || value.value === null || value.value === undefined) return undefined;
  // yaml.v2 gives a Go string the scalar as written (`username: 1234` is "1234").
  const raw = value.type === 'PLAIN' && typeof value.source === 'string' ? value.source : String(value.value);
  return raw === '' || raw === '~' ? undefined : raw;
}

function bool(value: unknown): boolean | undefined {
  const raw = text(value);
  if (raw === undefined) return undefined;
  if (/^(?:y|Y|yes|Yes|YES|on|On|ON|true|True|TRUE)$/.test(raw)) return true;
  if (/^(?:n|N|no|No|NO|off|Off|OFF|false|False|FALSE)$/.test(raw)) return false;
  return undefined;
}

function settingsOf(node: unknown): BlogsyncBlogSettings {
  const settings: BlogsyncBlogSettings = {};
  if (!isMap(node)) return settings;
  for (const pair of node.items as Pair[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    // yaml.v2 matches untagged struct fields by their lower-cased name; tagged ones exactly.
    switch (key) {
      case 'local_root': settings.localRoot = text(pair.value); break;
      case 'username': settings.username = text(pair.value); break;
      case 'password': settings.password = text(pair.value); break;
      case 'omit_domain': settings.omitDomain = bool(pair.value); break;
      case 'owner': settings.owner = text(pair.value); break;
      case 'entry_directory': {
        // An empty value is a real setting here: no entry directory at all.
        const raw = isScalar(pair.value) ? (pair.value.value === null ? '' : text(pair.value) ?? '') : undefined;
        if (raw !== undefined) settings.entryDirectory = raw;
        break;
      }
    }
  }
  for (const key of Object.keys(settings) as Array<keyof BlogsyncBlogSettings>) if (settings[key] === undefined) delete settings[key];
  return settings;
}

/** Never throws: YAML that blogsync could not read either gives the error and where it is. */
export function parseBlogsyncConfig(source: string): BlogsyncConfigResult {
  let doc;
  try {
    doc = parseDocument(source, { uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), offset: 0 };
  }
  if (doc.errors.length > 0) return { error: doc.errors[0].message.split('\n')[0], offset: doc.errors[0].pos[0] };
  const config: BlogsyncConfig = { default: {}, blogs: [] };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return { config };
  if (!isMap(doc.contents)) return { error: 'blogsync.yaml must map blog ids to their settings', offset: doc.contents.range?.[0] ?? 0 };
  for (const pair of doc.contents.items as Pair[]) {
    const blogId = isScalar(pair.key) ? text(pair.key) : undefined;
    if (blogId === undefined) continue;
    if (blogId === 'default') config.default = settingsOf(pair.value);
    else if (!config.blogs.some((b) => b.blogId === blogId)) config.blogs.push({ blogId, ...settingsOf(pair.value) });
  }
  return { config };
}

const MERGED_FIELDS: ReadonlyArray<keyof BlogsyncBlogSettings> = ['localRoot', 'username', 'password', 'omitDomain', 'owner', 'entryDirectory'];

function fill<T extends BlogsyncBlogSettings>(first: T, second: BlogsyncBlogSettings | undefined): T {
  const out = { ...first };
  for (const key of MERGED_FIELDS) {
    if (out[key] === undefined && second?.[key] !== undefined) (out as BlogsyncBlogSettings)[key] = second[key] as never;
  }
  return out;
}

/**
 * blogsync's mergeConfig: the first config wins field by field, later ones fill the gaps (blogsync.yaml over the
 * home config). Unlike blogsync, `owner` is merged too.
 */
export function mergeBlogsyncConfigs(...configs: ReadonlyArray<BlogsyncConfig | undefined>): BlogsyncConfig {
  const merged: BlogsyncConfig = { default: {}, blogs: [] };
  for (const config of configs) {
    if (!config) continue;
    merged.default = fill(merged.default, config.default);
    for (const blog of config.blogs) {
      const index = merged.blogs.findIndex((b) => b.blogId === blog.blogId);
      if (index < 0) merged.blogs.push({ ...blog });
      else merged.blogs[index] = fill(merged.blogs[index], blog);
    }
  }
  return merged;
}

/** A blog's settings with `default:` filling the gaps (blogsync's config.Get), or undefined for an unknown blog. */
export function resolveBlogsyncBlog(config: BlogsyncConfig, blogId: string): BlogsyncBlog | undefined {
  const blog = config.blogs.find((b) => b.blogId === blogId);
  return blog ? fill(blog, config.default) : undefined;
}

/** Every configured blog, resolved. */
export function blogsyncBlogs(config: BlogsyncConfig): BlogsyncBlog[] {
  return config.blogs.map((blog) => fill(blog, config.default));
}

/** The folder under the blog's root where entries live: `entry` by default, '' for none; no slashes around it. */
export function blogsyncEntryDirectory(blog: BlogsyncBlogSettings): string {
  return (blog.entryDirectory ?? 'entry').replace(/^\/+|\/+$/g, '');
}

/** The blog's root folder relative to local_root: '' with omit_domain, else the blog id (blogsync's localRoot()). */
export function blogsyncRootSegment(blog: BlogsyncBlog): string {
  return blog.omitDomain ? '' : blog.blogId;
}

/** The AtomPub root endpoint blogsync talks to for this blog, or undefined without a user to name it. */
export function blogsyncEndpoint(blog: BlogsyncBlog): string | undefined {
  const owner = blog.owner ?? blog.username;
  return owner ? `https://blog.hatena.ne.jp/${encodeURIComponent(owner)}/${encodeURIComponent(blog.blogId)}/atom` : undefined;
}
