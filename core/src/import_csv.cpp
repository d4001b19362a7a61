// [SECTION] index
//   Encoding  - UTF-8 (BOM or not) or Windows-1252, converted to UTF-8
//   Splitting - RFC 4180 cells, delimiter detection, size limits
//   Mapping   - sections and columns by their titles, date formats
//   Checking  - every row parsed into an item and checked like a command
// import_csv.hpp has the rules. One pass over the bytes, one over the rows,
// map look-ups inside: O(n log n).
#include "rapport/import_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "rapport/defaults.hpp"
#include "rapport/fields.hpp"
#include "rapport/text.hpp"

namespace rapport {
namespace {

// A header against a field's label or key: surrounding blanks do not count.
bool same_header(std::string_view a, std::string_view b) {
  auto skip = [](std::string_view& s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  };
  skip(a);
  skip(b);
  return same_words(a, b);
}

// Calls f.template operator()<T>() for the item type of `kind`.
template <class F>
void with_section(Kind kind, F&& f) {
  auto visit = [&](auto* table_type) {
    using T = typename std::remove_pointer_t<decltype(table_type)>::value_type;
    if (KindOf<T>::kind == kind) f.template operator()<T>();
  };
  // The 15 item types in Kind order, as for_each_table visits their tables.
  visit(static_cast<Table<Stakeholder>*>(nullptr));
  visit(static_cast<Table<Objective>*>(nullptr));
  visit(static_cast<Table<Constraint>*>(nullptr));
  visit(static_cast<Table<Question>*>(nullptr));
  visit(static_cast<Table<Expectation>*>(nullptr));
  visit(static_cast<Table<Responsibility>*>(nullptr));
  visit(static_cast<Table<Deliverable>*>(nullptr));
  visit(static_cast<Table<CommunicationChannel>*>(nullptr));
  visit(static_cast<Table<MeetingSeries>*>(nullptr));
  visit(static_cast<Table<Milestone>*>(nullptr));
  visit(static_cast<Table<Boundary>*>(nullptr));
  visit(static_cast<Table<ChangeRequest>*>(nullptr));
  visit(static_cast<Table<ClientTask>*>(nullptr));
  visit(static_cast<Table<Decision>*>(nullptr));
  visit(static_cast<Table<Feedback>*>(nullptr));
}

// [SECTION] Encoding ----------------------------------------------------------------

// Windows-1252's 0x80..0x9F; the five bytes it leaves undefined become U+FFFD.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

std::variant<std::string, ImportError> decode(std::string_view bytes, CsvEncoding& encoding,
                                              bool detect) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (detect)
    encoding = bytes.starts_with(kBom) ? CsvEncoding::Utf8Bom
               : is_valid_utf8(bytes)  ? CsvEncoding::Utf8
                                       : CsvEncoding::Windows1252;
  if (encoding != CsvEncoding::Windows1252) {
    if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
    if (!is_valid_utf8(bytes)) {
      size_t nul = bytes.find('\0');
      if (nul != std::string_view::npos)
        return ImportError{"this is not a text file (it holds a NUL byte)", 0};
      return ImportError{
          "the file is not valid UTF-8; it may be Windows-1252 (choose that encoding)", 0};
    }
    return std::string(bytes);
  }
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    auto b = static_cast<unsigned char>(ch);
    if (b == 0) return ImportError{"this is not a text file (it holds a NUL byte)", 0};
    if (b < 0x80)
      out += ch;
    else if (b < 0xA0)
      append_utf8(out, kCp1252High[b - 0x80]);
    else
      append_utf8(out, b);  // Latin-1 and Windows-1252 agree from 0xA0
  }
  return out;
}

// [SECTION] Splitting --------------------------------------------------------------

// RFC 4180 with the leniency spreadsheets expect: CRLF, LF or CR ends a row;
// a quote inside an unquoted cell is kept as text. Stops after `max_rows` rows
// (the detection sample) or at the first limit broken.
struct Splitter {
  std::string_view text;
  char delimiter;
  size_t max_rows;

  std::optional<ImportError> run(std::vector<std::vector<std::string>>& rows,
                                 std::vector<int>& numbers) const {
    size_t i = 0;
    int number = 0;
    while (i < text.size() && rows.size() < max_rows) {
      ++number;
      std::vector<std::string> cells;
      std::string cell;
      bool row_done = false;
      while (!row_done) {
        if (i < text.size() && text[i] == '"') {
          ++i;
          for (;;) {
            if (i >= text.size())
              return ImportError{
                  fmt::format("row {}, column {}: a quoted cell is never closed (a \" is missing)",
                              number, cells.size() + 1),
                  number};
            size_t quote = text.find('"', i);
            if (quote == std::string_view::npos) quote = text.size();
            cell.append(text.substr(i, quote - i));
            i = quote;
            if (i >= text.size()) continue;
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
        }
        // The unquoted part (or what follows a closing quote).
        size_t end = i;
        while (end < text.size() && text[end] != delimiter && text[end] != '\n' &&
               text[end] != '\r')
          ++end;
        cell.append(text.substr(i, end - i));
        i = end;
        if (cell.size() > kMaxCsvCellBytes)
          return ImportError{fmt::format("row {}, column {}: a cell over {} MB is not imported",
                                         number, cells.size() + 1, kMaxCsvCellBytes >> 20),
                             number};
        cells.push_back(std::move(cell));
        cell.clear();
        if (cells.size() > kMaxCsvColumns)
          return ImportError{
              fmt::format("row {}: more than {} columns are not imported", number, kMaxCsvColumns),
              number};
        if (i >= text.size()) {
          row_done = true;
        } else if (text[i] == delimiter) {
          ++i;
        } else {
          if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
          ++i;
          row_done = true;
        }
      }
      const bool blank = cells.size() == 1 && cells[0].empty();
      if (blank) continue;
      if (rows.size() > kMaxCsvRows)
        return ImportError{
            fmt::format("more than {} rows are not imported (row {})", kMaxCsvRows, number),
            number};
      rows.push_back(std::move(cells));
      numbers.push_back(number);
    }
    return std::nullopt;
  }
};

char detect_delimiter(std::string_view text) {
  // A sample of the first rows is enough, and keeps a huge line cheap.
  std::string_view sample = text.substr(0, std::min<size_t>(text.size(), 256u << 10));
  char best = ',';
  size_t best_score = 0;
  for (char d : {',', ';', '\t'}) {
    std::vector<std::vector<std::string>> rows;
    std::vector<int> numbers;
    Splitter{sample, d, 20}.run(rows, numbers);  // a cut-off sample may fail at its end
    if (rows.empty() || rows[0].size() < 2) continue;
    size_t same = 0;
    for (const auto& r : rows) same += r.size() == rows[0].size();
    // Rows that agree with the header count most, then more columns.
    size_t score = same * 1000 + rows[0].size();
    if (score > best_score) {
      best_score = score;
      best = d;
    }
  }
  return best;
}

// [SECTION] Mapping -----------------------------------------------------------------

enum class DateShape { None, Iso, Dots, Slashes };

struct DateParts {
  DateShape shape = DateShape::None;
  int a = 0, b = 0, year = 0;
};

DateParts date_parts(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  DateParts p;
  int nums[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  char seps[2] = {0, 0};
  int part = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (++digits[part] > 4) return p;
      nums[part] = nums[part] * 10 + (c - '0');
    } else if ((c == '-' || c == '.' || c == '/') && part < 2 && digits[part] > 0) {
      seps[part++] = c;
    } else {
      return p;
    }
  }
  if (part != 2 || digits[2] == 0 || seps[0] != seps[1]) return p;
  if (seps[0] == '-' && digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2) {
    p = DateParts{DateShape::Iso, nums[1], nums[2], nums[0]};
  } else if (digits[0] <= 2 && digits[1] <= 2 && digits[2] == 4) {
    if (seps[0] == '.') p = DateParts{DateShape::Dots, nums[0], nums[1], nums[2]};
    if (seps[0] == '/') p = DateParts{DateShape::Slashes, nums[0], nums[1], nums[2]};
  }
  return p;
}

// Through parse_date, the one place that knows which days a month has.
std::optional<Date> valid_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return std::nullopt;
  return parse_date(fmt::format("{:04d}-{:02d}-{:02d}", year, month, day));
}

template <class T>
bool is_date_field(const Field<T>& f) {
  return f.type == FieldType::Date || f.type == FieldType::OptionalDate;
}

// The date format the values of the date columns suggest.
void detect_dates(CsvImport& csv) {
  size_t dots = 0, slashes = 0, day_first = 0, month_first = 0;
  with_section(csv.section, [&]<class T>() {
    auto targets = fields<T>();
    for (size_t c = 0; c < csv.mapping.size(); ++c) {
      int m = csv.mapping[c];
      if (m < 2 || !is_date_field(targets[size_t(m - 2)])) continue;
      for (const auto& row : csv.table.rows) {
        if (c >= row.size()) continue;
        DateParts p = date_parts(row[c]);
        if (p.shape == DateShape::Dots) ++dots;
        if (p.shape != DateShape::Slashes) continue;
        ++slashes;
        if (p.a > 12 && p.b <= 12) ++day_first;
        if (p.b > 12 && p.a <= 12) ++month_first;
      }
    }
  });
  csv.dates_ambiguous = false;
  if (slashes > 0) {
    if (day_first == 0 && month_first == 0) {
      csv.dates = CsvDateFormat::DayMonthYear;
      csv.dates_ambiguous = true;
    } else {
      csv.dates =
          day_first >= month_first ? CsvDateFormat::DayMonthYear : CsvDateFormat::MonthDayYear;
    }
  } else if (dots > 0) {
    csv.dates = CsvDateFormat::DayMonthYearDots;
  } else {
    csv.dates = CsvDateFormat::Iso;
  }
}

// How many of the header's titles are the section's (its labels or keys).
size_t header_matches(const std::vector<std::string>& header, Kind kind) {
  size_t n = 0;
  with_section(kind, [&]<class T>() {
    for (const std::string& h : header)
      for (const Field<T>& f : fields<T>())
        if (same_header(h, f.label) || same_header(h, f.key)) {
          ++n;
          break;
        }
  });
  return n;
}

// [SECTION] Checking ---------------------------------------------------------------

struct BadCells {
  CsvCheck& check;
  const CsvTable& table;
  void add(int row, int column, std::string reason) {
    ++check.bad_count;
    if (check.bad_cells.size() >= kMaxListedBadCells) return;
    std::string header = column > 0 && size_t(column) <= table.header.size()
                             ? table.header[size_t(column - 1)]
                             : std::string();
    check.bad_cells.push_back(CsvBadCell{row, column, std::move(header), std::move(reason)});
  }
};

std::optional<Id> whole_id(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  if (s.empty() || s.size() > 20) return std::nullopt;
  Id v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    Id next = v * 10 + Id(c - '0');
    if (next / 10 != v) return std::nullopt;
    v = next;
  }
  return v;
}

// The client-safe CSV (the default export) leaves out milestones the client
// does not see, so a row read back from it must not drop references to them.
template <class T>
void keep_hidden_milestones(const Engagement& e, const T& existing, T& item, const Field<T>& f,
                            std::string_view cell) {
  auto hidden = [&](Id id) {
    const Milestone* m = e.milestones.find(id);
    return m && !m->client_visible;
  };
  if (auto* ref = std::get_if<Id T::*>(&f.member); ref && f.type == FieldType::Milestone) {
    if (cell.find_first_not_of(' ') == std::string_view::npos && hidden(existing.**ref))
      item.** ref = existing.**ref;
  } else if (auto* impacts = std::get_if<std::vector<MilestoneImpact> T::*>(&f.member)) {
    for (const MilestoneImpact& m : existing.**impacts)
      if (hidden(m.milestone) &&
          std::none_of((item.**impacts).begin(), (item.**impacts).end(),
                       [&](const MilestoneImpact& x) { return x.milestone == m.milestone; }))
        (item.**impacts).push_back(m);
    if ((item.**impacts).size() == (existing.**impacts).size() &&
        std::is_permutation((item.**impacts).begin(), (item.**impacts).end(),
                            (existing.**impacts).begin()))
      item.** impacts = existing.**impacts;  // the file's order is the same set
  }
}

template <class T>
void check_rows(const Engagement& e, const CsvImport& csv, Date today, size_t preview_rows,
                CsvCheck& check) {
  const auto flds = fields<T>();
  const CsvTable& table = csv.table;
  BadCells bad{check, table};
  const Table<T>& items = KindOf<T>::table(e);

  // Each field from at most one column.
  int id_column = -1;
  std::vector<std::pair<size_t, const Field<T>*>> columns;  // (column, field)
  std::map<int, size_t> used;
  for (size_t c = 0; c < csv.mapping.size() && c < table.header.size(); ++c) {
    const int m = csv.mapping[c];
    if (m <= 0) continue;
    if (auto [it, fresh] = used.emplace(m, c); !fresh) {
      bad.add(1, int(c) + 1,
              fmt::format("column {} is mapped to “{}” too; map one of them to “ignore”",
                          it->second + 1, m == 1 ? "Id" : flds[size_t(m - 2)].label));
      continue;
    }
    if (m == 1)
      id_column = int(c);
    else
      columns.emplace_back(c, &flds[size_t(m - 2)]);
  }
  for (const auto& [c, f] : columns) check.preview_labels.push_back(f->label);

  FieldNames names(e);
  FieldParse parse{e, names, [&](std::string_view s) { return parse_csv_date(s, csv.dates); }};
  std::map<Id, int> seen;  // id -> row that updates it
  const T fresh = default_item<T>(e, today);

  for (size_t r = 0; r < table.rows.size(); ++r) {
    const auto& cells = table.rows[r];
    const int row = table.row_numbers[r];
    const size_t bad_before = check.bad_count;
    auto cell = [&](size_t c) -> std::string_view {
      std::string_view v = c < cells.size() ? std::string_view(cells[c]) : std::string_view();
      // The ' csv_cell puts before a text that a spreadsheet would run as a
      // formula (export_escape.cpp) is not part of the text.
      if (v.size() >= 2 && v[0] == '\'' && std::string_view("=+-@\t\r").find(v[1]) != v.npos)
        v.remove_prefix(1);
      return v;
    };
    if (cells.size() > table.header.size()) {
      bool extra = false;
      for (size_t c = table.header.size(); c < cells.size(); ++c) extra |= !cells[c].empty();
      if (extra)
        bad.add(row, int(table.header.size()) + 1,
                fmt::format("this row has {} cells but the header only {} columns", cells.size(),
                            table.header.size()));
    }

    const T* existing = nullptr;
    std::string_view id_text = id_column >= 0 ? cell(size_t(id_column)) : std::string_view();
    if (id_text.find_first_not_of(' ') != std::string_view::npos) {
      auto id = whole_id(id_text);
      if (!id) {
        bad.add(row, id_column + 1, fmt::format("“{}” is not an id (a whole number)", id_text));
      } else if (!(existing = items.find(*id))) {
        bad.add(row, id_column + 1,
                fmt::format("no {} has id {} in this engagement; clear the cell to add the row as "
                            "a new item",
                            to_string(KindOf<T>::kind), *id));
      } else if (auto [it, first] = seen.emplace(*id, row); !first) {
        bad.add(row, id_column + 1, fmt::format("id {} is on row {} too", *id, it->second));
        existing = nullptr;
      }
    }

    T item = existing ? *existing : fresh;
    for (const auto& [c, f] : columns) {
      if (auto why = parse_field_text(parse, item, *f, cell(c))) bad.add(row, int(c) + 1, *why);
      if (existing) keep_hidden_milestones(e, *existing, item, *f, cell(c));
    }

    if (check.bad_count == bad_before) {
      // The rules a command is held to, reported at the column they concern.
      Command command = existing ? Command(Update<T>{item}) : Command(Add<T>{item});
      auto planned = plan(e, command);
      if (auto* error = std::get_if<Error>(&planned)) {
        int column = 0;
        for (const auto& [c, f] : columns)
          if (error->field == f->key) column = int(c) + 1;
        bad.add(row, column, error->message);
      } else if (existing && *existing == item) {
        ++check.unchanged;
      } else {
        ++(existing ? check.updates : check.adds);
        check.commands.push_back(std::move(command));
      }
    }
    if (check.preview.size() < preview_rows) {
      CsvPreviewRow p{row, existing ? existing->id : kNoId, check.bad_count != bad_before, {}};
      for (const auto& [c, f] : columns) p.cells.push_back(field_text(e, item, *f));
      check.preview.push_back(std::move(p));
    }
  }
}

}  // namespace

const char* to_string(CsvEncoding e) {
  switch (e) {
    case CsvEncoding::Utf8:
      return "UTF-8";
    case CsvEncoding::Utf8Bom:
      return "UTF-8 with BOM";
    case CsvEncoding::Windows1252:
      return "Windows-1252";
  }
  return "?";
}

const char* to_string(CsvDateFormat f) {
  switch (f) {
    case CsvDateFormat::Iso:
      return "YYYY-MM-DD";
    case CsvDateFormat::DayMonthYearDots:
      return "DD.MM.YYYY";
    case CsvDateFormat::DayMonthYear:
      return "DD/MM/YYYY";
    case CsvDateFormat::MonthDayYear:
      return "MM/DD/YYYY";
  }
  return "?";
}

std::optional<Date> parse_csv_date(std::string_view text, CsvDateFormat format) {
  DateParts p = date_parts(text);
  switch (p.shape) {
    case DateShape::Iso:
      return valid_date(p.year, p.a, p.b);
    case DateShape::Dots:
      if (format != CsvDateFormat::DayMonthYearDots) return std::nullopt;
      return valid_date(p.year, p.b, p.a);
    case DateShape::Slashes:
      if (format == CsvDateFormat::DayMonthYear) return valid_date(p.year, p.b, p.a);
      if (format == CsvDateFormat::MonthDayYear) return valid_date(p.year, p.a, p.b);
      return std::nullopt;
    case DateShape::None:
      break;
  }
  return std::nullopt;
}

std::variant<CsvTable, ImportError> read_csv(std::string_view bytes, char delimiter,
                                             std::optional<CsvEncoding> encoding) {
  if (bytes.size() > kMaxImportBytes)
    return ImportError{fmt::format("the file is {} MB; CSV files over {} MB are not imported",
                                   bytes.size() >> 20, kMaxImportBytes >> 20),
                       0};
  CsvTable table;
  table.encoding = encoding.value_or(CsvEncoding::Utf8);
  auto decoded = decode(bytes, table.encoding, !encoding);
  if (auto* error = std::get_if<ImportError>(&decoded)) return *error;
  const std::string& text = std::get<std::string>(decoded);
  table.delimiter = delimiter ? delimiter : detect_delimiter(text);
  std::vector<std::vector<std::string>> rows;
  std::vector<int> numbers;
  if (auto error = Splitter{text, table.delimiter, kMaxCsvRows + 2}.run(rows, numbers))
    return *error;
  if (rows.empty()) return ImportError{"the file has no rows (not even a header)", 0};
  table.header = std::move(rows.front());
  table.rows.assign(std::make_move_iterator(rows.begin() + 1), std::make_move_iterator(rows.end()));
  table.row_numbers.assign(numbers.begin() + 1, numbers.end());
  if (table.rows.size() > kMaxCsvRows)
    return ImportError{fmt::format("the file has more than {} rows; split it", kMaxCsvRows), 0};
  return table;
}

std::vector<CsvTarget> csv_targets(Kind section) {
  std::vector<CsvTarget> out{{"", "(ignore)"}, {"id", "Id"}};
  with_section(section, [&]<class T>() {
    for (const Field<T>& f : fields<T>()) out.push_back(CsvTarget{f.key, f.label});
  });
  return out;
}

std::optional<Kind> section_named(std::string_view name) {
  for (int k = 0; k < kKindCount; ++k) {
    Kind kind = Kind(k);
    if (same_header(name, plural_title(kind)) || same_header(name, to_string(kind))) return kind;
  }
  return std::nullopt;
}

void map_columns(CsvImport& csv) {
  std::vector<CsvTarget> targets = csv_targets(csv.section);
  csv.mapping.assign(csv.table.header.size(), 0);
  for (size_t c = 0; c < csv.table.header.size(); ++c) {
    const std::string& h = csv.table.header[c];
    for (size_t t = 1; t < targets.size(); ++t)
      if (same_header(h, targets[t].label) || same_header(h, targets[t].key)) {
        csv.mapping[c] = int(t);
        break;
      }
  }
  detect_dates(csv);
}

std::variant<CsvImport, ImportError> read_csv_import(std::string_view bytes,
                                                     const CsvReadOptions& options) {
  auto read = read_csv(bytes, options.delimiter, options.encoding);
  if (auto* error = std::get_if<ImportError>(&read)) return *error;
  CsvImport csv;
  csv.table = std::move(std::get<CsvTable>(read));
  if (options.section) {
    csv.section = *options.section;
    csv.section_detected = true;
  } else {
    size_t best = 0;
    for (int k = 0; k < kKindCount; ++k)
      if (size_t n = header_matches(csv.table.header, Kind(k)); n > best) {
        best = n;
        csv.section = Kind(k);
      }
    csv.section_detected = best > 0;
  }
  map_columns(csv);
  if (options.dates) {
    csv.dates = *options.dates;
    csv.dates_ambiguous = false;
  }
  return csv;
}

std::string to_string(const CsvBadCell& bad) {
  std::string where = fmt::format("row {}", bad.row);
  if (bad.column > 0)
    where += bad.header.empty() ? fmt::format(", column {}", bad.column)
                                : fmt::format(", column {} ({})", bad.column, bad.header);
  return where + ": " + bad.reason;
}

CsvCheck check_csv(const Engagement& e, const CsvImport& csv, Date today, size_t preview_rows) {
  CsvCheck check;
  with_section(csv.section, [&]<class T>() { check_rows<T>(e, csv, today, preview_rows, check); });
  if (check.bad_count > 0) {
    check.commands.clear();
  } else if (auto error = check_import(e, check.commands)) {
    // Rows that pass one by one but not together.
    BadCells{check, csv.table}.add(0, 0, error->message);
    check.commands.clear();
  }
  return check;
}

}  // namespace rapport
