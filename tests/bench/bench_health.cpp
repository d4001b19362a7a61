// Rows for expectation health: all checks on a generated engagement as of the
// middle of its span (the busiest point: history behind, plan ahead).
#include "bench.hpp"
#include "rapport/demo.hpp"
#include "rapport/health.hpp"

using namespace rapport;
using rapport::bench::median_ms;
using rapport::bench::row;
using rapport::bench::size_label;

void bench_health_rows(bool quick) {
  std::vector<size_t> sizes =
      quick ? std::vector<size_t>{10000} : std::vector<size_t>{10000, 100000};
  for (size_t n : sizes) {
    const char* label = size_label(n);
    Engagement e = generate_engagement(n, 1);
    Date mid = e.info.start.plus_days((e.info.end.days - e.info.start.days) / 2);
    size_t findings = 0;
    double ms = median_ms(quick ? 3 : 7, [&] { findings = check_health(e, mid).size(); });
    row("health checks", label, ms, "ms");
    row("  (findings)", label, double(findings), "count");
    std::string summary;
    std::vector<Finding> all = check_health(e, mid);
    row("health summary (status bar)", label, median_ms(5, [&] { summary = health_summary(all); }),
        "ms");
  }
}
