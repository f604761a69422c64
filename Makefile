# koers: one Makefile runs what CI runs (.ci/run calls `make test`).
# Every install step is idempotent: it checks first and skips what is there.

SHELL := /bin/bash
CARGO ?= cargo
NO_STD_TARGETS := thumbv7em-none-eabihf wasm32-unknown-unknown

.PHONY: run test setup-rust check fmt clippy unit nostd report bench fuzz embedded schema clean web web-test bench-dashboard

## make run: build the dashboard and serve it on http://127.0.0.1:8080.
run: web
	@node scripts/serve-web.mjs 8080

## make web: build the dashboard into www/pkg (wasm-bindgen, wasm-opt).
web: setup-rust
	@bash scripts/build-web.sh

## make test: formatting, lints, every test, the no_std target builds and
## the dashboard in a real browser.
test: setup-rust fmt clippy unit nostd embedded schema web-test

setup-rust:
	@bash scripts/setup-rust.sh

fmt:
	$(CARGO) fmt --all -- --check

clippy:
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# The checks of the data against the vision's full text need
# ../shared/source/semicon-visie-2035.txt (not in the repository). When it is
# there they are required (a wrong path fails them); when it is not, they
# are skipped and this says so plainly.
VISION_TEXT := ../shared/source/semicon-visie-2035.txt

unit:
	@if [ -f "$(VISION_TEXT)" ]; then \
	  echo "== the vision's full text is at $(VISION_TEXT): the checks against it run"; \
	  KOERS_REQUIRE_VISION_TEXT=1 $(CARGO) test --workspace || exit 1; \
	else \
	  echo "!! the vision's full text is NOT at $(VISION_TEXT): the checks of the data against it are SKIPPED"; \
	  $(CARGO) test --workspace || exit 1; \
	  echo "!! reminder: the checks against the vision's text were skipped (no $(VISION_TEXT))"; \
	fi

# koers-core must build with no std and no alloc for a microcontroller and
# for the browser: prove it on every run.
nostd:
	@for t in $(NO_STD_TARGETS); do \
	  echo "== koers-core for $$t"; \
	  $(CARGO) build -p koers-core --release --target $$t || exit 1; \
	done
	@echo "== koers-core without its default features (no complex power), as the firmware builds it"
	$(CARGO) build -p koers-core --release --no-default-features --target thumbv7em-none-eabihf
	$(CARGO) test -q -p koers-core --no-default-features --lib

# The shipped data validates against its JSON Schema, and broken copies do not.
schema:
	@bash scripts/check-schema.sh

## make report: the vision and where it stands, with the published figures
## of data/figures, on the command line.
report:
	$(CARGO) run --release -q -p koers-cli -- report --figures data/figures

# The dashboard in headless Chromium: wasm-bindgen-test for the bindings
# (through chromedriver; flags in wasm/webdriver.json), then the end-to-end
# tests (playwright-core driving Debian's Chromium, node's test runner).
# Installs chromium and chromium-driver with apt only when missing.
web-test: setup-rust
	@bash scripts/setup-web.sh --browser
	@bash scripts/build-web.sh
	$(CARGO) clippy -p koers-wasm --all-targets --target wasm32-unknown-unknown -- -D warnings
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  $(CARGO) test -p koers-wasm --target wasm32-unknown-unknown
	cd tests/e2e && node --test

## make bench-dashboard: first-view bytes and render times in Chromium
## (written to docs/bench-dashboard.md), and how a change's cost grows with
## the page, as ratios beside issue 11's aims (docs/bench-redraw.md).
bench-dashboard: web
	@bash scripts/setup-web.sh --browser
	@node scripts/bench-dashboard.mjs
	@node scripts/bench-redraw.mjs

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
