// Publishing to Hatena Blog from the editor: sign in, publish / save as draft, pull, open, new entry, the status bar
// item, category completion. Everything registered here is disposed with the extension.
import * as vscode from 'vscode';
import type { HatenaPosts } from '../editor/hatenaPosts';
import { FotolifeClient } from '../blog/fotolifeClient';
import type { FotolifeApi } from '../blog/hatenaEntry';
import { BlogAccounts, secretKey } from './account';
import { defaultBlogApiFactory, type BlogApiFactory } from './blogApi';
import type { BlogsyncWorkspace } from './blogsyncWorkspace';
import { CategoryCompletion } from './categoryCompletion';
import { registerNewEntry } from './newEntry';
import { registerOpenOnHatena } from './openOnHatena';
import { PromptSeam, type PublishPrompts } from './prompts';
import { registerPullCommands } from './pullEntries';
import { registerPushCommands } from './publishEntry';
import { RemoteDocuments, type DiffShown } from './remoteDocuments';
import type { PublishServices } from './services';
import { checkEntry, PostStatusBar, type PostState } from './statusBar';
import { SyncStore } from './syncStore';

export type { PublishPrompts } from './prompts';
export type { DiffShown } from './remoteDocuments';
export type { BlogApiFactory } from './blogApi';

/** For the integration tests (exported by extension.ts in ExtensionMode.Test only). */
export interface PublishTestHooks {
  /** Answers the publish commands' questions and records their messages instead of the window. */
  usePrompts(prompts: Partial<PublishPrompts>): vscode.Disposable;
  /** Puts another client behind the commands (a fake); undefined goes back to the real one. */
  useApiFactory(factory: BlogApiFactory | undefined): void;
  readonly onDidShowDiff: vscode.Event<DiffShown>;
  /** What the status bar item says now (undefined: hidden), once its pending update has run. */
  statusBar(): Promise<{ blog: string; state: PostState } | undefined>;
  /** Which blog a file goes to, as the commands would decide now (without the key itself). */
  accountFor(uri?: vscode.Uri): Promise<{ endpoint: string; blogId: string; fromBlogsync: boolean; hasKey: boolean } | undefined>;
  /** Whether SecretStorage holds a key for the endpoint (the key itself never leaves it). */
  secretStored(endpoint: string): Promise<boolean>;
  /** Forgets what this machine remembers about entries (sync records) and the category cache. */
  reset(): Promise<void>;
}

/** The default Fotolife AtomAPI endpoint; the setting hatenaWriter.fotolife.endpoint points elsewhere (tests). */
export const FOTOLIFE_DEFAULT_ENDPOINT = 'https://f.hatena.ne.jp/atom/post';

export interface Publishing {
  /** Fotolife with the account of the active post's blog (same Hatena id and API key), or undefined if not signed in. */
  readonly fotolife: () => Promise<FotolifeApi | undefined>;
  readonly hooks: PublishTestHooks;
}

export function registerPublishing(context: vscode.ExtensionContext, blogsync: BlogsyncWorkspace, posts: HatenaPosts): Publishing {
  const prompts = new PromptSeam();
  let factory: BlogApiFactory = defaultBlogApiFactory;
  const sync = new SyncStore(context.globalState);
  const remote = new RemoteDocuments();
  const accounts = new BlogAccounts(context, blogsync, prompts, () => factory);
  const services: PublishServices = { context, blogsync, posts, accounts, sync, remote, prompts };
  const statusBar = new PostStatusBar(services);
  const categories = new CategoryCompletion(services);
  context.subscriptions.push(
    sync,
    remote,
    statusBar,
    vscode.commands.registerCommand('hatenaWriter.signIn', async () => {
      const ok = await accounts.signIn();
      if (ok) categories.clear();
      return ok;
    }),
    vscode.commands.registerCommand('hatenaWriter.signOut', () => accounts.signOut()),
    vscode.commands.registerCommand('hatenaWriter.checkEntry', () => checkEntry(services)),
    registerPushCommands(services),
    registerPullCommands(services),
    registerOpenOnHatena(services),
    registerNewEntry(services),
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, categories, ' ', '[', ','),
  );
  const fotolife = async (): Promise<FotolifeApi | undefined> => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const blog = await accounts.resolve(uri);
    if (!blog?.apiKey) return undefined;
    const endpoint = vscode.workspace.getConfiguration('hatenaWriter', uri).get<string>('fotolife.endpoint')?.trim() || FOTOLIFE_DEFAULT_ENDPOINT;
    return new FotolifeClient({ username: blog.username, apiKey: blog.apiKey, endpoint });
  };
  const hooks: PublishTestHooks = {
    usePrompts: (p) => prompts.use(p),
    useApiFactory: (f) => {
      factory = f ?? defaultBlogApiFactory;
      categories.clear();
    },
    onDidShowDiff: remote.onDidShowDiff,
    statusBar: async () => {
      await statusBar.update();
      return statusBar.current;
    },
    accountFor: async (uri) => {
      const blog = await accounts.resolve(uri);
      return blog && { endpoint: blog.endpoint, blogId: blog.blogId, fromBlogsync: blog.workspaceBlog !== undefined, hasKey: blog.apiKey !== undefined };
    },
    secretStored: async (endpoint) => (await context.secrets.get(secretKey(endpoint))) !== undefined,
    reset: async () => {
      await context.globalState.update('hatenaWriter.syncRecords', undefined);
      categories.clear();
    },
  };
  return { fotolife, hooks };
}
