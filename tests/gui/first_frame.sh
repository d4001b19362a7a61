#!/usr/bin/env bash
# The first frame is complete: the demo after one frame is the same picture as
# after three. Usage: first_frame.sh RAPPORT PNG_CHECK DEMO WORKDIR
# Exit 77 (skipped) when there is no display; run under `xvfb-run -a` to get one.
set -euo pipefail
rapport=$1 check=$2 demo=$3 work=$4

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "no DISPLAY: skipped (run ctest under xvfb-run -a)"
  exit 77
fi

rm -rf "$work" && mkdir -p "$work"
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
export RAPPORT_TODAY=${RAPPORT_TODAY:-2026-11-24}
for frames in 1 3; do
  timeout 60 "$rapport" "$demo" --screenshot "$work/frames-$frames.png" --frames "$frames" \
    --size 1600x900
  "$check" "$work/frames-$frames.png" 1600 900
done
"$check" --same "$work/frames-1.png" "$work/frames-3.png"
