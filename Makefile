# koers: one Makefile runs what CI runs (.ci/run calls `make test`).
# Every install step is idempotent: it checks first and skips what is there.

SHELL := /bin/bash
CARGO ?= cargo
NO_STD_TARGETS := thumbv7em-none-eabihf wasm32-unknown-unknown

.PHONY: run test setup-rust check fmt clippy unit nostd report bench fuzz clean

## make run: build everything and show the vision.
run: setup-rust
	$(CARGO) build --release -p koers-cli
	./target/release/koers report

## make test: formatting, lints, every test, and the no_std target builds.
test: setup-rust fmt clippy unit nostd

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

report:
	$(CARGO) run --release -q -p koers-cli -- report

bench:
	@bash scripts/bench.sh

fuzz:
	@bash scripts/fuzz.sh

clean:
	$(CARGO) clean
