#!/usr/bin/env bash
# Build the dashboard into www/pkg: release wasm, wasm-bindgen (--target web),
# wasm-opt -Oz (binaryen from npm), and the illustrative example figures;
# then scripts/build-dist.mjs: the <koers-dashboard> bundle www/pkg/koers-element.js
# and the single-file dist/koers.html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-web.sh
cargo build -p koers-wasm --profile wasm-release --target wasm32-unknown-unknown
rm -rf www/pkg
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/wasm-release/koers_wasm.wasm
tests/e2e/node_modules/.bin/wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  www/pkg/koers_wasm_bg.wasm -o www/pkg/koers_wasm_bg.wasm
cp data/illustrative-observations.csv www/pkg/
ls -l www/pkg
node scripts/build-dist.mjs
