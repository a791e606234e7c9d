// Runs a real VS Code (code-server = VS Code server + web workbench) for the integration and e2e layers.
// VS Code cannot be downloaded offline, so code-server and its Node 24 come from the npm registry
// (see setup-code-server.sh), cached in the git-ignored .vscode-test/ folder.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CACHE_DIR = process.env.HATENA_VSCODE_TEST_DIR ?? path.join(REPO_ROOT, '.vscode-test');
const NODE24_BIN = path.join(CACHE_DIR, 'node24', 'bin');
const CODE_SERVER = path.join(CACHE_DIR, 'cs', 'node_modules', '.bin', 'code-server');

/** Installs code-server once (a few minutes); later runs reuse the cache. */
export function ensureCodeServer(): void {
  execFileSync('bash', [path.join(REPO_ROOT, 'test', 'vscode', 'setup-code-server.sh')], {
    stdio: 'inherit',
    env: { ...withoutNpmEnvironment(process.env), HATENA_VSCODE_TEST_DIR: CACHE_DIR },
  });
}

/** Under `npm test`, npm's own variables (npm_node_execpath, NODE, npm_config_*) would make the nested
 *  install and code-server's postinstall run on this Node instead of Node 24. */
function withoutNpmEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(npm_|NODE$|INIT_CWD$)/i.test(key)));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Private user-data, extensions and XDG dirs, so a run never sees the user's own VS Code state. */
export interface ServerState {
  dir: string;
  userDataDir: string;
  extensionsDir: string;
}

export function createState(label: string): ServerState {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hatena-writer-${label}-`));
  const state: ServerState = { dir, userDataDir: path.join(dir, 'ud'), extensionsDir: path.join(dir, 'exts') };
  fs.mkdirSync(path.join(state.userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(state.extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(state.userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'git.enabled': false,
        'editor.minimap.enabled': false,
      },
      null,
      2,
    ),
  );
  return state;
}

function serverEnv(state: ServerState): NodeJS.ProcessEnv {
  const xdg = path.join(state.dir, 'xdg');
  return {
    ...withoutNpmEnvironment(process.env),
    PATH: `${NODE24_BIN}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: xdg,
    XDG_DATA_HOME: xdg,
    XDG_CACHE_HOME: path.join(xdg, 'cache'),
    EXTENSIONS_GALLERY: '{}', // no marketplace: the default gallery would be a network request
  };
}

export function installVsix(state: ServerState, vsix: string): void {
  execFileSync(
    CODE_SERVER,
    ['--user-data-dir', state.userDataDir, '--extensions-dir', state.extensionsDir, '--install-extension', vsix],
    { env: serverEnv(state), stdio: 'pipe' },
  );
}

export interface RunningServer {
  url: string;
  log: string;
  stop(): void;
}

const running = new Set<RunningServer>();
// Whatever happens to the test process, take the servers (and their watchers) down with it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    for (const server of running) server.stop();
    process.exit(130);
  });
}
process.on('exit', () => {
  for (const server of running) server.stop();
});

export async function startCodeServer(state: ServerState): Promise<RunningServer> {
  const port = await freePort();
  const log = path.join(state.dir, 'code-server.log');
  const out = fs.openSync(log, 'w');
  const child = spawn(
    CODE_SERVER,
    [
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', state.userDataDir,
      '--extensions-dir', state.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--reconnection-grace-time', '5',
      // The workbench reads the test `payload` (extensionTestsPath) only with the smoke-test driver on.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { env: serverEnv(state), detached: true /* own process group */, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  const pgid = child.pid!;
  const server: RunningServer = {
    url: `http://127.0.0.1:${port}`,
    log,
    stop() {
      running.delete(server);
      try {
        process.kill(-pgid, 'SIGKILL'); // the whole group: killing only the top pid leaves watchers behind
      } catch {
        /* already gone */
      }
    },
  };
  running.add(server);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${server.url}/healthz`);
      if (res.ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.stop();
  throw new Error(`code-server did not start on port ${port}:\n${fs.readFileSync(log, 'utf8').slice(-4000)}`);
}

/** A throwaway copy of the fixture workspace, so tests may edit files freely. */
export function copyWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hatena-writer-ws-'));
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}
