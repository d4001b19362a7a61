// The command-line subcommands: work on files without opening a window.
//   rapport check FILE              validate, summarise, list health findings
//   rapport convert IN OUT          .rapport <-> .rapport.json, by extension
//   rapport export FORMAT FILE OUT  ics | html | md | csv (OUT is a folder for csv)
// Exit codes: 0 success, 1 the file or the export failed, 2 bad usage.
#include "subcommands.hpp"

#include <cstdio>
#include <filesystem>

#include "rapport/export.hpp"
#include "rapport/health.hpp"
#include "rapport/io.hpp"

namespace rapport::app {
namespace {

int usage(const char* text) {
  std::fprintf(stderr, "rapport: %s\n", text);
  return 2;
}

// Atomic, like a save: on a full disk the old export stays whole.
bool write_text(const std::filesystem::path& path, const std::string& text, std::string& error) {
  if (FileError failed = write_file_atomically(path, text)) {
    error = failed.message;
    return false;
  }
  return true;
}

int check(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage("usage: rapport check FILE");
  CheckReport report = check_summary(args[0]);
  std::fputs(report.text.c_str(), stdout);
  if (!report.text.empty() && report.text.back() != '\n') std::fputc('\n', stdout);
  if (!report.ok) return 1;
  LoadResult loaded = load_file(args[0]);
  if (loaded) {
    Date today = today_in(loaded.engagement->info.time_zone);
    auto findings = check_health(*loaded.engagement, today);
    std::fputs(health_report(*loaded.engagement, today, findings).c_str(), stdout);
  }
  return 0;
}

int convert(const std::vector<std::string>& args) {
  if (args.size() != 2) return usage("usage: rapport convert IN OUT (.rapport or .rapport.json)");
  if (!format_for_path(args[1])) return usage("OUT must end in .rapport or .rapport.json");
  FileError error = convert_file(args[0], args[1]);
  if (error) {
    std::fprintf(stderr, "%s\n", error.message.c_str());
    return 1;
  }
  std::printf("Wrote %s\n", args[1].c_str());
  return 0;
}

int export_file(const std::vector<std::string>& args) {
  if (args.size() != 3) return usage("usage: rapport export ics|html|md|csv FILE OUT");
  auto format = parse_export_format(args[0]);
  if (!format) return usage(("unknown export format '" + args[0] + "' (use ics, html, md or csv)").c_str());
  LoadResult loaded = load_file(args[1]);
  if (!loaded) {
    std::fprintf(stderr, "%s\n", loaded.error.message.c_str());
    return 1;
  }
  const Engagement& e = *loaded.engagement;
  Date today = today_in(e.info.time_zone);
  std::string error;
  bool ok = true;
  switch (*format) {
    case ExportFormat::Ics: ok = write_text(args[2], export_ics(e), error); break;
    case ExportFormat::Html: ok = write_text(args[2], export_report_html(e, today), error); break;
    case ExportFormat::Markdown: ok = write_text(args[2], export_report_markdown(e, today), error); break;
    case ExportFormat::Csv: {
      std::error_code ec;
      std::filesystem::create_directories(args[2], ec);
      if (ec) {
        error = "could not create the folder " + args[2] + ": " + ec.message();
        ok = false;
        break;
      }
      for (const auto& [name, text] : export_csv_tables(e))
        if (!(ok = write_text(std::filesystem::path(args[2]) / name, text, error))) break;
      break;
    }
  }
  if (!ok) {
    std::fprintf(stderr, "rapport: %s\n", error.c_str());
    return 1;
  }
  std::printf("Wrote %s\n", args[2].c_str());
  return 0;
}

}  // namespace

int run_subcommand(const CliOptions& options) {
  // check and export judge the plan against today: a fixed one when asked for.
  if (std::string error = apply_today(options); !error.empty()) return usage(error.c_str());
  const std::string& s = options.subcommand;
  if (s == "check") return check(options.subcommand_args);
  if (s == "convert") return convert(options.subcommand_args);
  if (s == "export") return export_file(options.subcommand_args);
  return usage(("unknown command '" + s + "'").c_str());
}

}  // namespace rapport::app
