// The blogsync configuration this window works with: blogsync.yaml at the root of each workspace folder (where
// blogsync and hatenablog-workflows users run it), over ~/.config/blogsync/config.yaml on desktop, with blogsync's
// BLOGSYNC_USERNAME / BLOGSYNC_PASSWORD. Kept up to date as the files change.
import * as vscode from 'vscode';
import {
  blogsyncBlogs,
  blogsyncEntryDirectory,
  blogsyncRootSegment,
  mergeBlogsyncConfigs,
  parseBlogsyncConfig,
  type BlogsyncBlog,
  type BlogsyncConfig,
} from '../blog/blogsyncConfig';

export const BLOGSYNC_CONFIG_FILE = 'blogsync.yaml';

/** A configured blog with its folders resolved. */
export interface WorkspaceBlog {
  /** Settings with `default:`, the home config and the environment merged in. */
  readonly blog: BlogsyncBlog;
  /** The blogsync.yaml that names it. */
  readonly configUri: vscode.Uri;
  readonly folder: vscode.WorkspaceFolder;
  /** local_root resolved (relative to the config's folder, `~` to the home folder); the config's folder if unset. */
  readonly localRoot: vscode.Uri;
  /** local_root/{blogId}, or local_root with omit_domain. */
  readonly root: vscode.Uri;
  /** root/{entry_directory}. */
  readonly entryRoot: vscode.Uri;
}

/** A blogsync.yaml that could not be read, for a message with its place. */
export interface BlogsyncConfigError {
  readonly uri: vscode.Uri;
  readonly message: string;
  readonly offset: number;
}

interface LoadedFolder {
  folder: vscode.WorkspaceFolder;
  configUri: vscode.Uri;
  config?: BlogsyncConfig;
  error?: BlogsyncConfigError;
}

function homeFolder(): vscode.Uri | undefined {
  // Desktop only: on vscode.dev there is no home folder (and no `process`).
  const env = typeof process === 'object' ? process.env : undefined;
  const home = env?.HOME || env?.USERPROFILE;
  return home && vscode.env.uiKind === vscode.UIKind.Desktop ? vscode.Uri.file(home) : undefined;
}

function environmentOverrides(): BlogsyncConfig | undefined {
  const env = typeof process === 'object' ? process.env : undefined;
  const username = env?.BLOGSYNC_USERNAME || undefined;
  const password = env?.BLOGSYNC_PASSWORD || undefined;
  if (!username && !password) return undefined;
  return { default: { ...(username ? { username } : {}), ...(password ? { password } : {}) }, blogs: [] };
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function resolveLocalRoot(localRoot: string | undefined, configFolder: vscode.Uri, home: vscode.Uri | undefined): vscode.Uri {
  if (!localRoot) return configFolder;
  if ((localRoot === '~' || localRoot.startsWith('~/')) && home) return vscode.Uri.joinPath(home, localRoot.slice(1));
  if (localRoot.startsWith('/') || /^[A-Za-z]:[\\/]/.test(localRoot)) {
    return configFolder.scheme === 'file' ? vscode.Uri.file(localRoot) : configFolder.with({ path: localRoot.replace(/\\/g, '/') });
  }
  return vscode.Uri.joinPath(configFolder, localRoot.replace(/\\/g, '/'));
}

/** Whether `uri` is `folder` or inside it (same scheme and authority, path prefix at a `/`). */
export function isInsideFolder(uri: vscode.Uri, folder: vscode.Uri): boolean {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return false;
  const base = folder.path.replace(/\/+$/, '');
  return uri.path === base || uri.path.startsWith(`${base}/`);
}

export class BlogsyncWorkspace implements vscode.Disposable {
  private folders: LoadedFolder[] = [];
  private home: BlogsyncConfig | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  private loading: Promise<void>;
  /** Fires after the configuration was read again (a blogsync.yaml created, changed or deleted; folders changed). */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.disposables.push(this.changed);
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${BLOGSYNC_CONFIG_FILE}`);
    const reload = () => void this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
    );
    this.loading = this.load();
  }

  /** Resolves once the configuration has been read (again, if a reload is under way). */
  get ready(): Promise<void> {
    return this.loading;
  }

  private reload(): Promise<void> {
    this.loading = this.load().then(() => this.changed.fire());
    return this.loading;
  }

  private async load(): Promise<void> {
    const home = homeFolder();
    const homeText = home ? await readText(vscode.Uri.joinPath(home, '.config', 'blogsync', 'config.yaml')) : undefined;
    const homeResult = homeText === undefined ? undefined : parseBlogsyncConfig(homeText);
    this.home = homeResult && 'config' in homeResult ? homeResult.config : undefined;
    const folders: LoadedFolder[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const configUri = vscode.Uri.joinPath(folder.uri, BLOGSYNC_CONFIG_FILE);
      const source = await readText(configUri);
      if (source === undefined) continue;
      const result = parseBlogsyncConfig(source);
      folders.push('config' in result
        ? { folder, configUri, config: result.config }
        : { folder, configUri, error: { uri: configUri, message: result.error, offset: result.offset } });
    }
    this.folders = folders;
  }

  /** Whether a workspace folder (any, when none is given) has a blogsync.yaml, readable or not. */
  hasConfig(folder?: vscode.WorkspaceFolder): boolean {
    return this.folders.some((f) => !folder || f.folder.uri.toString() === folder.uri.toString());
  }

  /** The blogsync.yaml files that could not be read. */
  get errors(): readonly BlogsyncConfigError[] {
    return this.folders.flatMap((f) => (f.error ? [f.error] : []));
  }

  /** Every blog the workspace's blogsync.yaml files name, resolved. */
  blogs(): WorkspaceBlog[] {
    const home = homeFolder();
    const env = environmentOverrides();
    return this.folders.flatMap(({ folder, configUri, config }) => {
      if (!config) return [];
      // Environment over the workspace file over the home config, as blogsync's loadConfiguration.
      const merged = mergeBlogsyncConfigs(env ? { default: { ...config.default, ...env.default }, blogs: config.blogs } : config, this.home);
      const configFolder = vscode.Uri.joinPath(configUri, '..');
      return blogsyncBlogs(merged)
        .filter((blog) => config.blogs.some((b) => b.blogId === blog.blogId))
        .map((blog) => {
          const localRoot = resolveLocalRoot(blog.localRoot, configFolder, home);
          const segment = blogsyncRootSegment(blog);
          const root = segment ? vscode.Uri.joinPath(localRoot, segment) : localRoot;
          const entryDirectory = blogsyncEntryDirectory(blog);
          return { blog, configUri, folder, localRoot, root, entryRoot: entryDirectory ? vscode.Uri.joinPath(root, entryDirectory) : root };
        });
    });
  }

  /** The blog whose root holds `uri` (the deepest root wins, as blogsync's detectBlogConfig). */
  blogForFile(uri: vscode.Uri): WorkspaceBlog | undefined {
    let best: WorkspaceBlog | undefined;
    for (const blog of this.blogs()) {
      if (isInsideFolder(uri, blog.root) && (!best || blog.root.path.length > best.root.path.length)) best = blog;
    }
    return best;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
