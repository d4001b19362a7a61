#!/usr/bin/env bash
# The real binary renders its main layout and saves it: a 1600x900 PNG that is not
# one flat colour. Usage: screenshot_smoke.sh RAPPORT PNG_CHECK WORKDIR
# Exit 77 (skipped) when there is no display; run under `xvfb-run -a` to get one.
set -euo pipefail
rapport=$1 check=$2 work=$3

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "no DISPLAY: skipped (run ctest under xvfb-run -a)"
  exit 77
fi

rm -rf "$work" && mkdir -p "$work"
# Never touch the user's settings.
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
# A fixed today: CTest sets it for every test; the same date when run by hand.
export RAPPORT_TODAY=${RAPPORT_TODAY:-2026-11-24}
out="$work/out.png"
timeout 60 "$rapport" --screenshot "$out" --frames 3 --size 1600x900
[[ -s "$out" ]] || { echo "no screenshot written at $out"; exit 1; }
"$check" "$out" 1600 900
[[ ! -e "$XDG_CONFIG_HOME/rapport/settings.ini" ]] || { echo "a scripted run wrote settings"; exit 1; }
