// Applying an import of many rows: one undo step whose result is what the
// rows applied one by one give, whose undo restores the engagement exactly
// (the id counter included) and whose redo gives the same ids again.
#include <catch2/catch.hpp>

#include "rapport/demo.hpp"
#include "rapport/document.hpp"
#include "rapport/import_csv.hpp"

using namespace rapport;

namespace {

const Date kToday = Date::from_ymd(2026, 11, 24);

// A spreadsheet of `n` new client tasks, owners and milestones by name, and
// one row that updates an existing task.
std::string rows_for(const Engagement& e, size_t n) {
  std::string owner, milestone;
  for (const auto& [id, s] : e.stakeholders)
    if (s.side == Side::Client) owner = s.name;
  milestone = e.milestones.begin()->second.title;
  const ClientTask& existing = e.client_tasks.begin()->second;
  std::string text = "Id,Client task,Owner,Created,Due,Milestone waiting\n";
  text += std::to_string(existing.id) + ",Renamed by the import," + owner +
          ",2026-03-01,2026-04-01," + milestone + "\n";
  for (size_t i = 0; i < n; ++i)
    text += ",Task " + std::to_string(i) + "," + owner + ",2026-03-01,2026-04-" +
            std::to_string(10 + i % 18) + "," + milestone + "\n";
  return text;
}

std::vector<Command> checked_commands(const Engagement& e, size_t n) {
  auto read = read_csv_import(rows_for(e, n));
  REQUIRE(std::holds_alternative<CsvImport>(read));
  CsvCheck check = check_csv(e, std::get<CsvImport>(read), kToday);
  REQUIRE(check.bad_count == 0);
  REQUIRE(check.adds == n);
  REQUIRE(check.updates == 1);
  return std::move(check.commands);
}

}  // namespace

TEST_CASE("an import of many rows applies as one step equal to the rows one by one",
          "[document][import]") {
  const Engagement start = make_demo();
  const size_t n = 2000;
  std::vector<Command> commands = checked_commands(start, n);

  // One by one, each its own step. Adds to the same engagement get the same
  // ids in this process (ids.hpp), so both runs can be compared whole.
  Engagement one_by_one = start;
  History separate;
  for (const Command& c : commands) REQUIRE_FALSE(separate.apply(one_by_one, c));

  Document doc(start);
  doc.submit(intent::Import{"Import CSV", commands, "imported"});
  auto outcomes = doc.apply();
  REQUIRE(outcomes.front().what == Outcome::What::Imported);
  CHECK(doc.engagement() == one_by_one);
  CHECK(doc.engagement().client_tasks.size() == start.client_tasks.size() + n);
  CHECK(doc.history().undo_depth() == 1);

  doc.submit(intent::Undo{});
  doc.apply();
  CHECK(doc.engagement() == start);  // the id counter too
  doc.submit(intent::Redo{});
  doc.apply();
  CHECK(doc.engagement() == one_by_one);
}

TEST_CASE("an import refused half-way leaves the engagement as it was", "[document][import]") {
  const Engagement start = make_demo();
  std::vector<Command> commands = checked_commands(start, 50);
  commands.push_back(MoveMilestone{Id(999999), kToday});  // no such milestone
  Document doc(start);
  doc.submit(intent::Import{"Import CSV", commands, "imported"});
  auto outcomes = doc.apply();
  REQUIRE(outcomes.front().what == Outcome::What::ImportRefused);
  CHECK(outcomes.front().message.find("Nothing was imported") == 0);
  CHECK(doc.engagement() == start);
  CHECK_FALSE(doc.history().can_undo());
}
