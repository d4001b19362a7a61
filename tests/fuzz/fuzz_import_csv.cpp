// libFuzzer harness for the CSV import (import_csv.hpp). Each input is read
// with everything detected, and again into a section and with a date format
// chosen from its first byte (as a user could choose in the preview), then
// checked against an empty engagement and the demo. A finding is a crash, a
// sanitizer report, a leak, a timeout or an oversized allocation, and so is a
// broken promise: an error or a bad cell must say something, commands come
// only when no cell is bad, they apply as one step, and the engagement they
// make saves and reopens equal in both formats.
//
// Kept fast (each save and reopen of the demo costs more than the import, and
// libFuzzer's bookkeeping grows with the code a run touches): the chosen read
// is checked only when it differs from the detected one (the same table,
// section, mapping and date format give the same rows), and an import that
// changes nothing leaves the engagement as it was, whose save and reopen is
// checked once at start.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "fuzz_common.hpp"
#include "rapport/demo.hpp"
#include "rapport/import_csv.hpp"

namespace {

const rapport::Date kToday = rapport::Date::from_ymd(2026, 11, 24);

using Read = std::variant<rapport::CsvImport, rapport::ImportError>;

Read read(std::string_view input, const rapport::CsvReadOptions& options) {
  Read r = rapport::read_csv_import(input, options);
  if (auto* err = std::get_if<rapport::ImportError>(&r))
    if (err->message.empty()) __builtin_trap();  // every error must say something
  return r;
}

// Whether two reads of the same bytes make the same rows.
bool same_rows(const Read& a, const Read& b) {
  const auto* x = std::get_if<rapport::CsvImport>(&a);
  const auto* y = std::get_if<rapport::CsvImport>(&b);
  if (!x || !y) return !x && !y;
  return x->section == y->section && x->dates == y->dates && x->mapping == y->mapping &&
         x->table.header == y->table.header && x->table.rows == y->table.rows;
}

void import_and_round_trip(const rapport::Engagement& base, const Read& read) {
  const auto* csv = std::get_if<rapport::CsvImport>(&read);
  if (!csv) return;
  rapport::CsvCheck check = rapport::check_csv(base, *csv, kToday);
  for (const auto& bad : check.bad_cells)
    if (bad.reason.empty()) __builtin_trap();
  if (check.bad_count > 0) {
    if (!check.commands.empty() || check.bad_cells.empty()) __builtin_trap();
    return;
  }
  if (check.commands.empty()) return;  // the base, unchanged (checked at start)
  rapport::fuzz::applies_and_reopens(base, "Import CSV", check.commands);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const rapport::Engagement empty = rapport::fuzz::empty_engagement();
  static const rapport::Engagement demo = rapport::make_demo();
  static const bool bases_reopen = [] {
    rapport::fuzz::applies_and_reopens(empty, "Nothing", {});
    rapport::fuzz::applies_and_reopens(demo, "Nothing", {});
    return true;
  }();
  (void)bases_reopen;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  rapport::CsvReadOptions chosen;
  if (size > 0) {
    chosen.section = rapport::Kind(data[0] % rapport::kKindCount);
    chosen.dates = rapport::CsvDateFormat((data[0] >> 4) % rapport::kCsvDateFormatCount);
  }
  const Read detected = read(input, {});
  const Read picked = read(input, chosen);
  const bool picked_differs = !same_rows(detected, picked);
  for (const auto* base : {&empty, &demo}) {
    import_and_round_trip(*base, detected);
    if (picked_differs) import_and_round_trip(*base, picked);
  }
  return 0;
}
