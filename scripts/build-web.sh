#!/usr/bin/env bash
# Build the dashboard into www/pkg: release wasm, wasm-bindgen (--target web),
# wasm-opt -Oz (binaryen from npm), and the illustrative example figures;
# the data into www/data: `koers publish` checks the vision and its
# published figures and writes www/data/vision.json and www/data/figures.json
# (the page fetches them at start; replacing them on the host publishes new
# figures with no rebuild); then scripts/build-dist.mjs: the
# <koers-dashboard> bundle www/pkg/koers-element.js and the single-file
# dist/koers.html (which carries the data).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-web.sh
cargo build -p koers-wasm --profile wasm-release --target wasm32-unknown-unknown
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/wasm-release/koers_wasm.wasm
source scripts/wasm-opt-flags.sh
tests/e2e/node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" \
  www/pkg/koers_wasm_bg.wasm -o www/pkg/koers_wasm_bg.wasm
cp data/illustrative-observations.csv www/pkg/
ls -l www/pkg
rm -rf www/data
cargo run --release -q -p koers-cli -- publish \
  --vision data/semicon-visie-2035.json --figures data/figures --out www/data
ls -l www/data
node scripts/build-dist.mjs
