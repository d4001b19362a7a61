#!/usr/bin/env bash
# Journey 8, with the real binary under X: add a milestone with quick add,
# wait for the autosave, kill -9, start again, accept the recovery offer, save,
# and find the milestone in the file. Ends with an F12 screenshot.
#   journey_crash_recovery.sh RAPPORT DEMO.rapport.json OUT_DIR
# Waits on conditions (a window, a file), never on a fixed delay; each wait
# gives up after a bounded number of checks. Exit 77 = skipped (no display).
# No pipes: under pipefail a reader that stops early (head, grep -q) can fail the
# writer with SIGPIPE, so output is captured first and then looked at.
set -euo pipefail
rapport=$1 demo=$2 out=$3
[[ -n "${DISPLAY:-}" ]] || { echo "no DISPLAY: skipped"; exit 77; }
command -v xdotool >/dev/null || { echo "no xdotool: skipped"; exit 77; }
mkdir -p "$out"
work=$(mktemp -d)
pid=
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

export XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config
export RAPPORT_AUTOSAVE_SECONDS=1 RAPPORT_SCREENSHOT_DIR=$work/shots
# A fixed today: CTest sets it for every test; the same date when run by hand.
export RAPPORT_TODAY=${RAPPORT_TODAY:-2026-11-24}
mkdir -p "$work/shots"
plan=$work/plan.rapport.json
cp "$demo" "$plan"

# wait_for DESCRIPTION COMMAND...: re-checks every 0.1 s, at most 300 times.
wait_for() {
  local what=$1; shift
  for _ in $(seq 300); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "gave up waiting for: $what"
  if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then echo "Rapport is no longer running"; fi
  [[ -f "$work/rapport.log" ]] && tail -20 "$work/rapport.log"
  # Leave a picture of the moment it failed beside the other screenshots.
  if [[ -n "$pid" ]]; then
    xdotool key F12
    for _ in $(seq 50); do screenshot_taken && break; sleep 0.1; done
    first_screenshot && cp "$shot" "$out/journey-8-failed.png" 2>/dev/null || true
  fi
  exit 1
}
# The first visible window of Rapport, or nothing (xdotool exits 1 when none).
window() {
  local ids
  ids=$(xdotool search --pid "$pid" --onlyvisible --name 'Rapport') || return 0
  printf '%s\n' "${ids%%$'\n'*}"
}
# title_has TEXT: the window's title holds TEXT.
title_has() {
  local w title
  w=$(window); [[ -n "$w" ]] || return 1
  title=$(xdotool getwindowname "$w") || return 1
  [[ "$title" == *"$1"* ]]
}
# Ready for input once the app has drawn and titled its window with the file.
has_window() { title_has 'plan.rapport.json'; }
focused() { [[ "$(xdotool getwindowfocus)" == "$(window)" ]]; }
focus() { xdotool windowfocus "$(window)"; wait_for "keyboard focus" focused; }
recovery_written() { compgen -G "$XDG_STATE_HOME/rapport/recovery/*" >/dev/null; }
saved_with_milestone() { grep -q 'Crash test milestone' "$plan"; }
screenshot_taken() { compgen -G "$work/shots/*.png" >/dev/null; }
# Sets shot to the first screenshot in $work/shots.
first_screenshot() {
  local shots=("$work"/shots/*.png)
  [[ -e "${shots[0]}" ]] || return 1
  shot=${shots[0]}
}
# The recovery offer is a dialog whose default is "Restore them" (Enter); once
# restored, the title marks unsaved changes with "•". Enter does nothing else
# on the main window, so it is repeated until the dialog has taken it.
restored() { xdotool key Return; title_has '•'; }
# Ctrl held down while the key is typed, as a person does.
ctrl() { xdotool keydown ctrl; xdotool key "$1"; xdotool keyup ctrl; }
stopped() { ! kill -0 "$pid" 2>/dev/null; }

echo "== start, add a milestone, wait for the autosave"
"$rapport" "$plan" >"$work/rapport.log" 2>&1 & pid=$!
wait_for "the window" has_window
focus
ctrl k
xdotool type --delay 40 'milestone "Crash test milestone" 2027-02-02'
xdotool key Return
wait_for "the recovery file" recovery_written
! saved_with_milestone || { echo "the file changed before saving"; exit 1; }

echo "== kill -9"
kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=

echo "== start again, accept the recovery, save"
"$rapport" "$plan" >>"$work/rapport.log" 2>&1 & pid=$!
wait_for "the window" has_window
focus
wait_for "the restored changes" restored
ctrl s
wait_for "the saved file" saved_with_milestone
xdotool key F12
wait_for "the screenshot" screenshot_taken
first_screenshot
cp "$shot" "$out/journey-8-crash-recovery.png"
ctrl q
wait_for "Rapport to quit" stopped
pid=
# The saved file opens cleanly: `check` exits 0 whatever it finds about the plan.
# Its whole output goes to a file (how much it prints depends on the plan and today).
if ! "$rapport" check "$plan" >"$work/check.txt" 2>&1; then
  echo "rapport check refused the saved file:"; cat "$work/check.txt"; exit 1
fi
mapfile -t -n 3 check_head <"$work/check.txt"
printf '%s\n' "${check_head[@]}"
echo "journey 8 passed: the milestone typed before kill -9 is in the file"
