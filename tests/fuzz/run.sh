#!/usr/bin/env bash
# Builds the libFuzzer harnesses for project files and imports (clang-14, ASan +
# UBSan) in a separate build folder and runs each for a bounded time.
#   tests/fuzz/run.sh SECONDS        (default 60 per fuzzer)
# Environment: RAPPORT_FUZZ_BUILD (default <repo>/build-fuzz), RAPPORT_JOBS (2).
# Exit status is non-zero if a fuzzer found a crash, leak, timeout or an
# allocation above the limits; the input that did it is in $BUILD/artifacts/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-60}
build=${RAPPORT_FUZZ_BUILD:-$PWD/build-fuzz}
jobs=${RAPPORT_JOBS:-2}

CXX=${CXX:-clang++-14} CC=${CC:-clang-14} cmake -S . -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAPPORT_FUZZ=ON -DRAPPORT_BUILD_APP=OFF >/dev/null
targets="fuzz_load_binary fuzz_load_json fuzz_import_ics fuzz_import_planner fuzz_import_mspdi fuzz_import_csv"
# RAPPORT_FUZZ_ONLY="ics planner" runs only those (binary json ics planner mspdi csv).
only=${RAPPORT_FUZZ_ONLY:-binary json ics planner mspdi csv}
cmake --build "$build" -j "$jobs" --target $targets

# Seeds: the committed fixtures and broken files. The binary fuzzer takes a
# payload, so its seeds are the files without their 32-byte header.
mkdir -p "$build/corpus/binary" "$build/corpus/json" "$build/corpus/ics" "$build/corpus/planner" \
  "$build/corpus/mspdi" "$build/corpus/csv" "$build/artifacts"
for f in tests/data/format-v*.rapport tests/data/broken/*.rapport; do
  tail -c +33 "$f" > "$build/corpus/binary/seed-$(basename "$f").payload"
done
cp tests/data/format-v*.rapport.json tests/data/broken/*.rapport.json "$build/corpus/json/"
cp tests/fuzz/seeds/ics/*.ics "$build/corpus/ics/"
cp tests/data/*.planner "$build/corpus/planner/"
cp tests/data/mspdi/*.xml "$build/corpus/mspdi/"
cp tests/fuzz/seeds/csv/*.csv "$build/corpus/csv/"

export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$PWD/tests/fuzz/ubsan.supp"
status=0
for kind in $only; do
  case $kind in
    binary|json) fuzzer=fuzz_load_$kind ;;
    *) fuzzer=fuzz_import_$kind ;;
  esac
  echo "== $fuzzer for $seconds s"
  # -malloc_limit_mb: any single allocation above 64 MB (for inputs of at most
  # 64 KB) is a finding: memory must stay a small multiple of the file size.
  if ! "$build/tests/fuzz/$fuzzer" "$build/corpus/$kind" \
      -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 -malloc_limit_mb=64 -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$kind-" 2> "$build/$fuzzer.log"; then
    status=1
    echo "$fuzzer FOUND A PROBLEM: see $build/$fuzzer.log and $build/artifacts/"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY" "$build/$fuzzer.log" || true
  echo "corpus: $(ls "$build/corpus/$kind" | wc -l) inputs"
done
exit $status
