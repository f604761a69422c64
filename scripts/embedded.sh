#!/usr/bin/env bash
# Build the example firmware (thumbv7em-none-eabihf, Cortex-M4F) and the
# bare wasm32 module in embedded/: proof that koers-core links into a
# no_std, no-heap program and runs its calculations there (style.md habit 1).
# Then runs `semicon-64k` (built with its `answers` feature) under QEMU's
# mps2-an386 Cortex-M4 board and has core/tests/firmware_answers.rs compare
# every answer the chip printed with the host's.
# Part of `make test`; needs the rustup targets (scripts/setup-rust.sh) and
# Debian's qemu-system-arm, installed here with apt when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-rust.sh
cd embedded
cargo fmt -p koers-firmware -p koers-wasm-size -- --check
cargo clippy -p koers-firmware --target thumbv7em-none-eabihf -- -D warnings
cargo clippy -p koers-wasm-size --target wasm32-unknown-unknown -- -D warnings
cargo build --release -p koers-firmware --target thumbv7em-none-eabihf
cargo build --release -p koers-wasm-size --target wasm32-unknown-unknown
cargo clippy -p koers-firmware --features answers --target thumbv7em-none-eabihf -- -D warnings
echo "embedded: firmware $(ls target/thumbv7em-none-eabihf/release | grep -E '^[a-z0-9-]+$' | grep -vE '^(build|deps|examples|incremental)$' | tr '\n' ' ')and wasm module built"

# The chip's answers against the host's.
if ! command -v qemu-system-arm >/dev/null; then
  echo "embedded: apt-get install qemu-system-arm (to run the firmware)"
  sudo_=""; [[ $(id -u) == 0 ]] || sudo_=sudo
  { $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq qemu-system-arm; } >/dev/null
fi
command -v qemu-system-arm >/dev/null || { echo "embedded: qemu-system-arm is missing and could not be installed" >&2; exit 1; }
cargo build --release -q -p koers-firmware --features answers --target thumbv7em-none-eabihf \
  --target-dir target/answers --bin semicon-64k
answers=$PWD/target/answers/semicon-64k.txt
# The firmware prints through semihosting and ends itself; the timeout is a
# guard against a firmware that hangs, not a measure.
timeout 120 qemu-system-arm -M mps2-an386 -display none -serial null -monitor none \
  -semihosting-config enable=on,target=native \
  -kernel target/answers/thumbv7em-none-eabihf/release/semicon-64k >"$answers"
echo "embedded: semicon-64k ran under QEMU (mps2-an386) and printed $(wc -l <"$answers") lines: $answers"
cd ..
KOERS_FIRMWARE_ANSWERS=$answers KOERS_REQUIRE_FIRMWARE_ANSWERS=1 \
  cargo test -q -p koers-core --test firmware_answers -- --nocapture firmware_answers_are_the_hosts
