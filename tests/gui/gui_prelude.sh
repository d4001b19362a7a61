# Sourced by the GUI test scripts that run the real binary in a folder of their own:
#   source "$(dirname "$0")/gui_prelude.sh"; gui_prelude WORKDIR
# Exits 77 (skipped) when there is no display (run ctest under `xvfb-run -a`);
# otherwise empties WORKDIR, points the XDG folders into it so a test never
# touches the user's settings, and pins today (CTest sets it for every test; the
# same date when run by hand).
gui_prelude() {
  if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    echo "no DISPLAY: skipped (run ctest under xvfb-run -a)"
    exit 77
  fi
  rm -rf "$1" && mkdir -p "$1"
  export XDG_CONFIG_HOME="$1/config" XDG_STATE_HOME="$1/state"
  export RAPPORT_TODAY=${RAPPORT_TODAY:-2026-11-24}
}
