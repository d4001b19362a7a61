// Rows for project files: save and load at 10k, 100k and 1M items in both
// formats (quick: 10k only): time, throughput and file size. Save is measured
// to memory (to_bytes) and through save_file (temp file, fsync, rename); load
// is load_bytes on bytes already in memory, as after a read from page cache.
// Targets (issue 4): load 100k binary < 100 ms, JSON < 1 s.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench.hpp"
#include "rapport/demo.hpp"
#include "rapport/io.hpp"

using namespace rapport;
using rapport::bench::median_ms;
using rapport::bench::row;
using rapport::bench::size_label;

void bench_io_rows(bool quick) {
  const std::vector<size_t> sizes =
      quick ? std::vector<size_t>{10000} : std::vector<size_t>{10000, 100000, 1000000};
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("rapport-bench-io-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (size_t n : sizes) {
    const char* label = size_label(n);
    const Engagement e = generate_engagement(n, 1);
    const int runs = n >= 1000000 ? 1 : 3;
    for (FileFormat f : {FileFormat::Binary, FileFormat::Json}) {
      const std::string kind = f == FileFormat::Binary ? "binary" : "JSON";
      std::string bytes;
      const double save_ms = median_ms(runs, [&] { bytes = to_bytes(e, f); });
      const double mb = double(bytes.size()) / 1e6;
      row(("io: save " + kind + " to memory").c_str(), label, save_ms, "ms");
      row(("io: save " + kind + " to memory").c_str(), label, mb / (save_ms / 1000), "MB/s");
      row(("io: " + kind + " file size").c_str(), label, mb, "MB");
      const std::filesystem::path path =
          dir / (f == FileFormat::Binary ? "bench.rapport" : "bench.rapport.json");
      const double file_ms = median_ms(runs, [&] {
        if (save_file(e, path)) std::abort();  // a bench save must succeed
      });
      row(("io: save_file " + kind + " (fsync, rename)").c_str(), label, file_ms, "ms");
      LoadResult loaded;
      const double load_ms = median_ms(runs, [&] { loaded = load_bytes(bytes, "bench"); });
      if (!loaded || !(*loaded.engagement == e)) std::abort();  // must round-trip
      row(("io: load " + kind + " (checked, validated)").c_str(), label, load_ms, "ms");
      row(("io: load " + kind + " (checked, validated)").c_str(), label, mb / (load_ms / 1000),
          "MB/s");
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}
