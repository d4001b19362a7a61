#!/usr/bin/env bash
# The first frame is complete: the demo after one frame is the same picture as
# after three. Usage: first_frame.sh RAPPORT PNG_CHECK DEMO WORKDIR
# Exit 77 (skipped) when there is no display; run under `xvfb-run -a` to get one.
set -euo pipefail
rapport=$1 check=$2 demo=$3 work=$4

# shellcheck source=gui_prelude.sh
source "$(dirname "${BASH_SOURCE[0]}")/gui_prelude.sh"
gui_prelude "$work"
for frames in 1 3; do
  timeout 60 "$rapport" "$demo" --screenshot "$work/frames-$frames.png" --frames "$frames" \
    --size 1600x900
  "$check" "$work/frames-$frames.png" 1600 900
done
"$check" --same "$work/frames-1.png" "$work/frames-3.png"
