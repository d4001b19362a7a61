#!/usr/bin/env bash
# Runs the in-process journeys (rapport_ui_tests "[journey]") with their end
# states written to OUT_DIR, then shows each in the real binary and saves a
# screenshot beside it, checked to be a real picture.
#   journey_screenshots.sh RAPPORT UI_TESTS PNG_CHECK OUT_DIR
set -euo pipefail
rapport=$1 ui_tests=$2 png_check=$3 out=$4
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
# A fixed today: CTest sets it for every test; the same date when run by hand.
export RAPPORT_TODAY=${RAPPORT_TODAY:-2026-11-24}
mkdir -p "$out"
rm -f "$out"/journey-[0-7]-*.rapport.json
RAPPORT_JOURNEY_DIR=$out "$ui_tests" --warn NoTests "[journey]"
shopt -s nullglob
files=("$out"/journey-[0-7]-*.rapport.json)
(( ${#files[@]} >= 3 )) || { echo "expected the journeys' end states in $out"; exit 1; }
for f in "${files[@]}"; do
  png=${f%.rapport.json}.png
  "$rapport" "$f" --screenshot "$png" --frames 4 --size 1600x900
  "$png_check" "$png" 1600 900
  echo "saved $png"
done
