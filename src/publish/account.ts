// Which blog a post goes to and with which key: a workspace blogsync.yaml (its blog, username/owner, password),
// else the `hatenaWriter.blog.endpoint` setting with the API key in SecretStorage (never in settings or files).
// Hatena: Sign In… / Sign Out.
import * as vscode from 'vscode';
import { endpointFromInput, endpointParts } from '../blog/blogEndpoint';
import { blogsyncEndpoint } from '../blog/blogsyncConfig';
import type { BlogAccount, HatenaBlogApi } from '../blog/hatenaEntry';
import type { BlogApiFactory } from './blogApi';
import type { BlogsyncWorkspace, WorkspaceBlog } from './blogsyncWorkspace';
import { describeApiError } from './apiErrors';
import type { PublishPrompts } from './prompts';

const SECRET_PREFIX = 'hatenaWriter.apiKey:';
const PASSWORD_NOTICE_KEY = 'hatenaWriter.blogsyncPasswordNoticeShown';

/** A blog as the commands see it; `apiKey` is absent when nobody has signed in. */
export interface ResolvedBlog {
  readonly endpoint: string;
  readonly username: string;
  readonly blogId: string;
  readonly apiKey?: string;
  /** Set when a blogsync.yaml names the blog. */
  readonly workspaceBlog?: WorkspaceBlog;
  /** Where its post files live: blogsync's root/entry_directory, the entryRoot setting, or {folder}/{blogId}/entry. */
  readonly entryRoot?: vscode.Uri;
}

export function secretKey(endpoint: string): string {
  return SECRET_PREFIX + endpoint;
}

function configuredEndpoint(scope?: vscode.Uri): string | undefined {
  const value = vscode.workspace.getConfiguration('hatenaWriter', scope).get<string>('blog.endpoint')?.trim();
  return value ? value.replace(/\/+$/, '') : undefined;
}

export class BlogAccounts {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly blogsync: BlogsyncWorkspace,
    private readonly prompts: PublishPrompts,
    private readonly apiFactory: () => BlogApiFactory,
  ) {}

  api(blog: ResolvedBlog & { apiKey: string }): HatenaBlogApi {
    const account: BlogAccount = { endpoint: blog.endpoint, username: blog.username, apiKey: blog.apiKey };
    return this.apiFactory()(account);
  }

  /** The blog for a file (or, without one, the signed-in blog), with its key if there is one. */
  async resolve(uri?: vscode.Uri): Promise<ResolvedBlog | undefined> {
    await this.blogsync.ready;
    const workspaceBlog = uri ? this.blogsync.blogForFile(uri) : undefined;
    const blogs = this.blogsync.blogs();
    // A file outside every blog's root still goes to the only blog its folder's blogsync.yaml names.
    const folder = uri ? vscode.workspace.getWorkspaceFolder(uri) : undefined;
    const candidates = folder ? blogs.filter((b) => b.folder.uri.toString() === folder.uri.toString()) : blogs;
    const chosen = workspaceBlog ?? (candidates.length === 1 ? candidates[0] : undefined);
    const setting = configuredEndpoint(uri);
    if (chosen) {
      const { blog } = chosen;
      // The setting wins when it names the same blog (a stand-in, a proxy); otherwise blog.hatena.ne.jp.
      const endpoint = setting && endpointParts(setting).blogId === blog.blogId ? setting : blogsyncEndpoint(blog);
      const username = blog.username ?? blog.owner ?? vscode.workspace.getConfiguration('hatenaWriter').get<string>('hatenaId') ?? '';
      if (endpoint) {
        const apiKey = await this.keyFor(endpoint, chosen);
        return { endpoint, username, blogId: blog.blogId, workspaceBlog: chosen, entryRoot: chosen.entryRoot, ...(apiKey ? { apiKey } : {}) };
      }
    }
    if (!setting) return undefined;
    const parts = endpointParts(setting);
    const username = parts.hatenaId ?? vscode.workspace.getConfiguration('hatenaWriter').get<string>('hatenaId') ?? '';
    const blogId = parts.blogId ?? new URL(setting).hostname;
    const apiKey = await this.context.secrets.get(secretKey(setting));
    return { endpoint: setting, username, blogId, entryRoot: this.settingsEntryRoot(uri, blogId), ...(apiKey ? { apiKey } : {}) };
  }

  private settingsEntryRoot(uri: vscode.Uri | undefined, blogId: string): vscode.Uri | undefined {
    const folder = (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
    const value = vscode.workspace.getConfiguration('hatenaWriter', uri).get<string>('blog.entryRoot')?.trim();
    if (value) {
      if (/^(?:\/|[A-Za-z]:[\\/])/.test(value)) return vscode.Uri.file(value);
      return folder ? vscode.Uri.joinPath(folder.uri, value.replace(/\\/g, '/')) : undefined;
    }
    // blogsync's own layout with the folder as local_root: {folder}/{blogId}/entry.
    return folder ? vscode.Uri.joinPath(folder.uri, blogId, 'entry') : undefined;
  }

  /** A blogsync.yaml password (trusted workspaces only; told once that it is plain text), else SecretStorage. */
  private async keyFor(endpoint: string, chosen: WorkspaceBlog): Promise<string | undefined> {
    const password = chosen.blog.password;
    if (password && vscode.workspace.isTrusted) {
      void this.passwordNotice(chosen, endpoint, password);
      return password;
    }
    return this.context.secrets.get(secretKey(endpoint));
  }

  private async passwordNotice(chosen: WorkspaceBlog, endpoint: string, password: string): Promise<void> {
    const shown = this.context.globalState.get<string[]>(PASSWORD_NOTICE_KEY) ?? [];
    const key = chosen.configUri.toString();
    if (shown.includes(key)) return;
    await this.context.globalState.update(PASSWORD_NOTICE_KEY, [...shown, key]);
    const move = vscode.l10n.t('Move to SecretStorage');
    const answer = await this.prompts.notify(
      'warning',
      vscode.l10n.t('The API key for {0} is in {1} in plain text. Hatena Writer can keep it in VS Code\'s SecretStorage instead (you then delete the password line).', chosen.blog.blogId, vscode.workspace.asRelativePath(chosen.configUri)),
      move,
    );
    if (answer !== move) return;
    await this.context.secrets.store(secretKey(endpoint), password);
    const document = await vscode.workspace.openTextDocument(chosen.configUri);
    const line = document.getText().split('\n').findIndex((l) => /^\s*password\s*:/.test(l));
    const editor = await vscode.window.showTextDocument(document);
    if (line >= 0) editor.selection = new vscode.Selection(line, 0, line + 1, 0);
    void this.prompts.notify('info', vscode.l10n.t('The key is in SecretStorage now. Delete the selected password line; blogsync itself can read BLOGSYNC_PASSWORD instead.'));
  }

  /** A blog with a key, or a message (with Sign In) and undefined. */
  async withKey(uri?: vscode.Uri): Promise<(ResolvedBlog & { apiKey: string }) | undefined> {
    const blog = await this.resolve(uri);
    if (blog?.apiKey) return blog as ResolvedBlog & { apiKey: string };
    const signIn = vscode.l10n.t('Sign In');
    const restricted = blog?.workspaceBlog?.blog.password && !vscode.workspace.isTrusted;
    const message = restricted
      ? vscode.l10n.t('This workspace is not trusted, so the password in its blogsync.yaml is not used. Trust the workspace, or sign in.')
      : blog
        ? vscode.l10n.t('Not signed in to {0}.', blog.blogId)
        : vscode.l10n.t('No Hatena blog is set up: sign in, or open a folder with a blogsync.yaml.');
    void Promise.resolve(this.prompts.notify('warning', message, signIn)).then((answer) => {
      if (answer === signIn) void vscode.commands.executeCommand('hatenaWriter.signIn');
    });
    return undefined;
  }

  /** Hatena: Sign In…: endpoint (or blog URL + id), API key, checked against the service document. */
  async signIn(): Promise<boolean> {
    const current = configuredEndpoint() ?? '';
    const typed = await this.prompts.inputBox({
      title: vscode.l10n.t('Hatena: Sign In (1/2)'),
      prompt: vscode.l10n.t('The AtomPub root endpoint from your blog\'s 設定 → 詳細設定, or the blog\'s URL'),
      placeHolder: 'https://blog.hatena.ne.jp/{hatenaId}/{blogId}/atom',
      value: current,
      validateInput: (value) => {
        const result = endpointFromInput(value);
        return 'error' in result ? vscode.l10n.t('Enter an http(s) URL: the endpoint …/atom, or the blog\'s URL.') : undefined;
      },
    });
    if (typed === undefined) return false;
    let result = endpointFromInput(typed);
    if ('needsHatenaId' in result) {
      const id = await this.prompts.inputBox({
        title: vscode.l10n.t('Hatena: Sign In'),
        prompt: vscode.l10n.t('Your Hatena id (the blog {0} belongs to)', result.blogId),
        value: vscode.workspace.getConfiguration('hatenaWriter').get<string>('hatenaId') ?? '',
        validateInput: (value) => (value.trim().replace(/^id:/, '') === '' ? vscode.l10n.t('Enter your Hatena id.') : undefined),
      });
      if (id === undefined) return false;
      result = endpointFromInput(typed, id);
    }
    if (!('endpoint' in result)) return false;
    const { endpoint } = result;
    const username = result.hatenaId ?? vscode.workspace.getConfiguration('hatenaWriter').get<string>('hatenaId') ?? '';
    const apiKey = await this.prompts.inputBox({
      title: vscode.l10n.t('Hatena: Sign In (2/2)'),
      prompt: vscode.l10n.t('The API key shown on the same page (kept in VS Code\'s SecretStorage only)'),
      password: true,
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Enter the API key.') : undefined),
    });
    if (apiKey === undefined) return false;
    let title: string;
    try {
      const service = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking {0}…', endpoint) },
        () => this.apiFactory()({ endpoint, username, apiKey: apiKey.trim() }).service(),
      );
      title = service.title;
    } catch (error) {
      void this.prompts.notify('error', vscode.l10n.t('Could not sign in: {0}', describeApiError(error)));
      return false;
    }
    await this.context.secrets.store(secretKey(endpoint), apiKey.trim());
    const config = vscode.workspace.getConfiguration('hatenaWriter');
    await config.update('blog.endpoint', endpoint, vscode.ConfigurationTarget.Global);
    if (!config.get<string>('hatenaId') && username) await config.update('hatenaId', username, vscode.ConfigurationTarget.Global);
    void this.prompts.notify('info', vscode.l10n.t('Signed in to “{0}” ({1}).', title, result.blogId ?? endpoint));
    return true;
  }

  /** Hatena: Sign Out: forgets the key of the configured endpoint (and of the blog of the active post). */
  async signOut(): Promise<boolean> {
    const endpoints = new Set<string>();
    const setting = configuredEndpoint();
    if (setting) endpoints.add(setting);
    const active = vscode.window.activeTextEditor?.document.uri;
    const blog = active ? await this.resolve(active) : undefined;
    if (blog) endpoints.add(blog.endpoint);
    for (const endpoint of endpoints) await this.context.secrets.delete(secretKey(endpoint));
    void this.prompts.notify('info', endpoints.size > 0 ? vscode.l10n.t('Signed out: the API key is removed from SecretStorage.') : vscode.l10n.t('Not signed in.'));
    return endpoints.size > 0;
  }
}
