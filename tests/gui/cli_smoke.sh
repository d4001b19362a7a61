#!/usr/bin/env bash
# The command line of the real binary: --help and --version exit 0 without a display;
# an unknown flag or a bad value prints one line on stderr and exits 2.
# Usage: cli_smoke.sh RAPPORT
set -uo pipefail
rapport=$1
fail=0

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

"$rapport" --help | grep -q -- "--screenshot" || { echo "FAIL: --help lacks --screenshot"; fail=1; }
"$rapport" --version | grep -q "^rapport [0-9]" || { echo "FAIL: --version format"; fail=1; }
exit $fail
