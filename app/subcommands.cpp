// The command-line subcommands: work on files without opening a window.
//   rapport check [--all] FILE      validate, summarise, health findings by check
//                                   (--all: every finding)
//   rapport convert IN OUT          .rapport <-> .rapport.json, by extension
//   rapport export FORMAT FILE OUT  ics | html | md | csv | mspdi (OUT is a folder for csv)
//   rapport import KIND FILE INTO   mspdi | planner | ics into the engagement INTO
//   rapport import csv FILE INTO [--section NAME] [--dates FORMAT]
//   rapport export pdf FILE OUT.pdf [--letter]   the status report, A4 or US Letter
//   rapport export update FILE OUT.pdf|.md|.eml [--since DATE]   the weekly update
//   rapport merge BASE OURS THEIRS  three-way merge written over OURS (git merge
//                                   driver: exit 0 clean, 1 with conflicts)
//   rapport diff OLD NEW            the changes as sentences (also git's
//                                   external diff: PATH OLD HEX MODE NEW HEX MODE)
//   rapport git-setup               registers both drivers in this repository
// Exit codes: 0 success, 1 the file or the export failed, 2 bad usage.
//
// Everything printed here passes through terminal_safe (rapport/text.hpp): text
// from a file, file names and messages naming them show control characters as
// escapes, so a hostile file cannot retitle, clear or drive the terminal.
#include "subcommands.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>

#include "rapport/export.hpp"
#include "rapport/export_pdf.hpp"
#include "rapport/health.hpp"
#include "rapport/history.hpp"
#include "rapport/import.hpp"
#include "rapport/import_csv.hpp"
#include "rapport/io.hpp"
#include "rapport/merge.hpp"
#include "rapport/recap.hpp"
#include "rapport/text.hpp"
#include "rapport/weekly_update.hpp"

namespace rapport::app {
namespace {

// Prints text Rapport built around text it did not (names, paths, messages):
// its own line breaks are kept, every other control character is escaped.
void print(std::FILE* to, std::string_view text) {
  std::string safe = terminal_safe(text, /*keep_newlines=*/true);
  if (safe.empty() || safe.back() != '\n') safe += '\n';
  std::fputs(safe.c_str(), to);
}

int usage(const std::string& text) {
  print(stderr, "rapport: " + text);
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

// rapport check [--all] FILE: the file is read once; its findings are
// summarised per check (a count and the first few), or all listed with --all.
int check(const std::vector<std::string>& args) {
  constexpr const char* kUsage = "usage: rapport check [--all] FILE";
  bool all = false;
  bool only_file = false;
  const std::string* path = nullptr;
  for (const std::string& arg : args) {
    if (!only_file && arg == "--all") {
      all = true;
    } else if (!only_file && arg == "--") {
      only_file = true;
    } else if (!only_file && arg.size() > 1 && arg[0] == '-') {
      return usage("unknown option '" + arg + "' for check (" + kUsage + ")");
    } else if (path) {
      return usage(kUsage);
    } else {
      path = &arg;
    }
  }
  if (!path) return usage(kUsage);

  LoadResult loaded = load_file(*path);
  if (!loaded) {
    print(stdout, loaded.error.message);
    return 1;
  }
  const Engagement& e = *loaded.engagement;
  const Date today = today_in(e.info.time_zone);
  const std::vector<Finding> findings = check_health(e, today);
  std::string text = loaded_summary(*path, loaded);
  text += all ? health_report(e, today, findings) : health_report_by_check(e, today, findings);
  // Both parts escaped their text from the file already; this pass is the
  // guarantee for anything added later.
  print(stdout, text);
  return 0;
}

int convert(const std::vector<std::string>& args) {
  if (args.size() != 2) return usage("usage: rapport convert IN OUT (.rapport or .rapport.json)");
  if (!format_for_path(args[1])) return usage("OUT must end in .rapport or .rapport.json");
  FileError error = convert_file(args[0], args[1]);
  if (error) {
    print(stderr, error.message);
    return 1;
  }
  print(stdout, "Wrote " + args[1]);
  return 0;
}

// rapport export pdf FILE OUT.pdf [--letter]: the status report as a PDF (A4 by default).
int export_pdf(const std::vector<std::string>& args) {
  constexpr const char* kUsage = "usage: rapport export pdf FILE OUT.pdf [--letter]";
  PdfOptions options;
  std::vector<std::string> paths;
  bool only_paths = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!only_paths && arg == "--letter")
      options.paper = PaperSize::Letter;
    else if (!only_paths && arg == "--a4")
      options.paper = PaperSize::A4;
    else if (!only_paths && arg == "--")
      only_paths = true;
    else if (!only_paths && arg.size() > 1 && arg[0] == '-')
      return usage("unknown option '" + arg + "' for export pdf (" + kUsage + ")");
    else
      paths.push_back(arg);
  }
  if (paths.size() != 2) return usage(kUsage);
  LoadResult loaded = load_file(paths[0]);
  if (!loaded) {
    print(stderr, loaded.error.message);
    return 1;
  }
  const Engagement& e = *loaded.engagement;
  std::string pdf = export_report_pdf(e, today_in(e.info.time_zone), options);
  std::string error = "could not lay out the PDF (out of memory?)";
  if (pdf.empty() || !write_text(paths[1], pdf, error)) {
    print(stderr, "rapport: " + error);
    return 1;
  }
  print(stdout, "Wrote " + paths[1]);
  return 0;
}

// rapport export update FILE OUT.pdf|OUT.md|OUT.eml [--since DATE] [--letter]:
// the weekly update since DATE (default: the last update the file recorded).
int export_update(const std::vector<std::string>& args) {
  constexpr const char* kUsage =
      "usage: rapport export update FILE OUT.pdf|OUT.md|OUT.eml [--since YYYY-MM-DD] [--letter]";
  PdfOptions options;
  std::vector<std::string> paths;
  bool only_paths = false;
  for (size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (!only_paths && arg == "--letter") {
      options.paper = PaperSize::Letter;
    } else if (!only_paths && arg == "--a4") {
      options.paper = PaperSize::A4;
    } else if (!only_paths && arg == "--since") {
      if (i + 1 >= args.size()) return usage("--since needs a date (YYYY-MM-DD)");
      options.since = parse_date(args[++i]);
      if (!options.since) return usage("'" + args[i] + "' is not a date (YYYY-MM-DD)");
    } else if (!only_paths && arg == "--") {
      only_paths = true;
    } else if (!only_paths && arg.size() > 1 && arg[0] == '-') {
      return usage("unknown option '" + arg + "' for export update (" + kUsage + ")");
    } else {
      paths.push_back(arg);
    }
  }
  if (paths.size() != 2) return usage(kUsage);
  const std::string& out = paths[1];
  const bool pdf = out.ends_with(".pdf"), md = out.ends_with(".md"), eml = out.ends_with(".eml");
  if (!pdf && !md && !eml) return usage("OUT must end in .pdf, .md or .eml");
  LoadResult loaded = load_file(paths[0]);
  if (!loaded) {
    print(stderr, loaded.error.message);
    return 1;
  }
  const Engagement& e = *loaded.engagement;
  const Date today = today_in(e.info.time_zone);
  if (options.since && *options.since > today)
    return usage("--since " + options.since->iso() + " is after today (" + today.iso() + ")");
  std::string text = pdf  ? export_update_pdf(e, today, options)
                     : md ? weekly_update_markdown(e, today, options.since)
                          : weekly_update_eml(e, today, options.since, now_utc());
  std::string error = "could not lay out the PDF (out of memory?)";
  if (text.empty() || !write_text(out, text, error)) {
    print(stderr, "rapport: " + error);
    return 1;
  }
  print(stdout, "Wrote " + out);
  return 0;
}

int export_file(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "pdf") return export_pdf(args);
  if (!args.empty() && args[0] == "update") return export_update(args);
  if (args.size() != 3) return usage("usage: rapport export ics|html|md|pdf|csv|mspdi FILE OUT");
  auto format = parse_export_format(args[0]);
  if (!format)
    return usage("unknown export format '" + args[0] +
                 "' (use ics, html, md, pdf, csv, mspdi or png)");
  LoadResult loaded = load_file(args[1]);
  if (!loaded) {
    print(stderr, loaded.error.message);
    return 1;
  }
  const Engagement& e = *loaded.engagement;
  Date today = today_in(e.info.time_zone);
  std::string error;
  bool ok = true;
  switch (*format) {
    case ExportFormat::Ics:
      ok = write_text(args[2], export_ics(e), error);
      break;
    case ExportFormat::Html:
      ok = write_text(args[2], export_report_html(e, today), error);
      break;
    case ExportFormat::Markdown:
      ok = write_text(args[2], export_report_markdown(e, today), error);
      break;
    case ExportFormat::Mspdi:
      ok = write_text(args[2], export_mspdi(e), error);
      break;
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
    print(stderr, "rapport: " + error);
    return 1;
  }
  print(stdout, "Wrote " + args[2]);
  return 0;
}

// rapport import's FILE (read by read_import_file: at most kMaxImportBytes) and
// INTO, or a message on stderr and nothing (the caller exits 1).
std::optional<Engagement> read_import(const std::string& from, const std::string& into,
                                      std::string& text) {
  auto read = read_import_file(from, from);
  if (auto* error = std::get_if<ImportError>(&read)) {
    print(stderr, "rapport: " + error->message);
    return std::nullopt;
  }
  text = std::move(std::get<std::string>(read));
  LoadResult loaded = load_file(into);
  if (!loaded) {
    print(stderr, loaded.error.message);
    return std::nullopt;
  }
  return std::move(*loaded.engagement);
}

// rapport import csv FILE INTO [--section NAME] [--dates FORMAT]: the rows
// into one section as one step. Every bad cell is listed (row, column, reason)
// and then nothing is written, exit 1.
int import_csv_file(std::vector<std::string> args) {
  constexpr const char* kUsage =
      "usage: rapport import csv FILE INTO.rapport[.json] [--section NAME] "
      "[--dates YYYY-MM-DD|DD.MM.YYYY|DD/MM/YYYY|MM/DD/YYYY]";
  CsvReadOptions options;
  for (size_t i = 1; i < args.size();) {
    if ((args[i] == "--section" || args[i] == "--dates") && i + 1 < args.size()) {
      if (args[i] == "--section") {
        options.section = section_named(args[i + 1]);
        if (!options.section)
          return usage("unknown section '" + args[i + 1] +
                       "' (use a section's name, such as \"client tasks\" or milestones)");
      } else {
        for (int f = 0; f < kCsvDateFormatCount; ++f)
          if (args[i + 1] == to_string(CsvDateFormat(f))) options.dates = CsvDateFormat(f);
        if (!options.dates) return usage(kUsage);
      }
      args.erase(args.begin() + long(i), args.begin() + long(i) + 2);
    } else {
      ++i;
    }
  }
  if (args.size() != 3) return usage(kUsage);
  if (!format_for_path(args[2])) return usage("INTO must end in .rapport or .rapport.json");
  std::string text;
  std::optional<Engagement> into = read_import(args[1], args[2], text);
  if (!into) return 1;
  Engagement e = std::move(*into);
  auto read = read_csv_import(text, options);
  if (auto* err = std::get_if<ImportError>(&read)) {
    print(stderr, "rapport: " + args[1] + ": " + err->message + " (nothing was changed)");
    return 1;
  }
  const CsvImport& csv = std::get<CsvImport>(read);
  if (!csv.section_detected) {
    print(stderr, "rapport: " + args[1] +
                      ": no column title matches a section's; say which section with --section "
                      "NAME (nothing was changed)");
    return 1;
  }
  if (csv.dates_ambiguous) {
    print(stderr, "rapport: " + args[1] +
                      ": dates such as 03/04/2026 can be read day first or month first; say which "
                      "with --dates DD/MM/YYYY or --dates MM/DD/YYYY (nothing was changed)");
    return 1;
  }
  const CsvCheck check = check_csv(e, csv, today_in(e.info.time_zone));
  if (check.bad_count > 0) {
    for (const CsvBadCell& bad : check.bad_cells)
      print(stderr, args[1] + ": " + terminal_safe(to_string(bad)));
    if (check.bad_count > check.bad_cells.size())
      print(stderr, "... and " + std::to_string(check.bad_count - check.bad_cells.size()) +
                        " more bad cells");
    print(stderr, "rapport: " + std::to_string(check.bad_count) + " bad cell" +
                      (check.bad_count == 1 ? "" : "s") + " in " + args[1] +
                      " (nothing was changed)");
    return 1;
  }
  History history;
  std::string label = std::string("Import CSV into ") + plural_title(csv.section);
  if (auto err = history.apply_group(e, label, check.commands)) {
    print(stderr, "rapport: " + err->message + " (nothing was changed)");
    return 1;
  }
  if (FileError failed = save_file(e, args[2])) {
    print(stderr, failed.message);
    return 1;
  }
  print(stdout, "Imported " + args[1] + " into " + args[2] + " (" + plural_title(csv.section) +
                    "): " + std::to_string(check.adds) + " added, " +
                    std::to_string(check.updates) + " updated, " + std::to_string(check.unchanged) +
                    " unchanged");
  return 0;
}

// rapport import mspdi|planner|ics FILE INTO: the import as one step, then INTO
// saved in its own format. Nothing is written when the import is refused.
int import_file(const std::vector<std::string>& args) {
  constexpr const char* kUsage = "usage: rapport import mspdi|planner|ics FILE INTO.rapport[.json]";
  if (!args.empty() && args[0] == "csv") return import_csv_file(args);
  if (args.size() != 3) return usage(kUsage);
  const std::string& kind = args[0];
  if (kind != "mspdi" && kind != "planner" && kind != "ics")
    return usage("unknown import format '" + kind + "' (use mspdi, planner, ics or csv)");
  if (!format_for_path(args[2])) return usage("INTO must end in .rapport or .rapport.json");
  std::string text;
  std::optional<Engagement> into = read_import(args[1], args[2], text);
  if (!into) return 1;
  Engagement e = std::move(*into);
  std::vector<std::string> warnings;
  ImportResult result = kind == "mspdi"     ? import_mspdi(e, text, &warnings)
                        : kind == "planner" ? import_planner(e, text, &warnings)
                                            : import_ics(e, text, &warnings);
  if (auto* err = std::get_if<ImportError>(&result)) {
    print(stderr, "rapport: " + args[1] + ": " + err->message + " (nothing was changed)");
    return 1;
  }
  const auto& commands = std::get<std::vector<Command>>(result);
  History history;
  if (auto err = history.apply_group(e, "Import " + kind, commands)) {
    print(stderr, "rapport: " + err->message + " (nothing was changed)");
    return 1;
  }
  if (FileError failed = save_file(e, args[2])) {
    print(stderr, failed.message);
    return 1;
  }
  for (const std::string& w : warnings) print(stdout, "note: " + w);
  print(stdout, "Imported " + args[1] + " into " + args[2] + ": " +
                    std::to_string(commands.size()) + " change" +
                    (commands.size() == 1 ? "" : "s"));
  return 0;
}

// `rapport recap FILE MEETING DATE OUT.eml|OUT.md`: the recap of a held meeting
// (the series' title, the date it was planned or held on) as an e-mail draft
// for the attendees, or as Markdown.
int recap(const std::vector<std::string>& args) {
  const char* use = "usage: rapport recap FILE MEETING YYYY-MM-DD OUT.eml|OUT.md|OUT.pdf";
  if (args.size() != 4) return usage(use);
  auto date = parse_date(args[2]);
  if (!date) return usage("'" + args[2] + "' is not a date (YYYY-MM-DD)");
  const std::string& out = args[3];
  bool eml = out.ends_with(".eml"), md = out.ends_with(".md"), pdf = out.ends_with(".pdf");
  if (!eml && !md && !pdf)
    return usage("OUT must end in .eml (an e-mail draft), .md (Markdown) or .pdf");
  LoadResult loaded = load_file(args[0]);
  if (!loaded) {
    print(stderr, loaded.error.message);
    return 1;
  }
  const Engagement& e = *loaded.engagement;
  std::optional<MeetingRecap> found = find_meeting_recap(e, args[1], *date);
  if (!found) {
    print(stderr, "rapport: no held meeting '" + args[1] + "' on " + args[2] +
                      " (a recap needs the occurrence marked held)");
    return 1;
  }
  std::string error = "could not lay out the PDF (out of memory?)";
  std::string text = eml   ? recap_eml(*found, now_utc())
                     : pdf ? export_recap_pdf(*found)
                           : recap_markdown(*found);
  if (text.empty() || !write_text(out, text, error)) {
    print(stderr, "rapport: " + error);
    return 1;
  }
  print(stdout, "Wrote " + out);
  return 0;
}

// A side of a merge or diff. Git hands over temporary files without our
// extensions (the format is read from the content) and /dev/null or an empty
// file for a side that does not exist: that side is an empty engagement.
std::optional<LoadResult> load_side(const std::string& path, bool may_be_missing) {
  std::error_code ec;
  if (may_be_missing && (path == "/dev/null" || std::filesystem::file_size(path, ec) == 0)) {
    LoadResult empty;
    empty.engagement = Engagement{};
    return empty;
  }
  LoadResult loaded = load_file(path);
  if (!loaded) {
    print(stderr, loaded.error.message);
    return std::nullopt;
  }
  return loaded;
}

// rapport merge BASE OURS THEIRS: git's merge driver (%O %A %B).
int merge_files(const std::vector<std::string>& args) {
  if (args.size() != 3) return usage("usage: rapport merge BASE OURS THEIRS");
  auto base = load_side(args[0], true);
  auto ours = load_side(args[1], false);
  auto theirs = load_side(args[2], true);
  if (!base || !ours || !theirs) return 2;
  Engagement b = *base->engagement;
  if (b.item_count() == 0 && b.info == EngagementInfo{}) b.info = ours->engagement->info;
  MergeResult r = merge(b, *ours->engagement, *theirs->engagement);
  if (FileError failed = save_file(r.merged, args[1], ours->format)) {
    print(stderr, failed.message);
    return 2;
  }
  if (r.new_conflicts == 0 && r.merged.conflicts.empty()) return 0;
  print(stderr, "rapport: " + std::to_string(r.merged.conflicts.size()) +
                    " conflict(s) to settle in " + args[1] + ":");
  for (const Conflict& c : r.merged.conflicts)
    print(stderr, "  " + conflict_title(r.merged, c) + ": mine " + c.mine + ", theirs " + c.theirs);
  return 1;
}

// rapport diff OLD NEW, or git's external diff (PATH OLD HEX MODE NEW HEX MODE).
int diff_files(const std::vector<std::string>& args) {
  std::string old_path, new_path, title;
  if (args.size() == 2) {
    old_path = args[0];
    new_path = args[1];
  } else if (args.size() == 7) {
    title = args[0];
    old_path = args[1];
    new_path = args[4];
  } else {
    return usage("usage: rapport diff OLD NEW");
  }
  auto before = load_side(old_path, true);
  auto after = load_side(new_path, true);
  if (!before || !after) return 1;
  std::string out;
  if (!title.empty()) out += "rapport diff " + title + "\n";
  for (const std::string& line : describe_changes(*before->engagement, *after->engagement))
    out += line + "\n";
  if (!out.empty()) print(stdout, out);
  return 0;
}

// Single quotes for the shell (a path with a blank or a quote in it).
std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// rapport git-setup: .gitattributes and this repository's git config.
int git_setup(const std::vector<std::string>& args) {
  if (!args.empty()) return usage("usage: rapport git-setup (in a git repository)");
  std::string top;
  if (FILE* p = popen("git rev-parse --show-toplevel 2>/dev/null", "r")) {
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p)) top += buf;
    if (pclose(p) != 0) top.clear();
  }
  while (!top.empty() && (top.back() == '\n' || top.back() == '\r')) top.pop_back();
  if (top.empty()) {
    print(stderr, "rapport: git-setup works inside a git repository (run git init first).");
    return 1;
  }
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::string exe = ec ? std::string("rapport") : self.string();
  const std::string commands[] = {
      "git config merge.rapport.name " + shell_quoted("Rapport engagement merge"),
      "git config merge.rapport.driver " + shell_quoted(shell_quoted(exe) + " merge %O %A %B"),
      "git config diff.rapport.command " + shell_quoted(shell_quoted(exe) + " diff"),
  };
  for (const std::string& c : commands) {
    if (std::system(c.c_str()) != 0) {
      print(stderr, "rapport: could not run: " + c);
      return 1;
    }
  }
  const std::filesystem::path attributes = std::filesystem::path(top) / ".gitattributes";
  std::string text;
  {
    std::ifstream in(attributes, std::ios::binary);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  bool changed = false;
  for (const char* line :
       {"*.rapport merge=rapport diff=rapport", "*.rapport.json merge=rapport diff=rapport"}) {
    if (text.find(line) != std::string::npos) continue;
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += std::string(line) + "\n";
    changed = true;
  }
  std::string error;
  if (changed && !write_text(attributes, text, error)) {
    print(stderr, "rapport: " + error);
    return 1;
  }
  print(stdout, "Rapport merges and diffs *.rapport and *.rapport.json in " + top +
                    " (.gitattributes and git config). Commit .gitattributes; each clone runs "
                    "rapport git-setup once.");
  return 0;
}

}  // namespace

int run_subcommand(const CliOptions& options) {
  // check and export judge the plan against today: a fixed one when asked for.
  if (std::string error = apply_today(options); !error.empty()) return usage(error);
  const std::string& s = options.subcommand;
  if (s == "check") return check(options.subcommand_args);
  if (s == "convert") return convert(options.subcommand_args);
  if (s == "export") return export_file(options.subcommand_args);
  if (s == "import") return import_file(options.subcommand_args);
  if (s == "recap") return recap(options.subcommand_args);
  if (s == "merge") return merge_files(options.subcommand_args);
  if (s == "diff") return diff_files(options.subcommand_args);
  if (s == "git-setup") return git_setup(options.subcommand_args);
  return usage("unknown command '" + s + "'");
}

}  // namespace rapport::app
