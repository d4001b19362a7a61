#!/usr/bin/env bash
# The command line of the real binary: --help and --version exit 0 without a display;
# an unknown flag or a bad value prints one line on stderr and exits 2; a fixed
# today comes from --today or RAPPORT_TODAY, and a bad one is refused; check,
# convert and export print text from a file with control characters escaped, and
# check summarises many findings in a few lines (all of them with --all).
# Usage: cli_smoke.sh RAPPORT DEMO.rapport.json
# No pipes into readers that may stop early (grep -q, head): output is captured first.
set -uo pipefail
rapport=$1 demo=$2
fail=0
# A fixed today: CTest sets it for every test; the same date when run by hand.
export RAPPORT_TODAY=${RAPPORT_TODAY:-2026-11-24}

expect() {  # expect CODE ARGS... : runs rapport ARGS, checks the exit code
  local want=$1; shift
  local err code
  err=$(env -u DISPLAY -u WAYLAND_DISPLAY "$rapport" "$@" 2>&1 >/dev/null)
  code=$?
  if [[ $code -ne $want ]]; then
    echo "FAIL: rapport $* exited $code, expected $want: $err"; fail=1; return
  fi
  if [[ $want -eq 2 && $(printf '%s\n' "$err" | wc -l) -ne 1 ]]; then
    echo "FAIL: rapport $* printed more than one line: $err"; fail=1; return
  fi
  echo "ok: rapport $* -> $code ${err:+($err)}"
}

expect 0 --help
expect 0 --version
expect 2 --bogus
expect 2 --size 12
expect 2 --size 1600x
expect 2 --scale zero
expect 2 --frames 0
expect 2 --screenshot
expect 2 a.rapport b.rapport
expect 2 --theme sepia
expect 2 --today 2026-13-01
expect 2 --today tomorrow
expect 2 --today=2026-11-24x
RAPPORT_TODAY=2026-02-30 expect 2 check "$demo"
RAPPORT_TODAY=' 2026-11-24' expect 2 --today 2027-06-15 check "$demo"

# contains WHAT TEXT NEEDLE: TEXT holds NEEDLE, or a FAIL line.
contains() {
  [[ "$2" == *"$3"* ]] || { echo "FAIL: $1 lacks '$3'"; fail=1; return; }
  echo "ok: $1 has '$3'"
}
contains "--help" "$("$rapport" --help)" "--screenshot"
contains "--help" "$("$rapport" --help)" "--today YYYY-MM-DD"
contains "--help" "$("$rapport" --help)" "RAPPORT_TODAY"
contains "--help" "$("$rapport" --help)" "rapport check [--all] FILE"
version=$("$rapport" --version)
[[ "$version" =~ ^rapport\ [0-9] ]] || { echo "FAIL: --version format: $version"; fail=1; }
contains "check with RAPPORT_TODAY" "$("$rapport" check "$demo")" "as of $RAPPORT_TODAY:"
contains "check --today" "$("$rapport" --today 2027-06-15 check "$demo")" "as of 2027-06-15:"
refused=$(RAPPORT_TODAY=soon "$rapport" check "$demo" 2>&1 >/dev/null)
want="rapport: RAPPORT_TODAY='soon' is not a date (expected YYYY-MM-DD, e.g. 2026-11-24)"
[[ "$refused" == "$want" ]] || { echo "FAIL: a bad RAPPORT_TODAY gave: $refused"; fail=1; }
# Text from a file reaches the terminal as escapes, never as control bytes, and
# check summarises findings per check unless --all is given. The files are
# generated here: an engagement named with an OSC (retitle) and CSI (clear)
# sequence, one with such a time zone (refused: the error message names it),
# and one with many unconfirmed expectations.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# engagement_json NAME TIME_ZONE N: N unconfirmed expectations stated by one client.
engagement_json() {
  local name=$1 tz=$2 n=$3 i
  printf '{"rapport_file": "engagement", "format": 1, "engagement": {"cereal_class_version": 1,\n'
  printf '"info": {"cereal_class_version": 1, "name": "%s", "client_org": "Client Oy", "provider_org": "", ' "$name"
  printf '"time_zone": "%s", "start": "2026-01-05", "end": "2026-12-31", "currency": "EUR", "vision": "", ' "$tz"
  printf '"internal_notes": "", "internal_day_rate_minor": 0, "internal_margin_percent": 0},\n'
  printf '"next_id": %d,\n' $((n + 2))
  printf '"stakeholders": [{"cereal_class_version": 1, "id": 1, "side": "client", "name": "Aino", "role": "", '
  printf '"contact": "", "preferred_channel": "email", "influence": "low", "interest": "low", "time_zone": "", '
  printf '"internal_notes": ""}],\n'
  printf '"objectives": [], "constraints": [], "questions": [],\n"expectations": ['
  for ((i = 2; i < n + 2; ++i)); do
    (( i > 2 )) && printf ',\n'
    (( i == 2 )) && printf '{"cereal_class_version": 1, ' || printf '{'
    printf '"id": %d, "what": "Expectation %d", "source": 1, "stated": true, "status": "unconfirmed", ' "$i" "$i"
    printf '"raised_on": "2026-01-05", "explanation": ""}'
  done
  printf '],\n"responsibilities": [], "deliverables": [], "channels": [], "meetings": [], "milestones": [],\n'
  printf '"boundaries": [], "change_requests": [], "client_tasks": [], "decisions": [], "feedback": []}}\n'
}
# raw_controls WHAT FILE: FILE holds no ESC, BEL, CSI (0x9b) nor C1 control in UTF-8.
raw_controls() {
  local text
  text=$(<"$2")
  if [[ "$text" == *$'\x1b'* || "$text" == *$'\x07'* || "$text" == *$'\x9b'* || "$text" == *$'\xc2\x9b'* ]]; then
    echo "FAIL: $1 printed a raw control character"; fail=1; return
  fi
  echo "ok: $1 printed no raw control character"
}
hostile='Relaunch\u001b]0;pwned\u0007\u001b[2J\u009b31m end'
engagement_json "$hostile" UTC 3 >"$work/hostile.rapport.json"
"$rapport" convert "$work/hostile.rapport.json" "$work/hostile.rapport" >"$work/convert.out" 2>&1 \
  || { echo "FAIL: convert of the hostile file: $(<"$work/convert.out")"; fail=1; }
for f in hostile.rapport.json hostile.rapport; do
  "$rapport" check "$work/$f" >"$work/check.out" 2>&1
  code=$?
  [[ $code -eq 0 ]] || { echo "FAIL: check $f exited $code: $(<"$work/check.out")"; fail=1; }
  raw_controls "check $f" "$work/check.out"
  contains "check $f" "$(<"$work/check.out")" 'Relaunch\x1b]0;pwned\x07\x1b[2J\u009b31m end'
  "$rapport" check --all "$work/$f" >"$work/check.out" 2>&1
  raw_controls "check --all $f" "$work/check.out"
  "$rapport" export md "$work/$f" "$work/report.md" >"$work/export.out" 2>&1
  raw_controls "export md $f" "$work/export.out"
done
engagement_json "Fine" 'Europe/Nowhere\u001b]0;pwned\u0007' 3 >"$work/bad-zone.rapport.json"
"$rapport" check "$work/bad-zone.rapport.json" >"$work/check.out" 2>&1
code=$?
[[ $code -eq 1 ]] || { echo "FAIL: check of an unknown time zone exited $code"; fail=1; }
raw_controls "check of a refused file" "$work/check.out"
contains "check of a refused file" "$(<"$work/check.out")" 'Europe/Nowhere\x1b]0;pwned\x07'
"$rapport" convert "$work/bad-zone.rapport.json" "$work/bad-zone.rapport" >"$work/convert.out" 2>&1
raw_controls "convert of a refused file" "$work/convert.out"
"$rapport" export ics "$work/bad-zone.rapport.json" "$work/bad.ics" >"$work/export.out" 2>&1
raw_controls "export of a refused file" "$work/export.out"

# Many findings of one kind: a few examples by default, every one with --all.
engagement_json "Many expectations" UTC 2000 >"$work/many.rapport.json"
"$rapport" check "$work/many.rapport.json" >"$work/check.out" 2>&1 || { echo "FAIL: check of many"; fail=1; }
"$rapport" check --all "$work/many.rapport.json" >"$work/all.out" 2>&1 || { echo "FAIL: check --all of many"; fail=1; }
short=$(wc -l <"$work/check.out")
long=$(wc -l <"$work/all.out")
if (( short > 60 || long < 4000 )); then
  echo "FAIL: check printed $short lines, check --all $long (want at most 60 and at least 4000)"; fail=1
else
  echo "ok: check printed $short lines, check --all $long"
fi
contains "check of many" "$(<"$work/check.out")" "expectation-unconfirmed: 2000 warnings"
contains "check of many" "$(<"$work/check.out")" "… and 1997 more"
contains "check --all of many" "$(<"$work/all.out")" "“Expectation 2001”"
expect 2 check --bogus "$work/many.rapport.json"
expect 2 check "$work/many.rapport.json" "$work/many.rapport.json"
expect 0 check "$work/many.rapport.json" --all
# MS Project XML: the demo exported and imported into a copy of a file with no
# plan; importing the same file again changes nothing; a hostile file is
# refused and the file is left as it was.
expect 0 export mspdi "$demo" "$work/plan.xml"
contains "mspdi export" "$(<"$work/plan.xml")" "<MinutesPerDay>480</MinutesPerDay>"
expect 0 import mspdi "$work/plan.xml" "$work/many.rapport.json"
"$rapport" import mspdi "$work/plan.xml" "$work/many.rapport.json" >"$work/again.out" 2>&1 || { echo "FAIL: second import"; fail=1; }
contains "second mspdi import" "$(<"$work/again.out")" ": 0 changes"
cp "$work/many.rapport.json" "$work/before.json"
printf '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Project><Title>&x;</Title></Project>\n' >"$work/hostile.xml"
expect 1 import mspdi "$work/hostile.xml" "$work/many.rapport.json"
cmp -s "$work/before.json" "$work/many.rapport.json" || { echo "FAIL: a refused import changed the file"; fail=1; }
expect 2 import mspdi "$work/plan.xml"
expect 2 import word "$work/plan.xml" "$work/many.rapport.json"
# CSV: the demo's own client tasks read back into a copy of the demo change
# nothing; a file with a bad cell lists it (row, column, reason), exits 1 and
# leaves the file as it was.
expect 0 export csv "$demo" "$work/csv"
cp "$demo" "$work/demo-copy.rapport.json"
"$rapport" import csv "$work/csv/client-tasks.csv" "$work/demo-copy.rapport.json" >"$work/csv.out" 2>&1 || { echo "FAIL: csv import: $(<"$work/csv.out")"; fail=1; }
contains "csv import" "$(<"$work/csv.out")" "0 added, 0 updated"
printf 'Milestone;Agreed;Now\nLaunch;2027-02-30;2027-03-01\nParty;2027-03-01;tomorrow\n' >"$work/bad.csv"
cp "$work/demo-copy.rapport.json" "$work/before-csv.json"
"$rapport" import csv "$work/bad.csv" "$work/demo-copy.rapport.json" >"$work/bad.out" 2>&1
code=$?
[[ $code -eq 1 ]] || { echo "FAIL: a CSV with bad cells exited $code"; fail=1; }
contains "csv bad cell" "$(<"$work/bad.out")" "row 2, column 2 (Agreed): “2027-02-30” is not a date"
contains "csv second bad cell" "$(<"$work/bad.out")" "row 3, column 3 (Now): “tomorrow” is not a date"
cmp -s "$work/before-csv.json" "$work/demo-copy.rapport.json" || { echo "FAIL: a refused CSV import changed the file"; fail=1; }
expect 2 import csv "$work/bad.csv" "$work/demo-copy.rapport.json" --section invoices
exit $fail
