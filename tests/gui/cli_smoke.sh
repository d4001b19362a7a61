#!/usr/bin/env bash
# The command line of the real binary: --help and --version exit 0 without a display;
# an unknown flag or a bad value prints one line on stderr and exits 2; a fixed
# today comes from --today or RAPPORT_TODAY, and a bad one is refused.
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
version=$("$rapport" --version)
[[ "$version" =~ ^rapport\ [0-9] ]] || { echo "FAIL: --version format: $version"; fail=1; }
contains "check with RAPPORT_TODAY" "$("$rapport" check "$demo")" "as of $RAPPORT_TODAY:"
contains "check --today" "$("$rapport" --today 2027-06-15 check "$demo")" "as of 2027-06-15:"
refused=$(RAPPORT_TODAY=soon "$rapport" check "$demo" 2>&1 >/dev/null)
want="rapport: RAPPORT_TODAY='soon' is not a date (expected YYYY-MM-DD, e.g. 2026-11-24)"
[[ "$refused" == "$want" ]] || { echo "FAIL: a bad RAPPORT_TODAY gave: $refused"; fail=1; }
exit $fail
