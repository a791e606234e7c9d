// Runs a real VS Code (code-server = VS Code server + web workbench) for the integration and e2e layers.
// VS Code cannot be downloaded offline, so code-server and its Node 24 come from the npm registry
// (see setup-code-server.sh), cached in the git-ignored .vscode-test/ folder.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const CACHE_DIR = process.env.HATENA_VSCODE_TEST_DIR || path.join(REPO_ROOT, '.vscode-test');
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

/** Port 9 (discard) on loopback: nothing listens there, so a proxied request fails at once, offline. */
const DEAD_PROXY = 'http://127.0.0.1:9';

let runTempRoot: string | undefined;
/** One temp folder per test run for every server state and workspace copy; removed when the run ends well. */
export function runTempDir(): string {
  if (!runTempRoot) runTempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'hatena-writer-run-'));
  return runTempRoot;
}

/** Private user-data, extensions and XDG dirs, so a run never sees the user's own VS Code state. */
export interface ServerState {
  dir: string;
  userDataDir: string;
  extensionsDir: string;
}

export function createState(label: string): ServerState {
  const dir = fs.mkdtempSync(path.join(runTempDir(), `${label}-`));
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
        // The extension host's http/https (and fetch) go through VS Code's proxy support: point it at a closed
        // loopback port, so nothing an extension or the editor does on the Node side can leave the machine.
        'http.proxy': DEAD_PROXY,
        'http.proxySupport': 'override',
        'http.noProxy': ['127.0.0.1', 'localhost', '::1', '[::1]'],
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
    // The server's own Node requests (and child processes that honour the usual variables) use the dead proxy too.
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    http_proxy: DEAD_PROXY,
    https_proxy: DEAD_PROXY,
    NO_PROXY: '127.0.0.1,localhost,::1,[::1]',
    no_proxy: '127.0.0.1,localhost,::1,[::1]',
    NODE_USE_ENV_PROXY: '1',
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
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]] as const) {
  process.on(signal, () => {
    for (const server of running) server.stop();
    process.exit(128 + number);
  });
}
// One exit handler, servers first: the temp folder holds their user data, and a failing removal must not keep a
// server running or turn a passing run into a failing one.
process.on('exit', (code) => {
  for (const server of running) server.stop();
  if (!runTempRoot) return;
  if (code !== 0 || process.env.HATENA_KEEP_TEMP) {
    console.log(`[harness] logs and workspaces kept in ${runTempRoot}`);
    return;
  }
  try {
    fs.rmSync(runTempRoot, { recursive: true, force: true, maxRetries: 3 });
  } catch (e) {
    console.log(`[harness] could not remove ${runTempRoot}: ${String(e)}`);
  }
});

/**
 * A runner killed outright (SIGKILL, OOM) cannot stop its servers, and code-server runs in a process group of
 * its own. Each server is recorded (per user) with its owner's pid and its state folder; the next run stops a
 * group whose owner is gone, and only after /proc shows that the group's leader is still that code-server (its
 * command line names the state folder): pids are reused, and a stale record must never kill someone else's process.
 */
const SERVER_RECORDS = path.join(os.tmpdir(), `hatena-writer-servers-${process.getuid?.() ?? 'user'}`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function reapOrphanedServers(): void {
  if (!fs.existsSync(SERVER_RECORDS)) return;
  for (const name of fs.readdirSync(SERVER_RECORDS)) {
    const match = /^(\d+)-(\d+)$/.exec(name); // OWNERPID-PGID
    if (!match) continue;
    const [owner, pgid] = [Number(match[1]), Number(match[2])];
    if (isAlive(owner)) continue;
    const record = path.join(SERVER_RECORDS, name);
    const stateDir = fs.readFileSync(record, 'utf8').split('\n')[1] ?? '';
    let leader = '';
    try {
      leader = fs.readFileSync(`/proc/${pgid}/cmdline`, 'utf8');
    } catch {
      /* gone, or no /proc here: nothing we can safely kill */
    }
    if (stateDir !== '' && leader.includes(stateDir)) {
      try {
        process.kill(-pgid, 'SIGKILL');
        console.log(`[harness] stopped code-server group ${pgid} left behind by runner ${owner}`);
      } catch {
        /* already gone */
      }
    }
    fs.rmSync(record, { force: true });
  }
}

export async function startCodeServer(state: ServerState): Promise<RunningServer> {
  reapOrphanedServers();
  // freePort() releases the port before code-server binds it: another process may take it in between.
  for (let attempt = 1; ; attempt++) {
    const started = await tryStartCodeServer(state, await freePort());
    if (typeof started !== 'string') return started;
    if (attempt === 3 || !/EADDRINUSE/.test(started)) throw new Error(started);
  }
}

async function tryStartCodeServer(state: ServerState, port: number): Promise<RunningServer | string> {
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
  fs.mkdirSync(SERVER_RECORDS, { recursive: true });
  const record = path.join(SERVER_RECORDS, `${process.pid}-${pgid}`);
  fs.writeFileSync(record, `${port}\n${state.userDataDir}\n`);
  const server: RunningServer = {
    url: `http://127.0.0.1:${port}`,
    log,
    stop() {
      running.delete(server);
      fs.rmSync(record, { force: true });
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
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return server;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  server.stop();
  return `code-server did not start on port ${port}:\n${fs.readFileSync(log, 'utf8').slice(-4000)}`;
}

/** A throwaway copy of the fixture workspace, so tests may edit files freely. */
export function copyWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(runTempDir(), 'ws-'));
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}
