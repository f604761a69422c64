# koers: one Makefile runs what CI runs (.ci/run calls `make test`).
# Every install step is idempotent: it checks first and skips what is there.

SHELL := /bin/bash
CARGO ?= cargo
NO_STD_TARGETS := thumbv7em-none-eabihf wasm32-unknown-unknown

.PHONY: run test setup-rust check fmt clippy unit nostd report bench fuzz embedded schema clean

## make run: build everything and show the vision.
run: setup-rust
	$(CARGO) build --release -p koers-cli
	./target/release/koers report

## make test: formatting, lints, every test, and the no_std target builds.
test: setup-rust fmt clippy unit nostd embedded schema

setup-rust:
	@bash scripts/setup-rust.sh

fmt:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

unit:
	$(CARGO) test --workspace

# koers-core must build with no std and no alloc for a microcontroller and
# for the browser: prove it on every run.
nostd:
	@for t in $(NO_STD_TARGETS); do \
	  echo "== koers-core for $$t"; \
	  $(CARGO) build -p koers-core --release --target $$t || exit 1; \
	done

# The shipped data validates against its JSON Schema, and broken copies do not.
schema:
	@bash scripts/check-schema.sh

report:
	$(CARGO) run --release -q -p koers-cli -- report

# The example firmware (Cortex-M4F) and a bare wasm module that call
# koers-core: it links with no std and no heap, and runs there.
embedded: setup-rust
	@bash scripts/embedded.sh

## make bench: assessments per second, firmware flash/RAM, wasm size.
bench:
	@bash scripts/bench.sh

## make fuzz: every fuzz target for FUZZ_TIME seconds (default 60).
fuzz:
	@bash scripts/fuzz.sh

clean:
	$(CARGO) clean
