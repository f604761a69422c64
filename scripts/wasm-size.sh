#!/usr/bin/env bash
# Where the dashboard wasm's bytes go (docs/dashboard-size.md): builds the
# wasm as scripts/build-web.sh does, once more with names kept
# (wasm-bindgen --keep-debug, wasm-opt -g, the same flags), into
# target/wasm-size/, and prints its size, gzip -9 size, the parts
# (scripts/wasm-size.mjs) and, if twiggy is installed, `twiggy top` and
# `twiggy dominators`. Does not touch www/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-web.sh
source scripts/wasm-opt-flags.sh
cargo build -q -p koers-wasm --profile wasm-release --target wasm32-unknown-unknown
out=target/wasm-size
rm -rf "$out"
for kind in plain named; do
  keep=()
  [ "$kind" = named ] && keep=(--keep-debug)
  wasm-bindgen --target web --no-typescript "${keep[@]}" --out-dir "$out/$kind" \
    target/wasm32-unknown-unknown/wasm-release/koers_wasm.wasm
done
opt=tests/e2e/node_modules/.bin/wasm-opt
"$opt" "${WASM_OPT_FLAGS[@]}" "$out/plain/koers_wasm_bg.wasm" -o "$out/koers_wasm_bg.wasm"
"$opt" "${WASM_OPT_FLAGS[@]}" -g "$out/named/koers_wasm_bg.wasm" -o "$out/named.wasm"
echo "wasm as served: $(wc -c <"$out/koers_wasm_bg.wasm") bytes, gzip -9 $(gzip -9 -c "$out/koers_wasm_bg.wasm" | wc -c)"
node scripts/wasm-size.mjs "$out/named.wasm"
if command -v twiggy >/dev/null || [ -x "$HOME/.cargo/bin/twiggy" ]; then
  twiggy=$(command -v twiggy || echo "$HOME/.cargo/bin/twiggy")
  echo; echo "twiggy top -n 40 $out/named.wasm"; "$twiggy" top -n 40 "$out/named.wasm"
  echo; echo "twiggy dominators -d 1 -r 40 $out/named.wasm"; "$twiggy" dominators -d 1 -r 40 "$out/named.wasm"
fi
