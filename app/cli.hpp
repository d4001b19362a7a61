// The command line of `rapport`, parsed by a pure function so it is tested without
// a window (tests/ui/test_cli.cpp). main() prints the error and exits with code 2.
//
//   rapport [OPTIONS] [FILE]
//   rapport check FILE | convert IN OUT | export FORMAT FILE OUT   (subcommands)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "rapport/time.hpp"
#include "theme.hpp"

namespace rapport::app {

struct WindowSize {
  int width = 0;
  int height = 0;
  bool operator==(const WindowSize&) const = default;
};

struct CliOptions {
  std::string file;  // engagement to open; empty = empty workspace
  bool help = false;
  bool version = false;
  std::optional<WindowSize> size;  // --size WxH (window size in screen units)
  std::optional<float> ui_scale;   // --scale S, multiplies the monitor's content scale
  std::string screenshot;          // --screenshot OUT.png
  int frames = 0;                  // --frames N; 0 = run until closed
  // --bench-pan N: pan the fitted timeline for N frames, then print the frame times
  // (implies --frames: a scripted run)
  int bench_pan = 0;
  bool presentation = false;   // --presentation: start in the client view
  std::string section;         // --section NAME: the section to start on
  int page = 0;                // --page N: the client view's page to start on (1-based)
  int focus_weeks = 0;         // --weeks N: timeline on the next N weeks; 0 = whole engagement
  std::optional<Date> today;   // --today YYYY-MM-DD: a fixed "today" (see apply_today)
  std::optional<Theme> theme;  // --theme light|dark|high-contrast: overrides the remembered one
  // `rapport check|convert|export ...`: the word and every argument after it, untouched
  // (subcommands parse their own flags).
  std::string subcommand;
  std::vector<std::string> subcommand_args;

  bool headless_run() const { return frames > 0; }
};

struct CliParse {
  CliOptions options;
  std::string error;  // one line, no trailing newline; empty = success
  bool ok() const { return error.empty(); }
};

// args excludes the program name (argv[1..]).
CliParse parse_cli(const std::vector<std::string>& args);

// The fixed "today" of this run, from --today or else RAPPORT_TODAY, pinned for every
// later today_in() (rapport/time.hpp). Returns the message for an invalid RAPPORT_TODAY
// (print it after "rapport: " and exit with code 2), empty when all is well.
std::string apply_today(const CliOptions& options);

// The text printed by --help.
std::string usage_text();
std::string version_text();

}  // namespace rapport::app
