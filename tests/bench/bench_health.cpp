// Rows for expectation health: all checks on a generated engagement as of the
// middle of its span (the busiest point: history behind, plan ahead).
#include "bench.hpp"
#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/health.hpp"
#include "rapport/io.hpp"

using namespace rapport;
using rapport::bench::median_ms;
using rapport::bench::row;
using rapport::bench::size_label;

// What the UI thread pays for health once the checks run in the background
// (Document's health budget exceeded, or a large engagement just opened): the
// call that asks for the findings of a just-opened engagement, the first edit
// after it (applied once the worker has its copy: the app keeps drawing and
// applies it then; a direct apply() waits, as measured here), then per edit
// the call that hands the edits over and the wait until the new findings are
// there. The copy of the engagement is what every edit cost the UI thread
// when each run took a fresh copy on it.
static void bench_health_in_the_app(const Engagement& e, Date as_of, const char* label) {
  using clock = std::chrono::steady_clock;
  const auto ms_since = [](clock::time_point t) {
    return std::chrono::duration<double, std::milli>(clock::now() - t).count();
  };
  Document doc;
  doc.set_health_budget_ms(0.0);  // every run after the first on the worker
  doc.submit(intent::Replace{e, "bench.rapport", {}, false, ""});
  doc.apply();
  auto t0 = clock::now();
  doc.findings(Audience::Provider, as_of);
  row("health, first run after opening: UI thread", label, ms_since(t0), "ms");
  const Id milestone = doc.engagement().milestones.begin()->first;
  doc.submit(MoveMilestone{milestone, as_of.plus_days(5)});
  t0 = clock::now();
  doc.apply();
  row("  first edit: waits for the worker's copy", label, ms_since(t0), "ms");
  doc.wait_for_health();
  doc.findings(Audience::Provider, as_of);
  doc.wait_for_health();
  std::vector<double> ui, total;
  for (int i = 0; i < 5; ++i) {
    doc.submit(MoveMilestone{milestone, as_of.plus_days(i % 2 ? 3 : -3)});
    doc.apply();
    t0 = clock::now();
    doc.findings(Audience::Provider, as_of);
    ui.push_back(ms_since(t0));
    doc.wait_for_health();
    doc.findings(Audience::Provider, as_of);
    total.push_back(ms_since(t0));
  }
  std::sort(ui.begin(), ui.end());
  std::sort(total.begin(), total.end());
  row("health after an edit: UI thread (worker)", label, ui[ui.size() / 2], "ms");
  row("health after an edit: until findings shown", label, total[total.size() / 2], "ms");
  // A save handed to the worker after an edit: the UI thread's share, then
  // the save itself (to memory) on the worker's copy.
  doc.submit(MoveMilestone{milestone, as_of});
  doc.apply();
  size_t bytes = 0;
  t0 = clock::now();
  doc.run_in_background(
      [&bytes](const Engagement* copy) { bytes = to_bytes(*copy, FileFormat::Binary).size(); });
  row("save after an edit: UI thread (worker)", label, ms_since(t0), "ms");
  doc.wait_for_background();
  row("  until saved (to memory)", label, ms_since(t0), "ms");
  std::vector<double> copies;
  for (int i = 0; i < 3; ++i) {
    t0 = clock::now();
    Engagement copy = doc.engagement();  // new nodes, as a fresh copy makes
    copies.push_back(ms_since(t0));
  }
  std::sort(copies.begin(), copies.end());
  row("  copy of the engagement (before: UI thread)", label, copies[1], "ms");
}

void bench_health_rows(bool quick, bool in_the_app_only) {
  std::vector<size_t> sizes = quick             ? std::vector<size_t>{10000}
                              : in_the_app_only ? std::vector<size_t>{10000, 100000, 1000000}
                                                : std::vector<size_t>{10000, 100000};
  for (size_t n : sizes) {
    const char* label = size_label(n);
    Engagement e = generate_engagement(n, 1);
    Date mid = e.info.start.plus_days((e.info.end.days - e.info.start.days) / 2);
    if (!in_the_app_only) {
      size_t findings = 0;
      double ms = median_ms(quick ? 3 : 7, [&] { findings = check_health(e, mid).size(); });
      row("health checks", label, ms, "ms");
      row("  (findings)", label, double(findings), "count");
      std::string summary;
      std::vector<Finding> all = check_health(e, mid);
      row("health summary (status bar)", label,
          median_ms(5, [&] { summary = health_summary(all); }), "ms");
    }
    bench_health_in_the_app(e, mid, label);
  }
}
