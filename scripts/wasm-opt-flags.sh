# Sourced by scripts/build-web.sh and scripts/wasm-size.sh: the flags of
# binaryen's wasm-opt for the dashboard wasm.
# wasm-opt: flags measured in docs/dashboard-size.md (gzip bytes of the
# wasm, each against plain -Oz). -ocimfs=20: inline a function with a single
# caller only when it is small (binaryen's default inlines any size, which
# makes fewer but larger functions that gzip compresses worse: 17 KB gzip);
# the memory is the module's own (zero-filled) and Rust puts the stack first,
# so nothing lives below address 1024; the producers and target-features
# sections are not read by browsers.
WASM_OPT_FLAGS=(-Oz --one-caller-inline-max-function-size=20
  --zero-filled-memory --low-memory-unused --strip-producers --strip-target-features
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
