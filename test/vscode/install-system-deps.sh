#!/usr/bin/env bash
# Debian packages the real-editor test layers need: a C toolchain and Kerberos headers for
# code-server's native modules, headless Chromium for Playwright, and a Japanese font so
# screenshots show text instead of empty boxes. Needs root (CI runs as root).
set -euo pipefail
PACKAGES=(build-essential python3 pkg-config libkrb5-dev chromium fonts-ipafont-gothic unzip)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "[system-deps] all present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "[system-deps] installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
