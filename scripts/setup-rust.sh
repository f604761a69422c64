#!/usr/bin/env bash
# Install the Rust pieces koers needs, once: the no_std targets and the
# rustfmt/clippy components. Skips whatever is already there.
set -euo pipefail
need=()
installed=$(rustup target list --installed)
for t in thumbv7em-none-eabihf wasm32-unknown-unknown; do
  grep -qx "$t" <<<"$installed" || need+=("$t")
done
if ((${#need[@]})); then
  echo "setup: rustup target add ${need[*]}"
  rustup target add "${need[@]}"
fi
components=$(rustup component list --installed)
for c in rustfmt clippy; do
  grep -q "^$c" <<<"$components" || rustup component add "$c"
done
