#!/usr/bin/env bash
# Build the example firmware (thumbv7em-none-eabihf, Cortex-M4F) and the
# bare wasm32 module in embedded/: proof that koers-core links into a
# no_std, no-heap program and runs its calculations there (style.md habit 1).
# Part of `make test`; needs only the rustup targets (scripts/setup-rust.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-rust.sh
cd embedded
cargo fmt -p koers-firmware -p koers-wasm-size -- --check
cargo clippy -p koers-firmware --target thumbv7em-none-eabihf -- -D warnings
cargo clippy -p koers-wasm-size --target wasm32-unknown-unknown -- -D warnings
cargo build --release -p koers-firmware --target thumbv7em-none-eabihf
cargo build --release -p koers-wasm-size --target wasm32-unknown-unknown
echo "embedded: firmware $(ls target/thumbv7em-none-eabihf/release | grep -E '^[a-z0-9-]+$' | grep -vE '^(build|deps|examples|incremental)$' | tr '\n' ' ')and wasm module built"
