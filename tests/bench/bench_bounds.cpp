// Rows for issue 20 (bounded in time and memory): health checks and imports
// on the worst shapes (tests/bench/shapes.hpp) at 10k, 100k and 1M items.
// Each case runs in a child process (fork), so its peak memory (VmHWM) is its
// own: the input is built first, then the peak is reset (clear_refs 5) and
// the measured call runs once. Columns: time, peak resident memory during the
// call, and the input's size (file bytes for imports). Growth from one size to
// the next should stay near 10x (n log n), memory within 10x the file + 100 MB.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "bench.hpp"
#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/export.hpp"
#include "rapport/health.hpp"
#include "rapport/history.hpp"
#include "rapport/import.hpp"
#include "rapport/import_csv.hpp"
#include "rapport/timeline_index.hpp"
#include "shapes.hpp"

using namespace rapport;
using rapport::bench::row;
using rapport::bench::size_label;

namespace {

struct Figures {
  double ms = -1;
  double peak_mb = -1;
  double input_mb = 0;
  long result = 0;  // findings, commands or items: a sanity column
};

double vm_hwm_mb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  return -1;
}

void reset_peak() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

// Runs `prepare` then `measured` in a child; `measured` returns the result count.
template <class Input>
Figures in_child(const std::function<Input()>& prepare,
                 const std::function<long(const Input&)>& measured,
                 const std::function<double(const Input&)>& input_mb) {
  int fds[2];
  if (pipe(fds) != 0) return {};
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    Figures f;
    {
      Input in = prepare();
      f.input_mb = input_mb(in);
      reset_peak();
      auto t0 = std::chrono::steady_clock::now();
      f.result = measured(in);
      f.ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      f.peak_mb = vm_hwm_mb();
    }
    if (write(fds[1], &f, sizeof f) != ssize_t(sizeof f)) _exit(1);
    _exit(0);
  }
  close(fds[1]);
  Figures f;
  if (pid < 0 || read(fds[0], &f, sizeof f) != ssize_t(sizeof f)) f = Figures{};
  close(fds[0]);
  if (pid > 0) waitpid(pid, nullptr, 0);
  return f;
}

void print(const std::string& what, const char* label, const Figures& f, const char* result_unit) {
  row((what + ": time").c_str(), label, f.ms, "ms");
  row((what + ": peak memory").c_str(), label, f.peak_mb, "MB");
  row((what + ": input").c_str(), label, f.input_mb, "MB");
  row((what + ": " + result_unit).c_str(), label, double(f.result), "count");
}

long commands_of(const ImportResult& r) {
  if (auto* c = std::get_if<std::vector<Command>>(&r)) return long(c->size());
  return -1;  // refused: the message is the result
}

void health_case(const std::string& what, size_t n, const std::function<Engagement()>& make,
                 const char* label = nullptr) {
  Figures f = in_child<Engagement>(
      make, [](const Engagement& e) { return long(check_health(e, shapes::as_of()).size()); },
      [](const Engagement&) { return 0.0; });
  print(what, label ? label : size_label(n), f, "findings");
}

void import_case(const std::string& what, size_t n, const std::function<std::string()>& make,
                 bool planner) {
  Figures f = in_child<std::string>(
      make,
      [planner](const std::string& text) {
        Engagement e = shapes::frame();
        std::vector<std::string> warnings;
        return commands_of(planner ? import_planner(e, text, &warnings)
                                   : import_ics(e, text, &warnings));
      },
      [](const std::string& text) { return double(text.size()) / (1 << 20); });
  print(what, size_label(n), f, "commands (-1: refused)");
}

}  // namespace

void bench_bounds_rows(bool quick) {
  const std::vector<size_t> sizes =
      quick ? std::vector<size_t>{10000} : std::vector<size_t>{10000, 100000, 1000000};
  for (size_t n : sizes) {
    health_case("bounds: health, overlapping blackouts", n,
                [n] { return shapes::overlapping_blackouts(n); });
    health_case("bounds: health, held without recap", n,
                [n] { return shapes::held_without_recap(n); });
    import_case(
        "bounds: ICS import, EXDATEs", n, [n] { return shapes::ics_exdates(n); }, false);
    import_case(
        "bounds: ICS import, moved occurrences", n, [n] { return shapes::ics_overrides(n); },
        false);
    import_case(
        "bounds: ICS import, one long line (n x 100 B)", n,
        [n] { return shapes::ics_long_line(n * 100); }, false);
    import_case(
        "bounds: Planner import, milestones+tasks", n,
        [n] { return shapes::planner_plan(n, false); }, true);
    import_case(
        "bounds: Planner import, client allocations", n,
        [n] { return shapes::planner_plan(n, true); }, true);
  }
  // Series over centuries (size = number of series): the timeline index (what
  // the app holds) and the health checks.
  for (size_t series : quick ? std::vector<size_t>{100} : std::vector<size_t>{100, 1000, 10000}) {
    const char* label = series >= 10000 ? "10k" : series >= 1000 ? "1k" : "100";
    Figures f =
        in_child<Engagement>([series] { return shapes::centuries_of_series(series); },
                             [](const Engagement& e) {
                               return long(TimelineIndex::build(e, shapes::as_of()).item_count());
                             },
                             [](const Engagement&) { return 0.0; });
    print("bounds: timeline index, daily series 1900-2399", label, f, "items");
    health_case(
        "bounds: health, daily series 1900-2399", series,
        [series] { return shapes::centuries_of_series(series); }, label);
  }
}

namespace {
// An engagement with 20 client-side stakeholders and 10 milestones for CSV rows to name.
Engagement csv_frame() {
  Engagement e = shapes::frame();
  History history;
  std::vector<Command> adds;
  for (int i = 0; i < 20; ++i) {
    Stakeholder s;
    s.name = fmt::format("Client {}", i);
    adds.push_back(Add<Stakeholder>{s});
  }
  for (int i = 0; i < 10; ++i) {
    Milestone m;
    m.title = fmt::format("Phase {}", i);
    m.baseline = m.current = shapes::day(2026, 6, 1 + unsigned(i));
    adds.push_back(Add<Milestone>{m});
  }
  if (history.apply_group(e, "Frame", adds)) std::abort();
  return e;
}

// n new client tasks typed in a spreadsheet (semicolons, DD.MM.YYYY, owners
// and milestones by name).
std::string csv_new_rows(size_t n) {
  std::string text = "Client task;Owner;Created;Due;Status;Milestone waiting\n";
  for (size_t i = 0; i < n; ++i)
    text += fmt::format("Task {};Client {};{:02d}.03.2026;{:02d}.04.2026;open;Phase {}\n", i,
                        i % 20, 1 + i % 28, 1 + i % 28, i % 10);
  return text;
}

// Read and checked (what the import's worker does): the commands, or none.
std::vector<Command> csv_checked(const Engagement& e, const std::string& text) {
  auto read = read_csv_import(text);
  if (!std::holds_alternative<CsvImport>(read)) return {};
  CsvCheck check = check_csv(e, std::get<CsvImport>(read), shapes::day(2026, 11, 24));
  if (check.bad_count) return {};
  return std::move(check.commands);
}

long csv_import(Engagement e, const std::string& text) {
  std::vector<Command> commands = csv_checked(e, text);
  if (commands.empty()) return -1;
  History history;
  if (history.apply_group(e, "Import CSV", commands)) return -1;
  return long(commands.size());
}
}  // namespace

// MS Project XML both ways (issue 18), on a generated engagement of n items:
// the export (result = the file's size) and its import into an empty frame;
// CSV import of n rows (below).
// From 10k to 100k, time should grow near 10x (n log n), not 100x.
void bench_exchange_rows(bool quick) {
  for (size_t n : quick ? std::vector<size_t>{10000} : std::vector<size_t>{10000, 100000}) {
    Figures out =
        in_child<Engagement>([n] { return generate_engagement(n, 1); },
                             [](const Engagement& e) { return long(export_mspdi(e).size() >> 10); },
                             [](const Engagement&) { return 0.0; });
    print("exchange: MSPDI export", size_label(n), out, "KB written");
    Figures in = in_child<std::string>(
        [n] { return export_mspdi(generate_engagement(n, 1)); },
        [](const std::string& text) { return commands_of(import_mspdi(shapes::frame(), text)); },
        [](const std::string& text) { return double(text.size()) / (1 << 20); });
    print("exchange: MSPDI import", size_label(n), in, "commands (-1: refused)");
    // CSV (result = commands): n new client tasks typed in a spreadsheet
    // (semicolons, DD.MM.YYYY, owners and milestones by name), read, checked
    // and applied as one step; then Rapport's own CSV of n client tasks read
    // back into the same engagement (every row an id, every row unchanged).
    Figures csv_in = in_child<std::string>(
        [n] { return csv_new_rows(n); },
        [](const std::string& text) { return csv_import(csv_frame(), text); },
        [](const std::string& text) { return double(text.size()) / (1 << 20); });
    print("exchange: CSV import, new rows", size_label(n), csv_in, "commands (-1: refused)");
    // The same in its two parts: read and checked (on the import's worker),
    // then applied as one undo step (the UI thread, when the user confirms).
    Figures csv_read = in_child<std::string>(
        [n] { return csv_new_rows(n); },
        [](const std::string& text) { return long(csv_checked(csv_frame(), text).size()); },
        [](const std::string& text) { return double(text.size()) / (1 << 20); });
    print("exchange: CSV new rows, read+check", size_label(n), csv_read, "commands");
    // Held by pointer: the app moves the commands into the intent, so does this.
    using Checked = std::pair<std::shared_ptr<Document>, std::shared_ptr<std::vector<Command>>>;
    Figures csv_apply = in_child<Checked>(
        [n] {
          auto doc = std::make_shared<Document>(csv_frame());
          auto commands = std::make_shared<std::vector<Command>>(
              csv_checked(doc->engagement(), csv_new_rows(n)));
          return Checked{std::move(doc), std::move(commands)};
        },
        [](const Checked& checked) {
          Document& doc = *checked.first;
          doc.submit(intent::Import{"Import CSV", std::move(*checked.second), ""});
          if (doc.apply().front().what != Outcome::What::Imported) return -1L;
          return long(doc.engagement().client_tasks.size());
        },
        [](const Checked&) { return 0.0; });
    print("exchange: CSV new rows, apply (one step)", size_label(n), csv_apply, "client tasks");
    Figures csv_back = in_child<std::pair<Engagement, std::string>>(
        [n] {
          Engagement e = csv_frame();
          History history;
          std::vector<Command> adds;
          for (size_t i = 0; i < n; ++i) {
            ClientTask t;
            t.title = fmt::format("Task {}", i);
            t.created_on = shapes::day(2026, 3, 1);
            t.due = shapes::day(2026, 4, 1 + unsigned(i % 28));
            adds.push_back(Add<ClientTask>{t});
          }
          if (history.apply_group(e, "Add", adds)) std::abort();
          std::string text = export_csv(e, Kind::ClientTask);
          return std::pair{std::move(e), std::move(text)};
        },
        [](const std::pair<Engagement, std::string>& input) {
          auto read = read_csv_import(input.second);
          if (!std::holds_alternative<CsvImport>(read)) return -1L;
          CsvCheck check =
              check_csv(input.first, std::get<CsvImport>(read), shapes::day(2026, 11, 24));
          return check.bad_count ? -1L : long(check.unchanged);
        },
        [](const std::pair<Engagement, std::string>& input) {
          return double(input.second.size()) / (1 << 20);
        });
    print("exchange: CSV re-import of own export", size_label(n), csv_back,
          "rows unchanged (-1: refused)");
  }
}
