#!/usr/bin/env bash
# The real binary renders its main layout and saves it: a 1600x900 PNG that is not
# one flat colour. Usage: screenshot_smoke.sh RAPPORT PNG_CHECK WORKDIR
# Exit 77 (skipped) when there is no display; run under `xvfb-run -a` to get one.
set -euo pipefail
rapport=$1 check=$2 work=$3

# shellcheck source=gui_prelude.sh
source "$(dirname "${BASH_SOURCE[0]}")/gui_prelude.sh"
gui_prelude "$work"
out="$work/out.png"
timeout 60 "$rapport" --screenshot "$out" --frames 3 --size 1600x900
[[ -s "$out" ]] || { echo "no screenshot written at $out"; exit 1; }
"$check" "$out" 1600 900
[[ ! -e "$XDG_CONFIG_HOME/rapport/settings.ini" ]] || { echo "a scripted run wrote settings"; exit 1; }
