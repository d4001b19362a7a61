#!/usr/bin/env bash
# Rapport's one entry point on Debian 12: installs what the build and the tests need,
# builds in Release into build/, then runs the app or the tests.
#
#   ./setup.sh run [FILE]   set up, build, open FILE (default: the demo engagement)
#   ./setup.sh test         set up, build, run every test (GUI ones under Xvfb)
#   ./setup.sh build        set up and build only
#
# Environment: RAPPORT_BUILD_DIR (default build), RAPPORT_BUILD_TYPE (default Release),
# RAPPORT_WERROR=ON (warnings are errors), RAPPORT_JOBS (default: number of cores),
# RAPPORT_CMAKE_ARGS (extra arguments for cmake), RAPPORT_SKIP_PACKAGES=1.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
root=$(pwd)
build_dir=${RAPPORT_BUILD_DIR:-build}
build_type=${RAPPORT_BUILD_TYPE:-Release}
jobs=${RAPPORT_JOBS:-$(nproc 2>/dev/null || echo 2)}

packages=(
  # toolchain
  build-essential cmake pkg-config ninja-build clang-14 clang-format
  # libraries
  libgl-dev libglfw3-dev libimgui-dev libstb-dev libfreetype-dev libfontconfig-dev
  libcereal-dev libhowardhinnant-date-dev libdate-tz3 libfmt-dev libical-dev libxml2-dev catch2 tzdata
  # the PDF status report (pangocairo), and the tools its tests read it with
  libcairo2-dev libpango1.0-dev poppler-utils qpdf
  # GNOME Planner's MS Project stylesheet and the XSLT processor, for the MSPDI export's test
  # (planner-data holds the stylesheet without the program and its GTK)
  planner-data xsltproc
  # fuzzing (libFuzzer and sanitizers for clang)
  libclang-rt-14-dev
  # fonts
  fonts-inter fonts-dejavu-core
  # GUI tests without a screen
  xvfb xauth xdotool
  # team work: the merge and diff drivers are tested with real git
  git
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'setup.sh: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
}

install_packages() {
  [[ "${RAPPORT_SKIP_PACKAGES:-}" == 1 ]] && return
  command -v dpkg-query >/dev/null || {
    say "Not a Debian system: install the equivalents of: ${packages[*]}"
    return
  }
  local missing=() status
  for p in "${packages[@]}"; do
    # No pipe: under pipefail, grep -q closing early could fail the test.
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$p")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    say "All ${#packages[@]} Debian packages are installed"
    return
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || die "need root (or sudo) to install: ${missing[*]}"
    sudo=(sudo)
  fi
  say "Installing ${#missing[@]} Debian packages: ${missing[*]}"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends \
    "${missing[@]}"
}

build() {
  say "Configuring ($build_type) in $build_dir/"
  # shellcheck disable=SC2086  # RAPPORT_CMAKE_ARGS is a list of words
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" \
    -DRAPPORT_WERROR="${RAPPORT_WERROR:-OFF}" ${RAPPORT_CMAKE_ARGS:-} >/dev/null ||
    die "cmake failed (delete $build_dir/ if it was made with another generator)"
  say "Building with $jobs jobs"
  cmake --build "$build_dir" -j "$jobs"
}

run_app() {
  local file=${1:-}
  if [[ -z "$file" && -f assets/demo.rapport.json ]]; then file=assets/demo.rapport.json; fi
  if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    die "no display (DISPLAY is not set). For a picture without a screen try:
  xvfb-run -a $build_dir/app/rapport --screenshot out.png --size 1600x900"
  fi
  say "Starting Rapport${file:+ on $file}"
  exec "$build_dir/app/rapport" ${file:+"$file"}
}

run_tests() {
  say "Running the tests (GUI tests on a virtual screen)"
  local runner=()
  if command -v xvfb-run >/dev/null; then
    runner=(xvfb-run -a -s "-screen 0 1920x1080x24")
  else
    say "xvfb-run not found: GUI tests need a DISPLAY or are skipped"
  fi
  "${runner[@]}" ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
}

command=${1:-}
case "$command" in
  run)   install_packages; build; shift; run_app "${1:-}" ;;
  test)  install_packages; build; run_tests ;;
  build) install_packages; build ;;
  -h|--help|help|"") usage; [[ -n "$command" ]] ;;
  *) usage >&2; die "unknown command '$command'" ;;
esac
