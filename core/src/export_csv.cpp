// CSV export: one table per file, columns from the field descriptors
// (fields.hpp), so a new field appears in the CSV without touching this file.
// RFC 4180: CRLF between rows, fields with , " CR LF quoted, quotes doubled.
#include <fmt/format.h>

#include <cctype>

#include "rapport/export.hpp"
#include "rapport/fields.hpp"

namespace rapport {
namespace {

// Values Rapport formats itself (numbers, dates) cannot hold a formula;
// everything else came from a keyboard, names of people included.
bool typed_by_user(FieldType t) {
  switch (t) {
    case FieldType::Date:
    case FieldType::OptionalDate:
    case FieldType::Time:
    case FieldType::Int:
    case FieldType::Money:
    case FieldType::Bool:
    case FieldType::Weekdays:
      return false;
    default:
      return true;
  }
}

template <class T>
void write_table(std::string& out, const Engagement& e, const Table<T>& table,
                 const ExportOptions& options) {
  std::vector<const Field<T>*> columns;
  for (const Field<T>& f : fields<T>())
    if (!f.internal || options.include_internal) columns.push_back(&f);
  constexpr bool meeting = std::is_same_v<T, MeetingSeries>;

  out += "Id";
  for (const Field<T>* f : columns) {
    out += ',';  // (out += "," + x trips a false -Wrestrict in g++ 12 at -O3)
    out += csv_cell(f->label, false);
  }
  if constexpr (meeting) out += ",Repeats";
  out += "\r\n";
  for (const auto& [id, item] : table) {
    out += std::to_string(id);
    for (const Field<T>* f : columns) {
      out += ',';
      out += csv_cell(field_text(e, item, *f), typed_by_user(f->type));
    }
    if constexpr (meeting) {
      out += ',';
      out += csv_cell(recurrence_text(item), false);
    }
    out += "\r\n";
  }
}

std::string file_name(Kind kind) {
  std::string name = plural_title(kind);
  for (char& c : name) c = c == ' ' ? '-' : char(std::tolower(static_cast<unsigned char>(c)));
  return name + ".csv";
}

}  // namespace

std::string export_csv(const Engagement& e, Kind kind, const ExportOptions& options) {
  std::string out = options.csv_bom ? "\xEF\xBB\xBF" : "";
  // Without internal columns, start from the client's copy: hidden milestones
  // must not leak through another table's "Milestone" column either.
  Engagement client_copy;
  if (!options.include_internal) client_copy = redacted(e);
  const Engagement& src = options.include_internal ? e : client_copy;
  for_each_table(src, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    if (KindOf<T>::kind == kind) write_table(out, src, table, options);
  });
  return out;
}

std::vector<std::pair<std::string, std::string>> export_csv_tables(const Engagement& e,
                                                                   const ExportOptions& options) {
  std::vector<std::pair<std::string, std::string>> out;
  for_each_table(e, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    if (!table.empty())
      out.emplace_back(file_name(KindOf<T>::kind), export_csv(e, KindOf<T>::kind, options));
  });
  return out;
}

}  // namespace rapport
