// CSV import: Rapport's own CSV of every section read back, spreadsheets'
// delimiters, encodings, quoting and date formats, bad cells with their row and
// column, ids that update, limits, and one undo step.
#include <catch2/catch.hpp>
#include <string>

#include "rapport/demo.hpp"
#include "rapport/export.hpp"
#include "rapport/fields.hpp"
#include "rapport/history.hpp"
#include "rapport/import_csv.hpp"
#include "rapport/io.hpp"

using namespace rapport;

namespace {

const Date kToday = Date::from_ymd(2026, 11, 24);

CsvImport read_ok(std::string_view bytes, const CsvReadOptions& options = {}) {
  auto read = read_csv_import(bytes, options);
  if (auto* error = std::get_if<ImportError>(&read)) FAIL(error->message);
  return std::get<CsvImport>(std::move(read));
}

std::string read_error(std::string_view bytes) {
  auto read = read_csv_import(bytes);
  auto* error = std::get_if<ImportError>(&read);
  return error ? error->message : "";
}

std::string bad_list(const CsvCheck& check) {
  std::string out;
  for (const CsvBadCell& b : check.bad_cells) out += to_string(b) + "\n";
  return out;
}

// The field texts of every item of a table, in id order.
template <class T>
std::vector<std::vector<std::string>> texts(const Engagement& e, const Table<T>& table) {
  std::vector<std::vector<std::string>> out;
  for (const auto& [id, item] : table) {
    out.emplace_back();
    for (const Field<T>& f : fields<T>()) out.back().push_back(field_text(e, item, f));
  }
  return out;
}

Id client_named(const Engagement& e, const std::string& name) {
  for (const auto& [id, s] : e.stakeholders)
    if (s.name == name && s.side == Side::Client) return id;
  return kNoId;
}

}  // namespace

TEST_CASE("Rapport's own CSV of every section of the demo re-imports to the same items",
          "[import][csv]") {
  const Engagement demo = make_demo();
  ExportOptions all;
  all.include_internal = true;
  size_t sections = 0;
  for_each_table(demo, [&](const auto& table) {
    using T = typename std::decay_t<decltype(table)>::value_type;
    const Kind kind = KindOf<T>::kind;
    if (table.empty()) return;
    ++sections;
    INFO(plural_title(kind));
    const std::string csv = export_csv(demo, kind, all);
    CsvImport read = read_ok(csv);
    CHECK(read.section == kind);
    CHECK(read.table.encoding == CsvEncoding::Utf8Bom);
    CHECK(read.table.rows.size() == table.size());

    // With the ids: every row names its item and changes nothing.
    CsvCheck same = check_csv(demo, read, kToday);
    INFO(bad_list(same));
    CHECK(same.bad_count == 0);
    CHECK(same.unchanged == table.size());
    CHECK(same.commands.empty());

    // The client-safe CSV (no internal columns, no hidden milestones) changes
    // nothing either: what it leaves out is kept.
    CsvCheck safe = check_csv(demo, read_ok(export_csv(demo, kind)), kToday);
    INFO(bad_list(safe));
    CHECK(safe.bad_count == 0);
    CHECK(safe.commands.empty());

    // Into an engagement whose items of this section were edited: the import
    // puts every exported field back as it was, each item updated in place.
    Engagement edited = demo;
    for (auto& [id, item] : KindOf<T>::table(edited).items)
      for (const Field<T>& f : fields<T>())
        if (auto* text = std::get_if<std::string T::*>(&f.member);
            text && f.type != FieldType::TimeZone)
          item.** text += " (edited)";
    CsvCheck back = check_csv(edited, read, kToday);
    INFO(bad_list(back));
    REQUIRE(back.bad_count == 0);
    History history;
    REQUIRE_FALSE(history.apply_group(edited, "Import CSV", back.commands));
    CHECK(KindOf<T>::table(edited) == table);

    // Without the ids, into an engagement without this section: the same
    // items are added, in the same order.
    Engagement empty = demo;
    std::vector<Command> deletes;
    for (const auto& [id, item] : table) deletes.push_back(Delete<T>{id});
    REQUIRE_FALSE(history.apply_group(empty, "Clear", deletes));
    read.mapping[0] = 0;  // Id -> ignore
    CsvCheck added = check_csv(empty, read, kToday);
    INFO(bad_list(added));
    REQUIRE(added.bad_count == 0);
    CHECK(added.adds == table.size());
    REQUIRE_FALSE(history.apply_group(empty, "Import CSV", added.commands));
    CHECK(texts(empty, KindOf<T>::table(empty)) == texts(demo, table));
  });
  CHECK(sections >= 12);
}

TEST_CASE("a spreadsheet's semicolons, Windows-1252 names and DD.MM.YYYY dates are read",
          "[import][csv]") {
  const Engagement demo = make_demo();
  // "Müller" and "Straße" in Windows-1252, as Excel saves "CSV" in Germany.
  std::string bytes =
      "Client task;Due;Created\r\n"
      "Lieferung f\xFCr M\xFCller;15.12.2026;01.12.2026\r\n"
      "Stra\xDF"
      "e \x80 Budget;03.01.2027;02.12.2026\r\n";
  CsvImport read = read_ok(bytes);
  CHECK(read.table.delimiter == ';');
  CHECK(read.table.encoding == CsvEncoding::Windows1252);
  CHECK(read.section == Kind::ClientTask);
  CHECK(read.dates == CsvDateFormat::DayMonthYearDots);
  CHECK_FALSE(read.dates_ambiguous);
  CsvCheck check = check_csv(demo, read, kToday);
  INFO(bad_list(check));
  REQUIRE(check.bad_count == 0);
  CHECK(check.adds == 2);
  Engagement e = demo;
  History history;
  REQUIRE_FALSE(history.apply_group(e, "Import CSV", check.commands));
  bool found = false;
  for (const auto& [id, t] : e.client_tasks)
    if (t.title == "Straße € Budget") {
      found = true;
      CHECK(t.due == Date::from_ymd(2027, 1, 3));
      CHECK(t.created_on == Date::from_ymd(2026, 12, 2));
    }
  CHECK(found);
  // One step undoes the whole import.
  REQUIRE(history.undo(e));
  CHECK(e == demo);
}

TEST_CASE("quoted cells keep their delimiters, doubled quotes and line breaks", "[import][csv]") {
  std::string bytes =
      "Milestone\tAgreed\tNow\tDescription\n"
      "\"Beta, \"\"final\"\"\"\t2027-01-10\t2027-01-12\t\"two\nlines\"\n";
  CsvImport read = read_ok(bytes);
  CHECK(read.table.delimiter == '\t');
  CHECK(read.section == Kind::Milestone);
  REQUIRE(read.table.rows.size() == 1);
  CHECK(read.table.rows[0][0] == "Beta, \"final\"");
  CHECK(read.table.rows[0][3] == "two\nlines");
  CsvCheck check = check_csv(make_demo(), read, kToday);
  INFO(bad_list(check));
  REQUIRE(check.adds == 1);
  const auto& m = std::get<Add<Milestone>>(check.commands[0]).item;
  CHECK(m.title == "Beta, \"final\"");
  CHECK(m.description == "two\nlines");
  CHECK(m.baseline == Date::from_ymd(2027, 1, 10));
}

TEST_CASE("slashed dates are read day first or month first as the column's values tell",
          "[import][csv]") {
  SECTION("a month over 12 in the first place means MM/DD/YYYY") {
    CsvImport read = read_ok("Milestone,Agreed,Now\nA,01/02/2027,12/31/2026\n");
    CHECK(read.dates == CsvDateFormat::MonthDayYear);
    CHECK_FALSE(read.dates_ambiguous);
    CsvCheck check = check_csv(make_demo(), read, kToday);
    REQUIRE(check.adds == 1);
    CHECK(std::get<Add<Milestone>>(check.commands[0]).item.baseline == Date::from_ymd(2027, 1, 2));
  }
  SECTION("a day over 12 in the first place means DD/MM/YYYY") {
    CsvImport read = read_ok("Milestone,Agreed,Now\nA,01/02/2027,31/12/2026\n");
    CHECK(read.dates == CsvDateFormat::DayMonthYear);
    CsvCheck check = check_csv(make_demo(), read, kToday);
    REQUIRE(check.adds == 1);
    CHECK(std::get<Add<Milestone>>(check.commands[0]).item.baseline == Date::from_ymd(2027, 2, 1));
  }
  SECTION("when no value tells, the user must pick") {
    CsvImport read = read_ok("Milestone,Agreed,Now\nA,01/02/2027,03/04/2027\n");
    CHECK(read.dates_ambiguous);
    CsvReadOptions picked;
    picked.dates = CsvDateFormat::MonthDayYear;
    CsvImport chosen = read_ok("Milestone,Agreed,Now\nA,01/02/2027,03/04/2027\n", picked);
    CHECK_FALSE(chosen.dates_ambiguous);
    CsvCheck check = check_csv(make_demo(), chosen, kToday);
    REQUIRE(check.adds == 1);
    CHECK(std::get<Add<Milestone>>(check.commands[0]).item.current == Date::from_ymd(2027, 3, 4));
  }
}

TEST_CASE("every bad cell is reported with its row and column and nothing is imported",
          "[import][csv]") {
  const Engagement demo = make_demo();
  std::string bytes =
      "Client task,Owner,Due,Status\n"
      "Good one,,2026-12-01,open\n"
      "Bad date,,2026-02-30,open\n"
      "Bad owner,Nobody Here,2026-12-01,open\n"
      "Bad status,,2026-12-01,someday\n"
      ",,2026-12-01,open\n";
  CsvCheck check = check_csv(demo, read_ok(bytes), kToday);
  INFO(bad_list(check));
  CHECK(check.commands.empty());
  REQUIRE(check.bad_count == 4);
  CHECK(check.bad_cells[0].row == 3);
  CHECK(check.bad_cells[0].column == 3);
  CHECK(to_string(check.bad_cells[0]) == "row 3, column 3 (Due): “2026-02-30” is not a date");
  CHECK(check.bad_cells[1].row == 4);
  CHECK(check.bad_cells[1].column == 2);
  CHECK(check.bad_cells[1].reason.find("Nobody Here") != std::string::npos);
  CHECK(check.bad_cells[2].row == 5);
  CHECK(check.bad_cells[2].column == 4);
  CHECK(check.bad_cells[2].reason.find("someday") != std::string::npos);
  // A blank title is refused by the rules a command is held to, at its column.
  CHECK(check.bad_cells[3].row == 6);
  CHECK(check.bad_cells[3].column == 1);
}

TEST_CASE("a row with an id updates that item and unknown or repeated ids are bad cells",
          "[import][csv]") {
  Engagement e = make_demo();
  REQUIRE_FALSE(e.client_tasks.empty());
  const Id id = e.client_tasks.begin()->first;
  const ClientTask task = e.client_tasks.begin()->second;
  const std::string owner = task.owner ? e.stakeholders.find(task.owner)->name : "";
  std::string csv = "Id,Client task,Due\n" + std::to_string(id) + ",Renamed by the client," +
                    task.due.plus_days(7).iso() + "\n,A new one,2026-12-20\n";
  CsvCheck check = check_csv(e, read_ok(csv), kToday);
  INFO(bad_list(check));
  REQUIRE(check.bad_count == 0);
  CHECK(check.updates == 1);
  CHECK(check.adds == 1);
  History history;
  const size_t before = e.client_tasks.size();
  REQUIRE_FALSE(history.apply_group(e, "Import CSV", check.commands));
  CHECK(e.client_tasks.size() == before + 1);
  const ClientTask& updated = *e.client_tasks.find(id);
  CHECK(updated.title == "Renamed by the client");
  CHECK(updated.due == task.due.plus_days(7));
  // Columns not in the file keep their values.
  CHECK(updated.owner == client_named(e, owner));

  std::string bad = "Id,Client task\n999999999,Ghost\n" + std::to_string(id) + ",One\n" +
                    std::to_string(id) + ",Two\nabc,Three\n";
  CsvCheck refused = check_csv(e, read_ok(bad), kToday);
  INFO(bad_list(refused));
  REQUIRE(refused.bad_count == 3);
  CHECK(refused.bad_cells[0].reason.find("no client task has id 999999999") != std::string::npos);
  CHECK(refused.bad_cells[1].row == 4);
  CHECK(refused.bad_cells[1].reason == "id " + std::to_string(id) + " is on row 3 too");
  CHECK(refused.bad_cells[2].reason.find("not an id") != std::string::npos);
}

TEST_CASE("the user maps columns to fields and a field mapped twice is a bad cell",
          "[import][csv]") {
  CsvImport read = read_ok("Wer,Was,Bis wann\nAnna,Logo senden,2026-12-05\n");
  CHECK_FALSE(read.section_detected);
  read.section = Kind::ClientTask;
  map_columns(read);
  CHECK(read.mapping == std::vector<int>{0, 0, 0});
  const auto targets = csv_targets(Kind::ClientTask);
  auto target = [&](const char* key) {
    for (size_t i = 0; i < targets.size(); ++i)
      if (targets[i].key == key) return int(i);
    FAIL(key);
    return 0;
  };
  read.mapping = {0, target("title"), target("due")};
  CsvCheck check = check_csv(make_demo(), read, kToday);
  INFO(bad_list(check));
  REQUIRE(check.adds == 1);
  CHECK(check.preview_labels == std::vector<std::string>{"Client task", "Due"});
  REQUIRE(check.preview.size() == 1);
  CHECK(check.preview[0].cells == std::vector<std::string>{"Logo senden", "2026-12-05"});
  read.mapping = {target("title"), target("title"), target("due")};
  CsvCheck twice = check_csv(make_demo(), read, kToday);
  REQUIRE(twice.bad_count == 1);
  CHECK(twice.bad_cells[0].row == 1);
  CHECK(twice.bad_cells[0].column == 2);
  CHECK(twice.commands.empty());
}

TEST_CASE("sections are found by the names a person types", "[import][csv]") {
  CHECK(section_named("client tasks") == Kind::ClientTask);
  CHECK(section_named("Client-Tasks") == Kind::ClientTask);
  CHECK(section_named("milestone") == Kind::Milestone);
  CHECK(section_named("change_requests") == Kind::ChangeRequest);
  CHECK_FALSE(section_named("invoices"));
}

TEST_CASE("broken and oversized CSV files are refused with a message", "[import][csv]") {
  CHECK(read_error("") == "the file has no rows (not even a header)");
  CHECK(read_error("Milestone,Agreed\n\"Beta,2026-01-01\n") ==
        "row 2, column 1: a quoted cell is never closed (a \" is missing)");
  CHECK(read_error(std::string("Milestone\nA\0B\n", 12)).find("NUL") != std::string::npos);
  std::string wide;
  for (size_t i = 0; i <= kMaxCsvColumns; ++i) wide += "c,";
  CHECK(read_error(wide + "\n").find("more than 200 columns") != std::string::npos);
  std::string big_cell = "Milestone\n" + std::string(kMaxCsvCellBytes + 1, 'x') + "\n";
  CHECK(read_error(big_cell).find("row 2, column 1: a cell over 1 MB") != std::string::npos);
  std::string huge(kMaxImportBytes + 1, 'x');
  CHECK(read_error(huge).find("CSV files over 32 MB are not imported") != std::string::npos);
  std::string many = "Milestone,Agreed,Now\n";
  for (size_t i = 0; i <= kMaxCsvRows; ++i) many += "m,2026-12-01,2026-12-01\n";
  CHECK(read_error(many).find("more than 200000 rows") != std::string::npos);
}

TEST_CASE("an engagement with a CSV imported saves and reopens unchanged", "[import][csv]") {
  Engagement e = make_demo();
  std::string bytes =
      "Stakeholder;Side;Role;Contact\n"
      "\"Zoë \"\"Z\"\" Ørsted\";client;CFO;zoe@example.com\n"
      "Tomás;provider;Designer;\n";
  CsvImport read = read_ok(bytes, CsvReadOptions{Kind::Stakeholder, 0, {}, {}});
  CsvCheck check = check_csv(e, read, kToday);
  INFO(bad_list(check));
  REQUIRE(check.adds == 2);
  History history;
  REQUIRE_FALSE(history.apply_group(e, "Import CSV", check.commands));
  for (FileFormat format : {FileFormat::Json, FileFormat::Binary}) {
    LoadResult back = load_bytes(to_bytes(e, format), "x");
    REQUIRE(back);
    CHECK(*back.engagement == e);
  }
}
