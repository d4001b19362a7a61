// libFuzzer harness for the CSV import (import_csv.hpp). Each input is read
// with everything detected, and again into a section and with a date format
// chosen from its first byte (as a user could choose in the preview), then
// checked against an empty engagement and the demo. A finding is a crash, a
// sanitizer report, a leak, a timeout or an oversized allocation, and so is a
// broken promise: an error or a bad cell must say something, commands come
// only when no cell is bad, they apply as one step, and the engagement they
// make saves and reopens equal in both formats.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "rapport/demo.hpp"
#include "rapport/import_csv.hpp"

namespace {

const rapport::Date kToday = rapport::Date::from_ymd(2026, 11, 24);

void import_and_round_trip(const rapport::Engagement& base, std::string_view input,
                           const rapport::CsvReadOptions& options) {
  auto read = rapport::read_csv_import(input, options);
  if (auto* err = std::get_if<rapport::ImportError>(&read)) {
    if (err->message.empty()) __builtin_trap();  // every error must say something
    return;
  }
  const auto& csv = std::get<rapport::CsvImport>(read);
  rapport::CsvCheck check = rapport::check_csv(base, csv, kToday);
  for (const auto& bad : check.bad_cells)
    if (bad.reason.empty()) __builtin_trap();
  if (check.bad_count > 0) {
    if (!check.commands.empty() || check.bad_cells.empty()) __builtin_trap();
    return;
  }
  rapport::fuzz::applies_and_reopens(base, "Import CSV", check.commands);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const rapport::Engagement empty = rapport::fuzz::empty_engagement();
  static const rapport::Engagement demo = rapport::make_demo();
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  rapport::CsvReadOptions chosen;
  if (size > 0) {
    chosen.section = rapport::Kind(data[0] % rapport::kKindCount);
    chosen.dates = rapport::CsvDateFormat((data[0] >> 4) % rapport::kCsvDateFormatCount);
  }
  for (const auto* base : {&empty, &demo}) {
    import_and_round_trip(*base, input, {});
    import_and_round_trip(*base, input, chosen);
  }
  return 0;
}
