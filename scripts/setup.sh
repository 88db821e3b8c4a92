#!/usr/bin/env bash
# Makes a fresh machine ready for `npm start` and `npm test` (run by their pre-scripts): the locked
# npm packages, Debian's Chromium when no Chromium is found, and Debian's firefox-esr when no Firefox
# is found (the Firefox smoke test). Quick when all are already there.
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

have_firefox() {
  if [ -n "${FIREFOX_PATH:-}" ] && [ -x "${FIREFOX_PATH}" ]; then return 0; fi
  command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1
}

# Debian packages the missing browsers (`apt-get update` once for both); elsewhere the user installs them.
missing=()
have_chromium || missing+=(chromium)
have_firefox || missing+=(firefox-esr)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[setup] installing Debian's ${missing[*]} (not found)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "[setup] not found: ${missing[*]}. Install (Debian: sudo apt-get install ${missing[*]}), or set" \
      "CHROME_PATH / FIREFOX_PATH." >&2
    exit 1
  fi
fi
