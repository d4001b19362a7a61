// rapport-bench: prints one table of speed figures for every module.
//   rapport-bench           full run (1k .. 1M items; a few minutes)
//   rapport-bench --quick   small sizes only (the CI smoke run)
//   rapport-bench --bounds  only the issue-20 rows (worst shapes, time and peak memory)
//   rapport-bench --timeline  only the timeline rows (index build, one-item edit, frames)
//   rapport-bench --merge   only the team-work rows (merge and diff of 100k items)
#include <cstdio>
#include <cstring>
#include <string>

#include "bench.hpp"

int main(int argc, char** argv) {
  bool quick = false, bounds_only = false, timeline_only = false, merge_only = false;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quick") == 0) {
      quick = true;
    } else if (std::strcmp(argv[i], "--bounds") == 0) {
      bounds_only = true;
    } else if (std::strcmp(argv[i], "--timeline") == 0) {
      timeline_only = true;
    } else if (std::strcmp(argv[i], "--merge") == 0) {
      merge_only = true;
    } else {
      std::fprintf(
          stderr,
          "rapport-bench: unknown option %s (use --quick, --bounds, --timeline or --merge)\n",
          argv[i]);
      return 2;
    }
  }
  std::printf("| %-44s | %6s | %10s | %-5s |\n", "what", "items", "value", "unit");
  std::printf("|%s|%s|%s|%s|\n", std::string(46, '-').c_str(), std::string(8, '-').c_str(),
              std::string(12, '-').c_str(), std::string(7, '-').c_str());
  if (timeline_only) {
    bench_timeline_rows(quick);
    return 0;
  }
  if (merge_only) {
    bench_merge_rows(quick);
    return 0;
  }
  if (!bounds_only) {
    bench_core_rows(quick);
    bench_io_rows(quick);
    bench_timeline_rows(quick);
    bench_health_rows(quick);
    bench_merge_rows(quick);
  }
  bench_bounds_rows(quick);
  return 0;
}
