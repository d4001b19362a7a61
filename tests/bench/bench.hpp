// rapport-bench: each module adds a function that prints its rows of one
// table (| what | size | value | unit |). Run by hand for figures; `--quick`
// is the CI smoke run. Never used for assertions.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace rapport::bench {

// Median wall time of `runs` calls of f, in milliseconds.
template <class F>
double median_ms(int runs, F&& f) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    auto t1 = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

inline void row(const char* what, const char* size, double value, const char* unit) {
  std::printf("| %-44s | %6s | %10.3f | %-5s |\n", what, size, value, unit);
  std::fflush(stdout);
}

inline const char* size_label(size_t n) {
  return n >= 1000000 ? "1M" : n >= 100000 ? "100k" : n >= 10000 ? "10k" : "1k";
}

}  // namespace rapport::bench

void bench_core_rows(bool quick);
void bench_io_rows(bool quick);
void bench_timeline_rows(bool quick);
// `in_the_app_only`: only what the UI thread pays after an edit, up to 1M items.
void bench_health_rows(bool quick, bool in_the_app_only = false);
void bench_bounds_rows(bool quick);
void bench_exchange_rows(bool quick);  // MSPDI export and import
void bench_merge_rows(bool quick);
// The PDF exports at each size in `sizes`, the status report split into its parts.
void bench_pdf_rows(const std::vector<size_t>& sizes, bool quick);
