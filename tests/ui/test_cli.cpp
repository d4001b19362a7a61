// The command line of `rapport`: every option, and every way of getting it wrong.
#include <catch2/catch.hpp>

#include "cli.hpp"

using rapport::app::CliParse;
using rapport::app::parse_cli;
using rapport::app::WindowSize;

namespace {
CliParse parse(std::vector<std::string> args) { return parse_cli(args); }
}  // namespace

TEST_CASE("no arguments opens an empty workspace", "[cli]") {
  CliParse r = parse({});
  REQUIRE(r.ok());
  CHECK(r.options.file.empty());
  CHECK(r.options.frames == 0);
  CHECK_FALSE(r.options.headless_run());
  CHECK(r.options.subcommand.empty());
}

TEST_CASE("a file argument is opened", "[cli]") {
  CliParse r = parse({"plan.rapport.json"});
  REQUIRE(r.ok());
  CHECK(r.options.file == "plan.rapport.json");
}

TEST_CASE("help and version", "[cli]") {
  CHECK(parse({"--help"}).options.help);
  CHECK(parse({"-h"}).options.help);
  CHECK(parse({"--version"}).options.version);
  CHECK(parse({"-V"}).options.version);
  CHECK(rapport::app::usage_text().find("--screenshot") != std::string::npos);
  CHECK(rapport::app::version_text().rfind("rapport ", 0) == 0);
}

TEST_CASE("options with values, separate or with '='", "[cli]") {
  CliParse r = parse({"--size", "1600x900", "--scale=1.5", "--screenshot", "out.png", "--frames=5",
                      "demo.rapport"});
  REQUIRE(r.ok());
  CHECK(r.options.size == WindowSize{1600, 900});
  REQUIRE(r.options.ui_scale);
  CHECK(*r.options.ui_scale == Approx(1.5f));
  CHECK(r.options.screenshot == "out.png");
  CHECK(r.options.frames == 5);
  CHECK(r.options.file == "demo.rapport");
  CHECK(r.options.headless_run());
}

TEST_CASE("a screenshot renders 3 frames unless told otherwise", "[cli]") {
  CliParse r = parse({"--screenshot", "a.png"});
  REQUIRE(r.ok());
  CHECK(r.options.frames == 3);
}

TEST_CASE("bad values give a one-line error", "[cli]") {
  const std::vector<std::vector<std::string>> bad = {
      {"--size", "1600"},
      {"--size", "1600x"},
      {"--size", "x900"},
      {"--size", "10x10"},
      {"--size", "1600x900x"},
      {"--size", "-5x900"},
      {"--scale", "0"},
      {"--scale", "abc"},
      {"--scale", "9"},
      {"--scale", "nan"},
      {"--frames", "0"},
      {"--frames", "3.5"},
      {"--frames", "-1"},
      {"--frames", "1000001"},
      {"--screenshot="},
      {"--size"},
      {"--frames"},
      {"--bogus"},
      {"-x"},
      {"--help=yes"},
      {"a.rapport", "b.rapport"},
      {"--theme", "solarized"},
      {"--theme", "Dark"},
      {"--theme="},
      {"--theme"},
  };
  for (const auto& args : bad) {
    CAPTURE(args);
    CliParse r = parse(args);
    CHECK_FALSE(r.ok());
    CHECK(r.error.rfind("rapport: ", 0) == 0);
    CHECK(r.error.find('\n') == std::string::npos);
  }
}

TEST_CASE("unknown options are named in the error", "[cli]") {
  CliParse r = parse({"--fullscreen"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.error.find("--fullscreen") != std::string::npos);
}

TEST_CASE("subcommands take the rest of the line untouched", "[cli]") {
  CliParse r = parse({"export", "ics", "in.rapport", "out.ics", "--client-view"});
  REQUIRE(r.ok());
  CHECK(r.options.subcommand == "export");
  CHECK(r.options.subcommand_args ==
        std::vector<std::string>{"ics", "in.rapport", "out.ics", "--client-view"});

  CliParse check = parse({"check", "plan.rapport"});
  REQUIRE(check.ok());
  CHECK(check.options.subcommand == "check");
  CHECK(check.options.subcommand_args == std::vector<std::string>{"plan.rapport"});

  CliParse convert = parse({"convert", "a.rapport", "a.rapport.json"});
  REQUIRE(convert.ok());
  CHECK(convert.options.subcommand == "convert");
  CHECK(convert.options.subcommand_args.size() == 2);
}

TEST_CASE("after --, a file named like a subcommand or an option is a file", "[cli]") {
  CliParse r = parse({"--", "check"});
  REQUIRE(r.ok());
  CHECK(r.options.subcommand.empty());
  CHECK(r.options.file == "check");

  CliParse dash = parse({"--", "--odd-name.rapport"});
  REQUIRE(dash.ok());
  CHECK(dash.options.file == "--odd-name.rapport");
}

TEST_CASE("the theme option picks light, dark or high contrast and refuses anything else",
          "[cli]") {
  using rapport::app::Theme;
  CHECK_FALSE(parse({}).options.theme);  // the remembered theme, unless told
  CHECK(parse({"--theme", "light"}).options.theme == Theme::Light);
  CHECK(parse({"--theme=dark"}).options.theme == Theme::Dark);
  CliParse shot = parse({"--theme", "high-contrast", "--screenshot", "out.png", "demo.rapport"});
  REQUIRE(shot.ok());
  CHECK(shot.options.theme == Theme::HighContrast);
  CHECK(shot.options.file == "demo.rapport");
  CliParse bad = parse({"--theme", "sepia"});
  CHECK(bad.error ==
        "rapport: invalid value 'sepia' for --theme (expected light, dark or high-contrast)");
  CHECK(rapport::app::usage_text().find("--theme NAME") != std::string::npos);
}
