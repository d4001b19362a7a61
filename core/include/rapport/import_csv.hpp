// CSV import: a spreadsheet's rows into one section, in three steps so the app
// can show a preview the user changes before anything is added:
//
//   auto read = read_csv_import(e, bytes);              // decode, split, map, detect
//   CsvImport& csv = std::get<CsvImport>(read);          // the user may change any choice
//   CsvCheck check = check_csv(e, csv, today);           // every row parsed and checked
//   if (check.bad_count == 0) history.apply_group(e, "Import CSV", check.commands);
//
// What is detected (and can be changed): the encoding (UTF-8 with or without a
// BOM, else Windows-1252, converted to UTF-8), the delimiter (comma, semicolon
// or tab: the one that splits the first rows into the same number of cells),
// the section (the one whose column titles the header uses most: Rapport's own
// CSV export always matches) and the date format (YYYY-MM-DD, DD.MM.YYYY,
// DD/MM/YYYY, MM/DD/YYYY, decided by the values of the date columns: a day
// over 12 tells DD/MM from MM/DD; when no value does, the user picks).
// Quoting follows RFC 4180: quoted cells may hold delimiters, doubled quotes
// and line breaks.
//
// Columns map to the section's fields by their title (the label Rapport's
// export writes, or the field's key); the user may map any column to any field
// or ignore it. A row whose Id names an item of the section updates that item
// (columns not in the file keep their values); a row without an Id adds a new
// item (fields not in the file take the values "+ Add" gives). Cells are read
// by parse_field_text (fields.hpp), the inverse of what the export writes.
//
// Every bad cell is reported with its row (the header is row 1, as in a
// spreadsheet), column and reason, and then no command is made at all.
// Reading and checking are O(n log n) in rows; files, rows, columns and cells
// are bounded (below), each refusal saying which limit and where.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "rapport/import.hpp"
#include "rapport/validate.hpp"

namespace rapport {

enum class CsvEncoding : uint8_t { Utf8, Utf8Bom, Windows1252 };
const char* to_string(CsvEncoding e);  // "UTF-8", "UTF-8 with BOM", "Windows-1252"

enum class CsvDateFormat : uint8_t { Iso, DayMonthYearDots, DayMonthYear, MonthDayYear };
const char* to_string(CsvDateFormat f);  // "YYYY-MM-DD", "DD.MM.YYYY", "DD/MM/YYYY", "MM/DD/YYYY"
inline constexpr int kCsvDateFormatCount = 4;
// A date in `format`; YYYY-MM-DD is always accepted too (it is never ambiguous).
std::optional<Date> parse_csv_date(std::string_view text, CsvDateFormat format);

inline constexpr size_t kMaxCsvRows = 200000;
inline constexpr size_t kMaxCsvColumns = 200;
inline constexpr size_t kMaxCsvCellBytes = kMaxTextBytes;

// The file split into cells, already in UTF-8.
struct CsvTable {
  char delimiter = ',';
  CsvEncoding encoding = CsvEncoding::Utf8;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // without the header; blank lines dropped
  std::vector<int> row_numbers;                // each row's number as a spreadsheet shows it
};

// Decodes and splits `bytes`. A delimiter of 0 and no encoding mean "detect".
std::variant<CsvTable, ImportError> read_csv(std::string_view bytes, char delimiter = 0,
                                             std::optional<CsvEncoding> encoding = std::nullopt);

// What a column can become: "ignore", "Id", then every field of the section
// (the internal ones too) in the order of fields.hpp.
struct CsvTarget {
  std::string key;    // "" ignore, "id", else the field's key
  std::string label;  // "(ignore)", "Id", "Due"
};
std::vector<CsvTarget> csv_targets(Kind section);

// A section by the name a person types: "client tasks", "Client-tasks",
// "client task", "client_tasks".
std::optional<Kind> section_named(std::string_view name);

struct CsvImport {
  CsvTable table;
  Kind section = Kind::ClientTask;
  bool section_detected = false;  // false: no header matched, the user should pick
  std::vector<int> mapping;       // per column: an index into csv_targets(section)
  CsvDateFormat dates = CsvDateFormat::Iso;
  bool dates_ambiguous = false;  // no value told DD/MM from MM/DD: the user must pick
};

// The default mapping of each column of `csv.table` to `csv.section`'s fields
// by its title, and the date format those columns' values suggest.
void map_columns(CsvImport& csv);

struct CsvReadOptions {
  std::optional<Kind> section;  // else detected from the header
  char delimiter = 0;           // 0: detect
  std::optional<CsvEncoding> encoding;
  std::optional<CsvDateFormat> dates;  // else detected
};
// read_csv, then the section, the mapping and the date format.
std::variant<CsvImport, ImportError> read_csv_import(std::string_view bytes,
                                                     const CsvReadOptions& options = {});

struct CsvBadCell {
  int row = 0;     // as a spreadsheet numbers it: the header is 1
  int column = 0;  // 1-based; 0 for the whole row
  std::string header;
  std::string reason;
  bool operator==(const CsvBadCell&) const = default;
};
// "row 4, column 3 (Due): “31.02.2026” is not a date"
std::string to_string(const CsvBadCell& bad);

// One row as it would become an item, for the preview.
struct CsvPreviewRow {
  int row = 0;
  Id updates = kNoId;  // the item it updates, or kNoId when it adds one
  bool bad = false;
  std::vector<std::string> cells;  // one per mapped field, as the item would show it
};

inline constexpr size_t kMaxListedBadCells = 1000;

struct CsvCheck {
  std::vector<Command> commands;      // one Add or Update per changed row; none if any cell is bad
  std::vector<CsvBadCell> bad_cells;  // the first kMaxListedBadCells
  size_t bad_count = 0;               // all of them
  size_t adds = 0, updates = 0, unchanged = 0;
  std::vector<std::string> preview_labels;  // the mapped fields' labels
  std::vector<CsvPreviewRow> preview;       // the first rows
};

// Every row parsed and checked against `e`, as the import would apply it
// (new items start from default_item(e, today)).
CsvCheck check_csv(const Engagement& e, const CsvImport& csv, Date today, size_t preview_rows = 20);

}  // namespace rapport
