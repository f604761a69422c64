#!/usr/bin/env bash
# Install what the dashboard needs to build, serve and test, once: the wasm32
# target, the wasm-bindgen CLI at the exact version in Cargo.lock, Node.js
# (Debian's) and the npm packages of tests/e2e (binaryen's wasm-opt,
# playwright-core, axe-core). With --browser also Debian's Chromium and
# ChromeDriver. Each step checks first and skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  fi
}

rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$want" != "$have" ]; then
  echo "setup-web: cargo install wasm-bindgen-cli --version $want (a few minutes)"
  cargo install wasm-bindgen-cli --version "$want"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

# npm ci only when node_modules is missing or older than the lock file.
stamp=tests/e2e/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ tests/e2e/package-lock.json -nt "$stamp" ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
fi
