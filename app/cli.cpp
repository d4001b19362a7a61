// Parsing of `rapport [OPTIONS] [FILE]`; see cli.hpp.
#include "cli.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string_view>

#include "theme.hpp"

namespace rapport::app {
namespace {

constexpr int kMinWindow = 200;
constexpr int kMaxWindow = 16384;
constexpr int kMaxFrames = 100000;

bool is_subcommand(std::string_view word) {
  return word == "check" || word == "convert" || word == "export" || word == "import" ||
         word == "recap" || word == "merge" || word == "diff" || word == "git-setup";
}

// The whole of `text` must be a decimal integer.
std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<float> parse_float(std::string_view text) {
  float value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::optional<WindowSize> parse_size(std::string_view text) {
  size_t x = text.find_first_of("xX");
  if (x == std::string_view::npos) return std::nullopt;
  auto w = parse_int(text.substr(0, x));
  auto h = parse_int(text.substr(x + 1));
  if (!w || !h) return std::nullopt;
  if (*w < kMinWindow || *w > kMaxWindow || *h < kMinWindow || *h > kMaxWindow) {
    return std::nullopt;
  }
  return WindowSize{*w, *h};
}

// The theme named exactly as settings write it (to_string).
std::string bad_value(std::string_view flag, std::string_view value, std::string_view want) {
  return "rapport: invalid value '" + std::string(value) + "' for " + std::string(flag) +
         " (expected " + std::string(want) + ")";
}

}  // namespace

CliParse parse_cli(const std::vector<std::string>& args) {
  CliParse result;
  CliOptions& opt = result.options;
  bool only_positionals = false;

  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];

    if (only_positionals || arg.empty() || arg[0] != '-' || arg == "-") {
      if (opt.file.empty() && is_subcommand(arg) && !only_positionals) {
        opt.subcommand = std::string(arg);
        opt.subcommand_args.assign(args.begin() + static_cast<long>(i) + 1, args.end());
        break;
      }
      if (!opt.file.empty()) {
        result.error =
            "rapport: unexpected argument '" + std::string(arg) + "' (only one FILE can be opened)";
        return result;
      }
      opt.file = std::string(arg);
      continue;
    }
    if (arg == "--") {
      only_positionals = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      opt.help = true;
      continue;
    }
    if (arg == "-V" || arg == "--version") {
      opt.version = true;
      continue;
    }
    if (arg == "--presentation") {
      opt.presentation = true;
      continue;
    }

    // Options with a value: --name VALUE or --name=VALUE.
    std::string_view name = arg;
    std::optional<std::string_view> value;
    if (size_t eq = arg.find('='); eq != std::string_view::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    }
    bool takes_value = name == "--size" || name == "--scale" || name == "--screenshot" ||
                       name == "--frames" || name == "--weeks" || name == "--section" ||
                       name == "--page" || name == "--today" || name == "--theme" ||
                       name == "--bench-pan";
    if (!takes_value) {
      result.error = "rapport: unknown option '" + std::string(name) + "' (see rapport --help)";
      return result;
    }
    if (!value) {
      if (i + 1 >= args.size()) {
        result.error = "rapport: option " + std::string(name) + " needs a value";
        return result;
      }
      value = args[++i];
    }

    if (name == "--size") {
      opt.size = parse_size(*value);
      if (!opt.size) {
        result.error = bad_value(name, *value, "WIDTHxHEIGHT, each 200..16384, e.g. 1600x900");
        return result;
      }
    } else if (name == "--scale") {
      auto s = parse_float(*value);
      if (!s || *s < kMinUiScale || *s > kMaxUiScale) {
        result.error = bad_value(name, *value, "a number from 0.75 to 2.5");
        return result;
      }
      opt.ui_scale = *s;
    } else if (name == "--screenshot") {
      if (value->empty()) {
        result.error = bad_value(name, *value, "an output file name, e.g. out.png");
        return result;
      }
      opt.screenshot = std::string(*value);
    } else if (name == "--section") {
      if (value->empty()) {
        result.error = bad_value(name, *value, "a section title, e.g. \"Change requests\"");
        return result;
      }
      opt.section = std::string(*value);
    } else if (name == "--page") {
      auto n = parse_int(*value);
      if (!n || *n < 1 || *n > 8) {
        result.error = bad_value(name, *value, "a client view page from 1 to 8");
        return result;
      }
      opt.page = *n;
      opt.presentation = true;
    } else if (name == "--weeks") {
      auto n = parse_int(*value);
      if (!n || *n < 1 || *n > 520) {
        result.error = bad_value(name, *value, "a number of weeks from 1 to 520");
        return result;
      }
      opt.focus_weeks = *n;
    } else if (name == "--today") {
      opt.today = parse_today_pin(*value);
      if (!opt.today) {
        result.error = bad_value(name, *value, "a date as YYYY-MM-DD, e.g. 2026-11-24");
        return result;
      }
    } else if (name == "--theme") {
      opt.theme = parse_theme(*value);
      if (!opt.theme) {
        result.error = bad_value(name, *value, "light, dark or high-contrast");
        return result;
      }
    } else if (name == "--frames") {
      auto n = parse_int(*value);
      if (!n || *n < 1 || *n > kMaxFrames) {
        result.error = bad_value(name, *value, "a whole number from 1 to 100000");
        return result;
      }
      opt.frames = *n;
    } else if (name == "--bench-pan") {
      auto n = parse_int(*value);
      if (!n || *n < 1 || *n > kMaxFrames) {
        result.error = bad_value(name, *value, "a whole number from 1 to 100000");
        return result;
      }
      opt.bench_pan = *n;
    }
  }
  // A few frames settle the layout, then every frame pans.
  if (opt.bench_pan > 0) opt.frames = std::max(opt.frames, opt.bench_pan + 5);

  // A screenshot needs a few frames for ImGui to settle its layout.
  if (!opt.screenshot.empty() && opt.frames == 0) opt.frames = 3;
  return result;
}

std::string apply_today(const CliOptions& options) {
  // An explicit --today wins; a broken RAPPORT_TODAY is still refused, as it would
  // be wrong the next time the option is left out.
  std::string error = today_environment_error();
  if (!error.empty()) return error;
  if (options.today) pin_today(options.today);
  return {};
}

std::string version_text() { return std::string("rapport ") + RAPPORT_VERSION_STRING; }

std::string usage_text() {
  return R"(Usage: rapport [OPTIONS] [FILE]
       rapport check [--all] FILE
       rapport convert IN OUT
       rapport export ics|html|md|csv|mspdi FILE OUT
       rapport export pdf FILE OUT.pdf [--letter]
       rapport export update FILE OUT.pdf|OUT.md|OUT.eml [--since YYYY-MM-DD] [--letter]
       rapport export png FILE OUT.png [--weeks N] [--size WxH] [--presentation]
       rapport import mspdi|planner|ics FILE INTO
       rapport import csv FILE INTO [--section NAME] [--dates DD/MM/YYYY]
       rapport recap FILE MEETING YYYY-MM-DD OUT.eml|OUT.md|OUT.pdf
       rapport merge BASE OURS THEIRS
       rapport diff OLD NEW
       rapport git-setup

Rapport plans a client engagement: stakeholders, expectations, meetings,
milestones, boundaries, change requests and decisions, on one timeline.

merge merges THEIRS into OURS by item and field (BASE is their common
ancestor) and writes the result over OURS, in OURS's format: exit 0 when
clean, 1 when conflicts were recorded in the file. diff prints the changes
from OLD to NEW as sentences. git-setup registers both as git's merge and
diff drivers for *.rapport and *.rapport.json in the current repository.

check validates FILE and summarises its health findings per check: the count
and the first 3 of each; --all lists every finding. Control characters in
text from a file are printed as escapes (\x1b, \u009b).

export writes the client status report (html, md, or pdf: A4, or US Letter
with --letter), the calendar (ics), every table as CSV (OUT is a folder) or
the timeline as a picture (png). The report is as of today (--today).
export update writes the weekly update: what changed since the last update
the file recorded (File > Export > Weekly update in the app), or since DATE.

import reads an MS Project XML plan (mspdi), a GNOME Planner project or a
calendar into the engagement INTO (.rapport or .rapport.json) and saves it:
milestones, client tasks and blackouts; importing a later version of the same
plan updates what the first import made. import csv adds the rows of a CSV
file to one section (found from the column titles, or --section "client
tasks"); a row with an Id updates that item. Every bad cell is listed and
then nothing is changed.

recap writes the recap of a held meeting (the series' title and the date it
was planned or held on) as an e-mail draft to its attendees, as Markdown, or
as a PDF.

Options:
  FILE                 an engagement to open (.rapport or .rapport.json)
  -h, --help           show this help and exit
  -V, --version        show the version and exit
  --size WxH           window size, e.g. 1600x900
  --scale S            interface scale on top of the monitor's (0.75 to 2.5)
  --screenshot OUT.png render, save the window as a PNG and exit
  --frames N           render N frames, then exit (default 3 with --screenshot)
  --bench-pan N        pan the fitted timeline for N frames and print the frame
                       times (best, median, worst; with rendering and swap)
  --presentation       start in the client view (a read-only presentation for the room)
  --page N             start the client view on page N (1 timeline ... 8 expectations)
  --weeks N            show the next N weeks on the timeline (default: the whole engagement)
  --section NAME       start on a section, e.g. --section "Change requests"
  --today YYYY-MM-DD   take this date as today (health checks, reports, timeline)
  --theme NAME         light, dark or high-contrast (also in screenshots)

Environment:
  RAPPORT_TODAY=DATE   take DATE (YYYY-MM-DD) as today, as --today does
  RAPPORT_TIMING=1     print the time from start to the first frame
  XDG_CONFIG_HOME      settings and layout go to $XDG_CONFIG_HOME/rapport
  XDG_STATE_HOME       recovery files go to $XDG_STATE_HOME/rapport

Exit codes: 0 success, 1 failure, 2 bad command line.
)";
}

}  // namespace rapport::app
