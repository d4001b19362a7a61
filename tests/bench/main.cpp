// rapport-bench: prints one table of speed figures for every module.
//   rapport-bench           full run (1k .. 1M items; a few minutes)
//   rapport-bench --quick   small sizes only (the CI smoke run)
//   rapport-bench --bounds  only the issue-20 rows (worst shapes, time and peak memory)
//   rapport-bench --health  only the health rows (the UI thread's share after an edit)
//   rapport-bench --timeline  only the timeline rows (index build, one-item edit, frames)
//   rapport-bench --exchange  only the MS Project XML export and import rows
//   rapport-bench --merge   only the team-work rows (merge and diff of 100k items)
//   rapport-bench --pdf     only the PDF rows at 10k items (status report in parts, update)
//   rapport-bench --write-engagement N OUT  writes the synthetic engagement of N items
//                 (the rows' own) to OUT, for timing the real app on it (rapport --bench-pan)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bench.hpp"
#include "rapport/demo.hpp"
#include "rapport/io.hpp"

int main(int argc, char** argv) {
  bool quick = false, bounds_only = false, health_only = false, timeline_only = false,
       exchange_only = false, merge_only = false, pdf_only = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      quick = true;
    } else if (std::strcmp(argv[i], "--bounds") == 0) {
      bounds_only = true;
    } else if (std::strcmp(argv[i], "--health") == 0) {
      health_only = true;
    } else if (std::strcmp(argv[i], "--timeline") == 0) {
      timeline_only = true;
    } else if (std::strcmp(argv[i], "--exchange") == 0) {
      exchange_only = true;
    } else if (std::strcmp(argv[i], "--merge") == 0) {
      merge_only = true;
    } else if (std::strcmp(argv[i], "--pdf") == 0) {
      pdf_only = true;
    } else if (std::strcmp(argv[i], "--write-engagement") == 0 && i + 2 < argc) {
      const long n = std::atol(argv[i + 1]);
      if (n < 1 || n > 10000000) {
        std::fprintf(stderr, "rapport-bench: --write-engagement takes 1 to 10000000 items\n");
        return 2;
      }
      rapport::FileError error =
          rapport::save_file(rapport::generate_engagement(size_t(n), 1), argv[i + 2]);
      if (error) {
        std::fprintf(stderr, "rapport-bench: %s\n", error.message.c_str());
        return 1;
      }
      return 0;
    } else {
      std::fprintf(stderr,
                   "rapport-bench: unknown option %s (use --quick, --bounds, --health, "
                   "--timeline, --exchange, --merge or --pdf)\n",
                   argv[i]);
      return 2;
    }
  }
  std::printf("| %-44s | %6s | %10s | %-5s |\n", "what", "items", "value", "unit");
  std::printf("|%s|%s|%s|%s|\n", std::string(46, '-').c_str(), std::string(8, '-').c_str(),
              std::string(12, '-').c_str(), std::string(7, '-').c_str());
  if (health_only) {
    bench_health_rows(quick, /*in_the_app_only=*/true);
    return 0;
  }
  if (timeline_only) {
    bench_timeline_rows(quick);
    return 0;
  }
  if (exchange_only) {
    bench_exchange_rows(quick);
    return 0;
  }
  if (merge_only) {
    bench_merge_rows(quick);
    return 0;
  }
  if (pdf_only) {
    bench_pdf_rows({10000}, quick);
    return 0;
  }
  if (!bounds_only) {
    bench_core_rows(quick);
    bench_pdf_rows(quick ? std::vector<size_t>{1000} : std::vector<size_t>{1000, 10000, 100000},
                   quick);
    bench_io_rows(quick);
    bench_timeline_rows(quick);
    bench_health_rows(quick);
    bench_merge_rows(quick);
  }
  bench_bounds_rows(quick);
  bench_exchange_rows(quick);
  return 0;
}
