// Rows for expectation health: all checks on a generated engagement as of the
// middle of its span (the busiest point: history behind, plan ahead).
#include "bench.hpp"
#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/health.hpp"

using namespace rapport;
using rapport::bench::median_ms;
using rapport::bench::row;
using rapport::bench::size_label;

// What the UI thread pays for health after an edit once the checks run on a
// worker (Document's health budget exceeded): the call that hands the edits
// over (the first such call also makes the worker's copy of the engagement),
// and the wait until the new findings are there. The copy of the engagement
// is what every edit cost the UI thread when each run took a fresh copy.
static void bench_health_in_the_app(const Engagement& e, Date as_of, const char* label) {
  Document doc(e);
  doc.set_health_budget_ms(0.0);  // every run after the first on the worker
  doc.findings(Audience::Provider, as_of);
  const Id milestone = doc.engagement().milestones.begin()->first;
  std::vector<double> ui, total;
  double first_ui = 0;
  for (int i = 0; i < 6; ++i) {
    doc.submit(MoveMilestone{milestone, as_of.plus_days(i % 2 ? 3 : -3)});
    doc.apply();
    auto t0 = std::chrono::steady_clock::now();
    doc.findings(Audience::Provider, as_of);
    auto t1 = std::chrono::steady_clock::now();
    doc.wait_for_health();
    doc.findings(Audience::Provider, as_of);
    auto t2 = std::chrono::steady_clock::now();
    const double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    if (i == 0) {
      first_ui = ms;  // the worker's copy is made here
      continue;
    }
    ui.push_back(ms);
    total.push_back(std::chrono::duration<double, std::milli>(t2 - t0).count());
  }
  std::sort(ui.begin(), ui.end());
  std::sort(total.begin(), total.end());
  row("health after an edit: UI thread (worker)", label, ui[ui.size() / 2], "ms");
  row("health after an edit: until findings shown", label, total[total.size() / 2], "ms");
  row("health, first run on the worker: UI thread", label, first_ui, "ms");
  std::vector<double> copies;
  for (int i = 0; i < 3; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    Engagement copy = doc.engagement();  // new nodes, as a fresh copy makes
    copies.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(copies.begin(), copies.end());
  row("  copy of the engagement", label, copies[1], "ms");
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
