#!/usr/bin/env bash
# Screenshots of every section of the demo in each theme, as one contact sheet
# per theme: docs/sections-light.png, docs/sections-dark.png,
# docs/sections-high-contrast.png. Usage (from the repository, after a build):
#   xvfb-run -a -s "-screen 0 1920x1080x24" bash docs/contact_sheets.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state"
export RAPPORT_TODAY=2026-11-24
sections=(Overview Health Discovery Expectations "Ways of working" "Communication plan" Meetings
  Milestones Boundaries "Change requests" "Client tasks" Decisions Feedback)
for theme in light dark high-contrast; do
  shots=()
  for i in "${!sections[@]}"; do
    out="$work/$theme-$(printf %02d "$i").png"
    "$build/app/rapport" assets/demo.rapport.json --theme "$theme" --section "${sections[$i]}" \
      --size 1600x900 --frames 3 --screenshot "$out"
    shots+=("$out")
  done
  montage "${shots[@]}" -tile 3x -geometry 600x338+5+5 -background '#808080' \
    -depth 8 -colors 200 "PNG8:docs/sections-$theme.png"
done
