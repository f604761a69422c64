#!/usr/bin/env bash
# Fuzz everything koers reads from outside, each target for a bounded time
# (style.md habit 9), and print how many inputs each one ran.
#
#   scripts/fuzz.sh                  every target, FUZZ_TIME seconds each (60)
#   scripts/fuzz.sh json_load        one target
#   FUZZ_TIME=600 scripts/fuzz.sh    longer
#   FUZZ_SANITIZER=none ...          skip AddressSanitizer (default: address,
#                                    falling back to none if it cannot build)
#
# cargo-fuzz needs nightly compiler features (-Zsanitizer, sanitizer
# coverage); this machine has only the stable toolchain, so the stable
# compiler is run with them unlocked (RUSTC_BOOTSTRAP=1). Debug assertions
# are on (-a), so an integer overflow is a crash too.
#
# Seeds: fuzz/seeds/ (committed) plus the built-in vision, copied into the
# working corpus fuzz/corpus/<target> (ignored by git). A crash leaves its
# input in fuzz/artifacts/<target>/ and makes this script fail; reproduce it
# with `RUSTC_BOOTSTRAP=1 cargo fuzz run -a <target> <file>` in fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
time_each=${FUZZ_TIME:-60}
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: cargo install cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

cd fuzz
all=(json_load csv_read progress locate opensdg_read statfile)
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")

sanitizer=${FUZZ_SANITIZER:-address}
if ! cargo fuzz build -a -s "$sanitizer" "${targets[@]:0:1}" >/tmp/koers-fuzz-build.log 2>&1; then
  if [[ $sanitizer == none ]]; then
    cat /tmp/koers-fuzz-build.log >&2
    exit 1
  fi
  echo "fuzz: sanitizer '$sanitizer' does not build here; running with -s none"
  tail -5 /tmp/koers-fuzz-build.log
  sanitizer=none
fi
echo "fuzz: $(cargo fuzz --version), $(rustc -V), sanitizer $sanitizer, ${time_each}s per target"
cargo fuzz build -a -s "$sanitizer"

vision=$root/data/semicon-visie-2035.json
rows=()
failed=0
for t in "${targets[@]}"; do
  corpus=corpus/$t
  mkdir -p "$corpus" "artifacts/$t"
  extra=()
  case $t in
    json_load)
      seeds=seeds/json
      cp -n "$vision" "$corpus/semicon-visie-2035.json"
      extra=(-dict=seeds/json.dict)
      ;;
    csv_read) seeds=seeds/csv ;;
    opensdg_read) seeds=seeds/opensdg ;;
    statfile) seeds=seeds/statfile ;;
    progress) seeds= ;;
    locate)
      seeds=seeds/locate
      # Byte 0 table, byte 1 item, byte 2 key (see the target): targets[5].baseline.
      { printf '\x04\x05\x05'; cat "$vision"; } >"$corpus/vision-targets-5-baseline.bin"
      extra=(-dict=seeds/json.dict)
      ;;
    *) echo "fuzz: no target '$t' (have: ${all[*]})" >&2; exit 2 ;;
  esac
  log=artifacts/$t/fuzz.log
  echo "== $t (${time_each}s)"
  set +e
  cargo fuzz run -a -s "$sanitizer" "$t" "$corpus" ${seeds:+"$seeds"} -- \
    -max_total_time="$time_each" -timeout=10 -print_final_stats=1 "${extra[@]}" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  secs=$(sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\2/p' "$log" | tail -1)
  if [[ -z $runs ]]; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    secs=$time_each
  fi
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  units=$(find "$corpus" -type f | wc -l)
  if ((rc == 0)); then
    result=ok
  else
    result="CRASH (exit $rc): $(grep -o 'artifacts/[^ ]*' "$log" | grep -v fuzz.log | tail -1)"
    failed=1
    grep -m3 -E 'panicked|ERROR|SUMMARY' "$log" || true
  fi
  rate=$(( ${runs:-0} / (${secs:-1} > 0 ? ${secs:-1} : 1) ))
  rows+=("| \`$t\` | ${secs:-?} | ${runs:-?} | $rate | ${cov:-?} | $units | $result |")
  echo "   ${runs:-?} runs in ${secs:-?} s, $result"
done

echo
if (($#)); then how="FUZZ_TIME=$time_each scripts/fuzz.sh $*"; else how="FUZZ_TIME=$time_each make fuzz"; fi
echo "Command: \`$how\` ($(rustc -V | cut -d' ' -f1-2), RUSTC_BOOTSTRAP=1, cargo fuzz run -a -s $sanitizer)"
echo
echo "| target | seconds | executions | exec/s | coverage | corpus | result |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | --- |"
printf '%s\n' "${rows[@]}"
exit $failed
