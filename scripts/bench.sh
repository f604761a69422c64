#!/usr/bin/env bash
# Measure koers-core (style.md habit 12: size is measured, not hoped for):
#   1. assessments per second on 10,000 synthetic series
#      (core/examples/bench_assess.rs; median of BENCH_RUNS runs, default 9);
#   2. flash and static RAM of the example firmware (embedded/) for
#      thumbv7em-none-eabihf, at opt-level "s" and "z" (the profile), and the largest stack
#      frame (-Zemit-stack-sizes); for `semicon-64k` also the stack it really
#      uses (painted at reset, run under QEMU's mps2-an386 Cortex-M4 board,
#      RAM read back) and the sum of all its frames (a bound), printed
#      beside the aims of issue 10 (64 KB flash, 16 KB RAM; open-sdg 10 KB);
#   3. the bare wasm32 module (embedded/wasm) at "s" and "z";
#   4. size_of::<Dataset>() on the MCU, wasm32 and the host (-Zprint-type-sizes).
# Prints a Markdown table with the command behind each figure (also written
# to target/bench/bench-core.md). Never fails on a time or a size: the
# figures are for reading, not for a threshold.
#
# Installs what it needs, idempotently: the rustup targets, the llvm-tools
# component (llvm-size, llvm-readobj), or else Debian's binutils-arm-none-eabi,
# and Debian's qemu-system-arm (without it the painted stack is skipped).
# -Z flags run on the stable compiler with RUSTC_BOOTSTRAP=1 (this machine
# has no nightly).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/target/bench
mkdir -p "$out"
runs=${BENCH_RUNS:-9}
log() { echo "bench: $*" >&2; }

bash scripts/setup-rust.sh >&2

# A size tool: llvm-tools from rustup first, Debian's binutils second.
host=$(rustc -vV | sed -n 's/^host: //p')
llvm_bin=$(rustc --print sysroot)/lib/rustlib/$host/bin
if [[ ! -x $llvm_bin/llvm-size ]]; then
  log "rustup component add llvm-tools"
  rustup component add llvm-tools >&2 || true
fi
if [[ -x $llvm_bin/llvm-size ]]; then
  size_tool=$llvm_bin/llvm-size
  readobj=$llvm_bin/llvm-readobj
else
  if ! command -v arm-none-eabi-size >/dev/null; then
    log "apt-get install binutils-arm-none-eabi"
    { apt-get update -qq && apt-get install -y -qq binutils-arm-none-eabi; } >&2 || true
  fi
  size_tool=$(command -v arm-none-eabi-size || command -v llvm-size || true)
  readobj=
fi
[[ -n $size_tool ]] || { log "no size tool could be installed; sizes skipped"; }
log "size tool: ${size_tool:-none}"

# Thousands separators: 1234567 -> 1,234,567.
commas() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }
# The size of one section of a binary (0 when absent).
section() {
  "$size_tool" -A "$1" | awk -v s="$2" '$1 == s { print $2; found = 1 } END { if (!found) print 0 }'
}

rows=()
row() { rows+=("| $1 | $2 | \`$3\` |"); }

# 1. Assessments per second -------------------------------------------------
bench_cmd="cargo run --release -p koers-core --example bench_assess -- $runs"
log "$bench_cmd"
cargo build --release -q -p koers-core --example bench_assess >&2
./target/release/examples/bench_assess "$runs" >"$out/assess-s.txt"
get() { sed -n "s/^$2=//p" "$1"; }
o=$out/assess-s.txt
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
row "Open SDG assessments/s, 10,000 series, $(commas "$(get "$o" points)") points (median of $runs; min–max)" \
  "$(commas "$(get "$o" open_sdg_per_s)") ($(commas "$(get "$o" open_sdg_per_s_min)")–$(commas "$(get "$o" open_sdg_per_s_max)"))" "$bench_cmd"
row "\`assess_points\` assessments/s (Open SDG + distance + projection)" \
  "$(commas "$(get "$o" assess_points_per_s)") ($(commas "$(get "$o" assess_points_per_s_min)")–$(commas "$(get "$o" assess_points_per_s_max)"))" "$bench_cmd"
o3_cmd="CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo run --release --target-dir target/bench-o3 -p koers-core --example bench_assess -- $runs"
log "$o3_cmd"
CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo build --release -q --target-dir target/bench-o3 -p koers-core --example bench_assess >&2
./target/bench-o3/release/examples/bench_assess "$runs" >"$out/assess-3.txt"
o=$out/assess-3.txt
row "the same at opt-level 3: Open SDG / \`assess_points\` per s" \
  "$(commas "$(get "$o" open_sdg_per_s)") / $(commas "$(get "$o" assess_points_per_s)")" "$o3_cmd"

# 2. Firmware sizes ---------------------------------------------------------
fw_rows=()
bins=(open-sdg parse load-assess vision semicon-64k)
for opt in s z; do
  cmd="CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt cargo build --release -p koers-firmware --target thumbv7em-none-eabihf (in embedded/)"
  log "$cmd"
  (cd embedded && CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt cargo build --release -q -p koers-firmware --target thumbv7em-none-eabihf >&2)
  [[ -n $size_tool ]] || continue
  for b in "${bins[@]}"; do
    elf=embedded/target/thumbv7em-none-eabihf/release/$b
    vt=$(section "$elf" .vector_table) text=$(section "$elf" .text) ro=$(section "$elf" .rodata)
    data=$(section "$elf" .data) bss=$(section "$elf" .bss) un=$(section "$elf" .uninit)
    flash=$((vt + text + ro + data)) ram=$((data + bss + un))
    fw_rows+=("$b|$opt|$flash|$text|$ro|$ram")
  done
done
# The largest stack frame (where the Dataset lives), at the firmware's
# profile's opt-level ("z").
declare -A frame
if [[ -n ${readobj:-} && -x ${readobj:-} ]]; then
  frame_cmd="RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Zemit-stack-sizes cargo build --release -p koers-firmware --target thumbv7em-none-eabihf --target-dir target/stack-sizes; llvm-readobj --stack-sizes"
  log "$frame_cmd"
  (cd embedded && CARGO_PROFILE_RELEASE_STRIP=false RUSTC_BOOTSTRAP=1 RUSTFLAGS=-Zemit-stack-sizes \
    cargo build --release -q -p koers-firmware --target thumbv7em-none-eabihf --target-dir target/stack-sizes >&2)
  for b in "${bins[@]}"; do
    frame[$b]=$("$readobj" --stack-sizes "embedded/target/stack-sizes/thumbv7em-none-eabihf/release/$b" 2>/dev/null |
      sed -n 's/^ *Size: 0x\([0-9A-Fa-f]*\)/\1/p' | while read -r h; do echo $((16#$h)); done | sort -n | tail -1)
  done
fi

# The stack semicon-64k really uses: built with cortex-m-rt's paint-stack
# (every stack word 0xCCCCCCCC at reset), run for two seconds under QEMU
# (thousands of rounds), RAM saved with the monitor's pmemsave; the stack
# used is from the lowest word no longer painted to the top of RAM.
painted=
sum_frames=
if ! command -v qemu-system-arm >/dev/null; then
  log "apt-get install qemu-system-arm"
  { apt-get update -qq && apt-get install -y -qq qemu-system-arm; } >&2 || true
fi
paint_cmd="cargo build --release -p koers-firmware --features paint-stack --target thumbv7em-none-eabihf --target-dir target/paint (in embedded/); qemu-system-arm -M mps2-an386 -kernel semicon-64k; pmemsave 0x20000000 65536"
if command -v qemu-system-arm >/dev/null; then
  log "$paint_cmd"
  (cd embedded && CARGO_PROFILE_RELEASE_STRIP=false cargo build --release -q -p koers-firmware --features paint-stack \
    --target thumbv7em-none-eabihf --target-dir target/paint >&2)
  ram=$out/semicon-64k-ram.bin
  rm -f "$ram"
  { sleep 2; echo "pmemsave 0x20000000 65536 \"$ram\""; sleep 1; echo quit; } |
    timeout 30 qemu-system-arm -M mps2-an386 -display none -serial null -monitor stdio \
      -kernel embedded/target/paint/thumbv7em-none-eabihf/release/semicon-64k >/dev/null 2>&1 || true
  if [[ -s $ram ]]; then
    painted=$(od -An -v -tx4 -w4 "$ram" | awk '{ n++; if (!used && $1 != "cccccccc") used = n } END { if (used) print (n - used + 1) * 4 }')
  fi
fi
if [[ -n ${readobj:-} && -x ${readobj:-} ]]; then
  sum_frames=$("$readobj" --stack-sizes "embedded/target/stack-sizes/thumbv7em-none-eabihf/release/semicon-64k" 2>/dev/null |
    sed -n 's/^ *Size: 0x\([0-9A-Fa-f]*\)/\1/p' | while read -r h; do echo $((16#$h)); done | awk '{ s += $1 } END { print s }')
fi

# 3. The wasm module --------------------------------------------------------
wasm_rows=()
for opt in s z; do
  cmd="CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt cargo build --release -p koers-wasm-size --target wasm32-unknown-unknown (in embedded/)"
  log "$cmd"
  (cd embedded && CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt cargo build --release -q -p koers-wasm-size --target wasm32-unknown-unknown >&2)
  w=embedded/target/wasm32-unknown-unknown/release/koers_wasm_size.wasm
  bytes=$(stat -c %s "$w")
  gz=$(gzip -9 -c "$w" | wc -c)
  code=?
  wdata=?
  if [[ $size_tool == *llvm-size ]]; then
    code=$(section "$w" CODE) wdata=$(section "$w" DATA)
  fi
  wasm_rows+=("$opt|$bytes|$gz|$code|$wdata")
done

# 4. size_of::<Dataset>() ---------------------------------------------------
declare -A ds_size
for t in thumbv7em-none-eabihf wasm32-unknown-unknown "$host"; do
  # The sizes print only while compiling: start that crate afresh.
  cargo clean -q -p koers-core --release --target "$t" --target-dir target/type-sizes 2>/dev/null || true
  ds_size[$t]=$(RUSTC_BOOTSTRAP=1 cargo rustc -q -p koers-core --release --lib --target "$t" \
    --target-dir target/type-sizes -- -Zprint-type-sizes 2>/dev/null |
    sed -n 's/^print-type-size type: `model::Dataset<.*>`: \([0-9]*\) bytes.*/\1/p' | head -1)
done
ds_cmd="RUSTC_BOOTSTRAP=1 cargo rustc -p koers-core --release --lib --target TARGET -- -Zprint-type-sizes \\| grep model::Dataset"

# Report ----------------------------------------------------------------------
{
  echo "## koers-core benchmark"
  echo
  echo "$(date -u +%Y-%m-%d), $(rustc -V | cut -d' ' -f1-2), ${cpu:-unknown CPU} ($(nproc) cores); \`make bench\`."
  echo
  echo "| measure | figure | command |"
  echo "| --- | ---: | --- |"
  printf '%s\n' "${rows[@]}"
  for t in thumbv7em-none-eabihf wasm32-unknown-unknown "$host"; do
    echo "| \`size_of::<Dataset>()\` on $t | $(commas "${ds_size[$t]:-?}") bytes | \`${ds_cmd/TARGET/$t}\` |"
  done
  echo
  echo "Firmware for thumbv7em-none-eabihf (Cortex-M4F), bytes; flash = vector table + text + rodata + data,"
  echo "static RAM = data + bss; the stack frame is the largest one (opt-level \"z\", the firmware's profile), the Dataset included."
  echo "Command: \`cd embedded && CARGO_PROFILE_RELEASE_OPT_LEVEL={s,z} cargo build --release -p koers-firmware --target thumbv7em-none-eabihf && $(basename "${size_tool:-llvm-size}") -A target/thumbv7em-none-eabihf/release/BIN\`"
  echo
  echo "| firmware | does | opt-level | flash | .text | .rodata | static RAM | largest stack frame |"
  echo "| --- | --- | :---: | ---: | ---: | ---: | ---: | ---: |"
  for r in "${fw_rows[@]}"; do
    IFS='|' read -r b opt flash text ro ram <<<"$r"
    case $b in
      open-sdg) does="\`progress::open_sdg\` on 4 points" ;;
      parse) does="\`load::parse_into\` of a 1 KB file, then Open SDG" ;;
      load-assess) does="\`load::load_into\` (validated) + \`assess_all\` + roll-up" ;;
      vision) does="the same on the built-in vision (100 KB JSON in flash)" ;;
      semicon-64k) does="the whole vision in place (\`builtin::STATIC_VISION\`), 32 observations, \`inplace\` assess + roll-up" ;;
    esac
    f=
    [[ $opt == z ]] && f=$(commas "${frame[$b]:-?}")
    echo "| \`$b\` | $does | $opt | $(commas "$flash") | $(commas "$text") | $(commas "$ro") | $(commas "$ram") | $f |"
  done
  echo
  echo "Aims of issue 10 (opt-level \"z\", the firmware's profile), bytes:"
  echo
  echo "| firmware | measure | figure | aim | command |"
  echo "| --- | --- | ---: | ---: | --- |"
  for r in "${fw_rows[@]}"; do
    IFS='|' read -r b opt flash text ro ram <<<"$r"
    [[ $opt == z ]] || continue
    case $b in
      open-sdg) echo "| \`open-sdg\` | flash (no series needs the complex power) | $(commas "$flash") | 10,240 | \`cargo build --release -p koers-firmware --target thumbv7em-none-eabihf\` |" ;;
      semicon-64k)
        echo "| \`semicon-64k\` | flash | $(commas "$flash") | 65,536 | the same |"
        used="? (no QEMU)"
        [[ -n $painted ]] && used="$(commas "$((ram + painted))") (stack $(commas "$painted"))"
        bound="?"
        [[ -n $sum_frames ]] && bound=$(commas "$((ram + sum_frames))")
        echo "| \`semicon-64k\` | static RAM + stack used (painted, QEMU mps2-an386) | $used | 16,384 | \`$paint_cmd\` |"
        echo "| \`semicon-64k\` | static RAM + sum of every stack frame (a bound) | $bound | 16,384 | \`${frame_cmd:-}\` |"
        ;;
    esac
  done
  echo
  echo "Bare wasm32 module (koers-core without wasm-bindgen; stripped, no wasm-opt), bytes."
  echo "Command: \`cd embedded && CARGO_PROFILE_RELEASE_OPT_LEVEL={s,z} cargo build --release -p koers-wasm-size --target wasm32-unknown-unknown\`"
  echo
  echo "| opt-level | .wasm | gzip -9 | CODE | DATA |"
  echo "| :---: | ---: | ---: | ---: | ---: |"
  for r in "${wasm_rows[@]}"; do
    IFS='|' read -r opt bytes gz code wdata <<<"$r"
    echo "| $opt | $(commas "$bytes") | $(commas "$gz") | $(commas "$code") | $(commas "$wdata") |"
  done
} | tee "$out/bench-core.md"
# Leave the firmware built as `make embedded` builds it (its profile, "z").
(cd embedded && cargo build --release -q -p koers-firmware --target thumbv7em-none-eabihf \
  && cargo build --release -q -p koers-wasm-size --target wasm32-unknown-unknown) >&2
