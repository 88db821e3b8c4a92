#!/usr/bin/env bash
# Makes a fresh machine ready for `npm start` and `npm test` (run by their pre-scripts): the locked
# npm packages, and Debian's Chromium when no Chromium is found. Quick when both are already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ ! -x node_modules/.bin/tsx ] || [ ! -x node_modules/.bin/vite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing the locked npm packages (npm ci)"
  # npm 11 warns that esbuild's install script is not approved: harmless, its binary ships in
  # @esbuild/<platform> and vite and tsx work without the script.
  npm ci --no-audit --no-fund
fi

have_chromium() {
  if [ -n "${CHROME_PATH:-}" ] && [ -x "${CHROME_PATH}" ]; then return 0; fi
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 ||
    command -v google-chrome >/dev/null 2>&1 || [ -x /usr/lib/chromium/chromium ]
}

if ! have_chromium; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[setup] no Chromium found: installing Debian's chromium package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
  else
    echo "[setup] no Chromium found. Install it (Debian: sudo apt-get install chromium) or set CHROME_PATH." >&2
    exit 1
  fi
fi
